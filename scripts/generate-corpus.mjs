#!/usr/bin/env node
// Generates a realistic document set for the benchmark: policies, procedures and runbooks
// shaped like the example content/, varied, about 1 in 20 with a problem vigil should report.
// Deterministic: the same count and seed always give the same files.
//
//   node scripts/generate-corpus.mjs --count 1000 [--out .bench/corpus-1000] [--seed 42]
//
// The output folder is a self-contained project: content/, schemas/ (copied from the repo),
// and remark-schemas/ (the same rules as plain draft-07 schemas, for the remark peer).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR_VERSION = createHash('sha1').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);

// --- deterministic randomness -------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  some(list, min, max) {
    const copy = [...list];
    const count = Math.min(copy.length, this.int(min, max));
    const out = [];
    for (let i = 0; i < count; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

// --- vocabulary ----------------------------------------------------------------------------

const TEAMS = ['Platform', 'Payments', 'Security', 'Data', 'Identity', 'Mobile', 'Billing', 'Support Tooling', 'Networking', 'Compliance', 'Search', 'Messaging'];
const PEOPLE = [
  'Priya Raman', 'Daniel Okafor', 'Mei Lin Tan', 'Rhys Morgan', 'Aisha Bello', 'Tomasz Wójcik', 'Gareth Hughes',
  'Sofia Marquez', 'Jonas Berg', 'Leila Haddad', 'Owen Price', 'Hannah Kowalski', 'Kwame Mensah', 'Yuki Sato',
  'Ravi Patel', 'Chloé Martin', 'Niamh O’Brien', 'Arjun Mehta', 'Freya Lindqvist', 'Samuel Adeyemi',
];
const SERVICES = [
  'ledger database', 'invoicing API', 'payment collection', 'payout scheduler', 'webhook dispatcher', 'search cluster',
  'session store', 'object storage', 'message queue', 'identity provider', 'mobile push gateway', 'reporting warehouse',
  'email relay', 'feature flag service', 'card tokeniser', 'open banking connector', 'PDF renderer', 'audit log pipeline',
];
const VENDORS = [
  { name: 'AWS Health Dashboard', url: 'https://status.aws.amazon.com/' },
  { name: 'GitHub', url: 'https://www.githubstatus.com/' },
  { name: 'Cloudflare', url: 'https://www.cloudflarestatus.com/' },
  { name: 'Stripe', url: 'https://status.stripe.com/' },
  { name: 'Slack', url: 'https://slack-status.com/' },
  { name: 'Atlassian', url: 'https://status.atlassian.com/' },
  { name: 'PagerDuty', url: 'https://status.pagerduty.com/' },
  { name: 'Twilio', url: 'https://status.twilio.com/' },
  { name: 'Datadog', url: 'https://status.datadoghq.com/' },
  { name: 'Google Cloud', url: 'https://status.cloud.google.com/' },
  { name: 'GoCardless', url: 'https://status.gocardless.com/' },
  { name: 'Fastly', url: 'https://www.fastlystatus.com/' },
];
const POLICY_CONTROLS = ['ISO27001:A.5.1', 'ISO27001:A.5.15', 'ISO27001:A.5.18', 'ISO27001:A.5.24', 'ISO27001:A.5.29', 'ISO27001:A.5.30', 'ISO27001:A.8.2', 'ISO27001:A.8.5', 'SOC2:CC1.4', 'SOC2:CC2.3', 'SOC2:CC6.1', 'SOC2:CC6.2', 'SOC2:CC6.3'];
const PROCEDURE_CONTROLS = ['ISO27001:A.5.25', 'ISO27001:A.5.26', 'ISO27001:A.5.27', 'ISO27001:A.5.28', 'ISO27001:A.6.8', 'ISO27001:A.8.15', 'SOC2:CC7.3', 'SOC2:CC7.4', 'SOC2:CC7.5', 'SOC2:CC8.1'];
const RUNBOOK_CONTROLS = ['ISO27001:A.8.13', 'ISO27001:A.8.14', 'ISO27001:A.8.16', 'ISO27001:A.8.20', 'ISO27001:A.5.26', 'ISO27001:A.5.30', 'SOC2:A1.2', 'SOC2:A1.3', 'SOC2:CC7.2', 'SOC2:CC7.4', 'SOC2:CC9.1'];
const CYCLES = ['annual', 'annual', 'semiannual', 'P1Y', 'P6M', 'P9M', 'biennial', 'P180D', 'quarterly'];
const SYMPTOMS = [
  'error rate above 5 % for ten minutes', 'p95 latency above two seconds', 'queue depth growing for fifteen minutes',
  'health check failing in two zones', 'replication lag above thirty seconds', 'certificate expiry alarm',
  'disk usage above 90 %', 'authentication failures spiking', 'webhook deliveries retrying', 'synthetic check failing',
];
const ACTIONS = [
  'freeze deploys with `kpctl deploys freeze`', 'page the secondary on-call', 'scale the deployment to twice its replicas',
  'fail over to the standby region', 'roll back the last release with `kpctl rollback`', 'disable the feature flag for the affected path',
  'rotate the credentials in the secret store', 'drain the unhealthy node', 'purge the CDN cache for the affected prefix',
  'pause the scheduled jobs', 'raise the rate limit for trusted partners', 'restore the latest snapshot into a new instance',
  'open a priority case with the provider', 'switch traffic to the read replica', 'invalidate active sessions for the tenant',
];
const SENTENCES = [
  'Keep the incident channel as the single place where decisions are written down.',
  'If a step does not behave as described, stop and tell the Incident Commander before improvising.',
  'Every command below is safe to run twice; none of them deletes data.',
  'Record the UTC time of each step so the postmortem timeline is easy to rebuild.',
  'Customer-facing messages go through the Communications Lead, never directly from responders.',
  'When the provider confirms an incident on its status page, link it from the incident channel.',
  'Prefer the smallest change that stops the harm; the root cause can wait until the bleeding stops.',
  'Ask for help early: a second pair of eyes costs minutes, a wrong turn can cost hours.',
  'Dashboards lag by about a minute; wait for two data points before deciding a change worked.',
  'Access to production for this runbook is granted just in time through the access portal.',
  'Evidence of a security incident must be preserved before anything is restarted or rebuilt.',
  'The on-call engineer has authority to take every action on this page without further approval.',
];

// --- helpers -------------------------------------------------------------------------------

const pad = (n, width = 2) => String(n).padStart(width, '0');
const isoDay = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const addDays = (iso, days) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));
const slugify = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const phone = (n) => `+44 20 7946 0${pad(n % 1000, 3)}`;
const handle = (name) => `@${slugify(name.split(' ')[0])}`;
const email = (name) => `${slugify(name).replace(/-/g, '.')}@example.com`;

function paragraph(rng, min = 2, max = 4) {
  return rng.some(SENTENCES, min, max).join(' ');
}

// --- document builders -------------------------------------------------------------------

function frontmatter(fields) {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${key}:`);
      for (const item of value) {
        if (typeof item === 'object') {
          const entries = Object.entries(item);
          entries.forEach(([k, v], index) => lines.push(`${index === 0 ? '  - ' : '    '}${k}: ${yamlScalar(v)}`));
        } else lines.push(`  - ${yamlScalar(item)}`);
      }
    } else lines.push(`${key}: ${yamlScalar(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

function yamlScalar(value) {
  if (typeof value !== 'string') return String(value);
  if (/^[\w .,()@'’ńóéć/-]+$/.test(value) && !/^[\d-]+$/.test(value) && !/^[@#-]/.test(value) && !value.includes(': ')) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value; // dates stay unquoted, as people write them
  return JSON.stringify(value);
}

function reviewDates(rng, today) {
  // Mostly reviewed within the last six months; cycles long enough that few fall due.
  const lastReviewed = addDays(today, -rng.int(5, 170));
  const cycle = rng.pick(CYCLES);
  return { lastReviewed, cycle: cycle === 'quarterly' ? 'annual' : cycle };
}

function escalationEntries(rng, team, serial) {
  const people = rng.some(PEOPLE, 2, 3);
  const entries = [{ role: `${team} on-call`, name: `${team} rota`, contact: `#${slugify(team)}-oncall`, after: '0m' }];
  people.forEach((person, index) => {
    const contact = index === 0 ? phone(serial * 7 + index) : rng.chance(0.5) ? email(person) : handle(person);
    entries.push({ role: index === 0 ? `${team} lead` : index === 1 ? 'Head of Engineering' : 'Duty director', name: person, contact, after: `${15 * (index + 1)}m` });
  });
  return entries;
}

function escalationTable(entries) {
  // The table says what the frontmatter says (escalation-mismatch compares the two).
  const rows = entries.map((entry, index) =>
    `| ${index + 1} | ${entry.role} | ${entry.name} | ${entry.contact} | ${entry.after === '0m' ? 'immediately' : entry.after.replace('m', ' minutes')} |`,
  );
  return ['| order | role | name | contact | after |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function runbook(rng, ctx) {
  const { serial, team, today, links } = ctx;
  const service = rng.pick(SERVICES);
  const title = `${service[0].toUpperCase()}${service.slice(1)} — ${rng.pick(['outage', 'degradation', 'failover', 'capacity exhaustion', 'data corruption', 'credential exposure'])} (${team} ${serial})`;
  const { lastReviewed, cycle } = reviewDates(rng, today);
  const escalation = escalationEntries(rng, team, serial);
  const fields = {
    title,
    id: `RB-${slugify(team).toUpperCase().slice(0, 4)}-${pad(serial, 5)}`,
    type: 'runbook',
    status: 'active',
    owner: `${team} Team (${rng.pick(PEOPLE)})`,
    version: `${rng.int(1, 6)}.${rng.int(0, 9)}`,
    effective: addDays(lastReviewed, -rng.int(0, 400)),
    last_reviewed: lastReviewed,
    review_cycle: cycle,
    last_exercised: addDays(today, -rng.int(10, 300)),
    exercise_cycle: rng.pick(['annual', 'P1Y', 'biennial']),
    controls: rng.some(RUNBOOK_CONTROLS, 1, 4),
    escalation,
    status_pages: rng.some(VENDORS, 1, 3),
  };
  const steps = rng.some(ACTIONS, 3, 7).map((action, index) => `${index + 1}. ${action[0].toUpperCase()}${action.slice(1)}. ${paragraph(rng, 0, 1)}`);
  const body = [
    `# ${title}`,
    '',
    '## Summary',
    '',
    `Use this runbook when the ${service} shows ${rng.pick(SYMPTOMS)}. A full outage is a [SEV-1](${links.severity}#sev-1); partial degradation is a [SEV-2](${links.severity}#sev-2). ${paragraph(rng)}`,
    '',
    '## Signals',
    '',
    ...rng.some(SYMPTOMS, 2, 4).map((symptom) => `- ${symptom};`),
    '',
    '## Escalation',
    '',
    'Work down the list; move on when nobody acknowledges within the time shown.',
    '',
    escalationTable(escalation),
    '',
    '## Containment',
    '',
    ...steps,
    '',
    '## Verify',
    '',
    `- the ${service} error rate is back below 1 % on its dashboard;`,
    `- the synthetic check for the ${service} passes three times in a row;`,
    '- the on-call engineer confirms in the incident channel.',
    '',
    '## Afterwards',
    '',
    `${paragraph(rng, 1, 3)} Book the [postmortem](${links.postmortem}) and, if this runbook was wrong or slow to follow, link the fix from it. Related: [${links.related.title}](${links.related.href}#escalation).`,
    '',
  ];
  return { fields, body };
}

function policy(rng, ctx) {
  const { serial, team, today, links } = ctx;
  const topic = rng.pick(['Access Control', 'Incident Response', 'Backup and Recovery', 'Supplier Security', 'Change Management', 'Logging and Monitoring', 'Acceptable Use', 'Data Retention', 'Cryptography', 'Business Continuity']);
  const title = `${topic} Policy (${team} ${serial})`;
  const { lastReviewed, cycle } = reviewDates(rng, today);
  const fields = {
    title,
    id: `POL-${slugify(topic).toUpperCase().slice(0, 4)}-${pad(serial, 5)}`,
    type: 'policy',
    status: 'active',
    owner: `Head of ${team} (${rng.pick(PEOPLE)})`,
    version: `${rng.int(1, 4)}.${rng.int(0, 9)}`,
    effective: addDays(lastReviewed, -rng.int(0, 300)),
    last_reviewed: lastReviewed,
    review_cycle: cycle,
    controls: rng.some(POLICY_CONTROLS, 2, 5),
  };
  const rules = rng.some(SENTENCES, 3, 6).map((sentence, index) => `${index + 1}. **Rule ${index + 1}.** ${sentence}`);
  const body = [
    `# ${title}`,
    '',
    '## Purpose',
    '',
    `This policy sets out how the ${team} team handles ${topic.toLowerCase()} so that customers' data and money stay safe. ${paragraph(rng)}`,
    '',
    '## Scope',
    '',
    `All systems the ${team} team runs, including the ${rng.some(SERVICES, 2, 3).join(', ')}, and every person with access to them.`,
    '',
    '## Policy statements',
    '',
    ...rules,
    '',
    '## Responsibilities',
    '',
    '| role | responsibility |',
    '| --- | --- |',
    `| Head of ${team} | approves exceptions and owns this policy |`,
    `| ${team} engineers | follow the rules above and report deviations |`,
    '| Security team | audits compliance every quarter |',
    '',
    '## Exceptions',
    '',
    `Exceptions are approved in writing, last at most 90 days and are listed in the risk register. Incidents follow the [incident response procedure](${links.severity}#how-to-classify).`,
    '',
  ];
  return { fields, body };
}

function procedure(rng, ctx) {
  const { serial, team, today, links } = ctx;
  const topic = rng.pick(['Postmortem', 'Customer Communication', 'On-call Handover', 'Access Review', 'Vulnerability Triage', 'Change Approval', 'Evidence Collection', 'Vendor Escalation']);
  const title = `${topic} Procedure (${team} ${serial})`;
  const { lastReviewed, cycle } = reviewDates(rng, today);
  const fields = {
    title,
    id: `PRO-${slugify(topic).toUpperCase().slice(0, 4)}-${pad(serial, 5)}`,
    type: 'procedure',
    status: 'active',
    owner: `${team} Team (${rng.pick(PEOPLE)})`,
    version: `${rng.int(1, 3)}.${rng.int(0, 9)}`,
    effective: addDays(lastReviewed, -rng.int(0, 300)),
    last_reviewed: lastReviewed,
    review_cycle: cycle,
    controls: rng.some(PROCEDURE_CONTROLS, 1, 3),
  };
  const steps = rng.some(ACTIONS, 3, 6).map((action, index) => `| ${index + 1} | ${action} | ${rng.pick(['Incident Commander', 'on-call engineer', 'Communications Lead', 'system owner'])} | ${rng.pick(['at once', 'within 1 hour', 'within 1 working day', 'before close'])} |`);
  const body = [
    `# ${title}`,
    '',
    '## Purpose',
    '',
    `How the ${team} team runs ${topic.toLowerCase()}. ${paragraph(rng)}`,
    '',
    '## Steps',
    '',
    '| step | action | who | when |',
    '| --- | --- | --- | --- |',
    ...steps,
    '',
    '## Notes',
    '',
    `${paragraph(rng, 2, 5)} Severity follows the [classification](${links.severity}#severity-levels).`,
    '',
  ];
  return { fields, body };
}

// --- problems: about 1 document in 20 gets one --------------------------------------------

const PROBLEMS = [
  ['overdue', (doc) => { doc.fields.last_reviewed = '2024-03-01'; doc.fields.review_cycle = 'annual'; }],
  ['placeholder contact', (doc) => {
    if (doc.fields.escalation) doc.fields.escalation[1].contact = 'TBD';
    else doc.fields.owner = 'TBD';
  }],
  ['broken link', (doc) => { doc.body.push('See also the [retired runbook](../runbooks/no-such-runbook.md#steps).', ''); }],
  ['missing section', (doc) => {
    const wanted = doc.fields.type === 'runbook' ? '## Escalation' : doc.fields.type === 'policy' ? '## Scope' : '## Purpose';
    const at = doc.body.indexOf(wanted);
    if (at >= 0) doc.body[at] = '## Background';
  }],
  ['unknown key', (doc) => { doc.fields.last_reveiwed = doc.fields.last_reviewed; delete doc.fields.last_reviewed; }],
  ['impossible date', (doc) => { doc.fields.effective = '2026-02-30'; }],
  ['duplicate id', (doc, ctx) => { doc.fields.id = ctx.firstId; }],
  ['yaml syntax', (doc) => { doc.rawFrontmatterSuffix = 'owner_note: [unclosed\n'; }],
  ['expired', (doc) => { doc.fields.expires = '2026-06-30'; }],
  ['draft', (doc) => { doc.fields.status = 'draft'; }],
  ['retired', (doc) => { doc.fields.status = 'retired'; }],
];

// --- the set -------------------------------------------------------------------------------

export function generateCorpus({ count, out, seed = 42, today = '2026-11-26' }) {
  const rng = new Random(seed);
  rmSync(out, { recursive: true, force: true });
  const contentDir = path.join(out, 'content');
  mkdirSync(contentDir, { recursive: true });
  cpSync(path.join(repoRoot, 'schemas'), path.join(out, 'schemas'), { recursive: true });
  writeRemarkSchemas(path.join(out, 'remark-schemas'));

  // A fixed severity procedure every generated document links to, like the example set.
  const fixed = path.join(contentDir, 'procedures', 'severity-levels.md');
  mkdirSync(path.dirname(fixed), { recursive: true });
  writeFileSync(fixed, readFileSync(path.join(repoRoot, 'content', 'procedures', 'severity-levels.md'), 'utf8').replace(/\]\(\.\.\/[^)]*\)/g, '](#severity-levels)'));

  const plan = [];
  for (let serial = 1; serial < count; serial++) {
    const roll = rng.next();
    const type = roll < 0.6 ? 'runbook' : roll < 0.8 ? 'procedure' : 'policy';
    const team = TEAMS[serial % TEAMS.length];
    // Folders of at most 100 files, grouped by type and team, as a large organisation would have.
    const folder = path.join(`${type === 'policy' ? 'policies' : `${type}s`}`, slugify(team), `batch-${pad(Math.floor(serial / 100), 3)}`);
    plan.push({ serial, type, team, folder });
  }
  const problems = {};
  let firstId = null;
  const runbooks = plan.filter((item) => item.type === 'runbook');
  for (const item of plan) {
    const fileName = `${item.type}-${pad(item.serial, 5)}.md`;
    item.relPath = path.join(item.folder, fileName);
  }
  for (const item of plan) {
    const fromDir = path.dirname(item.relPath);
    const rel = (target) => path.relative(fromDir, target).split(path.sep).join('/');
    const related = runbooks.length > 0 ? runbooks[Math.floor(rng.next() * runbooks.length)] : null;
    const links = {
      severity: rel('procedures/severity-levels.md'),
      postmortem: rel('procedures/severity-levels.md'),
      related: related ? { title: `runbook ${related.serial}`, href: rel(related.relPath) } : { title: 'severity levels', href: rel('procedures/severity-levels.md') },
    };
    const build = item.type === 'runbook' ? runbook : item.type === 'policy' ? policy : procedure;
    const doc = build(rng, { serial: item.serial, team: item.team, today, links });
    if (related && related.type === 'runbook' && item.type === 'runbook') doc.body.push(`Escalation for the neighbouring service: [runbook ${related.serial}](${rel(related.relPath)}#escalation).`, '');
    firstId ??= doc.fields.id;
    if (rng.chance(0.05)) {
      const [name, apply] = rng.pick(PROBLEMS);
      apply(doc, { firstId });
      problems[name] = (problems[name] ?? 0) + 1;
    }
    let text = frontmatter(doc.fields);
    if (doc.rawFrontmatterSuffix) text = text.replace(/---\n$/, `${doc.rawFrontmatterSuffix}---\n`);
    text += doc.body.join('\n');
    const file = path.join(contentDir, item.relPath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const manifest = { version: GENERATOR_VERSION, count, seed, today, problems };
  writeFileSync(path.join(out, 'corpus.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reuses a folder made by the same generator, count and seed; otherwise generates it. */
export function ensureCorpus({ count, out, seed = 42 }) {
  const manifestFile = path.join(out, 'corpus.json');
  if (existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      if (manifest.version === GENERATOR_VERSION && manifest.count === count && manifest.seed === seed) return { ...manifest, reused: true };
    } catch {
      // regenerate below
    }
  }
  return { ...generateCorpus({ count, out, seed }), reused: false };
}

// remark-lint-frontmatter-schema loads draft-07 schemas with Ajv's defaults: give it the same
// constraints as schemas/*.schema.json, flattened (no 2020-12 keywords, no custom formats).
function writeRemarkSchemas(dir) {
  mkdirSync(dir, { recursive: true });
  const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  const text = { type: 'string', pattern: '\\S' };
  const common = {
    title: text,
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
    type: { enum: ['policy', 'procedure', 'runbook'] },
    status: { enum: ['draft', 'active', 'retired'] },
    owner: text,
    version: { type: ['string', 'number'] },
    effective: date,
    last_reviewed: date,
    review_cycle: text,
    expires: date,
    controls: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_-]+:\\S+$' }, uniqueItems: true },
  };
  const runbookExtra = {
    escalation: {
      type: 'array', minItems: 1,
      items: { type: 'object', properties: { role: { type: 'string' }, name: { type: ['string', 'null'] }, contact: { type: ['string', 'null'] }, after: { type: ['string', 'number'] } }, required: ['role', 'contact'], additionalProperties: false },
    },
    status_pages: { type: 'array', items: { type: 'object', properties: { name: text, url: { type: 'string' } }, required: ['name', 'url'], additionalProperties: false } },
    last_exercised: date,
    exercise_cycle: text,
  };
  for (const type of ['policy', 'procedure', 'runbook']) {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: type === 'runbook' ? { ...common, ...runbookExtra } : common,
      required: type === 'runbook' ? ['title', 'type', 'owner', 'escalation'] : ['title', 'type', 'owner'],
      additionalProperties: false,
    };
    writeFileSync(path.join(dir, `${type}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 2) {
    console.error('generate-corpus: --count must be an integer of at least 2');
    process.exit(2);
  }
  const out = path.resolve(values.out ?? path.join(repoRoot, '.bench', `corpus-${count}`));
  const started = performance.now();
  const manifest = generateCorpus({ count, out, seed: Number(values.seed) });
  console.log(`generated ${count} documents in ${path.relative(process.cwd(), out) || out} (${((performance.now() - started) / 1000).toFixed(1)} s); problems: ${JSON.stringify(manifest.problems)}`);
}

/**
 * Copies a generated set without the files plain Starlight cannot read (frontmatter that is not
 * YAML with a title), for the site benchmarks: both builds of a pair get the same files.
 */
export async function copyReadable(from, to) {
  const { parse } = await import('yaml');
  const readable = (text) => {
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!match) return false;
    try {
      const data = parse(match[1], { uniqueKeys: true });
      return typeof data === 'object' && data !== null && typeof data.title === 'string' && data.title.trim() !== '';
    } catch {
      return false;
    }
  };
  rmSync(to, { recursive: true, force: true });
  let copied = 0;
  let skipped = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const source = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(source);
      else if (entry.name.endsWith('.md')) {
        const text = readFileSync(source, 'utf8');
        if (!readable(text)) {
          skipped++;
          continue;
        }
        const target = path.join(to, path.relative(from, source));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
        copied++;
      }
    }
  };
  walk(from);
  return { copied, skipped };
}
