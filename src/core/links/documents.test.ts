// Status pages through the engine: each distinct URL requested once, reported at every place it appears.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import { runbook } from './__fixtures__/runbook.js';
import { startTestServer, type TestServer } from './__fixtures__/server.js';

const repo = path.resolve(import.meta.dirname, '../../..');
let server: TestServer;
let project: string;


function config(allowHosts: string[]) {
  const base = defaultConfig(project);
  base.schemas = path.join(repo, 'schemas');
  base.links = { timeoutMs: 2_000, concurrency: 16, allowHosts };
  return base;
}

beforeAll(async () => {
  server = await startTestServer();
  project = mkdtempSync(path.join(os.tmpdir(), 'vigil-links-'));
  mkdirSync(path.join(project, 'content/runbooks'), { recursive: true });
  const write = (name: string, urls: string[]) => writeFileSync(path.join(project, 'content/runbooks', name), runbook(name, urls));
  write('a.md', [`${server.base}/ok`, `${server.base}/missing`]);
  write('b.md', [`${server.base}/missing`]);
  write('c.md', [`${server.base}/ok#section`, `${server.base}/to-metadata`, `${server.base}/missing`]);
});
afterAll(async () => {
  await server.close();
});

describe('status pages in vigil check', () => {
  it('requests each distinct URL once and reports it at every document and line', async () => {
    const before = { ok: server.count('/ok'), missing: server.count('/missing') };
    const run = await checkDocuments({ cwd: project, config: config(['127.0.0.1']), today: '2026-11-26', workers: 0 });
    expect(server.count('/ok') - before.ok).toBe(1);
    expect(server.count('/missing') - before.missing).toBe(1);

    const dead = run.diagnostics.filter((d) => d.rule === 'status-page-dead');
    expect(dead.map((d) => `${d.path}:${d.line}:${d.column}`)).toEqual([
      'content/runbooks/a.md:15:10',
      'content/runbooks/b.md:13:10',
      'content/runbooks/c.md:17:10',
    ]);
    expect(dead[0]).toMatchObject({ severity: 'error', message: `status page ${server.base}/missing: 404 Not Found` });

    // The redirect to the metadata address is a URL problem, found at the hop, not a dead page.
    const blocked = run.diagnostics.filter((d) => d.rule === 'status-page-url');
    expect(blocked).toEqual([
      {
        rule: 'status-page-url',
        severity: 'error',
        path: 'content/runbooks/c.md',
        line: 15,
        column: 10,
        message: `status page ${server.base}/to-metadata: redirect to http://169.254.169.254/latest/meta-data/ blocked: 169.254.169.254 is a link-local address`,
      },
    ]);
  });

  it('refuses loopback without allow_hosts, as status-page-url, and sends nothing', async () => {
    const before = server.log.length;
    const run = await checkDocuments({ cwd: project, config: config([]), today: '2026-11-26', workers: 0 });
    expect(server.log.length).toBe(before);
    expect(run.diagnostics.filter((d) => d.rule === 'status-page-dead')).toEqual([]);
    const blocked = run.diagnostics.filter((d) => d.rule === 'status-page-url');
    expect(blocked).toHaveLength(6);
    expect(blocked[0].message).toContain('127.0.0.1 is a loopback address');
  });

  it('sends nothing with --offline', async () => {
    const before = server.log.length;
    const run = await checkDocuments({ cwd: project, config: config(['127.0.0.1']), today: '2026-11-26', offline: true, workers: 0 });
    expect(server.log.length).toBe(before);
    expect(run.diagnostics.filter((d) => d.rule.startsWith('status-page-'))).toEqual([]);
  });
});
