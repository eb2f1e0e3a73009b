// The GitHub workflows in .github/workflows: valid, pinned, wired to the commands they call,
// and the daily issue upkeep keeps exactly one "Documents due for review" issue.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveGateMode } from '../astro/gate.js';
import { buildCli, repo, runVigil } from './formatters/__fixtures__/cli.js';

const workflowsDir = path.join(repo, '.github/workflows');
const validator = path.join(repo, 'node_modules/.bin/action-validator');
const WORKFLOWS = ['check.yml', 'site.yml', 'scheduled.yml'];

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { steps?: Step[]; uses?: string; with?: Record<string, unknown>; permissions?: Record<string, string>; needs?: string }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, Job> }
interface CallInput { type: string; default?: unknown }

const load = (name: string): Workflow => parse(readFileSync(path.join(workflowsDir, name), 'utf8'));
const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

function validate(file: string) {
  return spawnSync(validator, [file], { encoding: 'utf8' });
}

describe('workflow files', () => {
  it.each(WORKFLOWS)('%s passes action-validator', (name) => {
    const result = validate(path.join(workflowsDir, name));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('action-validator does reject a broken workflow', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-wf-'));
    writeFileSync(path.join(dir, 'bad.yml'), 'on: pull_request\njobs:\n  check:\n    steps:\n      - run: echo\n');
    expect(validate(path.join(dir, 'bad.yml')).status).not.toBe(0);
  });

  it.each(WORKFLOWS)('%s pins every action to a full version or a commit', (name) => {
    const uses = [...Object.values(load(name).jobs).map((job) => job.uses), ...steps(load(name)).map((step) => step.uses)].filter(Boolean) as string[];
    for (const ref of uses) expect(ref).toMatch(/^(\.\/.+|[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40}))$/);
  });

  it.each(WORKFLOWS)('%s runs every shell step through bash -n cleanly', (name) => {
    for (const step of steps(load(name)).filter((s) => s.run)) {
      const result = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
      expect(result.stderr, step.name ?? step.run).toBe('');
    }
  });

  it('check.yml annotates, uploads SARIF and runs lychee on the status-page URLs, on pull requests', () => {
    const workflow = load('check.yml');
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const runs = steps(workflow).map((step) => step.run ?? step.uses);
    const at = (text: string) => runs.findIndex((run) => run?.includes(text));
    expect(at('npx vigil check --offline')).toBeGreaterThan(at('npm ci'));
    expect(at('--format sarif > vigil.sarif')).toBeGreaterThan(at('npx vigil check --offline'));
    expect(at('github/codeql-action/upload-sarif@')).toBeGreaterThan(at('--format sarif'));
    expect(at('npx vigil links --urls > status-pages.txt')).toBeGreaterThan(0);
    expect(at('lycheeverse/lychee-action@')).toBeGreaterThan(at('vigil links --urls'));
    const upload = steps(workflow).find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBe('vigil.sarif');
    expect(upload.if).toContain('!cancelled()');
    const lychee = steps(workflow).find((step) => step.uses?.startsWith('lycheeverse/lychee-action@'))!;
    expect(String(lychee.with?.args)).toMatch(/status-pages\.txt$/);
    expect(workflow.jobs.check.permissions).toMatchObject({ 'security-events': 'write' });
  });

  it('site.yml deploys the folder the site build writes, with Pages permissions', () => {
    const workflow = load('site.yml');
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
    expect(Object.keys(workflow.on)).toContain('workflow_call');
    const outDir = /outDir:\s*['"]([^'"]+)['"]/.exec(readFileSync(path.join(repo, 'astro.config.mjs'), 'utf8'))?.[1];
    const packageScripts = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const build = steps(workflow).find((step) => step.run?.startsWith('npm run '))!;
    expect(packageScripts[build.run!.replace('npm run ', '')]).toBeDefined();
    const artifact = steps(workflow).find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(artifact.with?.path).toBe(outDir);
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy.steps?.[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('scheduled.yml runs daily, redeploys the site and keeps the issue', () => {
    const workflow = load('scheduled.yml') as Workflow & { on: { schedule: Array<{ cron: string }> } };
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.jobs.site.uses).toBe('./.github/workflows/site.yml');
    expect(workflow.jobs.site.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['due-review-issue'].permissions).toMatchObject({ issues: 'write' });
  });

  it('the deploy and the daily rebuild build with the publish gate', () => {
    const site = load('site.yml') as Workflow & { on: { workflow_call: { inputs: Record<string, CallInput> } } };
    const build = steps(site).find((step) => step.run === 'npm run site:build')!;
    const expression = build.env?.VIGIL_SITE_GATE ?? '';
    // The one expression shape used: `${{ inputs.NAME || 'fallback' }}`, evaluated as GitHub does.
    const match = /^\$\{\{ inputs\.([\w-]+) \|\| '([^']*)' \}\}$/.exec(expression);
    expect(match, expression).not.toBeNull();
    const [, input, fallback] = match!;
    const gateFor = (inputs: Record<string, unknown>): string => String(inputs[input] || fallback);
    const declared = site.on.workflow_call.inputs[input];
    expect(declared.type).toBe('string');
    const caller = load('scheduled.yml').jobs.site.with ?? {};
    // push and workflow_dispatch carry no inputs; a workflow_call gets the caller's `with` over the defaults.
    expect(resolveGateMode(gateFor({}))).toBe('publish');
    expect(resolveGateMode(gateFor({ [input]: declared.default }))).toBe('publish');
    expect(resolveGateMode(gateFor({ [input]: declared.default, ...caller }))).toBe('publish');
  });
});

describe('the daily "Documents due for review" issue', () => {
  const issueStep = load('scheduled.yml').jobs['due-review-issue'].steps!.find((step) => step.name === 'Create, update or close the issue')!;
  const reportStep = load('scheduled.yml').jobs['due-review-issue'].steps!.find((step) => step.name === 'Build the report')!;
  const TITLE = issueStep.env!.TITLE;
  let fakeBin: string;
  const reports: Record<'due' | 'none', { json: string; markdown: string }> = { due: { json: '', markdown: '' }, none: { json: '', markdown: '' } };

  beforeAll(() => {
    buildCli();
    // The same commands the "Build the report" step runs, on a fixture with known dates.
    expect(reportStep.run).toContain('npx vigil report --format json > report.json');
    expect(reportStep.run).toContain('npx vigil report --format markdown > report.md');
    const fixture = path.join(repo, 'src/core/__fixtures__/due-report');
    for (const [key, now] of [['due', '2026-11-26'], ['none', '2026-07-01']] as const) {
      reports[key].json = runVigil(['report', '--format', 'json', '--now', now], fixture).stdout;
      reports[key].markdown = runVigil(['report', '--format', 'markdown', '--now', now], fixture).stdout;
    }
    // A stand-in for the GitHub CLI: records each call, answers `issue list` with GH_ISSUES.
    fakeBin = mkdtempSync(path.join(os.tmpdir(), 'vigil-gh-'));
    writeFileSync(path.join(fakeBin, 'gh'), '#!/usr/bin/env bash\nprintf "%s\\n" "$*" >> "$GH_LOG"\nif [ "$1 $2" = "issue list" ]; then printf "%s" "$GH_ISSUES"; fi\n');
    chmodSync(path.join(fakeBin, 'gh'), 0o755);
  });

  function upkeep(report: 'due' | 'none', issues: Array<{ number: number; title: string; state: 'OPEN' | 'CLOSED' }>, markdown?: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-issue-'));
    writeFileSync(path.join(dir, 'report.json'), reports[report].json);
    writeFileSync(path.join(dir, 'report.md'), markdown ?? reports[report].markdown);
    const log = path.join(dir, 'gh.log');
    writeFileSync(log, '');
    // As GitHub runs a `run:` step: bash -e -o pipefail.
    execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', issueStep.run!], {
      cwd: dir,
      env: { PATH: `${fakeBin}:${process.env.PATH}`, ...issueStep.env, RUN_URL: 'https://github.com/acme/policies/actions/runs/1', GH_LOG: log, GH_ISSUES: JSON.stringify(issues) },
    });
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    return { calls: calls.slice(1), list: calls[0], body: readFileSync(path.join(dir, 'body.md'), 'utf8') };
  }

  const open = (number: number, title = TITLE) => ({ number, title, state: 'OPEN' as const });
  const closed = (number: number) => ({ number, title: TITLE, state: 'CLOSED' as const });

  it('searches for the title, and creates the issue when there is none', () => {
    const { list, calls, body } = upkeep('due', []);
    expect(list).toBe(`issue list --state all --limit 100 --search "${TITLE}" in:title --json number,title,state`);
    expect(calls).toEqual([`issue create --title ${TITLE} --body-file body.md`]);
    expect(body.startsWith(reports.due.markdown)).toBe(true);
    expect(body).toContain('Updated 2026-11-26 by [this run](https://github.com/acme/policies/actions/runs/1)');
  });

  it('edits the open issue instead of creating a second one, ignoring look-alike titles', () => {
    expect(upkeep('due', [open(9, `${TITLE} (old)`), open(7)]).calls).toEqual(['issue edit 7 --body-file body.md']);
  });

  it('reopens the latest closed issue rather than creating another', () => {
    expect(upkeep('due', [closed(4), closed(6)]).calls).toEqual(['issue edit 6 --body-file body.md', 'issue reopen 6']);
  });

  it('closes the issue when nothing is due, and does nothing when there is none', () => {
    expect(upkeep('none', [open(7), closed(4)]).calls).toEqual(['issue close 7 --comment Nothing is overdue, expired or due for review as of 2026-07-01.']);
    expect(upkeep('none', [closed(4)]).calls).toEqual([]);
  });

  it('closes duplicates in favour of the oldest open issue', () => {
    expect(upkeep('due', [open(12), open(7)]).calls).toEqual(['issue edit 7 --body-file body.md', 'issue close 12 --comment Duplicate of #7.']);
  });

  it('cuts a report too long for an issue body at a line', () => {
    const long = `${reports.due.markdown}${'| [x](y) | review overdue by 1 day | 2026-11-25 | — |\n'.repeat(2000)}`;
    const { body } = upkeep('due', [], long);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('\n…cut short: run `npx vigil report` for the full list.\n');
    expect(body.split('\n').filter((line) => line.startsWith('| [x]')).every((line) => line.endsWith('— |'))).toBe(true);
  });
});
