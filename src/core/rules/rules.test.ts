// One runner for every rule fixture in __fixtures__/ (conventions: __fixtures__/README.md).
// Each fixture folder is checked by the real engine, and the findings of EVERY rule must match
// the `expect:` comments written in its files exactly (rule id, path, line and column).
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import { RULE_IDS } from './ids.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const REPO_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const TODAY = '2026-11-26';
// Network rule: its fixtures live with the link checker, which runs a real HTTP server on 127.0.0.1.
// changed-since-review needs Git repositories and alert-runbook rule files: src/core/history/ and src/core/alerts/ test them.
const TESTED_ELSEWHERE = new Set(['status-page-dead', 'changed-since-review', 'alert-runbook']);

interface Expectation {
  path: string;
  line: number;
  column: number;
  rule: string;
}

const show = (e: Expectation): string => `${e.path}:${e.line}:${e.column} ${e.rule}`;
const isGood = (relPath: string): boolean => relPath.split('/').some((part, index, parts) => part === 'good' && index < parts.length - 1) || path.posix.basename(relPath).startsWith('good');

const EXPECT_COMMENT = /expect:\s*(.*?)\s*(?:-->|$)/;
const EXPECT_ITEM = /^([a-z-]+)\s+@(?:(\d+):)?(\d+)$/;

/** Reads `expect: rule @col` / `expect: rule @line:col, other @col` comments from one file's text. */
export function readExpectations(text: string, relPath: string): Expectation[] {
  const found: Expectation[] = [];
  text.split('\n').forEach((lineText, index) => {
    const match = EXPECT_COMMENT.exec(lineText);
    if (!match) return;
    for (const item of match[1].split(',').map((part) => part.trim())) {
      const parsed = EXPECT_ITEM.exec(item);
      if (!parsed) throw new Error(`${relPath}:${index + 1}: cannot read expectation "${item}" (write "rule-id @column" or "rule-id @line:column")`);
      const [, rule, line, column] = parsed;
      if (!RULE_IDS.includes(rule)) throw new Error(`${relPath}:${index + 1}: unknown rule "${rule}" in expectation`);
      found.push({ path: relPath, line: line ? Number(line) : index + 1, column: Number(column), rule });
    }
  });
  return found;
}

/** Markdown files under `dir` (following links to files, as the engine does), with their expectations. */
function collectExpectations(dir: string): { files: string[]; expectations: Expectation[] } {
  const files: string[] = [];
  const expectations: Expectation[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.md$/i.test(entry.name)) {
        const relPath = path.relative(dir, full).split(path.sep).join('/');
        files.push(relPath);
        if (existsSync(full)) expectations.push(...readExpectations(readFileSync(full, 'utf8'), relPath));
      }
    }
  };
  visit(dir);
  return { files, expectations };
}

async function runFixture(dir: string, configDir = dir): Promise<Expectation[]> {
  const config = await loadConfig(configDir);
  // Without a config file, judge against the repository's schemas.
  if (!config.file) Object.assign(config, { ...defaultConfig(dir), schemas: REPO_SCHEMAS });
  const run = await checkDocuments({ cwd: dir, config, today: TODAY, paths: ['.'], offline: true, workers: 0 });
  return run.diagnostics.map(({ path: file, line, column, rule }) => ({ path: file, line, column, rule }));
}

const sorted = (list: Expectation[]): string[] => list.map(show).sort();

/** Fixtures that need what git must not hold (symbolic links), built in a temp dir at run time. */
const RUNTIME_SETUP: Record<string, (source: string) => { dir: string; extra: Expectation[] }> = {
  'file-skipped': (source) => {
    const root = mkdtempSync(path.join(tmpdir(), 'vigil-file-skipped-'));
    temporaryDirs.push(root);
    const dir = path.join(root, 'tree');
    cpSync(source, dir, { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', 'secret.md'), readFileSync(path.join(source, 'good.md'), 'utf8').replace(/^title: .*$/m, 'title: Outside the tree'));
    // Out of the tree: skipped, even though the target is a fine document.
    symlinkSync(path.join(root, 'outside', 'secret.md'), path.join(dir, 'outside.md'));
    symlinkSync('../outside', path.join(dir, 'outside-folder'));
    // Dangling and self-referencing links: reported, never followed.
    symlinkSync('missing.md', path.join(dir, 'dangling.md'));
    symlinkSync('loop.md', path.join(dir, 'loop.md'));
    // Inside the tree: followed; a link back to the tree's own folder ends instead of looping.
    symlinkSync('good.md', path.join(dir, 'good-link.md'));
    symlinkSync('..', path.join(dir, 'sub', 'good-back-up'));
    const at = (file: string): Expectation => ({ path: file, line: 1, column: 1, rule: 'file-skipped' });
    return { dir, extra: [at('outside.md'), at('outside-folder'), at('dangling.md'), at('loop.md')] };
  },
};
const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const ruleOf = (folder: string): string => folder.split('.')[0];

describe('rule fixtures', () => {
  it('cover every rule, and only known rules', () => {
    const covered = new Set(folders.map(ruleOf));
    expect(RULE_IDS.filter((id) => !covered.has(id) && !TESTED_ELSEWHERE.has(id))).toEqual([]);
    expect([...covered].filter((id) => !RULE_IDS.includes(id))).toEqual([]);
  });

  it('read expectations with and without a line number', () => {
    const text = 'a\nowner: TBD # expect: schema @8\n<!-- expect: link-broken @2:5, section-missing @1 -->\n';
    expect(readExpectations(text, 'x.md')).toEqual([
      { path: 'x.md', line: 2, column: 8, rule: 'schema' },
      { path: 'x.md', line: 2, column: 5, rule: 'link-broken' },
      { path: 'x.md', line: 3, column: 1, rule: 'section-missing' },
    ]);
    expect(() => readExpectations('<!-- expect: no-such-rule @1 -->', 'x.md')).toThrow(/unknown rule/);
    expect(() => readExpectations('# expect: schema 8', 'x.md')).toThrow(/cannot read expectation/);
  });

  for (const folder of folders) {
    const rule = ruleOf(folder);
    if (TESTED_ELSEWHERE.has(rule)) continue;
    describe(folder, () => {
      const source = path.join(FIXTURES, folder);
      const prepare = (): { dir: string; extra: Expectation[] } => RUNTIME_SETUP[rule]?.(source) ?? { dir: source, extra: [] };

      it('reports exactly the findings its files expect', async () => {
        const { dir, extra } = prepare();
        const { expectations } = collectExpectations(dir);
        const actual = await runFixture(dir, source);
        expect(sorted(actual)).toEqual(sorted([...expectations, ...extra]));
      });

      it(`shows what ${rule} finds and what it must not flag`, async () => {
        const { dir, extra } = prepare();
        const { files, expectations } = collectExpectations(dir);
        const all = [...expectations, ...extra];
        expect(all.some((e) => e.rule === rule && !isGood(e.path)), `no expected ${rule} finding`).toBe(true);
        const goodFiles = files.filter(isGood);
        expect(goodFiles.length, 'no good*.md file or good/ folder').toBeGreaterThan(0);
        expect(all.filter((e) => e.rule === rule && isGood(e.path)).map(show)).toEqual([]);
        const actual = await runFixture(dir, source);
        expect(actual.filter((d) => d.rule === rule && goodFiles.includes(d.path)).map(show)).toEqual([]);
      });
    });
  }
});

// A fixture tree must never hold a symbolic link (git would carry it to other machines).
it('fixture folders hold no symbolic links', () => {
  const links: string[] = [];
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) links.push(path.relative(FIXTURES, full));
      else if (stats.isDirectory()) visit(full);
    }
  };
  visit(FIXTURES);
  expect(links).toEqual([]);
});
