// Issue 3, "Bad input": every file gets a result and the others are still checked. All the bad
// files sit together in one folder, so one of them stopping the run would fail every test here.
// Small fixtures are committed in __fixtures__/bad-input/; huge files, raw bytes and symbolic
// links are made at run time in a temporary folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from './config/load.js';
import type { VigilConfig } from './config/types.js';
import { parseDocument } from './document.js';
import { checkDocuments, type CheckRun } from './engine.js';
import type { CheckedDocument, Diagnostic } from './types.js';

/** The frontmatter as the rules saw it (checked documents let it go once their rules have run). */
function fieldsOf(doc: CheckedDocument | undefined): Record<string, unknown> | null | undefined {
  if (!doc) return undefined;
  return parseDocument(doc, readFileSync(doc.file), defaultConfig(path.dirname(doc.file)), '2026-11-26').fields;
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(REPO, 'src/core/__fixtures__/bad-input');
const TODAY = '2026-11-26';

/** [rule, line, column, text the message must contain (only where the wording is the point)] */
type Expected = Array<[string, number, number, string?]>;

const POSITIONS_EXPECTED: Expected = [
  ['schema', 6, 16, 'not a real date'],
  // The frontmatter's "Primary on-call" and the table's "Lead" are not in each other's list.
  ['escalation-mismatch', 9, 11],
  ['escalation-empty', 10, 11],
  ['escalation-empty', 11, 14],
  ['status-page-url', 14, 10],
  ['link-broken', 21, 27, '#nowhere'],
  ['escalation-mismatch', 27, 3],
  ['escalation-empty', 27, 10],
  ['escalation-empty', 27, 17],
];

/** Every regular file in the folder and exactly what it must report. */
const EXPECTED: Record<string, Expected> = {
  'good.md': [['link-broken', 19, 59, '#nowhere']],
  'dots-closing.md': [],
  'name with spaces.md': [['link-broken', 18, 59]],
  'ünïcödé 文档.md': [['link-broken', 18, 59]],
  'empty.md': [['frontmatter-syntax', 1, 1, 'empty']],
  'no-frontmatter.md': [['frontmatter-syntax', 1, 1, 'no frontmatter']],
  'unterminated.md': [['frontmatter-syntax', 1, 1, 'not closed']],
  'yaml-syntax.md': [['frontmatter-syntax', 5, 1, 'YAML syntax error']],
  'tabs.md': [['frontmatter-syntax', 5, 1, 'tabs are not allowed']],
  'list-frontmatter.md': [['frontmatter-syntax', 2, 1, 'found a list']],
  'scalar-frontmatter.md': [['frontmatter-syntax', 2, 1, 'found a single value']],
  'empty-block.md': [['schema', 1, 1, 'missing required field "type"']],
  'duplicate-keys.md': [['frontmatter-syntax', 5, 1, 'duplicate key "owner"']],
  'impossible-date.md': [['schema', 5, 16, 'not a real date']],
  'unknown-cycle.md': [['schema', 6, 15, 'not a known cycle']],
  'proto-keys.md': [
    ['schema', 7, 1, 'unknown field "__proto__"'],
    ['schema', 9, 1, 'unknown field "constructor"'],
  ],
  'js-function.md': [['frontmatter-syntax', 2, 8, '!!js/function is not allowed']],
  'object-tags.md': [
    ['frontmatter-syntax', 4, 8, '!!python/object/apply:os.system is not allowed'],
    ['frontmatter-syntax', 6, 15, '!!js/regexp is not allowed'],
  ],
  'yaml-1-1-tags.md': [
    ['frontmatter-syntax', 4, 8, '!!set is not allowed'],
    ['frontmatter-syntax', 5, 16, '!!timestamp is not allowed'],
    ['frontmatter-syntax', 7, 11, '!!omap is not allowed'],
  ],
  'alias-bomb.md': [['frontmatter-syntax', 3, 8, 'aliases expand too far']],
  'positions-lf.md': POSITIONS_EXPECTED,
  'positions-crlf.md': POSITIONS_EXPECTED,
  'positions-bom.md': POSITIONS_EXPECTED,
  // Made at run time (see makeBadInputFolder).
  'invalid-utf8.md': [['frontmatter-syntax', 2, 12, 'not valid UTF-8']],
  'binary.md': [['frontmatter-syntax', 3, 1, 'NUL bytes']],
  'nul-bytes.md': [['frontmatter-syntax', 5, 3, 'NUL bytes']],
  'huge-20mb.md': [], // filled in by makeBadInputFolder: a broken link on its last line
  'long-line-2mb.md': [], // filled in: a broken link at the end of the long line
  // many-keys.md is checked on its own below: 20,000 findings.
};

/** Symbolic links: reported by the walk, never read, never a document. */
const SKIPPED: Record<string, string> = {
  'link-out.md': 'points outside',
  'loop-a.md': 'loop',
  'loop-b.md': 'loop',
  'sub/up-out': 'points outside',
};

const POLICY_HEAD = (title: string, id: string): string =>
  `---\ntitle: ${title}\nid: ${id}\ntype: policy\nowner: Security team\nlast_reviewed: 2026-10-01\nreview_cycle: annual\n---\n\n# ${title}\n\n## Purpose\n\n## Scope\n\n`;

const HUGE_PARAGRAPH = 'Lorem ipsum dolor sit amet, [a link](#scope) consectetur adipiscing elit.\n\n';
const HUGE_PARAGRAPHS = Math.ceil(20e6 / HUGE_PARAGRAPH.length);

const lineCount = (text: string): number => text.split('\n').length;

/** Copies the fixtures and adds what is not committed. Returns the folder of documents. */
function makeBadInputFolder(root: string): string {
  const docs = path.join(root, 'docs');
  cpSync(FIXTURES, docs, { recursive: true });
  writeFileSync(path.join(docs, 'invalid-utf8.md'), Buffer.from('---\ntitle: Bad \xff\xfe bytes\n---\n', 'latin1'));
  writeFileSync(path.join(docs, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(path.join(docs, 'nul-bytes.md'), Buffer.from('---\ntitle: NUL\n---\n\nab\0cd\n', 'latin1'));

  const hugeStart = POLICY_HEAD('Huge', 'POL-HUGE-01') + HUGE_PARAGRAPH.repeat(HUGE_PARAGRAPHS);
  writeFileSync(path.join(docs, 'huge-20mb.md'), `${hugeStart}See [the end](#missing-at-the-end).\n`);
  EXPECTED['huge-20mb.md'] = [['link-broken', lineCount(hugeStart), 15, '#missing-at-the-end']];

  const longStart = POLICY_HEAD('Long line', 'POL-LONG-01');
  const longLine = `${'word '.repeat(400_000)}[end](#missing-after-2mb)`;
  writeFileSync(path.join(docs, 'long-line-2mb.md'), `${longStart}${longLine}\n`);
  EXPECTED['long-line-2mb.md'] = [['link-broken', lineCount(longStart), longLine.indexOf('#missing') + 1, '#missing-after-2mb']];

  let manyKeys = '---\ntitle: Many keys\nid: POL-KEYS-01\ntype: policy\nowner: Security team\nlast_reviewed: 2026-10-01\nreview_cycle: annual\n';
  for (let i = 0; i < 20_000; i++) manyKeys += `key_${i}: value ${i}\n`;
  writeFileSync(path.join(docs, 'many-keys.md'), `${manyKeys}---\n\n# Many keys\n\n## Purpose\n\n## Scope\n`);

  const outside = path.join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: Outside the tree\n---\n');
  symlinkSync(path.join(outside, 'secret.md'), path.join(docs, 'link-out.md'));
  symlinkSync('loop-b.md', path.join(docs, 'loop-a.md'));
  symlinkSync('loop-a.md', path.join(docs, 'loop-b.md'));
  symlinkSync('good.md', path.join(docs, 'alias-of-good.md')); // inside the tree: listed once, as good.md
  mkdirSync(path.join(docs, 'sub'));
  symlinkSync('..', path.join(docs, 'sub', 'parent')); // a loop back up
  symlinkSync(root, path.join(docs, 'sub', 'up-out')); // a folder outside
  return docs;
}

function configFor(root: string): VigilConfig {
  return { ...defaultConfig(root), content: ['docs'], schemas: path.join(REPO, 'schemas') };
}

const forPath = (diagnostics: Diagnostic[], file: string): Diagnostic[] => diagnostics.filter((d) => d.path === `docs/${file}`);

function expectFileDiagnostics(diagnostics: Diagnostic[], file: string, expected: Expected): void {
  const actual = forPath(diagnostics, file);
  expect(actual.map((d) => [d.rule, d.line, d.column]), file).toEqual(expected.map(([rule, line, column]) => [rule, line, column]));
  expected.forEach(([, , , text], index) => {
    if (text) expect(actual[index].message, file).toContain(text);
  });
}

let root: string;
let run: CheckRun;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-bad-input-'));
  makeBadInputFolder(root);
  run = await checkDocuments({ cwd: root, config: configFor(root), today: TODAY, offline: true });
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a folder of bad input, checked by the engine', () => {
  it('gives every regular file one document record, and none to a symbolic link that is skipped', () => {
    const paths = run.documents.map((doc) => doc.path).sort();
    const expected = [...Object.keys(EXPECTED), 'many-keys.md'].map((file) => `docs/${file}`).sort();
    expect(paths).toEqual(expected);
    expect(run.summary.documents).toBe(expected.length);
  });

  it.each(Object.keys(EXPECTED))('%s reports exactly what is expected', (file) => {
    expectFileDiagnostics(run.diagnostics, file, EXPECTED[file]);
  });

  it('reports each of the 20,000 unknown keys at its own line', () => {
    const found = forPath(run.diagnostics, 'many-keys.md');
    expect(found).toHaveLength(20_000);
    expect(found.every((d) => d.rule === 'schema')).toBe(true);
    expect(found[0]).toMatchObject({ line: 8, column: 1 });
    expect(found[0].message).toContain('"key_0"');
    expect(found[19_999]).toMatchObject({ line: 20_007, column: 1 });
    expect(found[19_999].message).toContain('"key_19999"');
  });

  it('still checks the good document fully', () => {
    const good = run.documents.find((doc) => doc.path === 'docs/good.md');
    expect(good).toMatchObject({
      id: 'POL-GOOD-01',
      title: 'Information security incident policy',
      owner: 'Security team',
      last_reviewed: '2026-10-01',
      next_review: '2027-10-01',
      // Its broken link is an error that is not about dates (SPEC: incomplete, never current).
      status: 'incomplete',
    });
    const goodDoc = run.docs.find((doc) => doc.path === 'docs/good.md');
    expect(goodDoc?.body.headings.map((h) => h.slug)).toEqual(['information-security-incident-policy', 'purpose', 'scope']);
  });

  it('reports symbolic links out of the tree and link loops, and lists a link inside the tree once', () => {
    const skipped = run.diagnostics.filter((d) => d.rule === 'file-skipped');
    expect(skipped.map((d) => d.path).sort()).toEqual(Object.keys(SKIPPED).map((file) => `docs/${file}`).sort());
    for (const d of skipped) expect(d.message).toContain(SKIPPED[d.path.slice('docs/'.length)]);
    expect(run.documents.some((doc) => doc.path.includes('alias-of-good') || doc.path.includes('parent'))).toBe(false);
    expect(run.diagnostics.filter((d) => d.rule === 'duplicate-id')).toEqual([]);
  });

  it('never reads a file outside the tree through a link', () => {
    expect(run.docs.some((doc) => doc.record.title === 'Outside the tree')).toBe(false);
  });

  it('does not let __proto__ or constructor keys pollute any prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const doc = run.docs.find((d) => d.path === 'docs/proto-keys.md');
    const fields = fieldsOf(doc);
    expect(fields).not.toBeNull();
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(doc?.record.title).toBe('Prototype keys');
  });

  it('never turns a tagged value into a function or an object', () => {
    expect((globalThis as Record<string, unknown>).vigilPwned).toBeUndefined();
    for (const file of ['js-function.md', 'object-tags.md', 'yaml-1-1-tags.md']) {
      const doc = run.docs.find((d) => d.path === `docs/${file}`);
      expect(fieldsOf(doc), file).toBeNull();
      expect(typeof doc?.record.title, file).toBe('string');
      expect(doc?.record.owner ?? null, file).toBeNull();
    }
  });

  it('reads CRLF line endings and a byte order mark at the same positions as LF', () => {
    const strip = (file: string) => forPath(run.diagnostics, file).map(({ rule, line, column, message }) => ({ rule, line, column, message }));
    const lf = strip('positions-lf.md');
    expect(lf.length).toBeGreaterThan(0);
    expect(strip('positions-crlf.md')).toEqual(lf);
    expect(strip('positions-bom.md')).toEqual(lf);
    const title = (file: string) => run.documents.find((d) => d.path === `docs/${file}`)?.title;
    expect(title('positions-crlf.md')).toBe('Database failover');
    expect(title('positions-bom.md')).toBe('Database failover');
  });

  it('checks the huge documents to their last line', () => {
    const huge = run.docs.find((d) => d.path === 'docs/huge-20mb.md');
    expect(huge?.body.links.length).toBe(HUGE_PARAGRAPHS + 1);
    expect(huge?.body.links.filter((link) => link.href === '#scope')).toHaveLength(HUGE_PARAGRAPHS);
    // Its broken link on the last line makes it incomplete: the whole file was read.
    expect(huge?.record.status).toBe('incomplete');
  });
});

describe('the compiled CLI on the bad-input folder', () => {
  // A private build (what `npm run prepare` makes, in an ignored folder): other test files run the
  // shared dist/ at the same time, and rebuilding it under them would break their runs.
  const build = path.join(REPO, 'test-output', `bad-input-cli-${process.pid}`);
  const bin = path.join(build, 'bin/vigil.js');
  // Peak memory is measured by Node itself: a preload writes the process's peak resident set
  // (`resourceUsage().maxRSS`, KiB; worker threads included) when it exits, so the limit holds on
  // any machine, with or without GNU time.
  const peakProbe = path.join(build, 'peak-rss.mjs');

  beforeAll(() => {
    rmSync(build, { recursive: true, force: true });
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', path.join(build, 'dist')], { cwd: REPO, stdio: 'pipe' });
    mkdirSync(path.join(build, 'bin'));
    cpSync(path.join(REPO, 'bin/vigil.js'), bin);
    cpSync(path.join(REPO, 'package.json'), path.join(build, 'package.json'));
    // The built-in schemas ship beside dist/, as in the package.
    cpSync(path.join(REPO, 'schemas'), path.join(build, 'schemas'), { recursive: true });
    writeFileSync(
      peakProbe,
      "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.VIGIL_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    writeFileSync(path.join(root, 'vigil.config.yaml'), `content: docs\nschemas: ${JSON.stringify(path.join(REPO, 'schemas'))}\n`);
  });

  afterAll(() => rmSync(build, { recursive: true, force: true }));

  /** Runs `vigil check` with the heap capped at 512 MB, so a memory blow-up fails the run, and measures its peak memory. */
  function vigilCheck(cwd: string, target: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string; peakKiB: number } {
    const peakFile = path.join(cwd, '.peak-rss');
    rmSync(peakFile, { force: true });
    const args = ['--max-old-space-size=512', '--import', pathToFileURL(peakProbe).href, bin, 'check', '--offline', '--format', 'json', '--now', TODAY, target];
    const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', VIGIL_PEAK_FILE: peakFile, ...extraEnv } });
    // No measurement is a failure, never a skipped check.
    if (!existsSync(peakFile)) throw new Error(`the peak-memory probe wrote nothing (exit ${child.status}): ${child.stderr}`);
    const peakKiB = Number(readFileSync(peakFile, 'utf8'));
    return { status: child.status, stdout: child.stdout, stderr: child.stderr, peakKiB };
  }

  it('exits 1 with valid JSON holding one document per file, in bounded memory', () => {
    const result = vigilCheck(root, 'docs');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout) as { documents: Array<{ path: string }>; diagnostics: Diagnostic[]; summary: { documents: number } };
    expect(output.documents.map((d) => d.path).sort()).toEqual(run.documents.map((d) => d.path).sort());
    expect(output.diagnostics).toEqual(run.diagnostics);
    // Peak memory of the whole process: well under 1 GB (512 MiB; a measurement of 0 would mean no probe).
    expect(result.peakKiB).toBeGreaterThan(0);
    expect(result.peakKiB).toBeLessThan(512 * 1024);
  }, 120_000);

  it('gives every file a result when the engine checks a big set in worker threads', async () => {
    // VIGIL_WORKERS forces the worker path, which 'auto' keeps for much larger sets.
    const bigRoot = mkdtempSync(path.join(os.tmpdir(), 'vigil-bad-input-workers-'));
    try {
      const docs = path.join(bigRoot, 'docs');
      mkdirSync(docs);
      const bad = ['empty.md', 'tabs.md', 'alias-bomb.md', 'js-function.md', 'proto-keys.md', 'duplicate-keys.md', 'list-frontmatter.md', 'unterminated.md'];
      const expected = new Map<string, Expected>();
      for (let i = 0; i < 440; i++) {
        const name = `doc-${String(i).padStart(3, '0')}.md`;
        if (i % 10 === 0) {
          const source = bad[(i / 10) % bad.length];
          cpSync(path.join(FIXTURES, source), path.join(docs, name));
          expected.set(name, EXPECTED[source]);
        } else if (i % 10 === 5) {
          writeFileSync(path.join(docs, name), Buffer.from('---\ntitle: Bad \xff\xfe bytes\n---\n', 'latin1'));
          expected.set(name, EXPECTED['invalid-utf8.md']);
        } else {
          writeFileSync(path.join(docs, name), POLICY_HEAD(`Generated ${i}`, `POL-GEN-${i}`));
          expected.set(name, []);
        }
      }
      writeFileSync(path.join(bigRoot, 'vigil.config.yaml'), `content: docs\nschemas: ${JSON.stringify(path.join(REPO, 'schemas'))}\n`);

      const result = vigilCheck(bigRoot, 'docs', { VIGIL_WORKERS: '1' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      const output = JSON.parse(result.stdout) as { documents: Array<{ path: string; status: string }>; diagnostics: Diagnostic[] };
      expect(output.documents.map((d) => d.path)).toEqual([...expected.keys()].map((name) => `docs/${name}`));
      for (const [name, want] of expected) expectFileDiagnostics(output.diagnostics, name, want);
      const generated = output.documents.filter((d) => /doc-\d\d[1-46-9]\.md$/.test(d.path));
      expect(generated).toHaveLength(440 - 88);
      expect(generated.every((d) => d.status === 'current')).toBe(true);

      // The same set checked inline (no workers) gives the same answer.
      const inline = await checkDocuments({ cwd: bigRoot, config: configFor(bigRoot), today: TODAY, offline: true, workers: 0 });
      expect(output.diagnostics).toEqual(inline.diagnostics);
    } finally {
      rmSync(bigRoot, { recursive: true, force: true });
    }
  }, 180_000);
});
