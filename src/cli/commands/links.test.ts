// `vigil links` as a user runs it: a child process on real files, against a loopback server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../core/links/__fixtures__/server.js';
import { progressLine } from './links.js';
import { runbook } from '../../core/links/__fixtures__/runbook.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repo, 'bin/vigil.js');
let server: TestServer;
let project: string;

/** Runs the CLI without blocking this process, which serves the HTTP answers. */
function vigil(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}


beforeAll(async () => {
  server = await startTestServer();
  project = mkdtempSync(path.join(os.tmpdir(), 'vigil-links-cli-'));
  mkdirSync(path.join(project, 'content/good'), { recursive: true });
  mkdirSync(path.join(project, 'content/bad'), { recursive: true });
  writeFileSync(path.join(project, 'content/good/db.md'), runbook('Database', [`${server.base}/ok`, `${server.base}/chain/1`]));
  writeFileSync(path.join(project, 'content/good/cache.md'), runbook('Cache', [`${server.base}/ok`]));
  writeFileSync(path.join(project, 'content/bad/api.md'), runbook('API', [`${server.base}/missing`, `${server.base}/to-metadata`, 'ftp://files.example.test/']));
  writeFileSync(
    path.join(project, 'vigil.config.yaml'),
    `schemas: ${JSON.stringify(path.join(repo, 'schemas'))}\nlinks:\n  timeout: 2s\n  allow_hosts: [127.0.0.1]\n`,
  );
});
afterAll(async () => {
  await server.close();
});

describe('vigil links', () => {
  it('explains each URL, lists where it is used, and exits 0 when all answer', async () => {
    const { code, stdout, stderr } = await vigil(['links', 'content/good'], project);
    expect(code).toBe(0);
    expect(stdout).toContain(`✔ ${server.base}/ok  200 OK\n    content/good/cache.md:13:10  Page 1\n    content/good/db.md:13:10  Page 1\n`);
    expect(stdout).toContain(`✔ ${server.base}/chain/1  200 OK, redirected to ${server.base}/chain/3 (301, 301)`);
    expect(stdout).toContain('✔ 2 status pages checked: 2 ok, 0 failed');
    expect(stderr).toBe(''); // not a terminal: no progress line
  });

  it('exits 1 and says what happened when a page fails or a hop is blocked', async () => {
    const { code, stdout } = await vigil(['links'], project);
    expect(code).toBe(1);
    expect(stdout).toContain(`✖ ${server.base}/missing  404 Not Found  status-page-dead\n    content/bad/api.md:13:10  Page 1`);
    expect(stdout).toContain(`✖ ${server.base}/to-metadata  redirect to http://169.254.169.254/latest/meta-data/ blocked: 169.254.169.254 is a link-local address  status-page-url`);
    expect(stdout).toContain('✖ not checked: "ftp://files.example.test/" uses ftp');
    expect(stdout).toContain('4 status pages checked: 2 ok, 2 failed, 1 refused without a request');
  });

  it('prints JSON with every result', async () => {
    const { code, stdout } = await vigil(['links', '--format', 'json'], project);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.summary).toEqual({ urls: 4, ok: 2, failed: 2, refused: 1 });
    const missing = result.urls.find((u: { url: string }) => u.url === `${server.base}/missing`);
    expect(missing).toMatchObject({ result: 'http-error', rule: 'status-page-dead', status: 404, message: '404 Not Found', places: [{ path: 'content/bad/api.md', line: 13, column: 10, name: 'Page 1' }] });
  });

  it('--urls prints the distinct URLs that would be checked, one a line, without any request', async () => {
    const before = server.log.length;
    const { code, stdout } = await vigil(['links', '--urls'], project);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(
      [`${server.base}/missing`, `${server.base}/to-metadata`, `${server.base}/ok`, `${server.base}/chain/1`].sort(),
    );
    expect(server.log.length).toBe(before);
  });

  it('refuses loopback as status-page-url when allow_hosts does not list it', async () => {
    writeFileSync(path.join(project, 'strict.yaml'), `schemas: ${JSON.stringify(path.join(repo, 'schemas'))}\n`);
    const before = server.log.length;
    const { code, stdout } = await vigil(['links', 'content/good', '--config', 'strict.yaml'], project);
    expect(code).toBe(1);
    expect(stdout).toContain('not checked: blocked: 127.0.0.1 is a loopback address');
    expect(server.log.length).toBe(before);
  });

  it('rejects an unknown format as a usage error', async () => {
    const { code, stderr } = await vigil(['links', '--format', 'xml'], project);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of pretty, json');
  });
});

describe('the progress line', () => {
  const io = (isTTY: boolean, env: Record<string, string> = {}) => {
    const written: string[] = [];
    return { written, io: { cwd: '.', env, stdout: { write: () => true }, stderr: { isTTY, write: (text: string) => written.push(text) } } };
  };

  it('shows done / total, in flight and failures on a terminal, and clears itself', () => {
    const { io: terminal, written } = io(true);
    const line = progressLine(terminal)!;
    line.update({ done: 3, total: 10, inFlight: 4, failures: 1 });
    line.finish();
    expect(written).toEqual(['\r\x1b[2Kstatus pages: 3/10 done, 4 in flight, 1 failed', '\r\x1b[2K']);
  });

  it('is off in CI and when stderr is not a terminal', () => {
    expect(progressLine(io(true, { CI: 'true' }).io)).toBeNull();
    expect(progressLine(io(false).io)).toBeNull();
  });
});
