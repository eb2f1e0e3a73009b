// The package as a team installs it: `npm pack`, then the tarball installed into fresh
// repositories laid out like GOV.UK tech-docs and like a Starlight site, with no file copied
// from this repository; `npx vigil init` and `npx vigil check` must report exactly the
// documents' real problems. Needs the npm registry for the package's own dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings, makeRepo, removeRepos } from './__fixtures__/repo.js';

const repo = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const TODAY = '2026-12-02';
let tarball: string;
let packedFiles: string[];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_update_notifier: 'false' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh repository with the tarball installed as a dev dependency, as the README says. */
function installInto(files: Record<string, string>) {
  const root = makeRepo(files, 'vigil-consumer-');
  run('git', ['init', '-q'], root);
  run('npm', ['init', '-y'], root);
  const install = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', tarball], root);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  return { root, install };
}

const vigil = (root: string, ...args: string[]) => run('npx', ['--no-install', 'vigil', ...args], root);

beforeAll(() => {
  // dist/ was built by the test run's global setup; --ignore-scripts keeps it as it is for the
  // other test files running beside this one.
  const destination = makeRepo({}, 'vigil-pack-');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: repo, encoding: 'utf8' });
  const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(destination, packed.filename);
  packedFiles = packed.files.map((file) => file.path);
}, 120_000);
afterAll(removeRepos);

describe('the packed tarball', () => {
  it('holds the compiled CLI, type declarations, built-in schemas, rule docs and site components', () => {
    for (const file of ['bin/vigil.js', 'dist/cli/main.js', 'dist/core/index.js', 'dist/core/index.d.ts', 'dist/astro/index.ts', 'schemas/runbook.schema.json', 'schemas/common.schema.json', 'dist/core/rules/link-broken.md', 'dist/components/DocumentHeader.astro', 'package.json', 'README.md']) {
      expect(packedFiles, file).toContain(file);
    }
  });

  it('holds no test, fixture, CI, content or workflow file', () => {
    const unwanted = packedFiles.filter((file) => /\.test\.|__fixtures__|^\.ci\/|^\.github\/|^content\/|^src\/|^scripts\/|^test-output\//.test(file));
    expect(unwanted).toEqual([]);
  });
});

describe('a GOV.UK tech-docs repository', () => {
  let root: string;
  let installOutput: string;
  beforeAll(() => {
    const installed = installInto({
      'config/tech-docs.yml': 'host: https://docs.example.gov.uk\nservice_name: Platform manual\ndefault_owner_slack: "#platform-team"\n',
      'Gemfile': 'source "https://rubygems.org"\ngem "govuk_tech_docs"\n',
      'source/index.html.md.erb': '---\ntitle: Platform manual\nlayout: core\n---\n\n# Platform manual\n\n<%= partial "partials/links" %>\n\nStart with [deploying](documentation/deploy.html).\n',
      'source/documentation/deploy.html.md': [
        '---', 'title: Deploy a change', 'weight: 10', 'parent: /index.html', 'last_reviewed_on: 2026-09-01', 'review_in: 6 months', '---', '',
        '# Deploy a change', '', "## Who's on call", '', 'The platform team. See [rotating secrets](rotate-secrets.html#before-you-start).', '',
        '[Jump back](#who-rsquo-s-on-call). The [old runbook](old-runbook.html) has gone.', '',
      ].join('\n'),
      'source/documentation/rotate-secrets.html.md.erb': '---\ntitle: Rotate secrets\nlast_reviewed_on: 2025-12-01\nreview_in: 6 months\nowner_slack: "#security"\n---\n\n# Rotate secrets\n\n## Before you start\n\n<%= warning_text("Never on a Friday") %>\n',
      'source/documentation/glossary.html.md': '---\ntitle: Glossary\nhide_in_navigation: true\n---\n\n# Glossary\n\nNo review dates: published, not judged.\n',
    });
    root = installed.root;
    installOutput = installed.install.stdout + installed.install.stderr;
  }, 180_000);

  it('installs with the CLI\'s own dependencies only: under 40 packages and 20 MB, no engine warning', () => {
    expect(installOutput).not.toMatch(/EBADENGINE/);
    const packages = run('npm', ['ls', '--all', '--parseable'], root).stdout.trim().split('\n').length - 1;
    expect(packages).toBeLessThan(40);
    expect(existsSync(path.join(root, 'node_modules/astro'))).toBe(false);
    expect(folderBytes(path.join(root, 'node_modules'))).toBeLessThan(20 * 1024 * 1024);
  });

  it('runs vigil --version', () => {
    const result = vigil(root, '--version');
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('vigil init writes the config, the workflow and the scripts, then vigil check reports only the real problems', () => {
    const init = vigil(root, 'init');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('GOV.UK tech-docs');
    expect(init.stdout).toMatch(/wrote vigil\.config\.yaml[\s\S]*wrote \.github\/workflows\/vigil\.yml[\s\S]*wrote package\.json/);
    expect(readFileSync(path.join(root, 'vigil.config.yaml'), 'utf8')).toMatch(/^preset: tech-docs$/m);
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['vigil:check']).toBe('vigil check');

    const check = vigil(root, 'check', '--offline', '--format', 'json', '--now', TODAY);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(findings(check.stdout)).toEqual([
      'link-broken source/documentation/deploy.html.md:15:54',
      'review-overdue source/documentation/rotate-secrets.html.md.erb:3:19',
    ]);
    const documents = (JSON.parse(check.stdout) as { documents: Array<{ path: string; owner: string }> }).documents;
    expect(documents.map((doc) => [doc.path, doc.owner])).toEqual([
      ['source/documentation/deploy.html.md', '#platform-team'],
      ['source/documentation/rotate-secrets.html.md.erb', '#security'],
    ]);
  });

  it('vigil init never overwrites: a second run leaves every file and says so', () => {
    const before = readFileSync(path.join(root, 'vigil.config.yaml'), 'utf8');
    const again = vigil(root, 'init');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/wrote/);
    expect(again.stdout).toMatch(/left vigil\.config\.yaml[\s\S]*left \.github\/workflows\/vigil\.yml[\s\S]*left package\.json/);
    expect(readFileSync(path.join(root, 'vigil.config.yaml'), 'utf8')).toBe(before);
  });

  it('writes a workflow that action-validator accepts', () => {
    const validator = path.join(repo, 'node_modules/.bin/action-validator');
    const result = run(validator, [path.join(root, '.github/workflows/vigil.yml')], root);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('a Starlight site', () => {
  let root: string;
  beforeAll(() => {
    root = installInto({
      'astro.config.mjs': "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({ integrations: [starlight({ title: 'Acme operations' })] });\n",
      'src/content/docs/index.mdx': "---\ntitle: Acme operations\ndescription: Runbooks and policies.\ntemplate: splash\nhero:\n  tagline: Everything on-call needs.\n---\n\nimport { Card } from '@astrojs/starlight/components';\n\n<Card title=\"Runbooks\">Start with [failover](/runbooks/db-failover/).</Card>\n",
      'src/content/docs/guides/getting-started.md': '---\ntitle: Getting started\ndescription: A guide, not a Vigil document.\nsidebar:\n  order: 1\n---\n\nRead the [failover runbook](../../runbooks/db-failover/#escalation).\n',
      'src/content/docs/runbooks/db-failover.mdx': [
        '---', 'title: Database failover', 'description: Promote the replica.', 'owner: Platform team', 'last_reviewed: 2026-10-01', 'review_cycle: annual',
        'escalation:', '  - role: Primary on-call', '    name: TBD', '    contact: "+44 20 7946 0321"', '---', '',
        "import { Aside } from '@astrojs/starlight/components';", '', '<Aside type="caution">Stop writes first.</Aside>', '',
        '## Escalation', '', 'Page the primary. New here? Read [getting started](/guides/getting-started/), not [the old page](/guides/old/).', '',
      ].join('\n'),
      'src/content/docs/policies/access.md': '---\ntitle: Access policy\nowner: Security team\nlast_reviewed: 2025-01-10\nreview_cycle: annual\nlastUpdated: 2025-01-10\n---\n\n## Purpose\n\nWho may reach what.\n',
    }).root;
  }, 180_000);

  it('vigil init takes it for Starlight; vigil check judges the documents and leaves the splash page and guide alone', () => {
    const init = vigil(root, 'init');
    expect(init.stdout).toContain('a Starlight site');
    const config = readFileSync(path.join(root, 'vigil.config.yaml'), 'utf8');
    expect(config).toMatch(/^preset: starlight$/m);
    expect(config).toMatch(/^ {2}"runbooks\/\*\*": runbook$/m);

    const check = vigil(root, 'check', '--offline', '--format', 'json', '--now', TODAY);
    expect(check.code).toBe(1);
    expect(findings(check.stdout)).toEqual([
      'escalation-empty src/content/docs/runbooks/db-failover.mdx:9:11',
      'link-broken src/content/docs/runbooks/db-failover.mdx:19:98',
      'review-overdue src/content/docs/policies/access.md:4:16',
    ]);
    const documents = (JSON.parse(check.stdout) as { documents: Array<{ path: string; type: string }> }).documents;
    expect(documents.map((doc) => [doc.path, doc.type])).toEqual([
      ['src/content/docs/policies/access.md', 'policy'],
      ['src/content/docs/runbooks/db-failover.mdx', 'runbook'],
    ]);
  });
});

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
