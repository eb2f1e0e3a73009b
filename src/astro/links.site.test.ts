// Builds one site from the examples (content/), the site fixture's documents and the link-broken
// rule fixture, then crawls every page of the output: each internal link must land on a page that
// exists and on an element id there, and each heading of a document must carry the slug the
// core computed. What the core did not approve is never rewritten: a link it reports broken stays
// as written and marked, and one it does not judge (external, a file) stays as written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDocuments, loadConfig, type CheckRun } from '../core/index.js';
import { routeFor } from './routes.js';
import { buildSite } from './testing.js';

const BUILT_ON = '2026-11-26';
const CONFIG = path.join(import.meta.dirname, '__fixtures__/links/vigil.config.yaml');
const work = mkdtempSync(path.join(tmpdir(), 'vigil-links-'));
const outDir = path.join(work, 'out');
let run: CheckRun;

interface Anchor {
  href: string;
  classes: string[];
}

interface BuiltPage {
  /** The page's address on the site, e.g. `/runbooks/db/` or `/404.html`. */
  route: string;
  html: string;
  ids: Set<string>;
  anchors: Anchor[];
}

const pages = new Map<string, BuiltPage>();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const unescapeAttribute = (value: string): string => value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_all, name: string) => ENTITIES[name]);

function readPage(file: string): BuiltPage {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  const route = relative === 'index.html' ? '/' : relative.endsWith('/index.html') ? `/${relative.slice(0, -'index.html'.length)}` : `/${relative}`;
  const html = readFileSync(file, 'utf8');
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => unescapeAttribute(match[1])));
  const anchors = [...html.matchAll(/<a\b([^>]*)>/g)].flatMap((match): Anchor[] => {
    const href = /\shref="([^"]*)"/.exec(match[1]);
    if (!href) return [];
    const classes = /\sclass="([^"]*)"/.exec(match[1])?.[1].split(/\s+/) ?? [];
    return [{ href: unescapeAttribute(href[1]), classes }];
  });
  return { route, html, ids, anchors };
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** The built file a site path names, or null (`/a/` → a/index.html, `/register.csv` → register.csv). */
function builtFile(pathname: string): string | null {
  const file = path.join(outDir, pathname);
  if (pathname.endsWith('/')) return existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : null;
  if (!existsSync(file)) return null;
  return statSync(file).isDirectory() ? (existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : null) : file;
}

const isInternal = (href: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
const routeOf = (slug: string): string => decodeURI(routeFor('/', slug));

/** The body's headings, in order, as the page shows them (the page title and the table of contents are Starlight's). */
function bodyHeadingIds(html: string): string[] {
  const start = html.indexOf('<div class="sl-markdown-content">');
  if (start === -1) return [];
  const end = html.indexOf('</main>', start);
  return [...html.slice(start, end).matchAll(/<h[1-6]\b[^>]*\sid="([^"]*)"/g)].map((match) => unescapeAttribute(match[1]));
}

beforeAll(async () => {
  const config = await loadConfig(path.dirname(CONFIG), CONFIG);
  run = await checkDocuments({ cwd: config.rootDir, config, today: BUILT_ON, offline: true, workers: 0 });
  const result = await buildSite({ configFile: CONFIG, outDir, now: BUILT_ON, cacheDir: path.join(work, 'cache') });
  if (result.code !== 0) throw new Error(`site build failed:\n${result.output}`);
  for (const file of htmlFiles(outDir)) {
    const page = readPage(file);
    pages.set(page.route, page);
  }
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the built site’s links and anchors are the core’s', () => {
  test('every document of the three sets is published', () => {
    const relPaths = run.docs.map((doc) => doc.relPath);
    for (const expected of ['runbooks/database-failover.md', 'runbooks/db-failover.md', 'good-links.md', 'sub/index.md', 'with space.md']) expect(relPaths).toContain(expected);
    for (const doc of run.docs) expect(pages.has(routeOf(doc.record.slug)), doc.relPath).toBe(true);
  });

  test('each heading id on a document page is the slug the core computed', () => {
    let headings = 0;
    for (const doc of run.docs) {
      const ids = bodyHeadingIds(pages.get(routeOf(doc.record.slug))?.html ?? '');
      const slugs = doc.body.headings.map((heading) => heading.slug);
      // A leading "# Title" is shown as the page's title, not in the body; every other heading is.
      expect(ids.length, doc.relPath).toBeGreaterThanOrEqual(slugs.length - 1);
      expect(ids, doc.relPath).toEqual(slugs.slice(slugs.length - ids.length));
      headings += ids.length;
    }
    expect(headings).toBeGreaterThan(50);
  });

  test('every internal link on every page lands on a page and an element id that exist', () => {
    const written = new Map(run.docs.map((doc) => [routeOf(doc.record.slug), doc]));
    const dead: string[] = [];
    let followed = 0;
    let anchored = 0;
    for (const page of pages.values()) {
      const doc = written.get(page.route);
      // Links the core does not judge (a scheme, a file beside the documents, a site-absolute path) stay as written.
      const unjudged = new Set(doc?.body.links.filter((link) => link.target?.kind === 'external' || link.target?.kind === 'file').map((link) => link.href));
      for (const anchor of page.anchors) {
        if (!isInternal(anchor.href) || anchor.classes.includes('vigil-broken-link') || unjudged.has(anchor.href)) continue;
        const url = new URL(anchor.href, `https://site.test${encodeURI(page.route)}`);
        const file = builtFile(decodeURIComponent(url.pathname));
        followed++;
        if (!file) {
          dead.push(`${page.route}: ${anchor.href} (no page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (!fragment) continue;
        anchored++;
        const target = pages.get(readPage(file).route);
        if (!target?.ids.has(fragment)) dead.push(`${page.route}: ${anchor.href} (no id "${fragment}")`);
      }
    }
    expect(dead).toEqual([]);
    // Hundreds of links between pages (sidebars, register, bodies), tens of them to headings.
    expect(followed).toBeGreaterThan(500);
    expect(anchored).toBeGreaterThan(20);
  });

  test('a link the core reports broken is shown as written and marked, and no other link is marked', () => {
    let marked = 0;
    for (const doc of run.docs) {
      const page = pages.get(routeOf(doc.record.slug));
      const broken = doc.body.links.filter((link) => link.target?.kind === 'broken').map((link) => link.href);
      const shown = page?.anchors.filter((anchor) => anchor.classes.includes('vigil-broken-link')).map((anchor) => anchor.href) ?? [];
      expect(shown, doc.relPath).toEqual(broken);
      marked += shown.length;
    }
    // The link-broken fixture's six, and the findings say the same.
    expect(marked).toBe(run.diagnostics.filter((diagnostic) => diagnostic.rule === 'link-broken').length);
    expect(marked).toBeGreaterThanOrEqual(6);
  });

  test('links the core accepted in other spellings go where it resolved them', () => {
    const hrefs = pages.get('/good-links/')?.anchors.map((anchor) => anchor.href) ?? [];
    // ./guide, ./sub/ and #Rollback-Plan: broken on a site that resolved them itself, not here.
    expect(hrefs).toEqual(expect.arrayContaining(['/guide/', '/sub/', '/guide/#rollback-plan', '/with%20space/', '#scope']));
  });
});
