// The site as a team gets it from the packed tarball (no file copied from this repository):
// (1) an existing Starlight site, with its own sidebar, a component override and a guide page,
// adding the plugin `vigil-docs/starlight`; (2) a Markdown-only repository with the zero-config
// integration `vigil-docs/astro`. Both built with `astro build` and opened in headless Chromium.
// Needs the npm registry (astro and Starlight are installed as a team would install them).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, removeRepos } from '../cli/__fixtures__/repo.js';
import { checkDocuments, loadConfig } from '../core/index.js';
import { astroEnv, launchChromium, REPO_ROOT, serveStatic, type StaticServer } from './testing.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const NOW = '2026-12-02';
let deps: string;
let browser: Browser;
const servers: StaticServer[] = [];

const runbook = (name: string, contact: string) => [
  '---', 'title: Database failover', 'description: Promote the replica.', 'owner: Platform team', 'last_reviewed: 2026-10-01', 'review_cycle: annual',
  'escalation:', '  - role: Primary on-call', `    name: ${name}`, `    contact: "${contact}"`, '---', '',
  '## Escalation', '', 'Page the primary on-call, then the database lead.', '', '## Fail over', '', 'See [the escalation](#escalation).', '',
  "## What's next?", '', '### Step 2: promote the replica (`pg_ctl promote`)', '', '## Notes', '', '## Notes', '', '## Ünïcode & more', '',
].join('\n');
const guide = '---\ntitle: Getting started\ndescription: A guide, not a Vigil document.\n---\n\nWelcome. Read the [failover runbook](/runbooks/db-failover/#fail-over).\n\n## First steps\n\nLook around.\n';

const env = (): NodeJS.ProcessEnv => astroEnv({ VIGIL_NOW: NOW });

/** A repository with the shared install linked in, built with its own astro.config.mjs. */
function build(files: Record<string, string>): { root: string; output: string; code: number | null } {
  const root = makeRepo(files, 'vigil-site-consumer-');
  symlinkSync(path.join(deps, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/astro.js'), 'build'], { cwd: root, env: env(), encoding: 'utf8' });
  return { root, output: result.stdout + result.stderr, code: result.status };
}

beforeAll(async () => {
  const packDir = makeRepo({}, 'vigil-site-pack-');
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: REPO_ROOT, encoding: 'utf8' })) as Array<{ filename: string }>;
  // One install for both repositories: the tarball, and Astro and Starlight as a team installs them.
  deps = makeRepo({
    'package.json': JSON.stringify({ name: 'docs', private: true, type: 'module', overrides: { unifont: '0.7.4' } }),
  }, 'vigil-site-deps-');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', path.join(packDir, packed[0].filename), `astro@${pkg.devDependencies.astro}`, `@astrojs/starlight@${pkg.devDependencies['@astrojs/starlight']}`], { cwd: deps, stdio: 'pipe' });
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  removeRepos();
});

async function openRunbookAndRegister(outDir: string, shots: string) {
  const server = await serveStatic(outDir);
  servers.push(server);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/runbooks/db-failover/`);
  const badge = page.locator('.vigil-badge').first();
  await badge.waitFor();
  const firstContact = page.locator('.vigil-contact').first();
  const seen = { badge: (await badge.innerText()).trim(), contact: (await firstContact.innerText()).replace(/\s+/g, ' ').trim() };
  mkdirSync(path.join(REPO_ROOT, 'test-output'), { recursive: true });
  await page.screenshot({ path: path.join(REPO_ROOT, 'test-output', `${shots}-runbook.png`) });
  await page.goto(`${server.url}/register/`);
  const rows = await page.locator('table tbody tr').allInnerTexts();
  await page.close();
  return { ...seen, rows };
}

/** Asks `probe` again until `done` says its answer is the one awaited (at most about a minute). */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await probe();
  for (let attempt = 0; attempt < 240 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const mainOf = (html: string): string => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

describe('an existing Starlight site adding vigil-docs/starlight', () => {
  const site = (plugins: string) => ({
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      plugins ? "import vigil from 'vigil-docs/starlight';" : '',
      '',
      'export default defineConfig({',
      '  integrations: [',
      '    starlight({',
      "      title: 'Acme operations',",
      `      plugins: [${plugins}],`,
      "      sidebar: [{ label: 'Guides', items: ['guides/getting-started'] }, { label: 'Runbooks', autogenerate: { directory: 'runbooks' } }],",
      "      components: { Footer: './src/components/Footer.astro' },",
      '    }),',
      '  ],',
      '});',
      '',
    ].join('\n'),
    'vigil.config.yaml': 'preset: starlight\ntypes:\n  "runbooks/**": runbook\n  "**": procedure\n',
    'src/content.config.ts': "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
    'src/components/Footer.astro': '<footer class="acme-footer">Acme operations handbook</footer>\n',
    'src/content/docs/index.mdx': "---\ntitle: Acme operations\ntemplate: splash\nhero:\n  tagline: Everything on-call needs.\n---\n\nimport { Card } from '@astrojs/starlight/components';\n\n<Card title=\"Runbooks\">Start with [failover](/runbooks/db-failover/).</Card>\n",
    'src/content/docs/guides/getting-started.md': guide,
    'src/content/docs/runbooks/db-failover.md': runbook('Ana Lima', '+44 20 7946 0321'),
  });
  let withPlugin: ReturnType<typeof build>;
  let without: ReturnType<typeof build>;
  beforeAll(() => {
    withPlugin = build(site('vigil()'));
    without = build(site(''));
  }, 600_000);

  it('builds, with the gate named in the log', () => {
    expect(withPlugin.code, withPlugin.output).toBe(0);
    expect(without.code, without.output).toBe(0);
    expect(withPlugin.output).toContain('vigil gate strict: 1 document, 0 errors, 0 warnings; building');
  });

  it('leaves the guide page as Starlight renders it, and keeps the team\'s sidebar and Footer override', () => {
    const read = (result: ReturnType<typeof build>) => readFileSync(path.join(result.root, 'dist/guides/getting-started/index.html'), 'utf8');
    expect(mainOf(read(withPlugin))).toBe(mainOf(read(without)));
    expect(read(withPlugin)).toContain('acme-footer');
    expect(read(withPlugin)).toMatch(/<a href="\/guides\/getting-started\/"[^>]*>\s*<span[^>]*>Getting started/);
  });

  it('gives the runbook Vigil\'s header, through Starlight\'s own Markdown pipeline, with heading ids the core computed', () => {
    const html = readFileSync(path.join(withPlugin.root, 'dist/runbooks/db-failover/index.html'), 'utf8');
    expect(html).toContain('vigil-badge--current');
    expect(html).toContain('<h2 id="escalation">');
    expect(html).toContain('<h2 id="fail-over">');
    expect(html).toContain('href="#escalation"');
  });

  it('heading ids from Starlight\'s own pipeline are the slugs the core computed', async () => {
    const config = await loadConfig(withPlugin.root);
    const run = await checkDocuments({ cwd: withPlugin.root, config, today: NOW, offline: true, workers: 0 });
    const doc = run.docs.find((d) => d.relPath === 'runbooks/db-failover.md')!;
    const html = readFileSync(path.join(withPlugin.root, 'dist/runbooks/db-failover/index.html'), 'utf8');
    const ids = [...mainOf(html).matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id.startsWith('vigil-') && id !== '_top');
    expect(ids).toEqual(doc.body.headings.map((heading) => heading.slug));
    expect(ids.length).toBeGreaterThan(5);
  });

  it('in Chromium: the runbook shows its badge and first contact; the register lists it', async () => {
    const seen = await openRunbookAndRegister(path.join(withPlugin.root, 'dist'), 'starlight-plugin');
    expect(seen.badge).toMatch(/Current/i);
    expect(seen.contact).toContain('+44 20 7946 0321');
    expect(seen.rows.join('\n')).toContain('Database failover');
    expect(seen.rows).toHaveLength(1);
  });
});

describe('a Markdown-only repository with vigil-docs/astro', () => {
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build({
      'astro.config.mjs': "import { defineConfig } from 'astro/config';\nimport vigil from 'vigil-docs/astro';\n\nexport default defineConfig({ integrations: [vigil()] });\n",
      'content/runbooks/db-failover.md': runbook('Ana Lima', '+44 20 7946 0321').replace('description: Promote the replica.', 'type: runbook'),
      'content/policies/access.md': '---\ntitle: Access policy\ntype: policy\nowner: Security team\nlast_reviewed: 2026-06-01\nreview_cycle: annual\n---\n\n## Purpose\n\nWho may reach what.\n',
    });
  }, 600_000);

  it('builds with nothing but integrations: [vigil()], and no spurious warnings', () => {
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('vigil gate strict: 2 documents, 0 errors, 0 warnings; building');
    expect(result.output).not.toMatch(/Missing pages directory|sitemap|\[WARN\]/i);
  });

  it('publishes the break-glass bundle at /break-glass.html: the runbook and its first contact, nothing fetched', () => {
    const html = readFileSync(path.join(result.root, 'dist/break-glass.html'), 'utf8');
    expect(html).toContain('Database failover');
    expect(html).toContain('href="tel:+442079460321"');
    expect(html).not.toContain('Access policy'); // runbooks only
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  it('astro dev shows a document\'s new status after an edit, without a restart', async () => {
    const port = await freePort();
    const dev = spawn(process.execPath, [path.join(result.root, 'node_modules/astro/astro.js'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: result.root, env: env() });
    let log = '';
    dev.stdout.on('data', (chunk) => (log += chunk));
    dev.stderr.on('data', (chunk) => (log += chunk));
    try {
      const badge = async (): Promise<string | null> => {
        try {
          const html = await (await fetch(`http://127.0.0.1:${port}/policies/access/`)).text();
          return /class="vigil-badge vigil-badge--([a-z-]+)"/.exec(html)?.[1] ?? null;
        } catch {
          return null; // not listening yet
        }
      };
      expect(await until(badge, (status) => status !== null), log).toBe('current');
      const file = path.join(result.root, 'content/policies/access.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('last_reviewed: 2026-06-01', 'last_reviewed: 2024-06-01'));
      expect(await until(badge, (status) => status !== 'current'), log).toBe('overdue');
      expect(log).toContain('checked again after a change to');
    } finally {
      dev.kill();
    }
  }, 120_000);

  it('in Chromium: the runbook shows its badge and first contact; the register lists both documents', async () => {
    const seen = await openRunbookAndRegister(path.join(result.root, 'dist'), 'zero-config');
    expect(seen.badge).toMatch(/Current/i);
    expect(seen.contact).toContain('+44 20 7946 0321');
    expect(seen.rows).toHaveLength(2);
  });
});
