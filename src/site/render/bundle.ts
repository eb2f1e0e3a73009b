// The break-glass bundle from a checked run: every active runbook, in title order, rendered from
// the core's reading. Used by `vigil export` and the site's /break-glass.html alike.
import type { CheckedDocument, IsoDate, VigilConfig } from '../../core/index.js';
import { renderDocument } from '../../astro/markdown.js';
import { renderExport, type ExportResult, type ExportRunbook } from './export.js';

/** `docs` must come from a run made with `keepBody: true` (the bodies are rendered from it). */
export function breakGlassBundle(docs: CheckedDocument[], config: VigilConfig, statusAsOf: IsoDate, madeOn: IsoDate): ExportResult {
  const active = docs.filter((doc) => doc.record.type === 'runbook' && doc.record.lifecycle === 'active').sort((a, b) => a.record.title.localeCompare(b.record.title));
  const inBundle = new Set(active.map((doc) => doc.record.slug));
  const siteUrl = config.site.url;
  const contacts = { slack: config.site.slack ?? null };
  // A link to another runbook of the bundle stays inside the file; one to any other document goes to the site, when the config says where it is.
  const routeOf = (slug: string): string | null => (inBundle.has(slug) ? `#doc:${slug}` : siteUrl ? `${siteUrl}/${slug}/` : null);
  const runbooks: ExportRunbook[] = active.map((doc) => ({ record: doc.record, bodyHtml: renderDocument(doc, routeOf, contacts).html }));
  return renderExport({ title: config.site.title, madeOn, statusAsOf, runbooks, contacts, siteUrl });
}
