// What Vigil knows about the site generators its users already run: the frontmatter keys that
// belong to the generator (accepted, never judged), the field names it uses for Vigil's fields,
// which files are its pages, and how it renders links and heading anchors.
import type { FieldName, PresetName } from './types.js';

export type AnchorStyle = 'github' | 'tech-docs';

export interface Preset {
  name: PresetName;
  /** Where the generator keeps its pages, for a config that names no content folder. */
  content: string;
  /** The generator's own frontmatter keys: accepted, and not Vigil fields. */
  generatorKeys: string[];
  /** Vigil field → the generator's name for it. */
  fields: Partial<Record<FieldName, string>>;
  /** File names (beyond .md and .mdx) that are pages. */
  pageExtensions: string[];
  anchors: AnchorStyle;
}

export const PRESETS: Record<PresetName, Preset> = {
  starlight: {
    name: 'starlight',
    content: 'src/content/docs',
    // https://starlight.astro.build/reference/frontmatter/
    generatorKeys: [
      'description', 'sidebar', 'template', 'hero', 'banner', 'lastUpdated', 'prev', 'next', 'pagefind', 'draft',
      'head', 'tableOfContents', 'editUrl', 'slug',
    ],
    fields: {},
    pageExtensions: ['.md', '.mdx'],
    anchors: 'github',
  },
  'tech-docs': {
    name: 'tech-docs',
    content: 'source',
    // GOV.UK tech-docs-gem frontmatter (https://tdt-documentation.london.cloudapps.digital/).
    generatorKeys: [
      'layout', 'parent', 'weight', 'hide_in_navigation', 'old_paths', 'section', 'source_url', 'description',
      'prevent_indexing', 'content_owner', 'hide_in_search', 'redirect_to',
    ],
    fields: { last_reviewed: 'last_reviewed_on', review_cycle: 'review_in', owner: 'owner_slack' },
    pageExtensions: ['.md', '.mdx', '.html.md', '.html.md.erb'],
    anchors: 'tech-docs',
  },
};

/** The Vigil fields whose presence makes a page a document a preset site must judge. */
export const JUDGED_FIELDS: FieldName[] = ['type', 'id', 'owner', 'last_reviewed', 'review_cycle', 'expires', 'escalation', 'status_pages', 'controls'];

/** A page's file name without the extension its generator reads (`a.html.md.erb` → `a`). */
export function stripPageExtension(name: string): string {
  return name.replace(/(\.html)?\.(md|mdx|markdown)(\.erb)?$/i, '');
}
