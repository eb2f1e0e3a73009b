// The build gate: a site is never built from documents that `vigil check` rejects.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSite } from './testing.js';

const work = mkdtempSync(path.join(tmpdir(), 'vigil-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the build fails with vigil check diagnostics when a document has an error', async () => {
  const outDir = path.join(work, 'out');
  const result = await buildSite({
    configFile: path.join(import.meta.dirname, '__fixtures__/broken/vigil.config.yaml'),
    outDir,
    now: '2026-11-26',
    cacheDir: path.join(work, 'cache'),
  });
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('content/no-owner.md:1:1');
  expect(result.output).toMatch(/error\s+missing required field "owner"\s+schema/);
  expect(result.output).toContain('vigil check found 1 error: the site was not built');
  expect(result.output).not.toContain('Browser APIs');
  expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
});
