import path from 'node:path';
import type { Link, LinkDestination } from '../parse/body.js';
import type { Finding, Rule, CheckedDocument } from '../types.js';

const SOURCE_SUFFIXES = ['.md', '.mdx', '.md.erb'];
const INDEX_NAMES = ['index.md', 'index.mdx', 'index.html.md', 'index.html.md.erb'];
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export const rule: Rule = {
  id: 'link-broken',
  defaultSeverity: 'error',
  description: 'A relative link points at a document, file or heading that does not exist.',
  tags: ['links'],
  scope: 'set',
  checkSet(docs, { config, fileExists, pages = [] }) {
    // Pages that are not documents are still link targets.
    const byFile = new Map([...docs, ...pages].map((doc) => [doc.file, doc]));
    // Many documents link to the same few targets: resolve each absolute path once.
    const resolved = new Map<string, CheckedDocument | null>();
    const findDocument = (absolute: string): CheckedDocument | null => {
      // Most links name a document's own file.
      let found = byFile.get(absolute) ?? resolved.get(absolute);
      if (found === undefined) {
        const trimmed = absolute.replace(/[\\/]+$/, '');
        // A page's source: `a` or `a.html` (tech-docs publishes a.html.md as a.html) → a.md, a.html.md.erb…
        const candidates = [absolute, ...SOURCE_SUFFIXES.map((suffix) => trimmed + suffix), ...INDEX_NAMES.map((name) => path.join(trimmed, name))];
        found = candidates.map((candidate) => byFile.get(candidate)).find((doc) => doc !== undefined) ?? null;
        resolved.set(absolute, found);
      }
      return found;
    };
    // A Starlight site's links are site paths (/runbooks/db/, ../db/), resolved against its routes.
    const siteLinks = config.preset === 'starlight' ? siteRoutes([...docs, ...pages], config.site.base) : null;
    // Each link keeps where it leads (link.target): the site renders it from there, never resolving again.
    const findings: Finding[] = [];
    // Documents in one folder link to the same few paths: each folder + path resolved once, and
    // each folder + href that leads somewhere once (what it leads to does not depend on which
    // document of the folder links: a broken one is worked out again, for its own message).
    const absolutePaths = new Map<string, string>();
    const found = new Map<string, Map<string, LinkDestination>>();
    for (const doc of docs) {
      const folder = path.dirname(doc.file);
      let foundHere = found.get(folder);
      if (!foundHere) {
        foundHere = new Map();
        found.set(folder, foundHere);
      }
      for (const link of doc.body.links) {
        const known = foundHere.get(link.href);
        if (known) {
          link.target = known;
          continue;
        }
        if (!link.href || EXTERNAL.test(link.href)) {
          link.target = EXTERNAL_TARGET;
          continue;
        }
        if (siteLinks) {
          record(doc, link, resolveSiteLink(doc, link.href, siteLinks, config.rootDir, fileExists), findings);
          continue;
        }
        // Site-absolute links (/runbooks/db/) are not files in this tree.
        if (link.href.startsWith('/')) {
          link.target = EXTERNAL_TARGET;
          continue;
        }
        const resolution = resolveLink(doc, folder, link.href, findDocument, fileExists, absolutePaths);
        record(doc, link, resolution, findings);
        // A link to the document itself (`#scope`) leads to a different page from each document.
        if (typeof resolution !== 'string' && !(resolution.kind === 'document' && resolution.slug === doc.record.slug)) foundHere.set(link.href, resolution);
      }
    }
    return findings;
  },
};

const EXTERNAL_TARGET: LinkDestination = { kind: 'external' };
const FILE_TARGET: LinkDestination = { kind: 'file' };
const BROKEN_TARGET: LinkDestination = { kind: 'broken' };

/** A link resolves to a target, or is broken with the reason. */
type Resolution = LinkDestination | string;

function record(doc: CheckedDocument, link: Link, resolution: Resolution, findings: Finding[]): void {
  if (typeof resolution === 'string') {
    link.target = BROKEN_TARGET;
    findings.push({ path: doc.path, line: link.line, column: link.column, message: resolution });
  } else {
    link.target = resolution;
  }
}

function resolveLink(
  doc: CheckedDocument,
  folder: string,
  href: string,
  findDocument: (absolute: string) => CheckedDocument | null,
  fileExists: (file: string) => boolean,
  absolutePaths: Map<string, string>,
): Resolution {
  const hashAt = href.indexOf('#');
  const rawPath = (hashAt === -1 ? href : href.slice(0, hashAt)).replace(/\?.*$/, '');
  const anchor = hashAt === -1 ? null : href.slice(hashAt + 1);
  let targetPath: string;
  try {
    targetPath = decodeURIComponent(rawPath);
  } catch {
    return `link "${href}" is not a valid URL path`;
  }

  let target: CheckedDocument | undefined = doc;
  if (targetPath !== '') {
    const key = `${folder}\n${targetPath}`;
    let absolute = absolutePaths.get(key);
    if (absolute === undefined) {
      absolute = path.resolve(folder, targetPath);
      absolutePaths.set(key, absolute);
    }
    target = findDocument(absolute) ?? undefined;
    if (!target) {
      if (fileExists(absolute)) return FILE_TARGET; // an image, a PDF or a folder beside the docs
      return `link "${href}" points at ${targetPath}, which does not exist`;
    }
  }
  return resolveAnchor(doc, target, href, anchor);
}

interface SiteRoutes {
  base: string;
  bySlug: Map<string, CheckedDocument>;
}

function siteRoutes(pages: CheckedDocument[], base: string): SiteRoutes {
  return { base: base.endsWith('/') ? base : `${base}/`, bySlug: new Map(pages.map((page) => [page.record.slug, page])) };
}

/** The route a page is published at: `<base><slug>/`. */
const routeOf = (doc: CheckedDocument, routes: SiteRoutes): string => `${routes.base}${doc.record.slug ? `${doc.record.slug}/` : ''}`;

/**
 * A link as the browser follows it from the page's own route (as starlight-links-validator
 * does): it must land on a page of the site, or on a file in public/, and on a heading there.
 */
function resolveSiteLink(doc: CheckedDocument, href: string, routes: SiteRoutes, rootDir: string, fileExists: (file: string) => boolean): Resolution {
  let url: URL;
  try {
    url = new URL(href, `https://site.invalid${routeOf(doc, routes)}`);
  } catch {
    return `link "${href}" is not a valid URL path`;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return `link "${href}" is not a valid URL path`;
  }
  const anchor = url.hash ? url.hash.slice(1) : null;
  if (!`${pathname}/`.startsWith(routes.base)) return `link "${href}" points at ${pathname}, outside the site's base ${routes.base}`;
  const slug = pathname.slice(routes.base.length).replace(/\/+$/, '').replace(/(^|\/)index(\.html)?$/, '').toLowerCase();
  const target = routes.bySlug.get(slug);
  if (!target) {
    if (/\.[a-z0-9]+$/i.test(pathname) && fileExists(path.join(rootDir, 'public', pathname.slice(routes.base.length)))) return FILE_TARGET;
    return `link "${href}" points at ${pathname}, which is not a page of the site`;
  }
  return resolveAnchor(doc, target, href, anchor);
}

/** The target page and the heading slug the anchor names (as written, else lowercased: `#Rollback-Plan`), or the problem. */
function resolveAnchor(doc: CheckedDocument, target: CheckedDocument, href: string, anchor: string | null): Resolution {
  if (anchor === null || anchor === '') return { kind: 'document', slug: target.record.slug, anchor: null };
  let slug = anchor;
  try {
    slug = decodeURIComponent(anchor);
  } catch {
    // keep the raw anchor
  }
  const heading = target.body.headings.find((candidate) => candidate.slug === slug) ?? target.body.headings.find((candidate) => candidate.slug === slug.toLowerCase());
  if (heading) return { kind: 'document', slug: target.record.slug, anchor: heading.slug };
  const where = target === doc ? 'this document' : target.path;
  const known = target.body.headings.slice(0, 8).map((heading) => `#${heading.slug}`).join(', ');
  return `link "${href}" points at heading #${anchor}, which ${where} does not have${known ? ` (headings: ${known})` : ''}`;
}
