import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defaultConfig, resolveConfig } from '../core/config/load.js';
import { checkDocuments } from '../core/engine.js';
import type { CheckedDocument, PresetName } from '../core/index.js';
import { renderBody, renderDocument } from './markdown.js';

const routes = new Map([
  ['runbooks/db.md', '/runbooks/db/'],
  ['procedures/sev.md', '/procedures/sev/'],
]);

test('raw HTML in a body is shown as text, never as markup', () => {
  const { html } = renderBody('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n', 'runbooks/db.md', routes);
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;script&gt;');
});

test('only http(s), mailto, tel and relative links are kept', () => {
  const { html } = renderBody('[a](javascript:alert(1)) [b](https://x.example/) [c](mailto:a@x.example) [d](vbscript:x) [e](data:text/html,x)', 'runbooks/db.md', routes);
  expect(html).toContain('href="https://x.example/"');
  expect(html).toContain('href="mailto:a@x.example"');
  expect(html).not.toMatch(/href="(javascript|vbscript|data):/);
});

test('links to documents become site routes, fragments kept', () => {
  const { html } = renderBody('[sev](../procedures/sev.md#sev-1) [self](db.md) [missing](nope.md) [anchor](#x)', 'runbooks/db.md', routes);
  expect(html).toContain('href="/procedures/sev/#sev-1"');
  expect(html).toContain('href="/runbooks/db/"');
  expect(html).toContain('<a href="nope.md" class="vigil-broken-link" title="Broken link: it leads to no page of this site">');
  expect(html).toContain('href="#x"');
});

test('headings get GitHub slugs; a leading title heading is dropped but still counted', () => {
  const { html, headings } = renderBody('# Database failover\n\n## Steps\n\n## Steps\n\n### Database failover\n', 'runbooks/db.md', routes, 'Database Failover');
  expect(html).not.toContain('<h1');
  expect(headings).toEqual([
    { depth: 2, slug: 'steps', text: 'Steps' },
    { depth: 2, slug: 'steps-1', text: 'Steps' },
    { depth: 3, slug: 'database-failover-1', text: 'Database failover' },
  ]);
  expect(html).toContain('<h2 id="steps-1">');
});

// Documents as the site gets them: checked by the core, which keeps each body and resolves each link.
const LINKS_FIXTURE = fileURLToPath(new URL('../core/rules/__fixtures__/link-broken/', import.meta.url));
const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

async function checkedDocs(dir: string, preset?: PresetName): Promise<CheckedDocument[]> {
  const config = { ...(preset ? resolveConfig({ preset }, dir, null) : defaultConfig(dir)), schemas: SCHEMAS };
  const run = await checkDocuments({ cwd: dir, config, today: '2026-11-26', offline: true, workers: 0, paths: ['.'], keepBody: true });
  return run.docs;
}

function renderFrom(docs: CheckedDocument[], relPath: string): ReturnType<typeof renderDocument> {
  const doc = docs.find((candidate) => candidate.relPath === relPath);
  if (!doc) throw new Error(`${relPath} not checked`);
  const published = new Set(docs.map((candidate) => candidate.record.slug));
  return renderDocument(doc, (slug) => (published.has(slug) ? `/docs/${slug}/` : null));
}

const hrefs = (html: string): string[] => [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1]);

describe('a document rendered from the core’s reading', () => {
  test('every relative link goes to the page and heading link-broken resolved it to', async () => {
    const { html } = renderFrom(await checkedDocs(LINKS_FIXTURE), 'good-links.md');
    expect(hrefs(html)).toEqual([
      '/docs/guide/',
      '/docs/guide/',
      '/docs/guide/',
      '/docs/guide/#setup',
      '/docs/guide/#setup-1',
      '/docs/guide/#rollback-plan',
      '#scope',
      '#links-that-are-not-checked',
      '/docs/sub/',
      '/docs/sub/#purpose',
      '/docs/with%20space/',
      './assets/diagram.svg',
      'https://example.com/missing.md',
      'mailto:security@example.com',
      'tel:+442079460018',
      '/runbooks/database/',
      '//example.com/x',
    ]);
    expect(html).not.toContain('vigil-broken-link');
  });

  test('a link to a document this site does not publish is left as written and marked', async () => {
    const docs = await checkedDocs(LINKS_FIXTURE);
    const doc = docs.find((candidate) => candidate.relPath === 'sub/index.md');
    if (!doc) throw new Error('sub/index.md not checked');
    const { html } = renderDocument(doc, (slug) => (slug === 'guide' ? null : `/${slug}/`));
    expect(html).toContain('<a href="../guide.md#setup" class="vigil-broken-link"');
  });

  test('a link the core reports broken is left as written and marked', async () => {
    const { html } = renderFrom(await checkedDocs(LINKS_FIXTURE), 'broken-links.md');
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((match) => match[0]);
    expect(links).toEqual(
      ['./missing.md', './guide.md#no-such-heading', '#no-such-heading', 'sub/missing.md', 'guide.md#setup-2', './assets/missing.pdf'].map(
        (href) => `<a href="${href}" class="vigil-broken-link" title="Broken link: it leads to no page of this site">`,
      ),
    );
    // The fixture's `<!-- expect: … -->` comments are not shown.
    expect(html).not.toContain('expect:');
  });

  test('a heading with inline HTML gets the core’s slug (GitHub’s), and its markup is shown as text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-markdown-'));
    try {
      writeFileSync(
        path.join(dir, 'call.md'),
        '---\ntitle: Call\ntype: policy\nowner: Ops\nlast_reviewed: 2026-11-01\nreview_cycle: annual\n---\n\n## Call <b>now</b>\n\nSee [below](#call-now) and [the page](call.md#Call-Now).\n\n<div>\n[inside a block](#call-now)\n</div>\n',
      );
      const docs = await checkedDocs(dir);
      expect(docs[0].body.headings.map((heading) => heading.slug)).toEqual(['call-now']);
      const { html, headings } = renderFrom(docs, 'call.md');
      expect(html).toContain('<h2 id="call-now">Call &lt;b&gt;now&lt;/b&gt;</h2>');
      expect(headings.map((heading) => heading.slug)).toEqual(['call-now']);
      expect(hrefs(html)).toEqual(['#call-now', '#call-now']);
      // An HTML block holds its lines as the core read them: no link in it, shown as text.
      expect(html).toContain('<p>&lt;div&gt;\n[inside a block](#call-now)\n&lt;/div&gt;</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a tech-docs site gets tech-docs anchors, as link-broken checks them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-markdown-'));
    try {
      writeFileSync(
        path.join(dir, 'rota.html.md'),
        "---\ntitle: Rota\nowner_slack: '#ops'\nlast_reviewed_on: 2026-11-01\nreview_in: 6 months\n---\n\n## Who's on call\n\n### Steps\n\n## Later\n\n### Steps\n\nSee [who](#who-rsquo-s-on-call) and [the second steps](rota.html#later-steps).\n",
      );
      const docs = await checkedDocs(dir, 'tech-docs');
      const { html } = renderFrom(docs, 'rota.html.md');
      expect([...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((match) => match[1])).toEqual(['who-rsquo-s-on-call', 'steps', 'later', 'later-steps']);
      expect(hrefs(html)).toEqual(['#who-rsquo-s-on-call', '#later-steps']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['the examples', fileURLToPath(new URL('../../content/', import.meta.url))],
    ['the site fixture', fileURLToPath(new URL('./__fixtures__/site/content/', import.meta.url))],
    ['the link-broken fixture', LINKS_FIXTURE],
  ])('in %s, every heading id is the core’s slug', async (_name, dir) => {
    const docs = await checkedDocs(dir);
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const { html } = renderFrom(docs, doc.relPath);
      const ids = [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((match) => match[1]);
      const slugs = doc.body.headings.map((heading) => heading.slug);
      // A leading "# Title" is left out of the body; every other heading is there, in order, with the core's slug.
      expect(ids.length, doc.relPath).toBeGreaterThanOrEqual(slugs.length - 1);
      expect(ids, doc.relPath).toEqual(slugs.slice(slugs.length - ids.length));
    }
  });
});

test('a contact table links numbers, e-mails and handles, labels its cells, and stays escaped; other tables are left alone', () => {
  const body = '## Escalation\n\n| Role | Phone | Slack |\n| --- | --- | --- |\n| Lead <b>x</b> | +44 (0)20 7946 0999 | @mei |\n\n## Steps\n\n| Step | Phone |\n| --- | --- |\n| 1 | +44 20 7946 0001 |\n';
  const { html } = renderBody(body, 'runbooks/db.md', routes, 'T', { slack: 'https://acme.slack.com' });
  const [contacts, other] = html.split('<h2 id="steps">');
  expect(contacts).toContain('<table class="vigil-contact-table">');
  expect(contacts).toContain('<td data-label="Phone"><a class="vigil-contact vigil-contact--phone" href="tel:+442079460999">+44 (0)20 7946 0999</a></td>');
  expect(contacts).toContain('href="https://acme.slack.com/messages/@mei"');
  expect(contacts).toContain('Lead &lt;b&gt;x&lt;/b&gt;');
  expect(other).not.toContain('tel:');
  expect(other).not.toContain('vigil-contact-table');
});

test('one H1: a later "# Heading" is a section; without a title the opening heading is the title', () => {
  expect(renderBody('# Title\n\n# Another\n', 'runbooks/db.md', routes, 'Title').html).toContain('<h2 id="another">Another</h2>');
  const untitled = renderBody('# Restore From Tape\n\n## Purpose\n', 'procedures/restore.md', routes, 'restore');
  expect(untitled.html).not.toContain('Restore From Tape');
  expect(untitled.headings[0]).toEqual({ depth: 1, slug: 'restore-from-tape', text: 'Restore From Tape' });
});
