// Works out what kind of docs repository a folder is (GOV.UK tech-docs, a Starlight site, or a
// plain folder of Markdown) and the Vigil config that fits it, for `vigil init`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentType, PresetName } from './types.js';
import { isFolder } from '../files.js';

export type Layout = 'tech-docs' | 'starlight' | 'markdown';

export interface Detected {
  layout: Layout;
  preset: PresetName | null;
  /** Content folder, relative to the repository. */
  content: string;
  /** Type by path, in the order they must be tried (first match wins). */
  types: Array<{ pattern: string; type: DocumentType }>;
  /** Files under the content folder that are not documents (plain Markdown folders only). */
  exclude: string[];
  /** Why Vigil took it for this layout, in words for the person running init. */
  evidence: string;
}

// Folder names that say what their documents are.
const TYPE_BY_FOLDER: Array<[RegExp, DocumentType]> = [
  [/^(runbooks?|playbooks?|incidents?|incident-response|alerts|on-?call|break-?glass)$/i, 'runbook'],
  [/^(polic(y|ies)|standards?|governance)$/i, 'policy'],
  [/^(procedures?|processes|process|how-?to|guides?|manual)$/i, 'procedure'],
];

const PLAIN_FOLDERS = ['content', 'docs', 'documentation', 'policies', 'runbooks', 'handbook'];
const NOT_DOCUMENTS = ['README.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'SECURITY.md', 'LICENSE.md'].map((name) => `**/${name}`);

/** Sub-folders (any depth up to 3) whose names say a document type, as `folder/**` patterns. */
function typesByFolder(root: string): Detected['types'] {
  const found: Detected['types'] = [];
  const visit = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const type = TYPE_BY_FOLDER.find(([pattern]) => pattern.test(entry.name))?.[1];
      if (type) found.push({ pattern: `${path.relative(root, full).split(path.sep).join('/')}/**`, type });
      else if (depth < 3) visit(full, depth + 1);
    }
  };
  visit(root, 1);
  return found;
}

function hasPages(dir: string, pattern: RegExp, depth = 4): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) =>
    entry.isFile() ? pattern.test(entry.name) : entry.isDirectory() && depth > 0 && !entry.name.startsWith('.') && entry.name !== 'node_modules' && hasPages(path.join(dir, entry.name), pattern, depth - 1),
  );
}

function astroConfigUsingStarlight(root: string): string | null {
  for (const name of ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts', 'astro.config.cjs']) {
    const file = path.join(root, name);
    if (existsSync(file) && readFileSync(file, 'utf8').includes('@astrojs/starlight')) return name;
  }
  return null;
}

/** What kind of docs repository `root` is, and the config that fits it. */
export function detectLayout(root: string): Detected {
  const techDocsConfig = existsSync(path.join(root, 'config', 'tech-docs.yml'));
  if (techDocsConfig || hasPages(path.join(root, 'source'), /\.html\.md(\.erb)?$/i)) {
    return {
      layout: 'tech-docs',
      preset: 'tech-docs',
      content: 'source',
      // A tech-docs page that carries review dates is a page someone must keep true: a procedure.
      // (No runbooks by folder: tech-docs pages carry no escalation list.)
      types: [{ pattern: '**', type: 'procedure' }],
      exclude: [],
      evidence: techDocsConfig ? 'config/tech-docs.yml' : 'source/**/*.html.md',
    };
  }
  const starlightConfig = astroConfigUsingStarlight(root);
  if (starlightConfig || isFolder(path.join(root, 'src', 'content', 'docs'))) {
    const content = 'src/content/docs';
    return {
      layout: 'starlight',
      preset: 'starlight',
      content,
      types: [...typesByFolder(path.join(root, content)), { pattern: '**', type: 'procedure' }],
      exclude: [],
      evidence: starlightConfig ? `${starlightConfig} uses @astrojs/starlight` : 'src/content/docs/',
    };
  }
  const folder = PLAIN_FOLDERS.find((name) => hasPages(path.join(root, name), /\.mdx?$/i)) ?? '.';
  const exclude = NOT_DOCUMENTS;
  return {
    layout: 'markdown',
    preset: null,
    content: folder,
    types: typesByFolder(path.join(root, folder)),
    exclude,
    evidence: folder === '.' ? 'Markdown files in the repository' : `Markdown files in ${folder}/`,
  };
}
