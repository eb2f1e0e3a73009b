// changed-since-review and the register's content dates, against real Git repositories made
// here: commits with fixed dates, renames, a shallow clone, a pull request's range.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCsv, registerJson } from '../../astro/register.js';
import { defaultConfig } from '../config/load.js';
import type { VigilConfig } from '../config/types.js';
import { checkDocuments } from '../engine.js';
import { ChangedSinceError } from './facts.js';
import { withoutReviewRecord } from './contentChanged.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-history-'));
  made.push(dir);
  return dir;
}

/** A Git repository in a temporary folder, committing with the dates it is told. */
function repository(dir = tempDir()) {
  const git = (args: string[], date = '2026-01-01T12:00:00Z'): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  git(['init', '-q', '-b', 'main']);
  return {
    dir,
    git,
    write(files: Record<string, string>): void {
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
    },
    /** Writes the files and commits everything on that day; returns the commit's hash. */
    commit(day: string, message: string, files: Record<string, string> = {}): string {
      this.write(files);
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message], `${day}T12:00:00Z`);
      return git(['rev-parse', 'HEAD']).trim();
    },
  };
}

function runbook({ reviewed = '2026-03-01', covers = ['src/payments/**'], id = 'RB-PAY-01', body = 'Retry the payment.' } = {}): string {
  return [
    '---',
    'title: Payment retries',
    `id: ${id}`,
    'type: runbook',
    'owner: Payments team',
    `last_reviewed: ${reviewed}`,
    'review_cycle: annual',
    'escalation:',
    '  - role: Payments on-call',
    '    name: Rota',
    '    contact: "#payments-oncall"',
    'covers:',
    ...covers.map((glob) => `  - ${JSON.stringify(glob)}`), // quoted: a bare `!` starts a YAML tag
    '---',
    '',
    '# Payment retries',
    '',
    '## Summary',
    '',
    body,
    '',
    '## Escalation',
    '',
    'Page the on-call.',
    '',
  ].join('\n');
}

// Line of `covers:` in runbook(): the key, then one line per entry.
const COVERS_LINE = 12;

async function check(dir: string, options: { today?: string; changedSince?: string; config?: Partial<VigilConfig> } = {}) {
  const config = { ...defaultConfig(dir), ...options.config };
  const run = await checkDocuments({ cwd: dir, config, today: options.today ?? '2026-06-01', offline: true, workers: 0, changedSince: options.changedSince });
  return { run, findings: run.diagnostics.filter((d) => d.rule === 'changed-since-review') };
}

describe('changed-since-review', () => {
  it('reports a covered file changed after the review, naming the file and the newest commit', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'payments: first version', { 'content/runbooks/pay.md': runbook(), 'src/payments/retry.ts': 'retry(1)\n', 'src/other.ts': 'x\n' });
    repo.commit('2026-04-02', 'payments: retry twice', { 'src/payments/retry.ts': 'retry(2)\n' });
    const newest = repo.commit('2026-04-10', 'payments: retry three times', { 'src/payments/retry.ts': 'retry(3)\n' });
    repo.commit('2026-04-20', 'unrelated', { 'src/other.ts': 'y\n' });

    const { findings } = await check(repo.dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', path: 'content/runbooks/pay.md', line: COVERS_LINE, column: 1 });
    expect(findings[0].message).toContain('src/payments/retry.ts');
    expect(findings[0].message).toContain(newest.slice(0, 7));
    expect(findings[0].message).toContain('2026-04-10');
    expect(findings[0].message).toContain('2026-03-01');
  });

  it('says nothing when the covered files changed before the review, or only the document did', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook({ covers: ['src/payments/**', 'content/runbooks/**'] }), 'src/payments/retry.ts': 'retry(1)\n', 'content/runbooks/notes.txt': 'x\n' });
    repo.commit('2026-02-20', 'before the review', { 'src/payments/retry.ts': 'retry(2)\n' });
    // The document itself matches its own glob: its edits are not a change to what it covers.
    repo.commit('2026-04-01', 'reword', { 'content/runbooks/pay.md': runbook({ covers: ['src/payments/**', 'content/runbooks/**'], body: 'Retry the payment, then wait.' }) });
    const { findings } = await check(repo.dir);
    expect(findings).toEqual([]);
  });

  it('ignores commits after the day being judged', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook(), 'src/payments/retry.ts': 'retry(1)\n' });
    repo.commit('2026-05-15', 'later', { 'src/payments/retry.ts': 'retry(2)\n' });
    expect((await check(repo.dir, { today: '2026-05-01' })).findings).toEqual([]);
    expect((await check(repo.dir, { today: '2026-05-15' })).findings).toHaveLength(1);
  });

  it('reports a covered file renamed after the review under both names', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook(), 'src/payments/retry.ts': 'export const attempts = 3;\n'.repeat(20) });
    renameSync(path.join(repo.dir, 'src/payments/retry.ts'), path.join(repo.dir, 'src/payments/backoff.ts'));
    repo.commit('2026-04-01', 'payments: rename retry to backoff');
    const { findings } = await check(repo.dir);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('src/payments/retry.ts (renamed to src/payments/backoff.ts)');
  });

  it('follows a file renamed out of the covered folder', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook(), 'src/payments/retry.ts': 'export const attempts = 3;\n'.repeat(20) });
    mkdirSync(path.join(repo.dir, 'src/billing'));
    renameSync(path.join(repo.dir, 'src/payments/retry.ts'), path.join(repo.dir, 'src/billing/retry.ts'));
    repo.commit('2026-04-01', 'move retry to billing');
    const { findings } = await check(repo.dir);
    // One finding for the move (the log reads only the covered folder, where the file is gone);
    // the glob now matches nothing either, which is its own finding.
    expect(findings.map((f) => [f.line, f.message.includes('src/payments/retry.ts (deleted or moved)')])).toEqual([
      [COVERS_LINE, true],
      [COVERS_LINE + 1, false],
    ]);
    expect(findings[1].message).toContain('"src/payments/**" matches no file in the repository');
  });

  it('reports a shallow clone once, with the fetch-depth fix, and judges nothing', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', {
      'content/runbooks/pay.md': runbook(),
      'content/runbooks/card.md': runbook({ id: 'RB-CARD-01' }),
      'src/payments/retry.ts': 'retry(1)\n',
    });
    repo.commit('2026-04-10', 'after review', { 'src/payments/retry.ts': 'retry(2)\n' });
    const clone = path.join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);

    const { findings, run } = await check(clone);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'content/runbooks/card.md', line: COVERS_LINE });
    expect(findings[0].message).toMatch(/shallow clone/);
    expect(findings[0].message).toContain('fetch-depth: 0');
    // A pull request's range is not judged on part of the history either: the same one finding.
    const pr = await check(clone, { changedSince: 'origin/main' });
    expect(pr.findings.map((f) => f.message)).toEqual([findings[0].message]);
    // Dates from part of the history would be wrong, so none are given.
    expect(run.documents.map((d) => d.content_changed)).toEqual([null, null]);

    // The full history judges the same documents.
    const full = path.join(tempDir(), 'full');
    execFileSync('git', ['clone', '-q', `file://${repo.dir}`, full]);
    expect((await check(full)).findings.map((f) => f.path)).toEqual(['content/runbooks/card.md', 'content/runbooks/pay.md']);
  });

  it('reports once when the folder is not in a Git repository', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'content'));
    writeFileSync(path.join(dir, 'content/a.md'), runbook());
    writeFileSync(path.join(dir, 'content/b.md'), runbook({ id: 'RB-B-01' }));
    const { findings } = await check(dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'content/a.md', line: COVERS_LINE });
    expect(findings[0].message).toContain('not in a Git repository');
  });

  it('reports a covers entry that matches no file, at the entry', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook({ covers: ['src/payments/**', 'src/paymnts/retry.ts'] }), 'src/payments/retry.ts': 'x\n' });
    const { findings } = await check(repo.dir);
    expect(findings.map((f) => [f.line, f.column])).toEqual([[COVERS_LINE + 2, 5]]);
    expect(findings[0].message).toContain('"src/paymnts/retry.ts" matches no file');
  });

  it('leaves out files a `!glob` entry excludes', async () => {
    const repo = repository();
    const covers = ['src/payments/**', '!src/payments/**/*.test.ts'];
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook({ covers }), 'src/payments/retry.ts': 'a\n', 'src/payments/retry.test.ts': 'a\n' });
    repo.commit('2026-04-01', 'tests only', { 'src/payments/retry.test.ts': 'b\n' });
    expect((await check(repo.dir)).findings).toEqual([]);
    repo.commit('2026-04-02', 'code too', { 'src/payments/retry.ts': 'b\n', 'src/payments/retry.test.ts': 'c\n' });
    const { findings } = await check(repo.dir);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^covers src\/payments\/retry\.ts, changed/);
  });

  it('is silent when turned off', async () => {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook(), 'src/payments/retry.ts': 'retry(1)\n' });
    repo.commit('2026-04-10', 'after review', { 'src/payments/retry.ts': 'retry(2)\n' });
    expect((await check(repo.dir, { config: { rules: { 'changed-since-review': 'off' } } })).findings).toEqual([]);
  });
});

describe('changed-since-review in a pull request (changedSince)', () => {
  function pullRequest() {
    const repo = repository();
    repo.commit('2026-02-01', 'first', { 'content/runbooks/pay.md': runbook({ reviewed: '2026-02-01' }), 'src/payments/retry.ts': 'retry(1)\n', 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    return repo;
  }

  it('annotates a document whose covered files the pull request changes while it does not', async () => {
    const repo = pullRequest();
    repo.commit('2026-04-10', 'retry more', { 'src/payments/retry.ts': 'retry(5)\n', 'README.md': 'hello\n' });
    const { findings } = await check(repo.dir, { changedSince: 'main' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'content/runbooks/pay.md', line: COVERS_LINE + 1, column: 5 });
    expect(findings[0].message).toMatch(/^covers src\/payments\/retry\.ts, changed in this pull request: review RB-PAY-01/);
  });

  it('counts only the pull request, not what the base branch did since', async () => {
    const repo = pullRequest();
    repo.commit('2026-04-10', 'docs only', { 'README.md': 'hello\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('2026-04-11', 'main moves on', { 'src/payments/retry.ts': 'retry(9)\n' });
    repo.git(['checkout', '-q', 'feature']);
    const { findings } = await check(repo.dir, { changedSince: 'main' });
    expect(findings).toEqual([]);
  });

  it('is satisfied when the pull request reviews the document too', async () => {
    const repo = pullRequest();
    repo.commit('2026-04-10', 'retry more, runbook reviewed', { 'src/payments/retry.ts': 'retry(5)\n', 'content/runbooks/pay.md': runbook({ reviewed: '2026-04-10' }) });
    expect((await check(repo.dir, { changedSince: 'main' })).findings).toEqual([]);
  });

  it('refuses a ref the repository does not have', async () => {
    const repo = pullRequest();
    await expect(check(repo.dir, { changedSince: 'origin/nope' })).rejects.toThrow(ChangedSinceError);
    await expect(check(repo.dir, { changedSince: '--output=/tmp/x' })).rejects.toThrow(/not a Git ref/);
  });
});

describe('content last changed in Git', () => {
  it('skips commits that only renewed the review, and follows renames', async () => {
    const repo = repository();
    repo.commit('2026-01-10', 'write it', { 'content/runbooks/pay.md': runbook({ reviewed: '2026-01-10' }), 'src/payments/retry.ts': 'x\n' });
    repo.commit('2026-02-10', 'review: nothing changed', { 'content/runbooks/pay.md': runbook({ reviewed: '2026-02-10' }) });
    let { run } = await check(repo.dir);
    expect(run.documents[0].content_changed).toBe('2026-01-10');

    repo.commit('2026-03-10', 'fix a step', { 'content/runbooks/pay.md': runbook({ reviewed: '2026-02-10', body: 'Retry the payment once.' }) });
    repo.commit('2026-04-10', 'review again', { 'content/runbooks/pay.md': runbook({ reviewed: '2026-04-10', body: 'Retry the payment once.' }).replace('review_cycle', 'reviewed_by: Jo\nreview_cycle') });
    mkdirSync(path.join(repo.dir, 'content/payments'));
    renameSync(path.join(repo.dir, 'content/runbooks/pay.md'), path.join(repo.dir, 'content/payments/pay.md'));
    repo.commit('2026-05-10', 'move it');
    ({ run } = await check(repo.dir));
    expect(run.documents.map((d) => [d.relPath, d.content_changed, d.reviewed_by])).toEqual([['payments/pay.md', '2026-03-10', 'Jo']]);
    // The register's downloads carry both, beside the review date.
    const [header, row] = registerCsv(run.documents).split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((column, index) => [column, row.split(',')[index]]));
    expect(cells).toMatchObject({ last_reviewed: '2026-04-10', reviewed_by: 'Jo', content_changed: '2026-03-10' });
    expect(registerJson(run.documents, '2026-06-01', () => '/').documents[0]).toMatchObject({ reviewed_by: 'Jo', content_changed: '2026-03-10' });
  });

  it('is null for a file Git does not track', async () => {
    const repo = repository();
    repo.commit('2026-01-10', 'first', { 'README.md': 'x\n' });
    repo.write({ 'content/new.md': runbook() });
    const { run } = await check(repo.dir);
    expect(run.documents[0].content_changed).toBeNull();
  });

  it('takes only the review fields out, with their continuation lines', () => {
    const text = '---\ntitle: A\nlast_reviewed: 2026-01-01\nreviewed_by:\n  name: Jo\nowner: B\n---\nbody\n';
    expect(withoutReviewRecord(text, ['last_reviewed', 'reviewed_by'])).toBe('---\ntitle: A\nowner: B\n---\nbody\n');
  });
});
