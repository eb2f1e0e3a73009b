// Renders a document's Markdown body for the site. markdown-it with raw HTML off: nothing a
// body contains can become markup or script, and links other than http(s), mailto, tel and
// relative ones are dropped. Heading anchors use github-slugger, as the core's body scan
// and Starlight do, and links to other documents (`../runbooks/db.md#step-3`) become site routes.
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';

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

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.validateLink = (url: string): boolean => {
  const trimmed = url.trim();
  return !HAS_SCHEME.test(trimmed) || SAFE_SCHEME.test(trimmed);
};

interface RenderEnv {
  relPath: string;
  /** relPath of every document → its route, e.g. `runbooks/db.md` → `/runbooks/db/`. */
  routes: Map<string, string>;
  slugger: GithubSlugger;
  headings: RenderedHeading[];
}

type Token = ReturnType<MarkdownIt['parse']>[number];

function inlineText(token: Token | undefined): string {
  return (token?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('');
}

markdown.renderer.rules.heading_open = (tokens, index, options, env: RenderEnv, self) => {
  const token = tokens[index];
  const text = inlineText(tokens[index + 1]);
  const slug = env.slugger.slug(text);
  token.attrSet('id', slug);
  env.headings.push({ depth: Number(token.tag.slice(1)), slug, text });
  return self.renderToken(tokens, index, options);
};

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env: RenderEnv, self) => {
  const token = tokens[index];
  const href = token.attrGet('href');
  if (href) token.attrSet('href', documentRoute(href, env) ?? href);
  return defaultLinkOpen(tokens, index, options, env, self);
};

/** `../procedures/sev.md#sev-1` → `/procedures/sev/#sev-1` when it names a document; else null. */
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

/**
 * Renders `body`. A leading `# Title` that repeats the page title is left out (the page
 * already shows the title), but still counted so later anchors match the core's slugs.
 */
export function renderBody(body: string, relPath: string, routes: Map<string, string>, title?: string): RenderedBody {
  const env: RenderEnv = { relPath, routes, slugger: new GithubSlugger(), headings: [] };
  const tokens = markdown.parse(body, env);
  if (title && tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1') {
    const text = inlineText(tokens[1]);
    if (text.trim().toLowerCase() === title.trim().toLowerCase()) {
      env.slugger.slug(text);
      tokens.splice(0, 3);
    }
  }
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, headings: env.headings };
}
