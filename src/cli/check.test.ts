// `vigil check` as a user runs it: a child process on real files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'bin/vigil.js');

function vigil(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const runbook = (over: string) => `---
title: Database failover
id: RB-DB-01
type: runbook
owner: Platform team
last_reviewed: 2026-03-07
review_cycle: annual
escalation:
  - role: Primary on-call
    name: Ana Lima
    contact: "+44 20 7946 0321"
${over}---

# Database failover

## Summary

Fail over the primary database.

## Escalation

Call the primary on-call first.
`;

let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
  mkdirSync(path.join(project, 'content/runbooks'), { recursive: true });
  writeFileSync(path.join(project, 'content/runbooks/db.md'), runbook(''));
  writeFileSync(path.join(project, 'content/runbooks/cache.md'), runbook('expires: 2026-12-10\n').replace('RB-DB-01', 'RB-CACHE-01'));
  writeFileSync(path.join(project, 'vigil.config.json'), JSON.stringify({ schemas: path.join(repo, 'schemas') }));
});

describe('vigil check', () => {
  it('passes (exit 0) when there are no errors, warnings included', () => {
    const { code, stdout } = vigil(['check', '--offline', '--now', '2026-11-26'], project);
    expect(code).toBe(0);
    expect(stdout).toContain('content/runbooks/cache.md:12:10  warn   expires in 14 days (2026-12-10): renew it before then  expires-soon');
    expect(stdout).toContain('1 problem (0 errors, 1 warning) in 2 documents');
    expect(stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('fails (exit 1) when a date has passed, judging by --now or VIGIL_NOW', () => {
    const byFlag = vigil(['check', '--offline', '--now', '2027-03-08', '--format', 'json'], project);
    const byEnv = vigil(['check', '--offline', '--format', 'json'], project, { VIGIL_NOW: '2027-03-08' });
    expect(byFlag.code).toBe(1);
    expect(byEnv.stdout).toBe(byFlag.stdout);
    const result = JSON.parse(byFlag.stdout);
    expect(result.now).toBe('2027-03-08');
    expect(Object.keys(result)).toEqual(['now', 'documents', 'diagnostics', 'summary']);
    expect(result.documents[1]).toEqual({
      path: 'content/runbooks/db.md', id: 'RB-DB-01', type: 'runbook', title: 'Database failover', owner: 'Platform team',
      last_reviewed: '2026-03-07', next_review: '2027-03-07', expires: null, status: 'overdue',
    });
    expect(result.diagnostics).toContainEqual({
      rule: 'review-overdue', severity: 'error', path: 'content/runbooks/db.md', line: 6, column: 16,
      message: expect.stringContaining('review overdue since 2027-03-07'),
    });
    expect(result.summary).toEqual({ documents: 2, errors: 3, warnings: 0 });
  });

  it('colours output only on request or on a terminal', () => {
    const { stdout } = vigil(['check', '--offline', '--now', '2026-11-26'], project, { FORCE_COLOR: '1' });
    expect(stdout).toContain('\u001b[');
  });

  it('checks only the paths given', () => {
    const { stdout } = vigil(['check', '--offline', '--now', '2026-11-26', '--format', 'json', 'content/runbooks/db.md'], project);
    expect(JSON.parse(stdout).summary).toEqual({ documents: 1, errors: 0, warnings: 0 });
  });

  it.each([
    [['check', '--now', '2026-02-30'], /--now must be a real date/],
    [['check', '--format', 'xml'], /--format must be one of pretty, json, github, sarif/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['check', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
    [['check', '--config', 'missing.yaml'], /config file not found/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const { code, stderr } = vigil(args, project);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 naming the key of a bad config', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-badconfig-'));
    writeFileSync(path.join(dir, 'vigil.config.yaml'), 'warning_windw: 30d\n');
    const { code, stderr } = vigil(['check'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown key "warning_windw" (did you mean "warning_window"?)');
  });

  it('gives the same result with worker threads forced on (VIGIL_WORKERS) and rejects a bad count', () => {
    const inline = vigil(['check', '--offline', '--now', '2027-03-08', '--format', 'json'], project, { VIGIL_WORKERS: '0' });
    const threaded = vigil(['check', '--offline', '--now', '2027-03-08', '--format', 'json'], project, { VIGIL_WORKERS: '1' });
    expect(threaded.stdout).toBe(inline.stdout);
    expect(JSON.parse(threaded.stdout).summary.errors).toBe(3);
    const bad = vigil(['check', '--offline'], project, { VIGIL_WORKERS: 'many' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VIGIL_WORKERS must be a whole number');
  });

    it('rejects a bad VIGIL_NOW', () => {
    const { code, stderr } = vigil(['check', '--offline'], project, { VIGIL_NOW: 'yesterday' });
    expect(code).toBe(2);
    expect(stderr).toContain('VIGIL_NOW must be a real date');
  });

  it('prints help and version', () => {
    expect(vigil(['check', '--help'], project).stdout).toContain('Usage: vigil check');
    expect(vigil(['--help'], project).stdout).toMatch(/Commands:\n\s+check/);
    expect(vigil(['--version'], project).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
