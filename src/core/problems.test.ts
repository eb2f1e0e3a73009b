// `incomplete` (SPEC "Documents"): set by the engine from the run's error-level findings that
// are not about dates, after every rule ran; in --format json, the report and the browser's re-check.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../cli/formatters/json.js';
import { statusOn, withProblems } from './clientStatus.js';
import { resolveConfig } from './config/load.js';
import { checkDocuments, type CheckRun } from './engine.js';
import { buildDueReport } from './report.js';

const NOW = '2026-11-26';
const root = mkdtempSync(path.join(tmpdir(), 'vigil-incomplete-'));
const runbook = (name: string, frontmatter: string, body = '## Summary\n\nText.\n'): void => {
  writeFileSync(path.join(root, 'content', `${name}.md`), `---\ntitle: ${name}\ntype: runbook\nowner: Ops\n${frontmatter}---\n\n${body}`);
};
let run: CheckRun;
const record = (name: string) => run.documents.find((doc) => doc.path === `content/${name}.md`)!;

beforeAll(async () => {
  mkdirSync(path.join(root, 'content'));
  const reviewed = 'last_reviewed: 2026-10-01\nreview_cycle: annual\n';
  const escalation = (name: string, contact: string) => `escalation:\n  - role: Primary on-call\n    name: ${name}\n    contact: ${contact}\n`;
  runbook('complete', reviewed + escalation('Ada', '"+44 20 7946 0001"'));
  runbook('tbd', reviewed + escalation('TBD', '""') + 'status_pages:\n  - name: Neon\n    url: ftp://status.neon.example/\n');
  runbook('overdue-and-tbd', 'last_reviewed: 2024-01-01\nreview_cycle: annual\n' + escalation('TBD', '""'));
  runbook('expired-and-tbd', reviewed + 'expires: 2026-11-01\n' + escalation('TBD', '""'));
  runbook('overdue-only', 'last_reviewed: 2024-01-01\nreview_cycle: annual\n' + escalation('Ada', '"+44 20 7946 0001"'));
  runbook('table-tbd', reviewed + escalation('Ada', '"+44 20 7946 0001"'), '## Summary\n\nText.\n\n## Escalation\n\n| Role | Name | Phone |\n| --- | --- | --- |\n| Database lead | Lee Park | ? |\n');
  const config = resolveConfig({ rules: { 'review-overdue': 'error', expired: 'error' } }, root, null);
  run = await checkDocuments({ cwd: root, config, today: NOW, offline: true, workers: 0 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('status incomplete', () => {
  it('is set from error-level findings that are not about dates, with each problem in plain words', () => {
    expect(record('complete').status).toBe('current');
    expect(record('complete').problems).toEqual([]);
    expect(record('tbd').status).toBe('incomplete');
    expect(record('tbd').problems?.map((problem) => [problem.rule, problem.text])).toEqual([
      ['escalation-empty', 'No name for primary on-call'],
      ['escalation-empty', 'No primary on-call contact'],
      ['status-page-url', 'Status page for Neon has an address that cannot be used'],
    ]);
    expect(record('table-tbd').problems?.map((problem) => problem.text)).toEqual(['No phone for database lead in the Escalation table']);
  });

  it('comes after expired and before overdue; a date finding alone never makes a page incomplete', () => {
    expect(record('overdue-and-tbd').status).toBe('incomplete');
    expect(record('expired-and-tbd').status).toBe('expired');
    expect(record('expired-and-tbd').problems).toHaveLength(2);
    expect(record('overdue-only').status).toBe('overdue');
    expect(record('overdue-only').problems).toEqual([]);
  });

  it('a finding turned down to warn does not make a page incomplete', async () => {
    const config = resolveConfig({ rules: { 'escalation-empty': 'warn', 'status-page-url': 'off' } }, root, null);
    const relaxed = await checkDocuments({ cwd: root, config, today: NOW, offline: true, workers: 0 });
    expect(relaxed.documents.find((doc) => doc.path === 'content/tbd.md')?.status).toBe('current');
  });

  it('is in --format json and in the report, which still says the page is overdue', () => {
    const json = JSON.parse(formatJson(run)) as { documents: Array<{ path: string; status: string }> };
    expect(json.documents.find((doc) => doc.path === 'content/tbd.md')?.status).toBe('incomplete');
    const report = buildDueReport(run.documents, NOW, 30);
    const due = report.owners.flatMap((group) => group.documents).find((doc) => doc.path === 'content/overdue-and-tbd.md');
    expect(due).toMatchObject({ status: 'incomplete', reasons: ['overdue'], problems: ['No name for primary on-call', 'No primary on-call contact'] });
    expect(report.summary.incomplete).toBe(1);
  });

  it('the browser\'s re-check keeps an incomplete page incomplete until a date makes it expired', () => {
    const dates = { lifecycle: 'active' as const, nextReview: '2027-10-01', expires: '2027-01-31' };
    expect(withProblems(statusOn(dates, '2026-12-01', 30), true)).toBe('incomplete');
    expect(withProblems(statusOn(dates, '2027-01-10', 30), true)).toBe('incomplete');
    expect(withProblems(statusOn(dates, '2027-02-01', 30), true)).toBe('expired');
    expect(withProblems(statusOn(dates, '2026-12-01', 30), false)).toBe('current');
    expect(withProblems(statusOn({ ...dates, lifecycle: 'draft' }, '2026-12-01', 30), true)).toBe('draft');
  });
});
