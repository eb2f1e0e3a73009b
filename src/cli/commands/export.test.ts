// `vigil export` on the site fixture: one file, every active runbook with its status, contacts
// (tap to call), status pages and body, no request of its own; opened in headless Chromium with
// the network blocked, on a phone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../astro/testing.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { run } from './export.js';

const fixture = path.join(import.meta.dirname, '../../astro/__fixtures__/site');
const screenshots = path.join(import.meta.dirname, '../../../test-output');
const work = mkdtempSync(path.join(tmpdir(), 'vigil-export-'));
const outputs: string[] = [];
let html = '';
let browser: Browser;

async function exportTo(name: string, extra: string[] = [], cwd = fixture): Promise<{ code: number; stdout: string; html: string }> {
  let stdout = '';
  const io: CliIo = { cwd, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } };
  const file = path.join(work, name);
  const code = await run(['--now', '2026-11-26', '-o', file, ...extra], io);
  outputs.push(file);
  return { code, stdout, html: readFileSync(file, 'utf8') };
}

beforeAll(async () => {
  ({ html } = await exportTo('break-glass.html'));
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('vigil export', () => {
  it('holds every active runbook and nothing else, with status, banner, contacts, status pages and body', () => {
    for (const title of ['Ledger Database Failover', 'Cache Flush', 'Payment Gateway Outage']) expect(html).toContain(`${title} <span class="badge`);
    for (const other of ['Expired Vendor Policy', 'Draft Remote Work Policy', 'Overdue Backup Procedure']) expect(html).not.toContain(other);
    expect(html).toContain('<span class="badge badge--incomplete">Incomplete</span>');
    expect(html).toContain('<li>No primary on-call contact</li>');
    expect(html).toContain('href="tel:+442079460001">+44 20 7946 0001</a>');
    expect(html).toContain('href="tel:+15550100199">+1 (555) 010-0199</a>');
    // Body contact tables as on the site, ids made unique per runbook.
    expect(html).toContain('<td data-label="Phone"><a href="tel:+442079460999">+44 (0)20 7946 0999</a></td>');
    const payments = /<section class="runbook" id="(rb-\d+)"><h2>Payment Gateway Outage /.exec(html)?.[1];
    expect(html).toContain(`<h3 id="${payments}--escalation">Escalation</h3>`);
    expect(html.match(/ id="[^"]*--escalation"/g)?.length).toBe(4);
    expect(html).toContain('<a href="https://status.example.com/">Cloud status</a> <span class="url">https://status.example.com/</span>');
    expect(html).toContain('zanzibarite');
  });

  it('makes no request of its own and runs no document content', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    // A tag that would load something (escaped text such as a hostile title is not a tag).
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|background)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<script>window\.__vigilXss/);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('is stamped with the day it was made and a content hash that only the content changes', async () => {
    expect(html).toMatch(/Made on \d{4}-\d\d-\d\d; statuses as of 2026-11-26\. Content hash sha256:<code>[0-9a-f]{64}<\/code>/);
    const hash = /sha256:<code>([0-9a-f]{64})/.exec(html)?.[1];
    const again = await exportTo('again.html');
    expect(/sha256:<code>([0-9a-f]{64})/.exec(again.html)?.[1]).toBe(hash);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Wrote .*again\.html: 4 active runbooks, \d+ kB, content sha256:[0-9a-f]{12}…\n$/);
    const later = await exportTo('later.html', ['--now', '2027-11-26']);
    expect(/sha256:<code>([0-9a-f]{64})/.exec(later.html)?.[1]).not.toBe(hash);
  });

  it('1,000 runbooks stay under 5 MB', async () => {
    // The bench's generator, seeded: 1,720 documents of which 1,005 are active runbooks.
    const corpus = path.join(work, 'corpus');
    execFileSync(process.execPath, [path.join(import.meta.dirname, '../../../scripts/generate-corpus.mjs'), '--count', '1720', '--out', corpus], { stdio: 'ignore' });
    const { stdout } = await exportTo('big.html', [], corpus);
    expect(Number(/: (\d+) active runbooks/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(1000);
    expect(statSync(path.join(work, 'big.html')).size).toBeLessThan(5_000_000);
  }, 60_000);

  it('a bad option is a usage error', async () => {
    const io: CliIo = { cwd: fixture, env: {}, stdout: { write: () => true }, stderr: { write: () => true } };
    await expect(run(['--outptu', 'x.html'], io)).rejects.toThrow(/Unknown option '--outptu'/);
  });

  it('opens with the network blocked, on a phone, shows every runbook\'s first contact, and searches', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requested.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(outputs[0]).href);
    await page.waitForLoadState('load');
    expect(requested).toEqual([]);
    const entries = page.locator('nav.toc li');
    expect(await entries.count()).toBe(4);
    expect(await page.locator('nav.toc li', { hasText: 'Ledger Database Failover' }).locator('a[href="tel:+442079460001"]').isVisible()).toBe(true);
    expect(await page.locator('nav.toc li', { hasText: 'Payment Gateway Outage' }).textContent()).toContain('Primary on-call: no contact given');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'export-phone.png'), fullPage: false });
    await page.fill('#q', 'okoro');
    await expect.poll(() => page.locator('section.runbook:not([hidden]) > h2').allTextContents()).toEqual(['Cache Flush Review overdue']);
    expect(await page.locator('#count').textContent()).toBe('1 of 4 runbooks match');
    await page.fill('#q', '');
    expect(await page.locator('section.runbook:not([hidden])').count()).toBe(4);
    await context.close();
  });
});
