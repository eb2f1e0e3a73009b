// `vigil init` on the three layouts it knows, in-process; the tarball end to end is package.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findings, makeRepo, removeRepos, vigil } from './__fixtures__/repo.js';

afterAll(removeRepos);

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> }
const validator = path.join(import.meta.dirname, '../../node_modules/.bin/action-validator');
function validate(file: string): string {
  const result = spawnSync(validator, [file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}${result.status === 0 ? '' : ` (exit ${result.status})`}`;
}
const runbook = '---\ntitle: Failover\nowner: Platform\nlast_reviewed: 2026-10-01\nreview_cycle: annual\nescalation:\n  - role: Primary\n    contact: "+44 20 7946 0321"\n---\n\nSteps.\n';
const policy = '---\ntitle: Access\nowner: Security\nlast_reviewed: 2025-01-01\nreview_cycle: annual\n---\n\nRules.\n';

describe('vigil init', () => {
  it('a plain Markdown folder: content folder, types from folder names, README left out', async () => {
    const root = makeRepo({ 'docs/runbooks/failover.md': runbook, 'docs/policies/access.md': policy, 'docs/README.md': '# About these docs\n' });
    const init = await vigil(root, ['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('a folder of Markdown (docs/)');
    const config = readFileSync(path.join(root, 'vigil.config.yaml'), 'utf8');
    expect(config).toMatch(/^content: docs$/m);
    expect(config).not.toMatch(/^preset:/m);
    // No package.json: the workflow runs the published package, and init says how to run it.
    expect(readFileSync(path.join(root, '.github/workflows/vigil.yml'), 'utf8')).toContain('npx --yes --package vigil-docs@');
    expect(init.stdout).toMatch(/Next: npx --package vigil-docs@[\d.]+ vigil check/);
    const check = await vigil(root, ['check', '--offline', '--format', 'json', '--now', '2026-12-02']);
    expect(findings(check.stdout)).toEqual(['review-overdue docs/policies/access.md:4:16']);
  });

  it('--dry-run says what it would write and writes nothing', async () => {
    const root = makeRepo({ 'content/a.md': policy });
    const result = await vigil(root, ['init', '--dry-run']);
    expect(result.stdout).toMatch(/would write vigil\.config\.yaml/);
    expect(existsSync(path.join(root, 'vigil.config.yaml'))).toBe(false);
    expect(existsSync(path.join(root, '.github'))).toBe(false);
  });

  it('keeps an existing Vigil config and workflow, and adds only missing scripts', async () => {
    const root = makeRepo({
      'vigil.config.json': '{"content": "content"}\n',
      '.github/workflows/vigil.yml': 'name: mine\n',
      'package.json': '{\n    "name": "docs",\n    "scripts": { "vigil:check": "vigil check --quiet" }\n}\n',
      'content/a.md': policy,
    });
    const result = await vigil(root, ['init']);
    expect(result.stdout).toMatch(/left vigil\.config\.json/);
    expect(result.stdout).toMatch(/left \.github\/workflows\/vigil\.yml/);
    expect(existsSync(path.join(root, 'vigil.config.yaml'))).toBe(false);
    expect(readFileSync(path.join(root, '.github/workflows/vigil.yml'), 'utf8')).toBe('name: mine\n');
    const pkg = readFileSync(path.join(root, 'package.json'), 'utf8');
    expect(JSON.parse(pkg).scripts).toEqual({ 'vigil:check': 'vigil check --quiet', 'vigil:report': 'vigil report' });
    expect(pkg).toMatch(/^ {4}"name"/m); // the file's own indentation is kept
  });

  it('a Starlight site: also the deploy workflow, with the repository\'s own build command and output folder', async () => {
    const root = makeRepo({
      'astro.config.mjs': "import starlight from '@astrojs/starlight';\nexport default { outDir: './public-site', integrations: [starlight({ title: 'Ops' })] };\n",
      'package.json': JSON.stringify({ name: 'ops-docs', scripts: { build: 'astro build' } }, null, 2),
      'package-lock.json': '{}\n',
      'src/content/docs/runbooks/failover.md': runbook,
    });
    const init = await vigil(root, ['init']);
    expect(init.stdout).toMatch(/wrote \.github\/workflows\/vigil-site\.yml/);
    expect(init.stdout).toContain("import vigil from 'vigil-docs/starlight'");
    const workflow = parse(readFileSync(path.join(root, '.github/workflows/vigil-site.yml'), 'utf8')) as Workflow;
    const steps = workflow.jobs.build.steps;
    expect(steps.find((step) => step.name === 'Build the site')).toMatchObject({ run: 'npm run build', env: { VIGIL_SITE_GATE: 'publish' } });
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'public-site' });
    expect(Object.keys(workflow.on)).toEqual(['push', 'schedule', 'workflow_dispatch']);
    for (const file of ['vigil.yml', 'vigil-site.yml']) expect(validate(path.join(root, '.github/workflows', file))).toBe('');
  });

  it('--site on a folder of Markdown writes the zero-config astro.config.mjs and the deploy workflow', async () => {
    const root = makeRepo({ 'docs/policies/access.md': policy, 'package.json': '{"name": "docs"}\n' });
    await vigil(root, ['init', '--site']);
    expect(readFileSync(path.join(root, 'astro.config.mjs'), 'utf8')).toContain("integrations: [vigil()]");
    const workflow = parse(readFileSync(path.join(root, '.github/workflows/vigil-site.yml'), 'utf8')) as Workflow;
    // No lockfile in this repository: the workflow installs rather than naming a file that is not there.
    expect(workflow.jobs.build.steps.map((step) => step.run).filter(Boolean)).toEqual(['npm install --no-audit --no-fund', 'npx astro build']);
    expect(validate(path.join(root, '.github/workflows/vigil-site.yml'))).toBe('');
    const plain = makeRepo({ 'docs/a.md': policy });
    await vigil(plain, ['init']);
    expect(existsSync(path.join(plain, '.github/workflows/vigil-site.yml'))).toBe(false);
  });

  it('refuses a package.json it cannot read, and arguments', async () => {
    const root = makeRepo({ 'package.json': '{ not json' });
    const broken = await vigil(root, ['init']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cannot read package\.json/);
    expect((await vigil(root, ['init', 'somewhere'])).code).toBe(2);
  });
});
