// Astro content loader for Starlight's `docs` collection, fed from the core's run: the
// frontmatter was already parsed and judged by the core, so Astro does not sync or parse
// it again. Each entry carries the Starlight fields (title, description) plus the core's
// DocumentRecord under `vigil`; the body is rendered here with raw HTML off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { CheckedDocument, DocumentRecord } from '../core/index.js';
import { renderBody } from './markdown.js';
import { getSiteRun } from './state.js';
import { routeFor } from './routes.js';

/** The Markdown after the frontmatter block, read again from disk (the core keeps only a scan of it). */
export function readBody(doc: CheckedDocument): string {
  const text = readFileSync(doc.file, 'utf8');
  if (doc.bodyStartLine <= 1) return text;
  let offset = 0;
  for (let line = 1; line < doc.bodyStartLine && offset !== -1; line++) {
    offset = text.indexOf('\n', offset);
    if (offset !== -1) offset += 1;
  }
  return offset === -1 ? '' : text.slice(offset);
}

function description(record: DocumentRecord): string {
  const kind = record.type ?? 'document';
  return `${record.id ? `${record.id}: ` : ''}${kind} owned by ${record.owner ?? 'nobody'}`;
}

export function vigilLoader(): Loader {
  return {
    name: 'vigil-core',
    async load({ store, parseData, config }) {
      const { run } = await getSiteRun();
      const base = config.base ?? '/';
      const routes = new Map(run.docs.map((doc) => [doc.relPath, routeFor(base, doc.record.slug)]));
      store.clear();
      for (const doc of run.docs) {
        const record = doc.record;
        const rendered = renderBody(readBody(doc), doc.relPath, routes, record.title);
        const data = await parseData({
          id: record.slug,
          data: { title: record.title || doc.relPath, description: description(record), vigil: record },
        });
        store.set({
          id: record.slug,
          data,
          filePath: path.relative(process.cwd(), doc.file).split(path.sep).join('/'),
          rendered: { html: rendered.html, metadata: { headings: rendered.headings } },
        });
      }
    },
  };
}
