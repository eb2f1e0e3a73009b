// A GOV.UK tech-docs style repository adopts Vigil by configuration alone (spec: "Adopting existing docs").
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../core/index.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../core/__fixtures__/govuk');
const NOW = ['--now', '2026-11-26'];

interface Report {
  documents: Array<{ path: string; next_review: string | null; status: string; owner: string | null; type: string | null }>;
  diagnostics: Array<{ rule: string; severity: string; path: string; line: number; column: number; message: string }>;
}

async function vigil(cwd: string, ...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env: {}, stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } };
  const code = await main(args, io);
  return { code, ...out };
}

async function check(cwd: string): Promise<{ code: number; report: Report }> {
  const result = await vigil(cwd, 'check', '--format', 'json', '--offline', ...NOW);
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

/** `# expect: rule` marks the line a finding points at; `expect@N: rule` marks line N. */
function expectedFindings(root: string): string[] {
  const expected: string[] = [];
  for (const file of markdownFiles(path.join(root, 'source'))) {
    const shown = path.relative(root, file).split(path.sep).join('/');
    readFileSync(file, 'utf8').split('\n').forEach((text, index) => {
      for (const match of text.matchAll(/expect(?:@(\d+))?:\s*([a-z-]+)/g)) {
        expected.push(`${shown}:${match[1] ?? index + 1} ${match[2]}`);
      }
    });
  }
  return expected.sort();
}

const temporaryDirs: string[] = [];
function copyOfFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-govuk-'));
  temporaryDirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a GOV.UK tech-docs repository, checked by its config alone', () => {
  it('finds the known stale and broken pages at the marked lines, and nothing else', async () => {
    const { code, report } = await check(fixture);
    expect(code).toBe(1);
    const found = report.diagnostics.map((d) => `${d.path}:${d.line} ${d.rule}`).sort();
    expect(found).toEqual(expectedFindings(fixture));
    expect(found.filter((f) => f.endsWith('review-overdue'))).toHaveLength(3);
    expect(report.documents).toHaveLength(10);
  });

  it('points overdue findings at the date in last_reviewed_on, and names the team\'s fields', async () => {
    const { report } = await check(fixture);
    const overdue = report.diagnostics.find((d) => d.path.endsWith('rotate-secrets.md') && d.rule === 'review-overdue');
    const line = readFileSync(path.join(fixture, 'source/documentation/manual/rotate-secrets.md'), 'utf8').split('\n')[overdue!.line - 1];
    expect(line.slice(overdue!.column - 1)).toMatch(/^2025-12-01/);
    expect(overdue!.message).toBe(
      'review overdue since 2026-06-01 (last_reviewed_on 2025-12-01, review_in 6 months): review it, then run "vigil review source/documentation/manual/rotate-secrets.md"',
    );
    for (const diagnostic of report.diagnostics) {
      // Vigil's own names for mapped fields never appear on their own.
      if (!diagnostic.path.endsWith('copied-from-vigil.md')) expect(diagnostic.message).not.toMatch(/\blast_reviewed\b(?!_on)|\breview_cycle\b|"owner"/);
    }
    const messages = report.diagnostics.map((d) => d.message);
    expect(messages).toContain('missing required field "last_reviewed_on" (required while the document is active)');
    expect(messages).toContain('unknown field "last_reviewd_on" for a procedure (did you mean "last_reviewed_on"?)');
    expect(messages).toContain('"owner_slack" is a placeholder ("TBD"): name the accountable team or person');
    // Vigil's own name for a renamed field is not read, and the page is told which name to use.
    expect(messages).toContain('unknown field "last_reviewed" (did you mean "last_reviewed_on"?): the config\'s "fields" renames it');
  });

  it('reads human review intervals and types pages by path', async () => {
    const { report } = await check(fixture);
    const byPath = Object.fromEntries(report.documents.map((doc) => [doc.path.replace('source/documentation/', ''), doc]));
    expect(byPath['alerts/disk-space.md']).toMatchObject({ type: 'runbook', next_review: '2027-01-30', status: 'current' }); // 90 days
    expect(byPath['alerts/high-error-rate.md']).toMatchObject({ type: 'runbook', next_review: '2025-11-20', status: 'overdue' }); // 1 year
    expect(byPath['manual/legacy-cdn.md']).toMatchObject({ type: 'procedure', next_review: '2026-10-22', status: 'expired' }); // 3 weeks
    expect(byPath['manual/mirror-sync.md']).toMatchObject({ next_review: '2026-12-10', status: 'due-soon' }); // 6 months
    expect(byPath['standards/access-policy.md']).toMatchObject({ type: 'policy' });
    expect(byPath['index.md']).toMatchObject({ owner: '#govuk-developers', status: 'current' });
  });

  it('vigil review renews last_reviewed_on in place and the page passes', async () => {
    const root = copyOfFixture();
    const page = 'source/documentation/manual/rotate-secrets.md';
    const before = readFileSync(path.join(root, page), 'utf8');
    const result = await vigil(root, 'review', page, ...NOW);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${page}: last_reviewed_on set to 2026-11-26; next review due 2027-05-26\n`);
    expect(readFileSync(path.join(root, page), 'utf8')).toBe(
      before.replace('last_reviewed_on: 2025-12-01 # expect: review-overdue', 'last_reviewed_on: 2026-11-26 # expect: review-overdue'),
    );
    const { report } = await check(root);
    expect(report.diagnostics.filter((d) => d.path === page)).toEqual([]);
  });

  it('vigil new writes a page in the team\'s names and folders, flagged until its owner is filled in', async () => {
    const root = copyOfFixture();
    const created = await vigil(root, 'new', 'runbook', 'Certificate', 'expiry', ...NOW);
    expect(created.code).toBe(0);
    const page = 'source/documentation/alerts/certificate-expiry.md';
    expect(created.stdout.trim()).toBe(page);
    const text = readFileSync(path.join(root, page), 'utf8');
    // The team's schema has no id or escalation, the path gives the type, and the cycle is one the team's alert pages use.
    expect(text.split('\n').slice(0, 6)).toEqual(['---', 'title: Certificate expiry', 'owner_slack: TBD # the accountable team or person', 'last_reviewed_on: 2026-11-26', 'review_in: 1 year', '---']);

    const flagged = (await check(root)).report.diagnostics.filter((d) => d.path === page);
    expect(flagged.map((d) => [d.rule, d.line, d.message])).toEqual([['schema', 3, '"owner_slack" is a placeholder ("TBD"): name the accountable team or person']]);
    writeFileSync(path.join(root, page), text.replace(/^owner_slack: TBD.*$/m, 'owner_slack: "#govuk-platform-security"'));
    expect((await check(root)).report.diagnostics.filter((d) => d.path === page)).toEqual([]);
  });

  it('refuses a config that maps two of Vigil\'s fields onto one of the team\'s', () => {
    expect(() => resolveConfig({ fields: { last_reviewed: 'reviewed', effective: 'reviewed' } }, '/repo', null, 'vigil.config.yaml')).toThrow(
      /"fields.last_reviewed" and "fields.effective" both map to "reviewed"/,
    );
  });
});
