// `vigil init`: adopt Vigil in an existing docs repository. Detects the layout, writes the config,
// the pull-request workflow and package.json scripts, and never overwrites a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../../core/index.js';
import { detectLayout, type Detected } from '../../core/config/detect.js';
import { UsageError, type CliIo } from '../io.js';
import { version } from '../main.js';
import { parseCommandArgs } from '../options.js';

export const help = `Usage: vigil init [options]

Adopt Vigil in this repository: detect its layout (GOV.UK tech-docs, a Starlight site, or a
folder of Markdown), then write vigil.config.yaml, a pull-request workflow in
.github/workflows/vigil.yml and "vigil:check" / "vigil:report" scripts in package.json.
An existing file is never overwritten: init says what it left.

With a site (a Starlight site, or --site for a folder of Markdown, which also writes an
astro.config.mjs using vigil-docs/astro), init also writes .github/workflows/vigil-site.yml:
build with the publish gate and deploy to GitHub Pages on every push to main and daily.

Options:
  --site               a folder of Markdown: publish it as a site (vigil-docs/astro)
  --dry-run            print what would be written, write nothing
  -h, --help           show this help
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', args, { 'dry-run': { type: 'boolean' }, site: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write(help);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`init: takes no arguments, got "${positionals[0]}" (run it in the repository's top folder)`);
  const dryRun = Boolean(values['dry-run']);
  const root = io.cwd;
  const detected = detectLayout(root);
  const say = (line: string): unknown => io.stdout.write(`${line}\n`);
  say(`vigil init: this looks like ${describeLayout(detected)} (found ${detected.evidence}).`);

  const packageFile = path.join(root, 'package.json');
  const pkg = readPackage(packageFile);
  const written: string[] = [];
  const left: string[] = [];
  const write = (relative: string, text: string): void => {
    const file = path.join(root, relative);
    if (existsSync(file)) {
      left.push(`${relative} (exists; left as it is)`);
      return;
    }
    if (!dryRun) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text, { flag: 'wx' });
    }
    written.push(relative);
  };

  const existingConfig = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(root, name)));
  if (existingConfig) left.push(`${existingConfig} (a Vigil config is already there; vigil.config.yaml not written)`);
  else write('vigil.config.yaml', configText(detected));
  const hasLockfile = pkg !== null && existsSync(path.join(root, 'package-lock.json'));
  write('.github/workflows/vigil.yml', workflowText(hasLockfile));
  const next: string[] = [];
  const wantsSite = detected.layout === 'starlight' || (detected.layout === 'markdown' && Boolean(values.site));
  if (wantsSite) {
    if (detected.layout === 'markdown') write('astro.config.mjs', ZERO_CONFIG_ASTRO);
    const site = siteBuild(root, pkg?.data ?? null, detected);
    write('.github/workflows/vigil-site.yml', siteWorkflowText(site, hasLockfile));
    if (detected.layout === 'starlight') next.push("add Vigil to Starlight's plugins in your astro.config: import vigil from 'vigil-docs/starlight'; starlight({ plugins: [vigil()] })");
    next.push('install the site dependencies: npm install --save-dev astro @astrojs/starlight');
    next.push('in the repository settings, Pages → Source: GitHub Actions');
  }

  if (pkg) {
    const added = addScripts(pkg.data);
    if (added.length > 0) {
      if (!dryRun) writeFileSync(packageFile, `${JSON.stringify(pkg.data, null, pkg.indent)}\n`);
      written.push(`package.json (scripts: ${added.join(', ')})`);
    } else {
      left.push('package.json (its vigil:check and vigil:report scripts exist)');
    }
  }

  for (const file of written) say(`  ${dryRun ? 'would write' : 'wrote'} ${file}`);
  for (const file of left) say(`  left ${file}`);
  say('');
  say(pkg ? 'Next: npx vigil check   (or: npm run vigil:check)' : `Next: npx --package vigil-docs@${version()} vigil check`);
  for (const step of next) say(`Then: ${step}`);
  return 0;
}

function describeLayout(detected: Detected): string {
  if (detected.layout === 'tech-docs') return 'a GOV.UK tech-docs site';
  if (detected.layout === 'starlight') return 'a Starlight site';
  return `a folder of Markdown (${detected.content === '.' ? 'the whole repository' : `${detected.content}/`})`;
}

/** vigil.config.yaml for the layout, with comments that say what each key does. */
export function configText(detected: Detected): string {
  const lines = ['# Vigil: which files are documents and how to judge them (https://www.npmjs.com/package/vigil-docs).'];
  if (detected.preset) {
    lines.push(`# preset ${detected.preset}: accepts ${detected.preset === 'tech-docs' ? "tech-docs' keys (layout, parent, weight…) and its field names (last_reviewed_on, review_in, owner_slack)" : "Starlight's keys (description, sidebar, template, hero…)"};`);
    lines.push('# pages that carry no Vigil field (no type, owner, review or expiry) are published but not judged.');
    lines.push(`preset: ${detected.preset}`);
  }
  lines.push(`content: ${yamlString(detected.content)}`);
  if (detected.exclude.length > 0) {
    lines.push('exclude:            # files under the content folder that are not documents');
    for (const pattern of detected.exclude) lines.push(`  - ${yamlString(pattern)}`);
  }
  if (detected.types.length > 0) {
    lines.push('types:              # type by path for a document without `type:` (first match wins)');
    for (const { pattern, type } of detected.types) lines.push(`  ${yamlString(pattern)}: ${type}`);
  }
  lines.push('# warning_window: 30d    # review-due-soon / expires-soon');
  lines.push('# rules:                 # off | warn | error per rule');
  lines.push('#   review-due-soon: warn');
  return `${lines.join('\n')}\n`;
}

const yamlString = (value: string): string => (/^[\w./-]+$/.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value));

// Both workflows can be run by hand and start with a read-only token.
const DISPATCH_AND_READ_ONLY = ['  workflow_dispatch:', '', 'permissions:', '  contents: read', '', 'jobs:'];

/** The pull-request workflow: annotations and a job summary, then the same findings as SARIF for code scanning. */
export function workflowText(hasLockfile: boolean): string {
  const vigil = hasLockfile ? 'npx vigil' : `npx --yes --package vigil-docs@${version()} vigil`;
  const install = hasLockfile
    ? ['      - uses: actions/setup-node@v4.4.0', '        with:', '          node-version: 20', '          cache: npm', '      - run: npm ci']
    : ['      - uses: actions/setup-node@v4.4.0', '        with:', '          node-version: 20'];
  return `${[
    '# Written by `vigil init`: check the documents on every pull request. Annotations appear on',
    '# the diff and a summary on the run; the same findings go to code scanning as SARIF.',
    'name: Vigil',
    '',
    'on:',
    '  pull_request:',
    ...DISPATCH_AND_READ_ONLY,
    '  check:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 15',
    '    permissions:',
    '      contents: read',
    '      security-events: write # upload SARIF to code scanning',
    '      actions: read',
    '    steps:',
    '      # The whole history: documents that `covers` files are compared with what changed.',
    '      - uses: actions/checkout@v4.2.2',
    '        with:',
    '          persist-credentials: false',
    '          fetch-depth: 0',
    ...install,
    '      # Under GitHub Actions the output is one annotation per problem, plus a job summary; on a',
    '      # pull request, a document whose covered files it changes (and not the document) is flagged.',
    '      - name: vigil check',
    '        env:',
    '          BASE_REF: ${{ github.base_ref }}',
    `        run: ${vigil} check \${BASE_REF:+--changed-since "origin/$BASE_REF"}`,
    '      # Exit code 1 means "errors found" (reported above); 2 (usage or config) still fails.',
    '      - name: vigil check (SARIF)',
    '        if: ${{ !cancelled() }}',
    `        run: ${vigil} check --offline --format sarif --output-file vigil.sarif || [ "$?" -eq 1 ]`,
    '      - name: Upload SARIF to code scanning',
    "        if: ${{ !cancelled() && hashFiles('vigil.sarif') != '' && github.event.pull_request.head.repo.full_name == github.repository }}",
    '        uses: github/codeql-action/upload-sarif@v3.28.18',
    '        with:',
    '          sarif_file: vigil.sarif',
    '          category: vigil',
  ].join('\n')}\n`;
}

const ZERO_CONFIG_ASTRO = `// The site: Vigil publishes the documents with Starlight (vigil-docs/astro); nothing else to set up.
import { defineConfig } from 'astro/config';
import vigil from 'vigil-docs/astro';

export default defineConfig({ integrations: [vigil()] });
`;

interface SiteBuild {
  /** The repository's own build command. */
  command: string;
  /** The folder it writes the site to, relative to the repository. */
  output: string;
}

/** How this repository builds its site: its package.json build script, and Astro's outDir. */
function siteBuild(root: string, pkg: PackageFile['data'] | null, detected: Detected): SiteBuild {
  const scripts = pkg?.scripts ?? {};
  const named = ['build', 'site:build', 'docs:build'].find((name) => typeof scripts[name] === 'string' && /\bastro\b/.test(scripts[name]));
  const command = named ? `npm run ${named}` : 'npx astro build';
  const configFile = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'].map((name) => path.join(root, name)).find((file) => existsSync(file));
  const outDir = detected.layout === 'starlight' && configFile ? /\boutDir:\s*['"]([^'"]+)['"]/.exec(readFileSync(configFile, 'utf8'))?.[1] : undefined;
  return { command, output: (outDir ?? 'dist').replace(/^\.\//, '').replace(/\/+$/, '') };
}

/** Build with the publish gate and deploy to GitHub Pages, on pushes to main and daily, so statuses stay true. */
export function siteWorkflowText(site: SiteBuild, hasLockfile: boolean): string {
  const install = hasLockfile ? ['          cache: npm', '      - run: npm ci'] : ['      - run: npm install --no-audit --no-fund'];
  return `${[
    '# Written by `vigil init`: build the site and deploy it to GitHub Pages on every push to main',
    '# and every day, so a page that falls overdue or expires shows it. The publish gate builds',
    '# every page with its banner; the build log lists what it let through.',
    '# Repository settings: Pages → Source: GitHub Actions.',
    'name: Vigil site',
    '',
    'on:',
    '  push:',
    '    branches: [main]',
    '  schedule:',
    '    - cron: "17 6 * * *"',
    ...DISPATCH_AND_READ_ONLY,
    '  build:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 30',
    '    steps:',
    '      - uses: actions/checkout@v4.2.2',
    '        with:',
    '          persist-credentials: false',
    '          fetch-depth: 0 # dates of the last change in Git, for the register',
    '      - uses: actions/setup-node@v4.4.0',
    '        with:',
    '          node-version: 20',
    ...install,
    '      - name: Build the site',
    `        run: ${site.command}`,
    '        env:',
    '          ASTRO_TELEMETRY_DISABLED: 1',
    '          VIGIL_SITE_GATE: publish',
    '      - uses: actions/upload-pages-artifact@v3.0.1',
    '        with:',
    `          path: ${site.output}`,
    '',
    '  deploy:',
    '    needs: build',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 10',
    '    concurrency:',
    '      group: pages',
    '      cancel-in-progress: false',
    '    permissions:',
    '      pages: write',
    '      id-token: write',
    '    environment:',
    '      name: github-pages',
    '      url: ${{ steps.deployment.outputs.page_url }}',
    '    steps:',
    '      - name: Deploy to GitHub Pages',
    '        id: deployment',
    '        uses: actions/deploy-pages@v4.0.5',
  ].join('\n')}\n`;
}

interface PackageFile {
  data: Record<string, unknown> & { scripts?: Record<string, string> };
  indent: string | number;
}

function readPackage(file: string): PackageFile | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  try {
    const data = JSON.parse(text) as PackageFile['data'];
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return { data, indent: /^[ \t]+/m.exec(text)?.[0] ?? 2 };
  } catch (error) {
    throw new UsageError(`init: cannot read package.json (${(error as Error).message}); fix it, then run vigil init again`);
  }
}

/** Adds the scripts that are not there yet; returns their names. */
function addScripts(data: PackageFile['data']): string[] {
  const wanted: Record<string, string> = { 'vigil:check': 'vigil check', 'vigil:report': 'vigil report' };
  const scripts = (data.scripts ??= {});
  const added = Object.keys(wanted).filter((name) => scripts[name] === undefined);
  for (const name of added) scripts[name] = wanted[name];
  return added;
}
