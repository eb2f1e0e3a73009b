// link-broken records where every link leads (link.target), the one resolution the site renders
// by; its findings are tested with the other rules' fixtures (rules.test.ts).
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import type { LinkDestination } from '../types.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/link-broken/', import.meta.url));
const SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));

async function targetsOf(relPath: string, keepBody = false): Promise<Map<string, LinkDestination | undefined>> {
  const config = { ...defaultConfig(FIXTURE), schemas: SCHEMAS };
  const run = await checkDocuments({ cwd: FIXTURE, config, today: '2026-11-26', offline: true, workers: 0, paths: ['.'], keepBody });
  const doc = run.docs.find((candidate) => candidate.relPath === relPath);
  if (!doc) throw new Error(`${relPath} not checked`);
  return new Map(doc.body.links.map((link) => [link.href, link.target]));
}

describe('link targets', () => {
  test('each relative link the rule accepts names the page and the heading slug it matched', async () => {
    const targets = await targetsOf('good-links.md');
    expect(targets.get('./guide.md')).toEqual({ kind: 'document', slug: 'guide', anchor: null });
    expect(targets.get('./guide')).toEqual({ kind: 'document', slug: 'guide', anchor: null });
    expect(targets.get('guide.md#setup-1')).toEqual({ kind: 'document', slug: 'guide', anchor: 'setup-1' });
    // Accepted in any case: the target names the heading's own slug, which the page's id is.
    expect(targets.get('./guide.md#Rollback-Plan')).toEqual({ kind: 'document', slug: 'guide', anchor: 'rollback-plan' });
    expect(targets.get('#scope')).toEqual({ kind: 'document', slug: 'good-links', anchor: 'scope' });
    expect(targets.get('./sub/')).toEqual({ kind: 'document', slug: 'sub', anchor: null });
    expect(targets.get('sub/index.md#purpose')).toEqual({ kind: 'document', slug: 'sub', anchor: 'purpose' });
    expect(targets.get('./with%20space.md')).toEqual({ kind: 'document', slug: 'with space', anchor: null });
    expect(targets.get('./assets/diagram.svg')).toEqual({ kind: 'file' });
    for (const href of ['https://example.com/missing.md', 'mailto:security@example.com', '/runbooks/database/', '//example.com/x']) {
      expect(targets.get(href), href).toEqual({ kind: 'external' });
    }
  });

  test('every link the rule reports is broken, and no other', async () => {
    const targets = await targetsOf('broken-links.md');
    expect([...targets.values()].map((target) => target?.kind)).toEqual(['broken', 'broken', 'broken', 'broken', 'broken', 'broken']);
  });

  test('the body text is kept only when asked', async () => {
    const config = { ...defaultConfig(FIXTURE), schemas: SCHEMAS };
    const plain = await checkDocuments({ cwd: FIXTURE, config, today: '2026-11-26', offline: true, workers: 0, paths: ['.'] });
    expect(plain.docs.every((doc) => doc.body.text === undefined)).toBe(true);
    const kept = await checkDocuments({ cwd: FIXTURE, config, today: '2026-11-26', offline: true, workers: 0, paths: ['.'], keepBody: true });
    const guide = kept.docs.find((doc) => doc.relPath === 'guide.md');
    expect(guide?.body.text).toMatch(/^\n?## Purpose\n\nLinked to from the other documents\.\n[^]*## Rollback plan\n\nUndo the change\.\n$/);
  });
});
