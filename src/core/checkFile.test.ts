// A bug in a rule must not cost a file its result: the file gets a file-skipped finding, at the
// severity file-skipped has (its default, or the config's), like any other finding, and the other
// files are still checked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from './config/load.js';
import { checkDocuments } from './engine.js';
import { getRule } from './rules/index.js';

// A rule that breaks on one document (a stand-in for a bug in Vigil).
vi.mock('./rules/expires-soon.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./rules/expires-soon.js')>();
  return {
    rule: {
      ...original.rule,
      checkDocument(doc: { path: string }, context: unknown) {
        if (doc.path.includes('breaks')) throw new Error('simulated bug');
        return original.rule.checkDocument?.(doc as never, context as never) ?? [];
      },
    },
  };
});

const REPO_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));
const POLICY = '---\ntitle: A policy\ntype: policy\nowner: Security team\nlast_reviewed: 2026-11-01\nreview_cycle: annual\n---\n# A policy\n\n## Purpose\n\n## Scope\n';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-crash-'));
  writeFileSync(path.join(dir, 'breaks.md'), POLICY);
  writeFileSync(path.join(dir, 'fine.md'), POLICY.replace('last_reviewed: 2026-11-01', 'last_reviewed: 2024-11-01'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(rules: Record<string, 'off' | 'warn' | 'error'>) {
  const config = { ...defaultConfig(dir), schemas: REPO_SCHEMAS, rules };
  return checkDocuments({ cwd: dir, config, today: '2026-11-26', paths: ['.'], offline: true, workers: 0 });
}

describe('a rule that throws', () => {
  it("gives the file a file-skipped finding at the rule's default severity, and checks the others", async () => {
    const result = await run({});
    const skipped = result.diagnostics.filter((d) => d.rule === 'file-skipped');
    expect(skipped).toMatchObject([{ path: 'breaks.md', line: 1, column: 1, severity: getRule('file-skipped')?.defaultSeverity }]);
    expect(skipped[0].message).toContain('simulated bug');
    expect(result.diagnostics.some((d) => d.path === 'fine.md' && d.rule === 'review-overdue')).toBe(true);
    expect(result.documents.map((doc) => doc.path).sort()).toEqual(['breaks.md', 'fine.md']);
  });

  it("follows the config's severity for file-skipped", async () => {
    expect((await run({ 'file-skipped': 'error' })).diagnostics.find((d) => d.rule === 'file-skipped')?.severity).toBe('error');
    expect((await run({ 'file-skipped': 'warn' })).diagnostics.find((d) => d.rule === 'file-skipped')?.severity).toBe('warn');
    expect((await run({ 'file-skipped': 'off' })).diagnostics.filter((d) => d.rule === 'file-skipped')).toEqual([]);
  });
});
