import type { VigilConfig } from '../config/types.js';
import { didYouMean } from '../didYouMean.js';
import type { CheckedDocument, Finding, Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'alert-runbook',
  defaultSeverity: 'error',
  description: "An alert's runbook_url points at no published document, or at an expired or retired one; a runbook's alerts names an alert no rule file defines.",
  tags: ['links'],
  scope: 'set',
  checkSet(docs, { alerts, config, label }) {
    if (!alerts) return [];
    const findings: Finding[] = [...alerts.problems];
    const bySlug = new Map(docs.map((doc) => [doc.record.slug, doc]));
    let toldSiteUrl = false;

    for (const file of alerts.files) {
      for (const alert of file.alerts) {
        if (!alert.runbookUrl) continue;
        const { value, at } = alert.runbookUrl;
        const where = { path: file.path, ...at };
        const target = resolveRunbookUrl(value, config);
        if (target.kind === 'template' || target.kind === 'elsewhere') continue;
        if (target.kind === 'no-site-url') {
          if (!toldSiteUrl) {
            findings.push({ ...where, message: `runbook_url "${value}" cannot be matched to a document because site.url is not set: set site.url in the config to the address where the site is published` });
            toldSiteUrl = true;
          }
          continue;
        }
        const doc = bySlug.get(target.slug);
        if (!doc) {
          const near = didYouMean(target.slug, bySlug.keys());
          const hint = near !== null ? ` (did you mean ${routeUrl(config, near)}?)` : '';
          findings.push({ ...where, message: `alert ${alert.name}: runbook_url "${value}" points at no published document${hint}: point it at the runbook's page on the site` });
          continue;
        }
        const problem = unfitTarget(doc);
        if (problem) {
          findings.push({ ...where, message: `alert ${alert.name}: runbook_url points at ${nameOf(doc)}, which ${problem}: renew that document or point the alert at the runbook in use` });
        } else if (target.fragment && !doc.body.headings.some((heading) => heading.slug === target.fragment)) {
          findings.push({ ...where, message: `alert ${alert.name}: runbook_url points at #${target.fragment}, which is not a heading of ${nameOf(doc)}` });
        }
      }
    }

    // Without every rule file read whole, an alert may be defined in the part that was not.
    if (alerts.files.length === 0 || !alerts.complete) return findings;
    for (const doc of docs) {
      doc.record.alerts.forEach((name, index) => {
        if (alerts.names.has(name)) return;
        const near = didYouMean(name, alerts.names);
        findings.push({
          path: doc.path,
          ...fieldPosition(doc, `/alerts/${index}`),
          message: `${label('alerts')}[${index}] "${name}" is not an alert in ${alerts.files.map((f) => f.path).join(', ')}${near !== null ? ` (did you mean "${near}"?)` : ''}: correct the name or remove it`,
        });
      });
    }
    return findings;
  },
};

type RunbookTarget =
  | { kind: 'route'; slug: string; fragment: string | null }
  | { kind: 'template' } // filled in by Alertmanager ({{ $labels.… }}): cannot be judged here
  | { kind: 'elsewhere' } // another site: not Vigil's to judge
  | { kind: 'no-site-url' };

/**
 * Where a runbook_url leads on the site: resolved against site.url (relative URLs too), then
 * read as a route `/<folder>/<file-slug>/` (the document's slug) with an optional `#heading`.
 */
export function resolveRunbookUrl(value: string, config: VigilConfig): RunbookTarget {
  if (/\{\{|\$labels|\$value|\$externalURL/.test(value)) return { kind: 'template' };
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (absolute && config.site.url === null) return { kind: 'no-site-url' };
  const base = new URL(`${config.site.url ?? `http://site.invalid${config.site.base.replace(/\/*$/, '')}`}/`);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { kind: 'route', slug: value, fragment: null };
  }
  if (absolute && (url.origin !== base.origin || !url.pathname.startsWith(base.pathname))) return { kind: 'elsewhere' };
  if (!url.pathname.startsWith(base.pathname)) return { kind: 'route', slug: url.pathname, fragment: null };
  let rest = url.pathname.slice(base.pathname.length);
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // A malformed escape stays as written, and so matches no route.
  }
  const slug = rest.replace(/(^|\/)index\.html$/i, '').replace(/\.html$/i, '').replace(/^\/+|\/+$/g, '').toLowerCase();
  const hash = url.hash.slice(1);
  let fragment: string | null = hash === '' ? null : hash;
  try {
    fragment = fragment === null ? null : decodeURIComponent(fragment);
  } catch {
    // kept as written
  }
  return { kind: 'route', slug, fragment };
}

function unfitTarget(doc: CheckedDocument): string | null {
  if (doc.record.lifecycle === 'retired') return 'is retired';
  if (doc.record.status === 'expired') return `expired on ${doc.record.expires}`;
  return null;
}

function nameOf(doc: CheckedDocument): string {
  return doc.record.id ? `${doc.record.id} (${doc.path})` : doc.path;
}

function routeUrl(config: VigilConfig, slug: string): string {
  return `${config.site.url ?? config.site.base.replace(/\/*$/, '')}/${slug}/`;
}
