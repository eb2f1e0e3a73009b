// `vigil check`'s ESLint-style options: globs, --ignore-pattern, --quiet, --max-warnings,
// --output-file, --color/--no-color, missing paths, and did-you-mean for commands and options.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findings, makeRepo, removeRepos, vigil } from './__fixtures__/repo.js';

const NOW = ['--now', '2026-12-02', '--offline'];
const policy = (lastReviewed: string, extra = '') => `---
title: Access policy
type: policy
owner: Security team
last_reviewed: ${lastReviewed}
review_cycle: annual
${extra}---

## Purpose

Who may access what.
`;

let repo: string;
beforeAll(() => {
  repo = makeRepo({
    'content/policies/overdue.md': policy('2025-01-10'),
    'content/policies/due-soon.md': policy('2025-12-20'),
    'content/policies/current.md': policy('2026-06-01'),
    'content/drafts/scratch.md': '# no frontmatter at all\n',
  });
});
afterAll(removeRepos);

describe('vigil check options', () => {
  it('takes globs as arguments and --ignore-pattern (repeatable) to leave files out', async () => {
    const globbed = await vigil(repo, ['check', ...NOW, '--format', 'json', 'content/policies/*.md']);
    expect(findings(globbed.stdout)).toEqual(['review-due-soon content/policies/due-soon.md:5:16', 'review-overdue content/policies/overdue.md:5:16']);
    const ignored = await vigil(repo, ['check', ...NOW, '--format', 'json', '--ignore-pattern', 'drafts/**', '--ignore-pattern', '**/overdue.md']);
    expect(findings(ignored.stdout)).toEqual(['review-due-soon content/policies/due-soon.md:5:16']);
    expect(ignored.code).toBe(0);
    const all = await vigil(repo, ['check', ...NOW, '--format', 'json']);
    expect(findings(all.stdout)).toContain('frontmatter-syntax content/drafts/scratch.md:1:1');
  });

  it('--quiet reports errors only', async () => {
    const quiet = await vigil(repo, ['check', ...NOW, '--quiet', '--format', 'json', 'content/policies']);
    expect(findings(quiet.stdout)).toEqual(['review-overdue content/policies/overdue.md:5:16']);
    expect(quiet.code).toBe(1);
  });

  it('--max-warnings N exits 1 when the warnings exceed N, and still counts them under --quiet', async () => {
    const args = ['check', ...NOW, '--ignore-pattern', '**/overdue.md', 'content/policies'];
    expect((await vigil(repo, [...args, '--max-warnings', '1'])).code).toBe(0);
    const over = await vigil(repo, [...args, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/1 warnings, more than --max-warnings 0/);
    expect((await vigil(repo, [...args, '--quiet', '--max-warnings', '0'])).code).toBe(1);
    const bad = await vigil(repo, [...args, '--max-warnings', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings must be a whole number/);
  });

  it('--output-file writes the report to a file and nothing to standard output', async () => {
    const result = await vigil(repo, ['check', ...NOW, '--format', 'json', '--output-file', 'report.json', 'content/policies']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    expect(findings(readFileSync(path.join(repo, 'report.json'), 'utf8'))).toHaveLength(2);
    const unwritable = await vigil(repo, ['check', ...NOW, '-o', 'no/such/folder/report.txt', 'content/policies']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write --output-file/);
  });

  it('--color forces colour off a terminal and --no-color wins over FORCE_COLOR', async () => {
    const colored = await vigil(repo, ['check', ...NOW, '--color', 'content/policies']);
    expect(colored.stdout).toMatch(/\x1b\[/);
    const plain = await vigil(repo, ['check', ...NOW, '--no-color', 'content/policies'], { FORCE_COLOR: '1' });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
  });

  it('reports a path that does not exist, still checks the others, and exits 2', async () => {
    const result = await vigil(repo, ['check', ...NOW, '--format', 'json', 'content/policies/overdue.md', 'content/nowhere', 'content/*.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no such file or folder: content\/nowhere, content\/\*\.txt/);
    expect(findings(result.stdout)).toEqual(['review-overdue content/policies/overdue.md:5:16']);
  });

  it('--changed-since with a ref Git does not know is a usage error', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'docs');
    const result = await vigil(repo, ['check', ...NOW, '--changed-since', 'no-such-branch', 'content/policies']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-branch/);
  });

  it('lists short options in --help', async () => {
    const help = await vigil(repo, ['check', '--help']);
    for (const option of ['-f, --format', '-c, --config', '-o, --output-file', '--quiet', '--max-warnings', '--ignore-pattern', '--no-color']) expect(help.stdout).toContain(option);
  });
});

describe('commands and options that do not exist', () => {
  it('suggests the command meant', async () => {
    const result = await vigil(repo, ['chekc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "chekc" \(did you mean "check"\?\)/);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('treats %s as an unknown command', async (name) => {
    const result = await vigil(repo, [name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown command "${name}"`);
  });

  it('suggests the option meant', async () => {
    const result = await vigil(repo, ['check', '--formt', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(did you mean "--format"?)');
  });

  it('vigil help <command> prints that command\'s help', async () => {
    const result = await vigil(repo, ['help', 'check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: vigil check/);
    expect((await vigil(repo, ['help'])).stdout).toMatch(/Commands:[\s\S]*init/);
  });
});
