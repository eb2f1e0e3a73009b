// Renders a document's Markdown body for the site from the core's reading of it. The body is
// parsed as the core's scan parses it (src/core/parse/body.ts: markdown-it, raw HTML recognised),
// so the blocks, headings and links are the same ones; raw HTML is then shown as text, never as
// markup, and links other than http(s), mailto, tel and relative ones are dropped. Each heading's
// id is the slug the core computed (the anchors link-broken accepts), and each relative link goes
// where the core resolved it (link.target): a document's route and the heading it matched, or, when
// the core reports it broken, as written and marked. The site never resolves a document's link.
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type { CheckedDocument, LinkDestination } from '../core/index.js';
import { escapeHtml, contactTextHtml } from '../site/render/html.js';
import type { ContactOptions } from './contacts.js';

export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: RenderedHeading[];
}

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// The core's options (body.ts): with `html: true` an HTML block holds its lines as the core sees
// them, and `<b>` in a heading is markup around the heading's text, not part of it.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
markdown.validateLink = (url: string): boolean => {
  const trimmed = url.trim();
  return !HAS_SCHEME.test(trimmed) || SAFE_SCHEME.test(trimmed);
};

/** What the core read in a document's body: its headings' slugs, in order, and where its links lead. */
export interface DocumentReading {
  /** The document's own slug, for links to its own headings. */
  slug: string;
  headings: ReadonlyArray<{ text: string; slug: string }>;
  /** Where each href the core saw leads (in one document the same href always leads to the same place). */
  targets: ReadonlyMap<string, LinkDestination | undefined>;
  /** A document's route by its slug; null for a page this site does not publish. */
  routeOf: (slug: string) => string | null;
}

interface RenderEnv {
  relPath: string;
  /** The core's reading, for a document; null for Markdown the core does not check (a rule's page). */
  reading: DocumentReading | null;
  /** Headings met so far: the next one's slug is the core's heading at this index. */
  headingCount: number;
  contacts: ContactOptions;
  /** Headings above the current position, outermost first, for telling a contact table. */
  sections: Array<{ level: number; text: string }>;
  /** The contact table being rendered: its column headers, the cell column, whether in a cell. */
  contactTable: { headers: string[]; column: number; inCell: boolean } | null;
  linkDepth: number;
  /** Without a reading: relPath of every page → its route, e.g. `runbooks/db.md` → `/runbooks/db/`. */
  routes: Map<string, string>;
  slugger: GithubSlugger;
  headings: RenderedHeading[];
}

type Token = ReturnType<MarkdownIt['parse']>[number];

function inlineText(token: Token | undefined): string {
  return (token?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('');
}

/**
 * The next heading's id: the core's slug, heading by heading in the order both parses meet them
 * (links.site.test.ts proves they meet the same ones). Markdown the core did not read is slugged
 * here, as GitHub does.
 */
function nextHeadingSlug(env: RenderEnv, text: string): string {
  const known = env.reading?.headings[env.headingCount++];
  return known ? known.slug : env.slugger.slug(text);
}

// Raw HTML is recognised, as the core recognises it, and shown as the text it is; a comment
// (`<!-- TODO -->`), which GitHub does not show either, is left out.
const HTML_COMMENT = /^\s*<!--[^]*-->\s*$/;
const rawHtml = (content: string): string => (HTML_COMMENT.test(content) ? '' : markdown.utils.escapeHtml(content));
markdown.renderer.rules.html_block = (tokens, index) => {
  const text = rawHtml(tokens[index].content.trimEnd());
  return text ? `<p>${text}</p>\n` : '';
};
markdown.renderer.rules.html_inline = (tokens, index) => rawHtml(tokens[index].content);

markdown.renderer.rules.heading_open = (tokens, index, options, env: RenderEnv, self) => {
  const token = tokens[index];
  const text = inlineText(tokens[index + 1]);
  const slug = nextHeadingSlug(env, text);
  token.attrSet('id', slug);
  // The page header holds the page's one H1: a later "# Heading" in the body is shown as a section.
  if (token.tag === 'h1') {
    token.tag = 'h2';
    const close = tokens.slice(index).find((candidate) => candidate.type === 'heading_close');
    if (close) close.tag = 'h2';
  }
  const depth = Number(token.tag.slice(1));
  env.headings.push({ depth, slug, text });
  while (env.sections.length > 0 && env.sections[env.sections.length - 1].level >= depth) env.sections.pop();
  env.sections.push({ level: depth, text });
  return self.renderToken(tokens, index, options);
};

// Contact tables (under a heading about escalation, contacts, on-call, roles… as escalation-empty
// reads them): every phone number, e-mail and Slack handle in a cell becomes a link, and each cell
// carries its column's name so the rows can stack on a phone (vigil.css) instead of scrolling.
const CONTACT_SECTION = /escalat|contact|on[\s-]?call|\broles?\b|responders?|who to call|pager/i;

markdown.renderer.rules.table_open = (tokens, index, options, env: RenderEnv, self) => {
  if (env.sections.some((section) => CONTACT_SECTION.test(section.text))) {
    env.contactTable = { headers: [], column: 0, inCell: false };
    tokens[index].attrJoin('class', 'vigil-contact-table');
  }
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.table_close = (tokens, index, options, env: RenderEnv, self) => {
  env.contactTable = null;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.th_open = (tokens, index, options, env: RenderEnv, self) => {
  env.contactTable?.headers.push(inlineText(tokens[index + 1]));
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.tr_open = (tokens, index, options, env: RenderEnv, self) => {
  if (env.contactTable) env.contactTable.column = 0;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.td_open = (tokens, index, options, env: RenderEnv, self) => {
  const table = env.contactTable;
  if (table) {
    const label = table.headers[table.column++];
    if (label) tokens[index].attrSet('data-label', label);
    table.inCell = true;
  }
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.td_close = (tokens, index, options, env: RenderEnv, self) => {
  if (env.contactTable) env.contactTable.inCell = false;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.text = (tokens, index, _options, env: RenderEnv) => {
  const content = tokens[index].content;
  return env.contactTable?.inCell && env.linkDepth === 0 ? contactTextHtml(content, env.contacts) : escapeHtml(content);
};

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env: RenderEnv, self) => {
  const token = tokens[index];
  const href = token.attrGet('href');
  if (href !== null && env.reading) {
    const target = env.reading.targets.get(href);
    // A link the core reports broken stays as written, marked; anything not a document stays as written.
    // A document this site does not publish (a preset's page the core knows) cannot be followed here either.
    const resolved = target?.kind === 'document' ? targetHref(target, env.reading) : null;
    if (resolved) token.attrSet('href', resolved);
    else if (target?.kind === 'broken' || target?.kind === 'document') markBroken(token);
  } else if (href) {
    const route = documentRoute(href, env);
    if (route) token.attrSet('href', route);
    // A `.md` link that names no page is dead on the site too: shown as written, marked like the core's broken links.
    else if (isRelativeMarkdownLink(href)) markBroken(token);
  }
  env.linkDepth++;
  return defaultLinkOpen(tokens, index, options, env, self);
};
markdown.renderer.rules.link_close = (tokens, index, options, env: RenderEnv, self) => {
  env.linkDepth--;
  return self.renderToken(tokens, index, options);
};

/** The page and heading the core resolved a link to: `/procedures/sev/#sev-1`, or `#sev-1` on the page itself. */
function targetHref(target: Extract<LinkDestination, { kind: 'document' }>, reading: DocumentReading): string | null {
  const fragment = target.anchor ? `#${encodeURIComponent(target.anchor)}` : '';
  if (target.slug === reading.slug && fragment) return fragment;
  const route = reading.routeOf(target.slug);
  return route === null ? null : encodeURI(route) + fragment;
}

/** Marked for the stylesheet (.vigil-broken-link) and, without one, for the reader's pointer. */
function markBroken(token: Token): void {
  token.attrJoin('class', 'vigil-broken-link');
  token.attrSet('title', 'Broken link: it leads to no page of this site');
}

const isRelativeMarkdownLink = (href: string): boolean => !HAS_SCHEME.test(href) && !href.startsWith('/') && /\.(md|markdown|mdx)$/i.test(href.split('#', 1)[0]);

/** Markdown the core did not read: `../procedures/sev.md#sev-1` → `/procedures/sev/#sev-1` when it names a page; else null. */
function documentRoute(href: string, env: RenderEnv): string | null {
  if (HAS_SCHEME.test(href) || href.startsWith('/') || href.startsWith('#')) return null;
  const [target, fragment] = href.split('#', 2);
  if (!/\.(md|markdown|mdx)$/i.test(target)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return null;
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(env.relPath), decoded));
  const route = env.routes.get(resolved);
  return route ? route + (fragment ? `#${fragment}` : '') : null;
}

// The site's Slack workspace when the caller does not say (the content loader renders bodies
// during the build, when the integration has already kept the run: see state.ts).
function siteContactOptions(): ContactOptions {
  const run = (globalThis as Record<symbol, { config?: { site?: { slack?: string | null } } } | undefined>)[Symbol.for('vigil.site.run')];
  return { slack: run?.config?.site?.slack ?? null };
}

/**
 * Renders a document's body from the core's run: its Markdown as the core kept it (the engine's
 * keepBody), its heading slugs and its resolved links. `routeOf` gives a document's route by slug.
 */
export function renderDocument(doc: Pick<CheckedDocument, 'relPath' | 'body' | 'record'>, routeOf: (slug: string) => string | null, contacts?: ContactOptions): RenderedBody {
  const targets = new Map<string, LinkDestination | undefined>();
  for (const link of doc.body.links) if (!targets.has(link.href)) targets.set(link.href, link.target);
  const reading: DocumentReading = { slug: doc.record.slug, headings: doc.body.headings, targets, routeOf };
  return renderBody(doc.body.text ?? '', doc.relPath, new Map(), doc.record.title, contacts, reading);
}

/**
 * Renders `body`: a document's with the core's `reading`, else Markdown the core does not check
 * (a rule's docs page: GitHub slugs, `.md` links found in `routes`). A leading `# Title` that
 * repeats the page title is left out (the page already shows the title), but still counted so
 * later anchors match the core's slugs. A
 * document without a title whose body opens with `# Heading` has that heading as its title: it
 * is left out of the body too and returned as the first heading (depth 1), for the page header
 * to show as the page's one H1.
 */
export function renderBody(
  body: string,
  relPath: string,
  routes: Map<string, string>,
  title?: string,
  contacts: ContactOptions = siteContactOptions(),
  reading: DocumentReading | null = null,
): RenderedBody {
  const env: RenderEnv = { relPath, routes, reading, headingCount: 0, slugger: new GithubSlugger(), headings: [], contacts, sections: [], contactTable: null, linkDepth: 0 };
  const tokens = markdown.parse(body, env);
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1') {
    const text = inlineText(tokens[1]);
    // Without a title the core names the document after its file (`restore.md` → "restore").
    const untitled = !title?.trim() || title === path.posix.basename(relPath).replace(/\.(md|markdown|mdx)$/i, '');
    if (untitled) {
      env.headings.push({ depth: 1, slug: nextHeadingSlug(env, text), text });
      tokens.splice(0, 3);
    } else if (text.trim().toLowerCase() === (title ?? '').trim().toLowerCase()) {
      nextHeadingSlug(env, text); // its slug stays taken, so the later ones are the core's
      tokens.splice(0, 3);
    }
  }
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, headings: env.headings };
}
