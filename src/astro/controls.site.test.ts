// Builds the site from the controls fixture once (judged on 2026-11-26: a current, an overdue,
// an expired, a due-soon and a draft document, a team catalogue, two exclusions) and checks the
// controls page's verdicts and summary, /soa.csv, and the verdicts re-judged in the browser.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, launchChromium, serveStatic, type StaticServer } from './testing.js';

const BUILT_ON = '2026-11-26';
const work = mkdtempSync(path.join(tmpdir(), 'vigil-controls-site-'));
const outDir = path.join(work, 'out');
let server: StaticServer;
let browser: Browser;
let page = '';

beforeAll(async () => {
  const result = await buildSite({ configFile: path.join(import.meta.dirname, '__fixtures__/controls/vigil.config.yaml'), outDir, now: BUILT_ON, cacheDir: path.join(work, 'cache') });
  if (result.code !== 0) throw new Error(`site build failed:\n${result.output}`);
  page = readFileSync(path.join(outDir, 'controls/index.html'), 'utf8');
  server = await serveStatic(outDir);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The row of one control: its markup up to the end of the row. */
const row = (ref: string): string => new RegExp(`<tr id="${ref.replace(/\./g, '\\.')}">[^]*?</tr>`).exec(page)?.[0] ?? '';
const verdictOf = (ref: string): string | undefined => /data-vigil-verdict="([a-z]+)"/.exec(row(ref))?.[1];
const count = (verdict: string, catalogue?: string): string | undefined =>
  new RegExp(`data-vigil-count="${verdict}"${catalogue ? ` data-catalogue="${catalogue}"` : ''}>(\\d+)<`).exec(page)?.[1];

describe('the controls page', () => {
  test('lists every control of the catalogues in use, by theme', () => {
    expect(page.match(/<tr id="ISO27001:A\.\d+\.\d+">/g)).toHaveLength(93);
    expect(page.match(/<tr id="SOC2:[A-Z]+\d\.\d+">/g)).toHaveLength(61);
    expect(page.match(/<tr id="ACME:[A-Z]+-\d">/g)).toHaveLength(2);
    for (const theme of ['Organizational controls', 'People controls', 'Physical controls', 'Technological controls', 'CC7 System operations', 'P6 Privacy: disclosure and notification', 'Operations', 'Access']) {
      expect(page).toMatch(new RegExp(`<h3 id="[a-z0-9-]+">${theme}</h3>`));
    }
    expect(row('ISO27001:A.8.13')).toContain('<td>Information backup</td>');
  });

  test.each([
    ['ISO27001:A.5.24', 'covered', ['Incident Response Policy', 'Backup Policy']],
    ['SOC2:A1.3', 'covered', ['Restore Test']],
    ['ACME:OPS-1', 'covered', ['Incident Response Policy']],
    ['ISO27001:A.8.13', 'stale', ['Backup Policy']],
    ['ISO27001:A.5.19', 'stale', ['Vendor Policy']],
    ['ISO27001:A.6.7', 'uncovered', ['Remote Working Policy']],
    ['ISO27001:A.5.1', 'uncovered', []],
    ['ACME:SEC-1', 'uncovered', []],
    ['ISO27001:A.7.1', 'excluded', ['Incident Response Policy']],
    ['SOC2:P1.1', 'excluded', []],
  ])('%s is %s, with its documents', (ref, verdict, titles) => {
    expect(verdictOf(ref)).toBe(verdict);
    const listed = [...row(ref).matchAll(/<a href="\/[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...titles].sort());
  });

  test('a gap shows the stale documents with their status; an exclusion shows its reason', () => {
    expect(row('ISO27001:A.8.13')).toMatch(/data-vigil-status="overdue"[^]*Review overdue[^]*Gap: stale documents/);
    expect(row('ISO27001:A.5.19')).toMatch(/data-vigil-status="expired"/);
    expect(row('ISO27001:A.7.1')).toContain('<span class="vigil-verdict-reason">No offices; every employee works remotely</span>');
    expect(row('ISO27001:A.6.7')).toMatch(/data-vigil-status="draft"[^]*Not covered/);
  });

  test('the summary counts each verdict per catalogue and in all', () => {
    expect([count('covered', 'ISO27001'), count('stale', 'ISO27001'), count('uncovered', 'ISO27001'), count('excluded', 'ISO27001')]).toEqual(['3', '2', '87', '1']);
    expect([count('covered', 'SOC2'), count('stale', 'SOC2'), count('uncovered', 'SOC2'), count('excluded', 'SOC2')]).toEqual(['4', '1', '55', '1']);
    expect([count('covered'), count('stale'), count('uncovered'), count('excluded')]).toEqual(['8', '3', '143', '2']);
    // The page's own rows agree with the summary.
    expect(page.match(/data-vigil-verdict="stale"/g)).toHaveLength(3);
    expect(page).toContain('href="/soa.csv"');
  });

  test('lists apart the references that no catalogue in use holds', () => {
    const apart = page.slice(page.indexOf('id="not-in-catalogues"'), page.indexOf('id="no-control"'));
    expect(apart).toMatch(/<code>NIST:SR-6<\/code>:\s*<a href="\/policies\/vendor\/">Vendor Policy<\/a>/);
    expect(page).not.toContain('<tr id="NIST:SR-6">');
  });

  test('lists the documents that name no control', () => {
    const none = page.slice(page.indexOf('id="no-control"'));
    expect(none).toContain('Coffee Machine Cleaning');
    expect(none).not.toContain('Backup Policy');
  });
});

test('/soa.csv is the Statement of Applicability, one row per control, formula cells neutralised', () => {
  const csv = readFileSync(path.join(outDir, 'soa.csv'), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('control,catalogue,theme,title,applicable,exclusion_reason,verdict,documents,document_paths');
  expect(lines).toHaveLength(1 + 156 + 1);
  expect(lines).toContain('ISO27001:A.8.13,ISO/IEC 27001:2022 Annex A,Technological controls,Information backup,yes,,stale,"POL-BK-01 Backup Policy (overdue, next review 2026-01-10)",policies/backup.md');
  expect(lines).toContain("SOC2:P1.1,SOC 2 Trust Services Criteria (2017),P1 Privacy: notice,Notice to data subjects about privacy practices,no,'=No personal data of customers is processed,excluded,,");
  expect(lines).toContain('ACME:SEC-1,Acme security baseline,Access,Single sign-on for every internal tool,yes,,uncovered,,');
});

describe('in the browser', () => {
  const open = async (clock: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const tab = await context.newPage();
    await tab.clock.setFixedTime(new Date(clock));
    await tab.goto(`${server.url}/controls/`);
    return tab;
  };
  const verdict = (tab: Page, ref: string) => tab.locator(`tr[id="${ref}"] [data-vigil-verdict]`);

  test("a year after the build, the reader's date turns covered controls into gaps and the summary follows", async () => {
    const tab = await open('2027-10-05T09:00:00Z');
    await expect.poll(() => verdict(tab, 'ISO27001:A.5.24').getAttribute('data-vigil-verdict')).toBe('stale');
    expect(await verdict(tab, 'ISO27001:A.5.24').locator('[data-vigil-verdict-label]').textContent()).toBe('Gap: stale documents');
    expect(await verdict(tab, 'ACME:OPS-1').getAttribute('data-vigil-verdict')).toBe('stale');
    // Excluded stays excluded, uncovered stays uncovered.
    expect(await verdict(tab, 'ISO27001:A.7.1').getAttribute('data-vigil-verdict')).toBe('excluded');
    expect(await verdict(tab, 'ISO27001:A.6.7').getAttribute('data-vigil-verdict')).toBe('uncovered');
    const counts = await tab.locator('[data-vigil-count]:not([data-catalogue])').allTextContents();
    expect(counts).toEqual(['0', '11', '143', '2']);
    await tab.context().close();
  });

  test('a reader on the build date sees the build\'s verdicts', async () => {
    const tab = await open(`${BUILT_ON}T09:00:00Z`);
    await tab.waitForLoadState('load');
    expect(await verdict(tab, 'ISO27001:A.5.24').getAttribute('data-vigil-verdict')).toBe('covered');
    expect(await tab.locator('[data-vigil-count]:not([data-catalogue])').allTextContents()).toEqual(['8', '3', '143', '2']);
    await tab.context().close();
  });

  test.each(['light', 'dark'] as const)('axe finds no serious or critical violation (%s mode)', async (colorScheme) => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const tab = await open(`${BUILT_ON}T09:00:00Z`, colorScheme);
    await tab.addScriptTag({ content: axeSource });
    const violations = await tab.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await tab.context().close();
  });
});
