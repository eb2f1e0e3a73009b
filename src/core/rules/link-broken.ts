import path from 'node:path';
import type { Finding, Rule, VigilDocument } from '../types.js';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export const rule: Rule = {
  id: 'link-broken',
  defaultSeverity: 'error',
  description: 'A relative link points at a document, file or heading that does not exist.',
  scope: 'set',
  checkSet(docs, { fileExists }) {
    const byFile = new Map(docs.map((doc) => [doc.file, doc]));
    const findings: Finding[] = [];
    for (const doc of docs) {
      for (const link of doc.body.links) {
        // Site-absolute links (/runbooks/db/) and external ones are not files in this tree.
        if (!link.href || EXTERNAL.test(link.href) || link.href.startsWith('/')) continue;
        const problem = resolveLink(doc, link.href, byFile, fileExists);
        if (problem) findings.push({ path: doc.path, line: link.line, column: link.column, message: problem });
      }
    }
    return findings;
  },
};

function resolveLink(doc: VigilDocument, href: string, byFile: Map<string, VigilDocument>, fileExists: (file: string) => boolean): string | null {
  const hashAt = href.indexOf('#');
  const rawPath = (hashAt === -1 ? href : href.slice(0, hashAt)).replace(/\?.*$/, '');
  const anchor = hashAt === -1 ? null : href.slice(hashAt + 1);
  let targetPath: string;
  try {
    targetPath = decodeURIComponent(rawPath);
  } catch {
    return `link "${href}" is not a valid URL path`;
  }

  let target: VigilDocument | undefined = doc;
  if (targetPath !== '') {
    const absolute = path.resolve(path.dirname(doc.file), targetPath);
    const candidates = [absolute, `${absolute}.md`, `${absolute}.mdx`, path.join(absolute, 'index.md'), `${absolute.replace(/[\\/]+$/, '')}.md`];
    target = candidates.map((candidate) => byFile.get(candidate)).find(Boolean);
    if (!target) {
      if (fileExists(absolute)) return null; // an image, a PDF or a folder beside the docs
      return `link "${href}" points at ${targetPath}, which does not exist`;
    }
  }
  if (anchor === null || anchor === '') return null;
  let slug = anchor;
  try {
    slug = decodeURIComponent(anchor);
  } catch {
    // keep the raw anchor
  }
  if (target.body.headings.some((heading) => heading.slug === slug.toLowerCase() || heading.slug === slug)) return null;
  const where = target === doc ? 'this document' : target.path;
  const known = target.body.headings.slice(0, 8).map((heading) => `#${heading.slug}`).join(', ');
  return `link "${href}" points at heading #${anchor}, which ${where} does not have${known ? ` (headings: ${known})` : ''}`;
}
