// The build gate: strict (default) never builds a site from documents `vigil check` rejects;
// publish (the main-branch deploy and the daily rebuild) builds every page, each with its banner,
// and says in the log what it let through.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckRun, Diagnostic } from '../core/index.js';
import { gateReport, resolveGateMode } from './gate.js';
import type { SiteRun } from './state.js';
import { buildSite } from './testing.js';

const work = mkdtempSync(path.join(tmpdir(), 'vigil-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BROKEN = path.join(import.meta.dirname, '__fixtures__/broken/vigil.config.yaml');
const GATE = path.join(import.meta.dirname, '__fixtures__/gate/vigil.config.yaml');
const GATE_PUBLISH = path.join(import.meta.dirname, '__fixtures__/gate/publish.config.yaml');

let builds = 0;
function build(configFile: string, env: Record<string, string> = {}) {
  const outDir = path.join(work, `out-${++builds}`);
  const result = buildSite({ configFile, outDir, now: '2026-11-26', cacheDir: path.join(work, `cache-${builds}`), env });
  return result.then((outcome) => ({ ...outcome, outDir }));
}

test('the build fails with vigil check diagnostics when a document has an error', async () => {
  const result = await build(BROKEN);
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('content/no-owner.md:1:1');
  expect(result.output).toMatch(/error\s+missing required field "owner"\s+schema/);
  expect(result.output).toContain('vigil gate strict: vigil check found 1 error: the site was not built');
  expect(result.output).not.toContain('Browser APIs');
  expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
});

describe('the gates', () => {
  test('strict (the default): an overdue, an expired and an incomplete document stop the build, with the report', async () => {
    const result = await build(GATE);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/content\/overdue-policy\.md:6:16\s+error\s+review overdue since 2026-01-10/);
    expect(result.output).toContain('vigil gate strict: vigil check found 3 errors: the site was not built');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });

  test('publish (VIGIL_SITE_GATE): every page is built with its banner, and the log says what was let through', async () => {
    const result = await build(GATE, { VIGIL_SITE_GATE: 'publish' });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('vigil gate publish: let through 3 errors in 3 documents (expired, review-overdue, schema); their pages carry banners');
    expect(result.output).toMatch(/content\/expired-policy\.md:8:10\s+error\s+expired on 2026-09-30[^\n]*expired/);
    const page = (route: string): string => readFileSync(path.join(result.outDir, route, 'index.html'), 'utf8');
    expect(page('overdue-policy')).toMatch(/<div class="vigil-banner vigil-banner--overdue" data-vigil-banner role="note">[^]*?due for review on 2026-01-10/);
    expect(page('expired-policy')).toMatch(/<div class="vigil-banner vigil-banner--expired" data-vigil-banner role="note">[^]*?Expired on 2026-09-30/);
    // The document without an owner is published as incomplete, its banner naming the problem.
    expect(page('no-owner')).toMatch(/<div class="vigil-banner vigil-banner--incomplete" data-vigil-banner role="note">[^]*?owner/i);
    expect(page('no-owner')).not.toMatch(/vigil-badge--current/);
  });

  test('publish named in the config (site.gate), and VIGIL_SITE_GATE overriding it', async () => {
    const published = await build(GATE_PUBLISH);
    expect(published.code, published.output).toBe(0);
    expect(published.output).toContain('vigil gate publish: let through 3 errors');
    const strict = await build(GATE_PUBLISH, { VIGIL_SITE_GATE: 'strict' });
    expect(strict.code).not.toBe(0);
    expect(strict.output).toContain('vigil gate strict: vigil check found 3 errors: the site was not built');
  });

  test('an unknown value stops the build with a clear message', async () => {
    const result = await build(GATE, { VIGIL_SITE_GATE: 'content' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('must be one of strict, publish, got "content"');
  });
});

describe('gateReport', () => {
  const diagnostic = (rule: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ rule, severity, path: `content/${rule}.md`, line: 1, column: 1, message: `${rule} finding` });
  const site = (diagnostics: Diagnostic[], missing: string[] = []): SiteRun => {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const run = { now: '2026-11-26', documents: [], diagnostics, summary: { documents: diagnostics.length, errors, warnings: diagnostics.length - errors }, docs: [], missing } as unknown as CheckRun;
    return { now: '2026-11-26', config: {} as SiteRun['config'], run, rules: [], options: {} };
  };

  test('warnings alone never block, in either gate, and the summary counts them', () => {
    for (const gate of ['strict', 'publish'] as const) {
      const report = gateReport(site([diagnostic('section-missing', 'warn')]), gate);
      expect(report.blocks).toBe(false);
      expect(report.summary).toBe(`vigil gate ${gate}: 1 document, 0 errors, 1 warning; building`);
    }
  });

  test('strict blocks on any error; publish lets every error through and counts it', () => {
    const errors = [diagnostic('review-overdue'), diagnostic('expired'), diagnostic('duplicate-id')];
    expect(gateReport(site(errors), 'strict')).toMatchObject({ blocks: true, letThrough: 0 });
    const published = gateReport(site(errors), 'publish');
    expect(published).toMatchObject({ blocks: false, letThrough: 3 });
    expect(published.summary).toBe('vigil gate publish: let through 3 errors in 3 documents (duplicate-id, expired, review-overdue); their pages carry banners');
    expect(published.details).toContain('content/duplicate-id.md:1:1');
  });

  test('a missing content folder blocks in either gate', () => {
    expect(gateReport(site([], ['content']), 'publish')).toMatchObject({ blocks: true, summary: 'vigil: content folder not found: content' });
  });

  test('resolveGateMode: unset means strict; only strict and publish are accepted', () => {
    expect(resolveGateMode(undefined)).toBe('strict');
    expect(resolveGateMode('')).toBe('strict');
    expect(resolveGateMode(' publish ')).toBe('publish');
    expect(() => resolveGateMode('all')).toThrow('must be one of strict, publish, got "all"');
  });
});
