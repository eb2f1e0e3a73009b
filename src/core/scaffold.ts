// Builds the text of a new document: every required field (in the team's field names), the type's
// required sections, the next free id, and placeholders that `vigil check` flags until filled in.
import path from 'node:path';
import picomatch from 'picomatch';
import type { VigilConfig } from './config/types.js';
import { parseCycle, type IsoDate } from './dates.js';
import { fieldLabel } from './document.js';

export interface ScaffoldInput {
  type: string;
  title: string;
  today: IsoDate;
  config: VigilConfig;
  /** The documents already there: ids in use, and the review cycles each type uses. */
  existing: Array<{ id: string | null; type: string | null; review_cycle?: string | null }>;
  owner?: string;
  id?: string;
  /** Top-level fields the type's schema knows (Vigil's names); optional fields outside it are left out. */
  knownFields?: string[];
}

export type Scaffold =
  | { ok: true; text: string; id: string | null; relPath: string; file: string }
  | { ok: false; message: string };

/** Marks a value nobody has filled in yet; the checker's placeholder list includes it. */
export const PLACEHOLDER = 'TBD';

const FOLDERS: Record<string, string> = { policy: 'policies', procedure: 'procedures', runbook: 'runbooks' };
const PREFIXES: Record<string, string> = { policy: 'POL-', procedure: 'PRO-', runbook: 'RB-' };
const CYCLES: Record<string, string> = { policy: 'annual', procedure: 'annual', runbook: 'semiannual' };
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function scaffoldDocument(input: ScaffoldInput): Scaffold {
  const { type, config, today } = input;
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, message: 'the title must not be empty' };
  const slug = slugify(title);
  if (slug === '') return { ok: false, message: `the title "${title}" has no letters or digits to name the file after` };
  if (input.id !== undefined && !ID_SHAPE.test(input.id)) {
    return { ok: false, message: `--id "${input.id}" must start with a letter or digit and use only letters, digits, ".", "_" and "-"` };
  }
  const taken = new Set(input.existing.map((doc) => doc.id).filter((id): id is string => id !== null));
  if (input.id !== undefined && taken.has(input.id)) return { ok: false, message: `the id "${input.id}" is already used by another document` };

  const placed = folderFor(type, config);
  if ('message' in placed) return { ok: false, message: placed.message };
  const { folder, typedByPath } = placed;
  const relPath = `${folder}/${slug}.md`;
  const file = path.posix.join(config.content[0] ?? 'content', relPath);
  const knows = (name: string): boolean => !input.knownFields || input.knownFields.includes(name);
  const id = input.id ?? (knows('id') ? nextId(type, input.existing, taken) : null);
  const label = (name: string): string => fieldLabel(config, name);

  const lines = ['---', `${label('title')}: ${yamlString(title)}`];
  if (id !== null) lines.push(`${label('id')}: ${id}`);
  if (!typedByPath) lines.push(`${label('type')}: ${type}`);
  lines.push(input.owner ? `${label('owner')}: ${yamlString(input.owner)}` : `${label('owner')}: ${PLACEHOLDER} # the accountable team or person`);
  lines.push(`${label('last_reviewed')}: ${today}`, `${label('review_cycle')}: ${yamlString(usualCycle(type, input.existing))}`);
  if (type === 'runbook' && knows('escalation')) {
    lines.push(
      `${label('escalation')}: # who to call, in order`,
      `  - role: Incident lead`,
      `    name: ${PLACEHOLDER}`,
      `    contact: ${PLACEHOLDER} # phone, Slack handle or e-mail`,
      `    after: 0m`,
    );
  }
  lines.push('---', '', `# ${title}`, '');
  for (const section of config.sections[type] ?? []) lines.push(`## ${section}`, '', sectionText(section, label('escalation')), '');
  return { ok: true, text: `${lines.join('\n').replace(/\n+$/, '')}\n`, id, relPath, file };
}

/** The review cycle most of the type's documents use (a team's `6 months`), else Vigil's default. */
function usualCycle(type: string, existing: ScaffoldInput['existing']): string {
  const counts = new Map<string, number>();
  for (const doc of existing) if (doc.type === type && doc.review_cycle && parseCycle(doc.review_cycle)) counts.set(doc.review_cycle, (counts.get(doc.review_cycle) ?? 0) + 1);
  const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [CYCLES[type] ?? 'annual'];
  return usual;
}

/** `Database failover (primary)` → `database-failover-primary`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The folder a type's documents live in: where the config's `types` puts that type, else policies/
 * etc. Always a folder inside the content folder: a pattern that climbs out of it (`../x/**`) or is
 * absolute names no document `vigil check` reads, so a new one is never written there.
 */
function folderFor(type: string, config: VigilConfig): { folder: string; typedByPath: boolean } | { message: string } {
  for (const entry of config.types) {
    if (entry.type !== type) continue;
    const scan = picomatch.scan(entry.pattern);
    const written = scan.isGlob ? scan.base : path.posix.dirname(entry.pattern);
    if (!written || written === '.') continue;
    const base = path.posix.normalize(written.replaceAll('\\', '/')).replace(/\/+$/, '');
    if (path.posix.isAbsolute(base) || /^[A-Za-z]:/.test(base) || base === '..' || base.startsWith('../')) {
      return { message: `the config's "types.${entry.pattern}" points outside the content folder; vigil new writes only inside it (write the pattern relative to the content folder)` };
    }
    if (base === '.') continue;
    // The first pattern that matches a file in `base` decides its type, so make sure it is this one.
    const probe = `${base}/new-document.md`;
    const decided = config.types.find((candidate) => picomatch.isMatch(probe, candidate.pattern, { dot: true }));
    if (decided?.type === type) return { folder: base, typedByPath: true };
  }
  return { folder: FOLDERS[type] ?? `${type}s`, typedByPath: false };
}

/**
 * The next id in the series the type's documents already use (`PRO-IR-03` → `PRO-IR-04`). When
 * every id names its own topic (`RB-DB-01`, `RB-PAY-01`), the prefix they share (`RB-`) starts a
 * series; with no ids at all, the type's default prefix does. Never returns an id already taken.
 */
export function nextId(type: string, existing: ScaffoldInput['existing'], taken: Set<string>): string {
  const ids = existing.filter((doc) => doc.type === type && doc.id).map((doc) => doc.id as string);
  const series = new Map<string, { count: number; max: number; width: number }>();
  for (const id of ids) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (!match) continue;
    const [, prefix, digits] = match;
    const entry = series.get(prefix) ?? { count: 0, max: 0, width: 2 };
    entry.count++;
    entry.max = Math.max(entry.max, Number(digits));
    entry.width = Math.max(entry.width, digits.length);
    series.set(prefix, entry);
  }
  const ranked = [...series.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  let [prefix, { max, width }] = ranked[0] ?? ['', { max: 0, width: 2 }];
  if (ids.length > 1 && (ranked[0]?.[1].count ?? 0) < 2) {
    prefix = sharedPrefix(ids);
    const own = series.get(prefix);
    max = own?.max ?? 0;
    width = own?.width ?? 2;
  }
  if (prefix === '') prefix = PREFIXES[type] ?? `${type.slice(0, 3).toUpperCase()}-`;
  let number = max + 1;
  let id = `${prefix}${String(number).padStart(width, '0')}`;
  while (taken.has(id)) id = `${prefix}${String(++number).padStart(width, '0')}`;
  return id;
}

/** `RB-DB-01`, `RB-PAY-01` → `RB-`: the longest common start, cut back to a separator. */
function sharedPrefix(ids: string[]): string {
  let common = ids[0];
  for (const id of ids) while (!id.startsWith(common)) common = common.slice(0, -1);
  const cut = Math.max(common.lastIndexOf('-'), common.lastIndexOf('_'), common.lastIndexOf('.'));
  return cut === -1 ? '' : common.slice(0, cut + 1);
}

/** Plain when YAML would read it back as the same string, double-quoted (JSON escaping) otherwise. */
function yamlString(value: string): string {
  // A leading digit is safe only with a space in the value (`6 months`): numbers and dates have none.
  const start = /^[A-Za-z]/.test(value) || (/^[0-9]/.test(value) && value.includes(' '));
  const plainSafe = start && /^[A-Za-z0-9 ._()/&'+-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

function sectionText(section: string, escalationField: string): string {
  if (/escalat|contact|on[\s-]?call/i.test(section)) {
    return `The escalation contacts are in the frontmatter (\`${escalationField}\`) and shown at the top of the page. ${PLACEHOLDER}: add anything responders should know before calling.`;
  }
  return `${PLACEHOLDER}: write the ${section.toLowerCase()} here.`;
}
