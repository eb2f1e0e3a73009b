// Absolute addresses for documents and rule docs, from the config's site.url or the
// GitHub Actions environment. Kept apart from the formatters so those stay pure.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocsPath, type VigilConfig } from '../core/index.js';

type Env = Record<string, string | undefined>;

/** Percent-encodes each path segment, so spaces and brackets survive in Markdown and SARIF. */
export function encodePath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

interface GithubBlob {
  server: string;
  repository: string;
  sha: string;
  workspace: string;
}

/** The repository being built in GitHub Actions, when the environment says so. */
function githubBlob(env: Env, cwd: string): GithubBlob | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha || !/^https?:\/\//.test(server)) return null;
  return { server: server.replace(/\/+$/, ''), repository, sha, workspace: env.GITHUB_WORKSPACE || cwd };
}

function blobUrl(blob: GithubBlob, absoluteFile: string): string | null {
  const inRepo = path.relative(blob.workspace, absoluteFile);
  if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) return null;
  const segments = inRepo.split(path.sep);
  // Files under node_modules are installed, not committed: GitHub has no page for them.
  if (segments.includes('node_modules')) return null;
  return `${blob.server}/${blob.repository}/blob/${blob.sha}/${encodePath(segments.join('/'))}`;
}

/**
 * Where a document can be read: its page on the site when site.url is set, else its file on
 * GitHub when running in Actions, else its path relative to the working directory.
 */
export function documentLinker(config: VigilConfig, env: Env, cwd: string): (doc: { path: string; slug: string }) => string {
  const siteUrl = config.site.url;
  if (siteUrl) return (doc) => `${siteUrl}/${encodePath(doc.slug)}/`;
  const blob = githubBlob(env, cwd);
  return (doc) => (blob && blobUrl(blob, path.resolve(cwd, doc.path))) || encodePath(doc.path);
}

// Rule docs ship with Vigil at src/core/rules/<id>.md; this module sits at {src,dist}/cli/.
const RULE_DOCS_DIR = fileURLToPath(new URL('../../src/core/rules/', import.meta.url));

/**
 * The absolute address of a rule's docs page, or undefined when there is none to give:
 * `<site.url>/rules/<id>/` when site.url is set; else, in GitHub Actions, the rule's .md file on
 * GitHub when that file is committed in the repository being checked (Vigil's own repository,
 * or one that vendors it); else nothing (helpUri is optional in SARIF).
 */
export function ruleHelpLinker(config: VigilConfig, env: Env, cwd: string, rulesDir = RULE_DOCS_DIR): (ruleId: string) => string | undefined {
  const siteUrl = config.site.url;
  if (siteUrl) return (id) => `${siteUrl}/${ruleDocsPath(id)}`;
  const blob = githubBlob(env, cwd);
  if (!blob) return () => undefined;
  return (id) => {
    const file = path.join(rulesDir, `${id}.md`);
    return existsSync(file) ? (blobUrl(blob, file) ?? undefined) : undefined;
  };
}
