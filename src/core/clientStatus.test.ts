// The page script (src/components/status-client.ts) re-judges every status against the reader's
// date. Run in headless Chromium, as a reader's browser runs it, on pages built on one day and read
// on many others, it must show exactly the status the core gives the same document on the
// reader's day (checkDocuments on the same files: dates and findings), with the same words.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../astro/testing.js';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../components/statusWords.js';
import { defaultConfig } from './config/load.js';
import { addDays, type IsoDate } from './dates.js';
import { checkDocuments } from './engine.js';
import type { DocumentRecord } from './types.js';

const SRC = path.resolve(import.meta.dirname, '..');
const REPO_SCHEMAS = path.resolve(SRC, '../schemas');
const ORIGIN = 'http://vigil.test';
const BUILT_ON = '2026-01-15';

// Frontmatter as people write it: every lifecycle, named and ISO cycles, month ends, a leap day,
// expiry before, on and after the review, and dates the core cannot use.
const DOCUMENTS: Record<string, string> = {
  monthly: 'last_reviewed: 2026-01-10\nreview_cycle: monthly',
  'monthly-from-month-end': 'last_reviewed: 2025-12-31\nreview_cycle: monthly',
  'quarterly-jan-31': 'last_reviewed: 2026-01-31\nreview_cycle: quarterly',
  annual: 'last_reviewed: 2025-03-07\nreview_cycle: annual',
  'annual-leap-day': 'last_reviewed: 2024-02-29\nreview_cycle: annual',
  'iso-90-days': 'last_reviewed: 2025-11-20\nreview_cycle: P90D',
  'iso-6-months': 'last_reviewed: 2025-08-31\nreview_cycle: P6M',
  semiannual: 'last_reviewed: "2025-09-15"\nreview_cycle: semiannual',
  'expires-before-review': 'last_reviewed: 2025-06-01\nreview_cycle: annual\nexpires: 2026-02-10',
  'expires-on-build-day': 'last_reviewed: 2025-12-01\nreview_cycle: annual\nexpires: 2026-01-15',
  'expires-after-review': 'last_reviewed: 2025-12-20\nreview_cycle: monthly\nexpires: 2026-06-30',
  'overdue-at-build': 'last_reviewed: 2024-01-01\nreview_cycle: annual',
  'no-review-date': 'review_cycle: annual',
  'no-cycle': 'last_reviewed: 2026-01-01',
  'impossible-date': 'last_reviewed: 2025-02-30\nreview_cycle: annual',
  // Problems that are not about dates: the page is incomplete until a date makes it expired.
  'incomplete-placeholder-owner': 'owner: TBD\nlast_reviewed: 2026-01-10\nreview_cycle: annual',
  'incomplete-unknown-key': 'last_reviewed: 2025-12-01\nreview_cycle: quarterly\nexpires: 2026-03-01\nreveiwer: Ops',
  draft: 'status: draft\nlast_reviewed: 2020-01-01\nreview_cycle: annual\nexpires: 2021-01-01',
  retired: 'status: retired\nlast_reviewed: 2020-01-01\nreview_cycle: monthly',
};

// Reader days: before and on the build day, each side of the warning windows and of month ends,
// the leap day, a year on.
const READ_ON: IsoDate[] = [
  '2025-12-01', '2026-01-14', BUILT_ON, '2026-01-16', '2026-01-31', '2026-02-01', '2026-02-09', '2026-02-10',
  '2026-02-11', '2026-02-28', '2026-03-01', '2026-03-07', '2026-03-31', '2026-04-15', '2026-05-19', '2026-06-29',
  '2026-06-30', '2026-07-01', '2026-08-31', '2027-01-15', '2028-02-29',
];
const WINDOWS = [30, 45];

const WORK = mkdtempSync(path.join(tmpdir(), 'vigil-client-status-'));
for (const [name, fields] of Object.entries(DOCUMENTS)) {
  const owner = fields.includes('owner:') ? '' : 'owner: Ops\n';
  writeFileSync(path.join(WORK, `${name}.md`), `---\ntitle: ${name}\ntype: policy\n${owner}${fields}\n---\n# ${name}\n`);
}

const judged = new Map<string, Map<string, DocumentRecord>>();

/** Every document as the core judges it on `today` with a warning window: a whole check of the files. */
async function recordsOn(today: IsoDate, windowDays: number): Promise<Map<string, DocumentRecord>> {
  const key = `${today} ${windowDays}`;
  let records = judged.get(key);
  if (!records) {
    const config = { ...defaultConfig(WORK), schemas: REPO_SCHEMAS, warningWindowDays: windowDays };
    const run = await checkDocuments({ cwd: WORK, config, today, paths: ['.'], offline: true, workers: 0 });
    records = new Map(run.documents.map((record) => [record.relPath.replace(/\.md$/, ''), record]));
    judged.set(key, records);
  }
  return records;
}

const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A page as the site builds it on BUILT_ON: one list per warning window, each document with the
 * attributes StatusScope.astro writes and a badge and banner inside.
 */
async function builtPage(): Promise<string> {
  const lists: string[] = [];
  for (const windowDays of WINDOWS) {
    const records = await recordsOn(BUILT_ON, windowDays);
    const scopes = Object.keys(DOCUMENTS).map((name) => {
      const record = records.get(name) as DocumentRecord;
      const incomplete = (record.problems?.length ?? 0) > 0 ? ' data-incomplete="true"' : '';
      return `<div id="${escape(name)}-${windowDays}" data-vigil-status="${record.status}" data-lifecycle="${record.lifecycle}" data-next-review="${escape(record.next_review ?? '')}" data-expires="${escape(record.expires ?? '')}"${incomplete}>
  <span class="vigil-badge vigil-badge--${record.status}" data-vigil-badge>${STATUS_LABELS[record.status]}</span>
  <div class="vigil-banner" data-vigil-banner hidden><p data-vigil-banner-text></p></div>
</div>`;
    });
    lists.push(`<div data-built-on="${BUILT_ON}" data-window="${windowDays}">${scopes.join('\n')}</div>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>register</title></head><body>
${lists.join('\n')}
<script type="module" src="/components/status-client.js"></script>
</body></html>`;
}

/** The browser script and what it imports, compiled from src/ as the site's bundler would. */
const compiled = new Map<string, string | null>();
function moduleSource(urlPath: string): string | null {
  if (compiled.has(urlPath)) return compiled.get(urlPath) ?? null;
  const file = path.join(SRC, urlPath.replace(/^\//, '').replace(/\.js$/, '.ts'));
  if (!file.startsWith(SRC + path.sep)) return null;
  try {
    const source = readFileSync(file, 'utf8');
    compiled.set(urlPath, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  } catch {
    compiled.set(urlPath, null);
  }
  return compiled.get(urlPath) ?? null;
}

let browser: Browser;
let PAGE = '';

beforeAll(async () => {
  PAGE = await builtPage();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(WORK, { recursive: true, force: true });
});

interface Shown {
  status: string | undefined;
  badge: string | null | undefined;
  bannerHidden: boolean | undefined;
}

/** Opens the page with the reader's clock at `readOn` (midday UTC, or just before midnight UTC in a far-east zone). */
async function readPage(context: BrowserContext, readOn: IsoDate, clock: Date): Promise<Record<string, Shown>> {
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('pageerror', (error) => failed.push(error.message));
  await page.clock.install({ time: clock });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
    const source = moduleSource(pathname);
    return source === null ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ contentType: 'text/javascript', body: source });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForLoadState('load');
  const shown = await page.evaluate(() => {
    const out: Record<string, { status: string | undefined; badge: string | null | undefined; bannerHidden: boolean | undefined }> = {};
    for (const element of document.querySelectorAll<HTMLElement>('[data-vigil-status]')) {
      out[element.id] = {
        status: element.dataset.vigilStatus,
        badge: element.querySelector('[data-vigil-badge]')?.textContent,
        bannerHidden: element.querySelector<HTMLElement>('[data-vigil-banner]')?.hidden,
      };
    }
    return out;
  });
  await page.close();
  expect(failed, `page errors reading on ${readOn}`).toEqual([]);
  return shown;
}

describe('the page script shows the status the core gives on the reader\'s day', () => {
  for (const [zone, clockFor] of [
    ['UTC', (day: IsoDate) => new Date(`${day}T12:00:00Z`)],
    // 23:30 UTC is already the next day in Kiritimati (UTC+14): the status follows the UTC day.
    ['Pacific/Kiritimati', (day: IsoDate) => new Date(`${day}T23:30:00Z`)],
  ] as const) {
    it(`${Object.keys(DOCUMENTS).length} documents × ${READ_ON.length} reader days × windows ${WINDOWS.join(' and ')} days, clock in ${zone}`, async () => {
      const context = await browser.newContext({ timezoneId: zone });
      const mismatches: string[] = [];
      try {
        for (const readOn of READ_ON) {
          const shown = await readPage(context, readOn, clockFor(readOn));
          for (const windowDays of WINDOWS) {
            for (const name of Object.keys(DOCUMENTS)) {
              // A reader whose clock is behind the build sees what the build said.
              const judgedOn = readOn > BUILT_ON ? readOn : BUILT_ON;
              const core = ((await recordsOn(judgedOn, windowDays)).get(name) as DocumentRecord).status;
              const got = shown[`${name}-${windowDays}`];
              if (got?.status !== core || got.badge !== STATUS_LABELS[core]) {
                mismatches.push(`${name} (window ${windowDays}) read on ${readOn}: page shows ${got?.status} ("${got?.badge}"), core says ${core}`);
              }
            }
          }
        }
      } finally {
        await context.close();
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  }

  it('re-judges at all: a page built current shows overdue a year later, with its banner', async () => {
    const context = await browser.newContext();
    try {
      const readOn = addDays(BUILT_ON, 365);
      const shown = await readPage(context, readOn, new Date(`${readOn}T12:00:00Z`));
      expect((await recordsOn(BUILT_ON, 30)).get('iso-6-months')?.status).toBe('current');
      expect(shown['iso-6-months-30']).toEqual({ status: 'overdue', badge: STATUS_LABELS.overdue, bannerHidden: false });
      // An incomplete page stays incomplete however late it is read, until it expires.
      expect((await recordsOn(BUILT_ON, 30)).get('incomplete-placeholder-owner')?.status).toBe('incomplete');
      expect(shown['incomplete-placeholder-owner-30']?.status).toBe('incomplete');
      expect(shown['incomplete-unknown-key-30']?.status).toBe('expired');
    } finally {
      await context.close();
    }
  });
});
