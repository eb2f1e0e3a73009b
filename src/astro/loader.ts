// Astro content loader for Starlight's `docs` collection, fed from the core's run: the
// frontmatter was already parsed and judged by the core, so Astro does not sync or parse
// it again. Each entry carries the Starlight fields (title, description) plus the core's
// DocumentRecord under `vigil`; the body, kept by the core's run, is rendered here from the
// core's reading of it (markdown.ts), raw HTML shown as text.
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { recheckOnChange } from './setup.js';
import type { DocumentRecord } from '../core/index.js';
import { renderDocument } from './markdown.js';
import { getSiteRun } from './state.js';
import { routeFor } from './routes.js';

function description(record: DocumentRecord): string {
  const kind = record.type ?? 'document';
  return `${record.id ? `${record.id}: ` : ''}${kind} owned by ${record.owner ?? 'nobody'}`;
}

export function vigilLoader(): Loader {
  return {
    name: 'vigil-core',
    async load(context) {
      await fill(context);
      // astro dev: an edited document is checked again and the pages reloaded, without a restart.
      context.watcher?.on('all', (_event, file) => recheckOnChange(file, context.logger, () => fill(context)));
    },
  };
}

/** Puts every checked document of the current run in the store (again, after an edit in dev). */
async function fill({ store, parseData, config }: LoaderContext): Promise<void> {
  const { run } = await getSiteRun();
  const base = config.base ?? '/';
  const published = new Set(run.docs.map((doc) => doc.record.slug));
  const routeOf = (slug: string): string | null => (published.has(slug) ? routeFor(base, slug) : null);
  store.clear();
  for (const doc of run.docs) {
    const record = doc.record;
    // The body as the core read it (runCheck asks the engine to keep it): the files are not read again.
    const rendered = renderDocument(doc, routeOf);
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
}
