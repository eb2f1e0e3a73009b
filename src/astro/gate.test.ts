// The build gate: a site is never built from documents that `vigil check` rejects, except that
// VIGIL_SITE_GATE=content lets the daily rebuild publish documents that have merely fallen
// overdue or expired (their pages must then show the banner).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { RULE_IDS, type CheckRun, type Diagnostic } from '../core/index.js';
import { DATE_RULES, gateReport, resolveGateMode } from './gate.js';
import type { SiteRun } from './state.js';
import { buildSite } from './testing.js';

const work = mkdtempSync(path.join(tmpdir(), 'vigil-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BROKEN = path.join(import.meta.dirname, '__fixtures__/broken/vigil.config.yaml');
const OVERDUE = path.join(import.meta.dirname, '__fixtures__/overdue/vigil.config.yaml');

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
  expect(result.output).toContain('vigil check found 1 error: the site was not built');
  expect(result.output).not.toContain('Browser APIs');
  expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
});

describe('VIGIL_SITE_GATE', () => {
  test('by default an overdue or expired document stops the build', async () => {
    const result = await build(OVERDUE);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('vigil check found 2 errors: the site was not built');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });

  test('=content publishes overdue and expired documents, prints their diagnostics and shows their banners', async () => {
    const result = await build(OVERDUE, { VIGIL_SITE_GATE: 'content' });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/content\/overdue-policy\.md:6:16\s+error\s+review overdue since 2026-01-10[^\n]*review-overdue/);
    expect(result.output).toMatch(/content\/expired-policy\.md:8:10\s+error\s+expired on 2026-09-30[^\n]*expired/);
    expect(result.output).toContain('vigil check found 2 errors from date rules (expired, review-overdue)');
    const page = (route: string): string => readFileSync(path.join(result.outDir, route, 'index.html'), 'utf8');
    expect(page('overdue-policy')).toMatch(/<div class="vigil-banner vigil-banner--overdue" data-vigil-banner role="note">[^]*?due for review on 2026-01-10/);
    expect(page('expired-policy')).toMatch(/<div class="vigil-banner vigil-banner--expired" data-vigil-banner role="note">[^]*?Expired on 2026-09-30/);
  });

  test('=content still stops the build on an error in what a document says', async () => {
    const result = await build(BROKEN, { VIGIL_SITE_GATE: 'content' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('vigil check found 1 error: the site was not built');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });

  test('an unknown value stops the build with a clear message', async () => {
    const result = await build(OVERDUE, { VIGIL_SITE_GATE: 'dates' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('VIGIL_SITE_GATE must be one of all, content, got "dates"');
  });
});

describe('gateReport', () => {
  const diagnostic = (rule: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ rule, severity, path: `content/${rule}.md`, line: 1, column: 1, message: `${rule} finding` });
  const site = (diagnostics: Diagnostic[], missing: string[] = []): SiteRun => {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const run = { now: '2026-11-26', documents: [], diagnostics, summary: { documents: diagnostics.length, errors, warnings: diagnostics.length - errors }, docs: [], missing } as unknown as CheckRun;
    return { now: '2026-11-26', config: {} as SiteRun['config'], run, rules: [] };
  };

  test('the date rules are real rule ids', () => {
    for (const id of DATE_RULES) expect(RULE_IDS).toContain(id);
  });

  test('warnings alone never block, in either mode', () => {
    expect(gateReport(site([diagnostic('section-missing', 'warn')]))).toBeNull();
    expect(gateReport(site([diagnostic('review-due-soon', 'warn')]), 'content')).toBeNull();
  });

  test('in content mode every date rule is let through and every other rule blocks', () => {
    for (const rule of RULE_IDS) {
      const report = gateReport(site([diagnostic(rule)]), 'content');
      expect(report?.blocks, rule).toBe(!DATE_RULES.has(rule));
      expect(report?.details, rule).toContain(`content/${rule}.md:1:1`);
      expect(gateReport(site([diagnostic(rule)]), 'all')?.blocks, rule).toBe(true);
    }
  });

  test('a content error blocks even beside date errors, and the summary counts both', () => {
    const report = gateReport(site([diagnostic('review-overdue'), diagnostic('expired'), diagnostic('duplicate-id')]), 'content');
    expect(report?.blocks).toBe(true);
    expect(report?.summary).toBe('vigil check found 1 error (and 2 date errors VIGIL_SITE_GATE=content would let through): the site was not built');
  });

  test('a missing content folder blocks in either mode', () => {
    expect(gateReport(site([], ['content']), 'content')).toMatchObject({ blocks: true, summary: 'vigil: content folder not found: content' });
  });

  test('resolveGateMode: unset means all; only all and content are accepted', () => {
    expect(resolveGateMode(undefined)).toBe('all');
    expect(resolveGateMode('')).toBe('all');
    expect(resolveGateMode('content')).toBe('content');
    expect(resolveGateMode(' all ')).toBe('all');
    expect(() => resolveGateMode('Content')).toThrow('VIGIL_SITE_GATE must be one of all, content, got "Content"');
  });
});
