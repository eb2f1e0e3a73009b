// A document's frontmatter is parsed for positions at most once per run, however many rules
// report on it, per document or over the whole set, and under renamed field names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import { yamlPositions } from './frontmatter.js';

vi.mock('./frontmatter.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./frontmatter.js')>();
  return { ...original, yamlPositions: vi.fn(original.yamlPositions) };
});

const REPO_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const parsedForPositions = vi.mocked(yamlPositions);

// Findings of several document rules (schema, review-overdue, escalation-empty, link-broken) and
// of a set rule (duplicate-id) on the same file.
const runbook = (id: string, reviewedField = 'last_reviewed'): string => `---
title: Database failover ${id}
id: RB-DB-01
type: runbook
owner: Platform team
${reviewedField}: 2024-01-10
review_cycle: annual
unknown_key: 1
escalation:
  - role: Primary on-call
    name: TBD
    contact: TBD
    after: 0m
---
# Database failover

See [the restore guide](./missing.md).

## Escalation

Call the primary.
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  parsedForPositions.mockClear();
});

async function check(files: Record<string, string>, fields: Record<string, string> = {}) {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-positions-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const config = { ...defaultConfig(dir), schemas: REPO_SCHEMAS, fields };
  return checkDocuments({ cwd: dir, config, today: '2026-11-26', paths: ['.'], offline: true, workers: 0 });
}

/** How often each frontmatter text was parsed for positions. */
function parsesPerDocument(): number[] {
  const counts = new Map<string, number>();
  for (const [yamlText] of parsedForPositions.mock.calls) counts.set(yamlText, (counts.get(yamlText) ?? 0) + 1);
  return [...counts.values()];
}

describe('position caching', () => {
  it('parses each reported document once, whatever rules fire', async () => {
    const run = await check({ 'a.md': runbook('A'), 'b.md': runbook('B') });
    const rulesOnA = new Set(run.diagnostics.filter((d) => d.path === 'a.md').map((d) => d.rule));
    for (const rule of ['schema', 'review-overdue', 'escalation-empty', 'link-broken', 'duplicate-id']) expect(rulesOnA).toContain(rule);
    expect(parsesPerDocument()).toEqual([1, 1]);
  });

  it('parses once when the config renames fields and the schema rule reports a shadowed key', async () => {
    const text = runbook('A', 'last_reviewed_on').replace('review_cycle: annual', 'review_cycle: annual\nlast_reviewed: 2026-01-01');
    const run = await check({ 'a.md': text }, { last_reviewed: 'last_reviewed_on' });
    expect(run.diagnostics.filter((d) => d.rule === 'schema').length).toBeGreaterThan(1);
    expect(run.diagnostics.find((d) => d.rule === 'review-overdue')).toMatchObject({ line: 6, column: 19 });
    expect(parsesPerDocument()).toEqual([1]);
  });

  it('never parses a document that has no finding', async () => {
    const clean = `---
title: Clean policy
type: policy
owner: Security team
last_reviewed: 2026-11-01
review_cycle: annual
---
# Clean policy
`;
    const run = await check({ 'clean.md': clean });
    expect(run.diagnostics).toEqual([]);
    expect(parsedForPositions).not.toHaveBeenCalled();
  });
});
