// Adopting existing docs by configuration: presets (tech-docs, Starlight), include/exclude,
// .mdx pages, and the built-in schemas with a team's per-type overrides.
import { afterAll, describe, expect, it } from 'vitest';
import { findings, makeRepo, removeRepos, vigil } from './__fixtures__/repo.js';

const NOW = ['--now', '2026-12-02', '--offline', '--format', 'json'];
afterAll(removeRepos);

async function check(root: string, ...extra: string[]) {
  const result = await vigil(root, ["check", ...NOW, ...extra]);
  const report = JSON.parse(result.stdout || '{}') as { documents?: Array<{ path: string; owner: string | null; status: string; type: string | null }> };
  return { ...result, found: result.stdout ? findings(result.stdout) : [], documents: report.documents ?? [] };
}

describe('preset: tech-docs', () => {
  const root = () =>
    makeRepo({
      'vigil.config.yaml': 'preset: tech-docs\ntypes:\n  "**": procedure\n',
      'config/tech-docs.yml': 'service_name: Platform manual\ndefault_owner_slack: "#platform-team"\n',
      'source/index.html.md.erb': '---\ntitle: Platform manual\nlayout: core\n---\n\n<%= partial "partials/links" %>\n\nSee [deploying](manual/deploy.html).\n',
      'source/manual/deploy.html.md': [
        '---', 'title: Deploy a change', 'weight: 10', 'parent: /manual.html', 'old_paths: [/deploy.html]', 'last_reviewed_on: 2026-09-01', 'review_in: 6 months', '---', '',
        '# Deploy a change', '', "## Who's on call", '', '## Steps', '', '## Steps', '',
        '[secrets](rotate.html#before-you-start), [anchor](#who-rsquo-s-on-call), [second steps](#deploy-a-change-steps), [index](../index.html)',
        '[gone](gone.html) and [bad anchor](rotate.html#after)', '',
      ].join('\n'),
      'source/manual/rotate.html.md.erb': '---\ntitle: Rotate secrets\nlast_reviewed_on: 2025-12-01\nreview_in: 6 months\nowner_slack: "#security"\n---\n\n# Rotate secrets\n\n## Before you start\n\n<%= warning_text("Not on a Friday") %>\n',
      'source/manual/glossary.html.md': '---\ntitle: Glossary\nhide_in_navigation: true\n---\n\nNo Vigil field: published, not judged.\n',
    });

  it('reads .html.md(.erb) pages, takes default_owner_slack, resolves .html links and tech-docs anchors', async () => {
    const { found, documents, code } = await check(root());
    expect(code).toBe(1);
    expect(found).toEqual([
      'link-broken source/manual/deploy.html.md:19:36', // rotate.html#after: rotate has no such heading
      'link-broken source/manual/deploy.html.md:19:8', // gone.html
      'review-overdue source/manual/rotate.html.md.erb:3:19',
    ]);
    expect(documents.map((d) => [d.path, d.owner, d.type])).toEqual([
      ['source/manual/deploy.html.md', '#platform-team', 'procedure'],
      ['source/manual/rotate.html.md.erb', '#security', 'procedure'],
    ]);
  });

  it('still judges tech-docs keys it does not know', async () => {
    const repo = root();
    const { found } = await check(repo, 'source/manual/deploy.html.md');
    expect(found.filter((f) => f.startsWith('schema'))).toEqual([]);
  });
});

describe('preset: starlight', () => {
  const repo = () =>
    makeRepo({
      'vigil.config.yaml': 'preset: starlight\ntypes:\n  "runbooks/**": runbook\n  "**": procedure\n',
      'src/content/docs/index.mdx': "---\ntitle: Home\ntemplate: splash\nhero:\n  tagline: All of it\n---\n\nimport { Card } from '@astrojs/starlight/components';\n\n<Card title=\"Runbooks\">[DB](/runbooks/db/)</Card>\n",
      'src/content/docs/guides/intro.md': '---\ntitle: Intro\ndescription: A guide\nsidebar:\n  order: 1\n---\n\nNot a document.\n',
      'src/content/docs/runbooks/db.mdx': [
        '---', 'title: Database failover', 'description: Promote the replica', 'sidebar:', '  badge: New', 'lastUpdated: 2026-11-01',
        'owner: Platform team', 'last_reviewed: 2026-10-01', 'review_cycle: annual',
        'escalation:', '  - role: Primary on-call', '    name: Ana Lima', '    contact: "+44 20 7946 0321"', '---', '',
        "import { Aside } from '@astrojs/starlight/components';", '', '<Aside type="caution">Stop writes first: {"{"}braces{"}"}</Aside>', '',
        '## Fail over', '', '[guide](../../guides/intro/), [home](/), [self](#fail-over), [file link](./other.md), [missing](/runbooks/nope/)', '',
      ].join('\n'),
    });

  it('accepts Starlight keys, leaves guides unjudged, reads MDX and resolves site links by route', async () => {
    const { found, documents } = await check(repo());
    // ./other.md is a file path, which 404s on a Starlight site; /runbooks/nope/ is no page.
    expect(found).toEqual(['link-broken src/content/docs/runbooks/db.mdx:22:74', 'link-broken src/content/docs/runbooks/db.mdx:22:97']);
    // Its broken links are errors that are not about dates: the document is incomplete.
    expect(documents.map((d) => [d.path, d.status])).toEqual([['src/content/docs/runbooks/db.mdx', 'incomplete']]);
  });

  it('names an unknown preset with a suggestion', async () => {
    const root = makeRepo({ 'vigil.config.yaml': 'preset: starligt\n' });
    const result = await vigil(root, ['check', ...NOW]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"preset" must be one of starlight, tech-docs.*did you mean "starlight"/);
  });
});

describe('which files are documents', () => {
  it('include and exclude globs in the config', async () => {
    const page = (title: string) => `---\ntitle: ${title}\ntype: policy\nowner: Security\nlast_reviewed: 2025-01-01\nreview_cycle: annual\n---\n`;
    const root = makeRepo({
      'vigil.config.yaml': 'content: docs\ninclude: ["policies/**"]\nexclude: ["**/archive/**"]\n',
      'docs/policies/a.md': page('A'),
      'docs/policies/archive/old.md': page('Old'),
      'docs/notes/b.md': page('B'),
    });
    const { found } = await check(root);
    expect(found).toEqual(['review-overdue docs/policies/a.md:5:16']);
  });
});

describe('schemas', () => {
  const runbook = '---\ntitle: DB\ntype: runbook\nowner: Platform\nlast_reviewed: 2026-10-01\nreview_cycle: annual\nservice: payments\n---\n\n## Escalation\n\nCall Ana.\n';
  const policy = '---\ntitle: P\ntype: policy\nowner: Security\nlast_reviewed: 2026-10-01\nreview_cycle: annual\nservice: payments\n---\n';

  it('uses the built-in schemas when the team gives none', async () => {
    const root = makeRepo({ 'content/rb.md': runbook });
    const { found } = await check(root);
    // The built-in runbook schema: escalation list required, no unknown keys.
    expect(found).toEqual(['schema content/rb.md:1:1', 'schema content/rb.md:7:1']);
  });

  it('a team <type>.schema.json replaces that type only, and can $ref the built-in common definitions', async () => {
    const teamRunbook = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'runbook.schema.json',
      $ref: 'common.schema.json#/$defs/document',
      properties: { service: { $ref: 'common.schema.json#/$defs/text' } },
      required: ['service'],
      unevaluatedProperties: false,
    };
    const root = makeRepo({ 'schemas/runbook.schema.json': JSON.stringify(teamRunbook), 'content/rb.md': runbook, 'content/p.md': policy });
    const { found } = await check(root);
    expect(found).toEqual(['schema content/p.md:7:1']); // the built-in policy schema still applies
  });

  it('a schemas folder named in the config that does not exist is a config error', async () => {
    const root = makeRepo({ 'vigil.config.yaml': 'schemas: my-schemas\n', 'content/p.md': policy });
    const result = await vigil(root, ['check', ...NOW]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/"schemas" names my-schemas, which is not a folder/);
  });
});
