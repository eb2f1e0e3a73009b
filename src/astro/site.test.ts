// Builds the site from the fixture content once, then checks the generated files and the
// pages in headless Chromium: contacts and banners, register, search, the status re-check
// against the reader's clock, escaping, accessibility and the phone layout.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULE_IDS, rules } from '../core/index.js';
import { buildSite, launchChromium, REPO_ROOT, serveStatic, type StaticServer } from './testing.js';

const BUILT_ON = '2026-11-26';
const work = mkdtempSync(path.join(tmpdir(), 'vigil-site-'));
const outDir = path.join(work, 'out');
const screenshots = path.join(REPO_ROOT, 'test-output');
let server: StaticServer;
let browser: Browser;
let buildOutput = '';

const html = (route: string): string => readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
const file = (name: string): string => readFileSync(path.join(outDir, name), 'utf8');

beforeAll(async () => {
  const result = await buildSite({
    configFile: path.join(import.meta.dirname, '__fixtures__/site/vigil.config.yaml'),
    outDir,
    now: BUILT_ON,
    cacheDir: path.join(work, 'cache'),
  });
  buildOutput = result.output;
  if (result.code !== 0) throw new Error(`site build failed:\n${result.output}`);
  server = await serveStatic(outDir);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('generated HTML', () => {
  test('the build reports the errors the publish gate let through', () => {
    // The fixture's config uses the publish gate, so the incomplete pages are built with their banners.
    expect(buildOutput).toMatch(/vigil gate publish: let through \d+ errors in 3 documents \(escalation-empty, schema, status-page-url\); their pages carry banners/);
  });

  test('a runbook shows its review facts, status and contacts as links', () => {
    const page = html('runbooks/db-failover');
    expect(page).toContain('data-vigil-status="current"');
    expect(page).toMatch(/<span class="vigil-badge vigil-badge--current" data-vigil-badge>Current<\/span>/);
    expect(page).toContain('<dd>Database Guild</dd>');
    expect(page).toContain('<dd>3.1</dd>');
    expect(page).toContain('<dd>2026-10-01</dd>');
    expect(page).toContain('<dd>2027-10-01</dd>');
    expect(page).toContain('href="tel:+442079460001"');
    expect(page).toContain('href="mailto:jonas.berg@example.com"');
    // The fixture's config names the Slack workspace (site.slack), so the channel is a link into it.
    expect(page).toContain('<a class="vigil-contact vigil-contact--slack" href="https://acme.slack.com/app_redirect?channel=db-oncall" rel="noopener noreferrer">#db-oncall</a>');
    expect(page).toContain('after 10 min');
    expect(page).toContain('<a href="https://status.example.com/"');
    // The body's own "# Title" is not repeated under the page title; links between documents become routes.
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    expect(page).toContain('href="/procedures/overdue-procedure/#purpose"');
    // Contacts come before the body.
    expect(page.indexOf('vigil-escalation-contacts')).toBeLessThan(page.indexOf('id="summary"'));
  });

  test.each([
    ['policies/expired-policy', 'expired', 'Expired on 2026-09-30.'],
    ['procedures/overdue-procedure', 'overdue', 'this page was due for review on 2026-01-10'],
    ['policies/draft-policy', 'draft', 'Draft: this page has not been approved yet.'],
    ['policies/retired-policy', 'retired', 'Retired: this page is no longer in use'],
  ])('%s carries a %s banner in plain words', (route, status, words) => {
    const page = html(route);
    const banner = new RegExp(`<div class="vigil-banner vigil-banner--${status}" data-vigil-banner role="note">[^]*?</div>`).exec(page);
    expect(banner?.[0]).toContain(words);
    expect(banner?.[0]).not.toMatch(/role="note" hidden/);
  });

  test('a current page has no visible banner', () => {
    expect(html('runbooks/db-failover')).toMatch(/<div class="vigil-banner vigil-banner--current" data-vigil-banner role="note" hidden>/);
  });

  test('no value from a document becomes markup or a script link, on any page', () => {
    const pages = ['runbooks/xss', 'runbooks/db-failover', 'register', 'controls', ''].map(html);
    for (const page of pages) {
      // Inside a quoted attribute value `<` is only text (quotes are escaped), so look at markup outside them.
      const markup = page.replace(/="[^"]*"/g, '=""');
      expect(markup).not.toMatch(/<script>window\.__vigilXss/);
      expect(markup).not.toMatch(/<img src=x/i);
      expect(markup).not.toMatch(/<b onmouseover/i);
      expect(page).not.toMatch(/href="javascript:/i);
      expect(markup).not.toMatch(/<\/title><script>/);
    }
    const page = html('runbooks/xss');
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;window.__vigilXss=&#39;title&#39;&lt;/script&gt;');
    expect(page).toContain("&lt;script&gt;window.__vigilXss='body'&lt;/script&gt;");
    expect(page).toContain('not a web address');
  });

  test('the register lists every document with its status', () => {
    const page = html('register');
    const rows = page.match(/<tr[^>]*data-vigil-status="[^"]+"[^>]*>/g) ?? [];
    expect(rows).toHaveLength(9);
    for (const id of ['RB-FIX-01', 'RB-FIX-02', 'RB-FIX-05', 'POL-FIX-EXP', 'PRC-FIX-OVD', 'PRC-FIX-NOTITLE', 'POL-FIX-DRF', 'POL-FIX-RET', 'RB-FIX-XSS']) expect(page).toContain(`>${id}</td>`);
    expect(page).toMatch(/data-vigil-status="expired"[^>]*data-type="policy"[^>]*data-owner="Procurement Office"/);
    expect(page).toContain('href="/register.csv"');
    expect(page).toContain('href="/register.json"');
  });

  test('register.csv follows RFC 4180 and neutralises formula cells', () => {
    const csv = file('register.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,title,type,owner,status,version,last_reviewed,reviewed_by,content_changed,next_review,expires,controls,path,as_of');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(9 + 2);
    // content_changed is the fixture's last commit in this repository's history (empty outside Git).
    expect(csv).toMatch(/^RB-FIX-01,Ledger Database Failover,runbook,Database Guild,current,3\.1,2026-10-01,,(\d{4}-\d\d-\d\d)?,2027-10-01,,ISO27001:A\.5\.24 SOC2:CC7\.3,runbooks\/db-failover\.md,2026-11-26\r$/m);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""Records"")",retired,`);
    expect(csv).toContain(`,'@people-team,draft,`);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  test('register.json holds every record as of the build date', () => {
    const data = JSON.parse(file('register.json')) as { now: string; documents: Array<Record<string, unknown>> };
    expect(data.now).toBe(BUILT_ON);
    expect(data.documents).toHaveLength(9);
    expect(data.documents.find((d) => d.id === 'PRC-FIX-OVD')).toMatchObject({ status: 'overdue', next_review: '2026-01-10', owner: 'Storage Team', url: '/procedures/overdue-procedure/' });
    expect(data.documents.find((d) => d.id === 'POL-FIX-EXP')).toMatchObject({ status: 'expired', expires: '2026-09-30' });
  });

  test('the controls page maps each control to its documents and lists documents with none', () => {
    const page = html('controls');
    const row = /<tr id="ISO27001:A.5.24">[^]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(row).toContain('Ledger Database Failover');
    expect(row).toContain('Cache Flush');
    expect(row).not.toContain('Expired Vendor Policy');
    expect(page).toContain('SOC 2');
    const none = page.slice(page.indexOf('id="no-control"'));
    expect(none).toContain('Draft Remote Work Policy');
    expect(none).toContain('Retired Fax Policy');
    expect(none).not.toContain('Ledger Database Failover');
  });

  test('pages stay small: a short sidebar grouped by type, little JavaScript of their own', () => {
    const page = html('runbooks/db-failover');
    expect(page).toMatch(/<summary>\s*Runbooks <span class="vigil-count">\(4\)<\/span>/);
    expect(page).toMatch(/<summary>\s*Policies <span class="vigil-count">\(3\)<\/span>/);
    expect(statSync(path.join(outDir, 'runbooks/db-failover/index.html')).size).toBeLessThan(60_000);
    const scripts = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1]);
    const own = scripts.filter((src) => !/Search|TableOfContents|MobileTableOfContents/.test(src));
    const ownBytes = own.reduce((sum, src) => sum + statSync(path.join(outDir, src)).size, 0);
    expect(ownBytes).toBeGreaterThan(0);
    expect(ownBytes).toBeLessThan(10_000);
  });
});

describe('rule docs pages (where SARIF helpUri points)', () => {
  test('/rules/<id>/ renders the rule\'s docs page with its default severity and this site\'s setting', () => {
    const page = html('rules/review-overdue');
    expect(page).toMatch(/<h1 id="_top"[^>]*>review-overdue<\/h1>/);
    expect(page).toContain('<p>Default severity: <code>error</code></p>');
    expect(page).toContain('<h2 id="how-to-fix">How to fix</h2>');
    // The fixture's config turns review-overdue down to warn; the page says so.
    expect(page).toContain("This site's config sets it to <code>warn</code>.");
    // Links between rule pages (./schema.md) become routes; the docs' <file> stays text.
    expect(page).toContain('href="/rules/schema/"');
    expect(page).toContain('<code>vigil review &lt;file&gt;</code>');
    expect(page).toContain('href="/rules/"');
  });

  test('/rules/ lists every rule with its default severity and description, each linked to its page', () => {
    const page = html('rules');
    for (const id of RULE_IDS) {
      expect(page).toContain(`<a href="/rules/${id}/"><code>${id}</code></a>`);
      expect(html(`rules/${id}`)).toMatch(new RegExp(`<h1 id="_top"[^>]*>${id}</h1>`));
    }
    const rows = page.match(/<tr id="[^"]+">[^]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(RULE_IDS.length);
    const overdue = rows.find((row) => row.startsWith('<tr id="review-overdue">')) ?? '';
    expect(overdue).toMatch(/<td>error<\/td>\s*<td>warn<\/td>/);
    const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const rule of rules) {
      const row = rows.find((candidate) => candidate.startsWith(`<tr id="${rule.id}">`)) ?? '';
      expect(row).toContain(`<td>${rule.defaultSeverity}</td>`);
      expect(row).toContain(`<td>${escape(rule.description)}</td>`);
    }
    // The sidebar links to the rules on every page.
    expect(html('runbooks/db-failover')).toContain('href="/rules/"');
  });
});

describe('in the browser', () => {
  const open = async (route: string, options: { width?: number; height?: number; clock?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; dialogs: string[] }> => {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? 'light' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    if (options.clock) await page.clock.setFixedTime(new Date(options.clock));
    await page.goto(`${server.url}${route}`);
    return { page, dialogs };
  };

  test('a runbook shows its contacts and banner; screenshots desktop and phone', async () => {
    const { page } = await open('/runbooks/cache-flush/');
    await expect.poll(() => page.locator('[data-vigil-banner]').isVisible()).toBe(true);
    expect(await page.locator('[data-vigil-banner-text]').textContent()).toContain('Review overdue');
    expect(await page.locator('.vigil-contacts a[href^="tel:"]').first().getAttribute('href')).toBe('tel:+15550100199');
    await page.screenshot({ path: path.join(screenshots, 'runbook-desktop.png'), fullPage: false });
    await page.context().close();
  });

  test('on a phone the banner and the first escalation contact are visible without scrolling', async () => {
    const { page } = await open('/runbooks/cache-flush/', { width: 390, height: 844 });
    const inView = async (selector: string): Promise<boolean> => {
      const box = await page.locator(selector).first().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390;
    };
    expect(await inView('[data-vigil-banner]')).toBe(true);
    expect(await inView('.vigil-contacts li')).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'runbook-phone.png') });
    await page.context().close();
  });

  test('an old build turns a page overdue when the reader\'s date is past the review date', async () => {
    const { page } = await open('/runbooks/db-failover/', { clock: '2027-10-05T09:00:00Z' });
    await expect.poll(() => page.locator('.vigil-doc').getAttribute('data-vigil-status')).toBe('overdue');
    expect(await page.locator('[data-vigil-badge]').first().textContent()).toBe('Review overdue');
    expect(await page.locator('[data-vigil-banner]').isVisible()).toBe(true);
    expect(await page.locator('[data-vigil-banner-text]').textContent()).toContain('2027-10-01');
    await page.goto(`${server.url}/register/`);
    const row = page.locator('tr', { hasText: 'RB-FIX-01' });
    await expect.poll(() => row.getAttribute('data-vigil-status')).toBe('overdue');
    expect(await row.locator('[data-vigil-badge]').textContent()).toBe('Review overdue');
    await page.goto(`${server.url}/controls/`);
    const entry = page.locator('li[data-vigil-status]', { hasText: 'RB-FIX-01' }).first();
    await expect.poll(() => entry.getAttribute('data-vigil-status')).toBe('overdue');
    await page.context().close();
  });

  test('a reader on the build date sees the build\'s statuses', async () => {
    const { page } = await open('/runbooks/db-failover/', { clock: `${BUILT_ON}T09:00:00Z` });
    await page.waitForLoadState('load');
    expect(await page.locator('.vigil-doc').getAttribute('data-vigil-status')).toBe('current');
    expect(await page.locator('[data-vigil-banner]').isVisible()).toBe(false);
    await page.context().close();
  });

  test('the register filters and sorts without a reload', async () => {
    const { page } = await open('/register/');
    const visibleIds = (): Promise<string[]> => page.locator('#vigil-register tbody tr:not([hidden]) td:first-child').allTextContents();
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await page.selectOption('select[name="type"]', 'runbook');
    await expect.poll(visibleIds).toEqual(['RB-FIX-01', 'RB-FIX-02', 'RB-FIX-05', 'RB-FIX-XSS']);
    await page.locator('th[data-column="id"] button').click();
    await page.locator('th[data-column="id"] button').click();
    expect(await page.locator('th[data-column="id"]').getAttribute('aria-sort')).toBe('descending');
    expect(await visibleIds()).toEqual(['RB-FIX-XSS', 'RB-FIX-05', 'RB-FIX-02', 'RB-FIX-01']);
    await page.selectOption('select[name="type"]', '');
    await page.selectOption('select[name="status"]', 'overdue');
    await expect.poll(visibleIds).toEqual(['RB-FIX-02', 'PRC-FIX-OVD']);
    await page.selectOption('select[name="status"]', '');
    await page.selectOption('select[name="owner"]', 'Procurement Office');
    await expect.poll(visibleIds).toEqual(['POL-FIX-EXP']);
    await page.selectOption('select[name="owner"]', '');
    await page.fill('input[name="q"]', 'guild');
    await expect.poll(visibleIds).toEqual(['RB-FIX-01']);
    expect(await page.locator('#vigil-register-count').textContent()).toBe('Showing 1 of 9 documents');
    expect(page.url()).toContain('q=guild');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    await page.fill('input[name="q"]', '');
    await page.screenshot({ path: path.join(screenshots, 'register.png'), fullPage: true });
    await page.context().close();
  });

  test('the register works by keyboard alone', async () => {
    const { page } = await open('/register/');
    await page.locator('input[name="q"]').focus();
    await page.keyboard.type('POL-FIX');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('type');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('status');
    // Tab on to the first sort button (ID) and then the Status one, and sort with the keyboard.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.closest('th')?.dataset.column === 'status')); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.dataset.column)).toBe('status');
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-column="status"]').getAttribute('aria-sort')).toBe('ascending');
    const ids = await page.locator('#vigil-register tbody tr:not([hidden]) td:first-child').allTextContents();
    expect(ids).toEqual(['POL-FIX-EXP', 'POL-FIX-DRF', 'POL-FIX-RET']);
    await page.context().close();
  });

  test.each([
    ['title', 'Ledger Failover'],
    ['owner', 'Database Guild'],
    ['id', 'RB-FIX-01'],
    ['body text', 'zanzibarite'],
  ])('search finds the runbook by %s and opens it', async (_what, query) => {
    const { page } = await open('/');
    await page.locator('button[data-open-modal]').click();
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill(query);
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'Ledger Database Failover' }).first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await page.waitForURL(/\/runbooks\/db-failover\/?/);
    expect(await page.locator('h1').textContent()).toBe('Ledger Database Failover');
    await page.context().close();
  });

  test('the XSS fixture runs no script', async () => {
    const { page, dialogs } = await open('/runbooks/xss/');
    await page.waitForLoadState('load');
    for (const route of ['/register/', '/controls/', '/']) await page.goto(`${server.url}${route}`);
    await page.goto(`${server.url}/runbooks/xss/`);
    await page.locator('.sl-markdown-content').hover();
    await page.locator('.vigil-owner').hover();
    // Search results show the hostile title and excerpt: they must stay text as well.
    await page.locator('button[data-open-modal]').click();
    await page.locator('.pagefind-ui__search-input').fill('vigilXss');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await page.locator('.pagefind-ui__result-link').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __vigilXss?: string }).__vigilXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.context().close();
  });

  test.each([
    ['/runbooks/cache-flush/', 'light'],
    ['/runbooks/cache-flush/', 'dark'],
    ['/runbooks/payments-outage/', 'light'],
    ['/runbooks/payments-outage/', 'dark'],
    ['/procedures/untitled-restore/', 'light'],
    ['/register/', 'light'],
    ['/register/', 'dark'],
    ['/controls/', 'light'],
    ['/controls/', 'dark'],
    ['/rules/', 'light'],
    ['/rules/review-overdue/', 'dark'],
    ['/', 'light'],
    ['/', 'dark'],
  ] as const)('axe finds no serious or critical violation on %s (%s mode)', async (route, colorScheme) => {
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const { page } = await open(route, { colorScheme });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

// Issue 14: what a responder sees in an incident. The ISO-05-like runbook (payments-outage:
// primary on-call TBD with no contact) must not look trustworthy; every number is a tap target.
describe('a responder can trust the page', () => {
  test('an incomplete runbook says so, names each problem in plain words and links each to its rule', () => {
    const page = html('runbooks/payments-outage');
    expect(page).toContain('data-vigil-status="incomplete"');
    expect(page).toContain('data-incomplete="true"');
    expect(page).toMatch(/<span class="vigil-badge vigil-badge--incomplete" data-vigil-badge>Incomplete<\/span>/);
    expect(page).not.toContain('vigil-badge--current');
    const banner = /<div class="vigil-banner vigil-banner--incomplete" data-vigil-banner role="note">[^]*?<\/ul>/.exec(page)?.[0] ?? '';
    expect(banner).toContain('Incomplete: this page has problems');
    expect(banner).toContain('<a href="/rules/escalation-empty/">No primary on-call contact</a>');
    expect(banner).toContain('<a href="/rules/escalation-empty/">No name for primary on-call</a>');
    // Also incomplete for the auditors: the register, its JSON (with the problems) and CSV.
    expect(html('register')).toMatch(/data-vigil-status="incomplete"[^>]*data-incomplete="true"[^>]*data-type="runbook"[^>]*data-owner="Payments Team"/);
    const data = JSON.parse(file('register.json')) as { documents: Array<Record<string, unknown>> };
    expect(data.documents.find((d) => d.id === 'RB-FIX-05')).toMatchObject({ status: 'incomplete', problems: ['No name for primary on-call', 'No primary on-call contact'] });
    expect(file('register.csv')).toMatch(/^RB-FIX-05,Payment Gateway Outage,runbook,Payments Team,incomplete,/m);
    // A status page that is not a web address makes the hostile fixture incomplete as well.
    expect(html('runbooks/xss')).toContain('Status page for Fake status has an address that cannot be used');
  });

  test('contact tables in the body: phone numbers tel: (E.164, shown as written), e-mails mailto:, Slack links, cells labelled for stacking', () => {
    const page = html('runbooks/payments-outage');
    const table = /<table class="vigil-contact-table">[^]*?<\/table>/.exec(page)?.[0] ?? '';
    expect(table).toContain('<td data-label="Phone"><a class="vigil-contact vigil-contact--phone" href="tel:+442079460999">+44 (0)20 7946 0999</a></td>');
    expect(table).toContain('href="tel:+15550100142;ext=7">+1 555 010 0142 ext. 7</a>');
    expect(table).toContain('href="mailto:omar.haddad@example.com">omar.haddad@example.com</a>');
    expect(table).toContain('href="https://acme.slack.com/messages/@mei.lin" rel="noopener noreferrer">@mei.lin</a>');
    expect(table).toContain('<td data-label="Name">Payments rota</td>');
    // The header's contacts too, and a missing one says so.
    expect(page).toContain('href="tel:+442079460555"');
    expect(page).toContain('<span class="vigil-contact-missing">no contact given</span>');
  });

  test('an overdue exercise is shown on the runbook page', () => {
    const notice = /<p class="vigil-exercise"[^>]*>[^]*?<\/p>/.exec(html('runbooks/payments-outage'))?.[0] ?? '';
    expect(notice).not.toMatch(/ hidden/);
    expect(notice).toContain('Exercise overdue:');
    expect(notice).toContain('last exercised on 2025-01-10; a drill was due on 2026-01-10.');
    expect(html('runbooks/db-failover')).not.toContain('vigil-exercise');
  });

  test('one H1 on every page; a document without a title is titled by its own heading; no owner, no "check with its owner"', () => {
    for (const route of ['runbooks/db-failover', 'runbooks/payments-outage', 'procedures/untitled-restore', 'policies/expired-policy', 'register', '']) {
      expect(html(route).match(/<h1\b/g), route).toHaveLength(1);
    }
    const untitled = html('procedures/untitled-restore');
    expect(untitled).toContain('<h1 id="_top" class="vigil-title">Restore From Tape</h1>');
    expect(untitled).not.toMatch(/<h1[^>]*>untitled-restore/);
    // The core names it by its own heading, so the register, the sidebar and <title> agree with the page.
    expect(untitled).toMatch(/<title>Restore From Tape/);
    expect(html('register')).toContain('Restore From Tape');
    expect(html('register')).not.toContain('>untitled-restore<');
    expect(untitled).toContain('Expired on 2026-06-30. Do not rely on this page: it names no owner to check with.');
    expect(untitled).not.toContain('check with its owner');
    expect(untitled).toContain('The frontmatter has no &quot;owner&quot;');
  });

  test('draft and retired banners look different from each other and from a warning', () => {
    const icon = (route: string): string => /<span aria-hidden="true" class="vigil-banner-icon">([^<]*)<\/span>/.exec(html(route))?.[1] ?? '';
    const icons = ['policies/draft-policy', 'policies/retired-policy', 'policies/expired-policy', 'procedures/overdue-procedure'].map(icon);
    expect(new Set(icons).size).toBe(4);
  });
});

describe('a responder can trust the page, in the browser', () => {
  const open = async (route: string, options: { width?: number; height?: number; clock?: string } = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    if (options.clock) await page.clock.setFixedTime(new Date(options.clock));
    await page.goto(`${server.url}${route}`);
    await page.waitForLoadState('load');
    return page;
  };
  const PHONE = { width: 390, height: 844 };
  const RUNBOOKS = ['/runbooks/payments-outage/', '/runbooks/db-failover/', '/runbooks/cache-flush/'];

  test.each([
    ['phone', PHONE],
    ['desktop', { width: 1280, height: 900 }],
  ] as const)('the incomplete runbook on a %s: banner naming the contact, no green badge, also two years on', async (name, viewport) => {
    for (const clock of [`${BUILT_ON}T09:00:00Z`, '2028-11-26T09:00:00Z']) {
      const page = await open('/runbooks/payments-outage/', { ...viewport, clock });
      const badge = page.locator('.vigil-doc [data-vigil-badge]').first();
      expect(await badge.textContent()).toBe('Incomplete');
      // Never the current badge's green, whatever the reader's date.
      const green = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vigil-current').trim());
      const background = await badge.evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(background).not.toBe(await page.evaluate((color) => {
        const probe = document.createElement('span');
        probe.style.backgroundColor = color;
        document.body.append(probe);
        const value = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return value;
      }, green));
      const banner = page.locator('[data-vigil-banner]');
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.textContent()).toContain('No primary on-call contact');
      expect(await page.locator('[data-vigil-banner] a', { hasText: 'No primary on-call contact' }).getAttribute('href')).toBe('/rules/escalation-empty/');
      if (name === 'phone') {
        const box = await banner.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      }
      if (clock === `${BUILT_ON}T09:00:00Z`) await page.screenshot({ path: path.join(screenshots, `incomplete-runbook-${name}.png`), fullPage: true });
      await page.context().close();
    }
  });

  test('on a phone every phone number in the header and the contact tables is a tel: link at least 44 px high', async () => {
    for (const route of RUNBOOKS) {
      const page = await open(route, PHONE);
      // Every run of text that reads as a phone number, and whether a tel: link holds it.
      const numbers = await page.evaluate(() => {
        const found: Array<{ text: string; inTel: boolean }> = [];
        for (const area of document.querySelectorAll('.vigil-contacts, .vigil-contact-table')) {
          const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? '').matchAll(/\+?\(?\d[\d ().-]{5,}\d/g)) {
              found.push({ text: match[0], inTel: !!node.parentElement?.closest('a[href^="tel:"]') });
            }
          }
        }
        return found;
      });
      expect(numbers.length, route).toBeGreaterThan(0);
      expect(numbers.filter((number) => !number.inTel), route).toEqual([]);
      const links = page.locator('a[href^="tel:"]');
      expect(await links.count()).toBeGreaterThanOrEqual(numbers.length);
      for (const link of await links.all()) {
        const box = await link.boundingBox();
        expect(box?.height ?? 0, `${route} ${await link.textContent()}`).toBeGreaterThanOrEqual(44);
      }
      await page.context().close();
    }
  });

  test('no runbook page scrolls sideways on a phone; contact table rows stack', async () => {
    for (const route of RUNBOOKS) {
      const page = await open(route, PHONE);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
      expect(widths.page, route).toBeLessThanOrEqual(widths.view);
      for (const table of await page.locator('.vigil-contact-table').all()) {
        expect(await table.evaluate((element) => element.scrollWidth <= element.clientWidth), route).toBe(true);
        expect(await table.locator('td').first().evaluate((cell) => getComputedStyle(cell).display)).toBe('block');
      }
      if (route === RUNBOOKS[0]) await page.screenshot({ path: path.join(screenshots, 'contact-table-phone.png'), fullPage: true });
      await page.context().close();
    }
  });

  test('a printed expired page (PDF, no backgrounds) keeps "Expired", the banner, and the print stamp', async () => {
    const page = await open('/policies/expired-policy/', { clock: '2026-12-02T09:00:00Z' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await page.context().close();
    const text = pdfText(pdf);
    expect(text).toContain('Expired');
    expect(text).toContain('Expired on 2026-09-30. Do not rely on this page');
    expect(text).toContain('printed on 2026-12-02; status as of 2026-12-02');
    expect(text).toContain('/policies/expired-policy/');
  });

  test('in print the badge and banner are borders and words, not background colours', async () => {
    const page = await open('/policies/expired-policy/');
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ['.vigil-doc [data-vigil-badge]', '[data-vigil-banner]'].map((selector) => {
      const style = getComputedStyle(document.querySelector(selector)!);
      return { background: style.backgroundColor, border: style.borderTopWidth, color: style.color };
    }));
    for (const style of styles) {
      expect(style.background).toBe('rgba(0, 0, 0, 0)');
      expect(parseFloat(style.border)).toBeGreaterThanOrEqual(2);
      expect(style.color).toBe('rgb(0, 0, 0)');
    }
    expect(await page.locator('[data-vigil-print-stamp]').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'printed-expired-page.png'), fullPage: true });
    await page.context().close();
  });
});

/**
 * The text of a PDF that Chromium wrote: inflate every stream, read the fonts' ToUnicode maps
 * (glyph ids are the typeface's own, so one map of them all reads every font of our pages), and
 * decode the hex strings of the text operators in order. Enough to find words in our pages.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const opening = /(?<!end)stream\r?\n/g;
  for (let match = opening.exec(raw); match; match = opening.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end === -1) break;
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (an image, say)
    }
    opening.lastIndex = end + 'endstream'.length;
  }
  const glyphs = new Map<number, string>();
  const hex = (value: string): number => parseInt(value, 16);
  const unicode = (value: string): string => String.fromCodePoint(...(value.match(/.{4}/g) ?? []).map(hex));
  for (const cmap of streams.filter((stream) => stream.includes('begincmap'))) {
    for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
      for (const [, code, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) if (!glyphs.has(hex(code))) glyphs.set(hex(code), unicode(to));
    }
    for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
      for (const [, from, to, first] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let code = hex(from); code <= hex(to); code++) if (!glyphs.has(code)) glyphs.set(code, String.fromCodePoint(hex(first) + code - hex(from)));
      }
    }
  }
  const content = streams.filter((stream) => /T[jJ]/.test(stream));
  // Kerning splits words into several strings, so the strings are joined as they come.
  return content
    .flatMap((stream) => [...stream.matchAll(/<([0-9A-Fa-f]*)>/g)].map(([, codes]) => (codes.match(/.{4}/g) ?? []).map((code) => glyphs.get(hex(code)) ?? '').join('')))
    .join('');
}

// Issue 14, the rest: search that shows live statuses, a home page for an incident, and a
// register that works on a phone and at scale.
describe('search, home and register for a responder', () => {
  const open = async (route: string, options: { width?: number; height?: number; clock?: string } = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    if (options.clock) await page.clock.setFixedTime(new Date(options.clock));
    await page.goto(`${server.url}${route}`);
    await page.waitForLoadState('load');
    return page;
  };
  const PHONE = { width: 390, height: 844 };
  const search = async (page: Page, query: string): Promise<void> => {
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill(query);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
  };

  test('document pages give Pagefind the filters, the weights and the dates to re-judge a status', () => {
    const page = html('runbooks/db-failover');
    expect(page).toContain('<span class="vigil-type" data-pagefind-filter="type">runbook</span>');
    expect(page).toMatch(/<span data-pagefind-weight="8" data-pagefind-filter="owner" data-pagefind-meta="owner">Database Guild<\/span>/);
    expect(page).toMatch(/<span class="vigil-docid" data-pagefind-weight="10" data-pagefind-meta="id">RB-FIX-01<\/span>/);
    expect(page).toContain('data-pagefind-filter="status:Current"');
    expect(page).toContain(`data-pagefind-meta="vigil:active|2027-10-01||0|${BUILT_ON}|30"`);
    expect(html('runbooks/payments-outage')).toContain(`data-pagefind-meta="vigil:active|`);
    expect(html('runbooks/payments-outage')).toMatch(/data-pagefind-meta="vigil:active\|[^"]*\|1\|/);
  });

  test.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const)('search by owner on a %s returns the runbook first with its live status, also two years on', async (name, viewport) => {
    for (const [clock, status] of [
      [`${BUILT_ON}T09:00:00Z`, 'Current'],
      ['2028-11-26T09:00:00Z', 'Review overdue'],
    ] as const) {
      const page = await open('/', { ...viewport, clock });
      await search(page, 'Database Guild');
      const first = page.locator('.pagefind-ui__result').first();
      expect(await first.locator('.pagefind-ui__result-link').first().textContent()).toBe('Ledger Database Failover');
      const badge = first.locator('[data-pagefind-ui-meta="status"] [data-vigil-badge]');
      await expect.poll(() => badge.textContent()).toBe(status);
      // The dates the status was judged from are not shown as a tag.
      expect(await first.locator('[data-pagefind-ui-meta="vigil"]').isVisible()).toBe(false);
      if (clock !== `${BUILT_ON}T09:00:00Z`) {
        // No build-time status word in the excerpts either.
        expect(await first.textContent()).not.toContain('Current');
        await page.screenshot({ path: path.join(screenshots, `search-two-years-on-${name}.png`) });
      }
      await page.context().close();
    }
  });

  test('search results of an incomplete runbook never turn green; results can be narrowed by type, owner and status', async () => {
    const page = await open('/', { clock: '2028-11-26T09:00:00Z' });
    await search(page, 'Payment Gateway');
    const result = page.locator('.pagefind-ui__result', { hasText: 'Payment Gateway Outage' }).first();
    await expect.poll(() => result.locator('[data-vigil-badge]').textContent()).toBe('Incomplete');
    const filters = await page.locator('.pagefind-ui__filter-name').allTextContents();
    expect(filters.map((text) => text.trim().toLowerCase())).toEqual(expect.arrayContaining(['type', 'owner', 'status']));
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('axe finds no serious or critical violation in search results with their badges (%s mode)', async (colorScheme) => {
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const context = await browser.newContext({ viewport: PHONE, colorScheme });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2028-11-26T09:00:00Z'));
    await page.goto(`${server.url}/`);
    await search(page, 'runbook');
    await expect.poll(() => page.locator('.pagefind-ui__result [data-vigil-badge]').count()).toBeGreaterThan(0);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run('#starlight__search');
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  test('a deep link into a runbook\'s contacts lands with the badge and banner on screen on a phone', async () => {
    const page = await open('/runbooks/cache-flush/#vigil-escalation-contacts', PHONE);
    const inView = async (selector: string): Promise<boolean> => {
      const box = await page.locator(selector).first().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    await expect.poll(() => inView('.vigil-doc [data-vigil-badge]')).toBe(true);
    expect(await inView('[data-vigil-banner]')).toBe(true);
    expect(await inView('#vigil-escalation-contacts')).toBe(true);
    // Body headings stop below the sticky header.
    const margin = await page.locator('.sl-markdown-content h2').first().evaluate((heading) => parseFloat(getComputedStyle(heading).scrollMarginTop));
    expect(margin).toBeGreaterThanOrEqual(56);
    await page.context().close();
  });

  test('home: search first, then runbooks, then what needs attention, with nothing that contradicts the badges', async () => {
    const built = html('');
    expect(built).not.toContain('as of the build');
    expect(built).not.toMatch(/\d(current|retired|overdue|expired|draft)/i);
    expect(built).not.toMatch(/opens search|press \//i);
    expect(built.indexOf('id="home-search"')).toBeLessThan(built.indexOf('id="home-runbooks"'));
    expect(built.indexOf('id="home-runbooks"')).toBeLessThan(built.indexOf('id="home-attention"'));
    // Two years on, the build's current runbook needs attention too, and the page says so.
    const page = await open('/', { clock: '2028-11-26T09:00:00Z' });
    const attention = page.locator('#vigil-home-attention li:not([hidden])');
    await expect.poll(() => attention.filter({ hasText: 'Ledger Database Failover' }).locator('[data-vigil-badge]').textContent()).toBe('Review overdue');
    expect(await page.locator('[data-vigil-attention-none]').isVisible()).toBe(false);
    for (const item of await attention.all()) expect(await item.locator('[data-vigil-badge]').textContent()).not.toBe('Current');
    // Most urgent first.
    const order = ['Expired', 'Incomplete', 'Review overdue', 'Review due soon'];
    const ranks = (await attention.locator('[data-vigil-badge]').allTextContents()).map((label) => order.indexOf(label));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks).not.toContain(-1);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(screenshots, 'home-two-years-on-phone.png'), fullPage: true });
    // The big search button opens the search dialog.
    await page.locator('[data-vigil-open-search]').click();
    await expect.poll(() => page.locator('site-search dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    await page.context().close();
    // On the build date a current runbook is not on the attention list.
    const today = await open('/', { clock: `${BUILT_ON}T09:00:00Z` });
    expect(await today.locator('#vigil-home-attention li:not([hidden])', { hasText: 'Ledger Database Failover' }).count()).toBe(0);
    expect(await today.locator('#vigil-home-attention li:not([hidden])', { hasText: 'Cache Flush' }).count()).toBe(1);
    await today.context().close();
  });

  test('the register on a phone: cards with title, status, owner and next due; no sideways scroll', async () => {
    const page = await open('/register/', PHONE);
    await page.locator('#vigil-register[data-vigil-ready]').waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    const card = page.locator('#vigil-register tbody tr', { hasText: 'Ledger Database Failover' });
    for (const label of ['Title', 'Status', 'Owner', 'Next due']) expect(await card.locator(`td[data-label="${label}"]`).isVisible(), label).toBe(true);
    const box = await card.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box?.height ?? 0).toBeLessThan(200);
    await page.screenshot({ path: path.join(screenshots, 'register-phone.png'), fullPage: true });
    await page.context().close();
  });

  test('the register: accent- and case-insensitive text, an Expires column, "no documents match" and clear filters', async () => {
    const page = await open('/register/');
    await page.locator('#vigil-register[data-vigil-ready]').waitFor();
    const visibleIds = (): Promise<string[]> => page.locator('#vigil-register tbody tr td:first-child').allTextContents();
    await page.fill('input[name="q"]', 'wojcik');
    await expect.poll(visibleIds).toEqual(['RB-FIX-02']);
    await page.fill('input[name="q"]', 'WÓJCIK');
    await expect.poll(visibleIds).toEqual(['RB-FIX-02']);
    expect(await page.locator('#vigil-register tbody tr td[data-label="Owner"]').first().textContent()).toBe('Edge Team (M. Wójcik)');
    await page.fill('input[name="q"]', 'no such document anywhere');
    await expect.poll(() => page.locator('#vigil-register-empty').isVisible()).toBe(true);
    expect(await page.locator('#vigil-register-empty').textContent()).toContain('No documents match');
    await page.selectOption('select[name="type"]', 'policy');
    await page.locator('#vigil-register-empty button').click();
    await expect.poll(visibleIds).toHaveLength(9);
    expect(await page.locator('input[name="q"]').inputValue()).toBe('');
    expect(await page.locator('select[name="type"]').inputValue()).toBe('');
    expect(await page.locator('#vigil-register-empty').isVisible()).toBe(false);
    expect(page.url()).not.toContain('?');
    await page.locator('th[data-column="expires"] button').click();
    expect((await visibleIds()).slice(0, 2)).toEqual(['PRC-FIX-NOTITLE', 'POL-FIX-EXP']);
    expect(await page.locator('#vigil-register tbody tr', { hasText: 'POL-FIX-EXP' }).locator('td[data-label="Expires"]').textContent()).toBe('2026-09-30');
    await page.context().close();
  });

  test('the register filtered to one control (the controls page links there for a control with many documents)', async () => {
    const page = await open('/register/?control=ISO27001:A.5.24');
    await page.locator('#vigil-register[data-vigil-ready]').waitFor();
    const ids = (): Promise<string[]> => page.locator('#vigil-register tbody tr td:first-child').allTextContents();
    await expect.poll(ids).toEqual(['RB-FIX-01', 'RB-FIX-02']);
    expect(await page.locator('#vigil-register-count').textContent()).toBe('Showing 2 of 9 documents naming ISO27001:A.5.24');
    // A prefix of a reference is not the control: A.5.2 is not A.5.24.
    await page.goto(`${server.url}/register/?control=ISO27001:A.5.2`);
    await page.locator('#vigil-register[data-vigil-ready]').waitFor();
    await expect.poll(() => page.locator('#vigil-register-empty').isVisible()).toBe(true);
    await page.locator('#vigil-register-empty button').click();
    await expect.poll(ids).toHaveLength(9);
    await page.context().close();
  });

  test('register.csv starts with a UTF-8 byte-order mark and says what day its statuses are for', () => {
    const bytes = readFileSync(path.join(outDir, 'register.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0].split(',').at(-1)).toBe('as_of');
    for (const line of lines.slice(1, -1)) expect(line.endsWith(`,${BUILT_ON}`), line).toBe(true);
    expect(bytes.toString('utf8')).toContain('Edge Team (M. Wójcik)');
    expect(JSON.parse(file('register.json')).now).toBe(BUILT_ON);
  });

  test('the register page holds only its first rows in the HTML; the rest come from register.json', () => {
    const page = html('register');
    expect(page).toContain('data-source="/register.json"');
    expect(page).toMatch(/data-page-size="\d+"/);
    expect(page).toContain('data-total="9"');
  });
});
