// The register, controls matrix and sidebar groups, from records as the core gives them.
import { expect, test } from 'vitest';
import type { CheckRun, DocumentRecord } from '../core/index.js';
import { defaultConfig } from '../core/config/load.js';
import { catalogueAnchor, siteCoverage, themeAnchor } from './controls.js';
import { GROUP_LIMIT, navGroups } from './navigation.js';
import { registerCsv, registerJson } from './register.js';

function record(overrides: Partial<DocumentRecord>): DocumentRecord {
  const slug = overrides.slug ?? 'policies/x';
  return {
    path: `content/${slug}.md`, relPath: `${slug}.md`, slug, id: null, type: 'policy', title: 'X', owner: 'Team', version: null, effective: null,
    lifecycle: 'active', last_reviewed: '2026-01-01', review_cycle: 'annual', next_review: '2027-01-01', expires: null, status: 'current',
    controls: [], escalation: [], status_pages: [], last_exercised: null, exercise_cycle: null, next_exercise: null,
    covers: [], alerts: [], reviewed_by: null, content_changed: null, ...overrides,
  };
}

test('the controls page covers every control of the catalogues in use, with anchors per theme', () => {
  const records = [
    record({ slug: 'a', title: 'A', controls: ['ISO27001:A.5.10', 'SOC2:CC7.3'] }),
    record({ slug: 'b', title: 'B', status: 'overdue', controls: ['ISO27001:A.5.2', 'ISO27001:A.5.10', 'NIST:IR-4'] }),
    record({ slug: 'c', title: 'C', controls: [] }),
  ];
  const config = defaultConfig('/repo');
  const coverage = siteCoverage({ run: { documents: records } as CheckRun, now: '2026-11-26', config });
  expect(coverage.catalogues.map((catalogue) => [catalogue.prefix, catalogue.summary.controls])).toEqual([['ISO27001', 93], ['SOC2', 61]]);
  const themes = coverage.catalogues[0].themes;
  expect(themes[0].controls.find((control) => control.ref === 'ISO27001:A.5.10')).toMatchObject({ verdict: 'covered', documents: [{ title: 'A' }, { title: 'B' }] });
  expect(themes[0].controls.find((control) => control.ref === 'ISO27001:A.5.2')?.verdict).toBe('stale');
  expect(coverage.unknown.map((entry) => entry.ref)).toEqual(['NIST:IR-4']);
  expect(coverage.withoutControls.map((d) => d.title)).toEqual(['C']);
  expect(themeAnchor('SOC2', 'CC7 System operations')).toBe('soc2-cc7-system-operations');
  expect(catalogueAnchor('ISO27001')).toBe('catalogue-iso27001');
});

test('register CSV and JSON carry the core statuses, sorted by id', () => {
  const records = [record({ slug: 'b', id: 'POL-2', status: 'overdue', owner: '=cmd' }), record({ slug: 'a', id: 'POL-1', controls: ['SOC2:CC1.1'] })];
  const csv = registerCsv(records).split('\r\n');
  expect(csv[1]).toMatch(/^POL-1,X,policy,Team,current,/);
  expect(csv[2]).toMatch(/^POL-2,X,policy,'=cmd,overdue,/);
  const json = registerJson(records, '2026-11-26', (r) => `/${r.slug}/`);
  expect(json.documents.map((d) => [d.id, d.status, d.url])).toEqual([
    ['POL-1', 'current', '/a/'],
    ['POL-2', 'overdue', '/b/'],
  ]);
});

test('sidebar groups stay small however many documents there are', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => record({ slug: `runbooks/r${String(i).padStart(5, '0')}`, title: `Runbook ${String(i).padStart(5, '0')}`, type: 'runbook' }));
  const few = [record({ slug: 'policies/p', title: 'P' })];
  const groups = navGroups([...many, ...few], 'runbooks/r05000');
  expect(groups.map((g) => [g.label, g.total, g.truncated])).toEqual([
    ['Runbooks', 10_000, true],
    ['Policies', 1, false],
  ]);
  expect(groups[0].documents.length).toBeLessThanOrEqual(GROUP_LIMIT);
  expect(groups[0].documents.map((d) => d.slug)).toContain('runbooks/r05000');
  expect(navGroups([...many, ...few], 'policies/p')[0].documents).toEqual([]);
});
