// Coverage verdicts and the Statement of Applicability, from records as the engine gives them.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../types.js';
import { defaultControlsConfig, parseCatalogue } from './config.js';
import { allControls, buildCoverage } from './coverage.js';
import { buildSoa, soaCsv } from './soa.js';
import type { ControlsConfig } from './types.js';
import { controlVerdict } from './verdict.js';

// Only the fields coverage reads matter; the rest of a record is left to the engine's tests.
function record(slug: string, overrides: Partial<DocumentRecord>): DocumentRecord {
  return {
    path: `content/${slug}.md`, relPath: `${slug}.md`, slug, id: null, type: 'policy', title: slug, owner: 'Team', version: null, effective: null,
    lifecycle: 'active', last_reviewed: '2026-01-01', review_cycle: 'annual', next_review: '2027-01-01', expires: null, status: 'current',
    controls: [], escalation: [], status_pages: [], last_exercised: null, exercise_cycle: null, next_exercise: null, ...overrides,
  } as DocumentRecord;
}

const team = parseCatalogue({ prefix: 'ACME', name: 'Acme', controls: [{ id: 'OPS-1', title: 'Restore test', theme: 'Operations' }, { id: 'SEC-1', title: '=cmd|x', theme: 'Access' }] }, 'acme.yaml', 'test');
const config: ControlsConfig = {
  catalogues: [...defaultControlsConfig().catalogues, team],
  excluded: [{ ref: 'ISO27001:A.7.1', reason: 'No offices' }, { ref: 'SOC2:P1.1', reason: 'No personal data' }],
};

const records = [
  record('policies/current', { id: 'POL-1', title: 'Current policy', controls: ['ISO27001:A.5.24', 'SOC2:CC7.3', 'ISO27001:A.7.1', ' ACME:OPS-1 '] }),
  record('policies/overdue', { id: 'POL-2', title: 'Overdue policy', status: 'overdue', next_review: '2026-01-10', controls: ['ISO27001:A.5.24', 'ISO27001:A.5.25'] }),
  record('policies/expired', { title: 'Expired policy', status: 'expired', expires: '2026-09-30', controls: ['ISO27001:A.8.13', 'NIST:IR-4'] }),
  record('policies/soon', { title: 'Due soon', status: 'due-soon', next_review: '2026-12-01', controls: ['SOC2:CC7.4'] }),
  record('policies/draft', { title: 'Draft policy', status: 'draft', lifecycle: 'draft', controls: ['ISO27001:A.8.15'] }),
  record('policies/none', { title: 'No controls', controls: [] }),
];

describe('control verdicts', () => {
  it('a current or due-soon document covers; overdue, expired or incomplete ones only are a gap; drafts and retired do not count', () => {
    expect(controlVerdict(['overdue', 'current'], false)).toBe('covered');
    expect(controlVerdict(['due-soon'], false)).toBe('covered');
    expect(controlVerdict(['overdue', 'expired'], false)).toBe('stale');
    // A status the core adds later (incomplete) is never taken for coverage.
    expect(controlVerdict(['incomplete', 'draft'], false)).toBe('stale');
    expect(controlVerdict(['draft', 'retired'], false)).toBe('uncovered');
    expect(controlVerdict([], false)).toBe('uncovered');
    expect(controlVerdict(['current'], true)).toBe('excluded');
  });

  it('lists every control of the catalogues in use by theme, with its documents and verdict', () => {
    const coverage = buildCoverage(records, config, '2026-11-26');
    const verdicts = Object.fromEntries(allControls(coverage).map((control) => [control.ref, control.verdict]));
    expect(verdicts).toMatchObject({
      'ISO27001:A.5.24': 'covered',
      'ISO27001:A.5.25': 'stale',
      'ISO27001:A.8.13': 'stale',
      'ISO27001:A.8.15': 'uncovered',
      'ISO27001:A.5.1': 'uncovered',
      'ISO27001:A.7.1': 'excluded',
      'SOC2:CC7.3': 'covered',
      'SOC2:CC7.4': 'covered',
      'SOC2:P1.1': 'excluded',
      'ACME:OPS-1': 'covered',
      'ACME:SEC-1': 'uncovered',
    });
    expect(coverage.summary).toEqual({ controls: 93 + 61 + 2, covered: 4, stale: 2, excluded: 2, uncovered: 93 + 61 + 2 - 8 });
    expect(coverage.catalogues.map((catalogue) => [catalogue.prefix, catalogue.summary.controls, catalogue.summary.covered])).toEqual([['ISO27001', 93, 1], ['SOC2', 61, 2], ['ACME', 2, 1]]);
    expect(coverage.catalogues[0].themes.map((theme) => [theme.theme, theme.controls.length])).toEqual([
      ['Organizational controls', 37], ['People controls', 8], ['Physical controls', 14], ['Technological controls', 34],
    ]);
    expect(coverage.catalogues[2].themes.map((theme) => theme.theme)).toEqual(['Operations', 'Access']);
    const a524 = allControls(coverage).find((control) => control.ref === 'ISO27001:A.5.24');
    expect(a524?.documents.map((doc) => doc.title)).toEqual(['Current policy', 'Overdue policy']);
    expect(allControls(coverage).find((control) => control.ref === 'ISO27001:A.7.1')).toMatchObject({ excludedReason: 'No offices', documents: [{ title: 'Current policy' }] });
    expect(coverage.unknown.map((entry) => [entry.ref, entry.documents.map((doc) => doc.title)])).toEqual([['NIST:IR-4', ['Expired policy']]]);
    expect(coverage.withoutControls.map((doc) => doc.title)).toEqual(['No controls']);
  });
});

describe('Statement of Applicability', () => {
  const soa = buildSoa(buildCoverage(records, config, '2026-11-26'));

  it('has one row per control with applicability, documents (status, next review) and verdict', () => {
    expect(soa.controls).toHaveLength(156);
    expect(soa.controls.find((row) => row.control === 'ISO27001:A.5.24')).toEqual({
      control: 'ISO27001:A.5.24',
      catalogue: 'ISO/IEC 27001:2022 Annex A',
      theme: 'Organizational controls',
      title: 'Information security incident management planning and preparation',
      applicable: true,
      exclusion_reason: null,
      verdict: 'covered',
      documents: [
        { id: 'POL-1', title: 'Current policy', path: 'policies/current.md', status: 'current', next_review: '2027-01-01' },
        { id: 'POL-2', title: 'Overdue policy', path: 'policies/overdue.md', status: 'overdue', next_review: '2026-01-10' },
      ],
    });
    expect(soa.controls.find((row) => row.control === 'SOC2:P1.1')).toMatchObject({ applicable: false, exclusion_reason: 'No personal data', verdict: 'excluded', documents: [] });
    expect(soa.summary).toMatchObject({ covered: 4, stale: 2, excluded: 2 });
  });

  it('as CSV: RFC 4180, a header and one line per control, formula cells neutralised', () => {
    const lines = soaCsv(soa).split('\r\n');
    expect(lines[0]).toBe('control,catalogue,theme,title,applicable,exclusion_reason,verdict,documents,document_paths');
    expect(lines).toHaveLength(1 + 156 + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('ISO27001:A.5.24,ISO/IEC 27001:2022 Annex A,Organizational controls,Information security incident management planning and preparation,yes,,covered,"POL-1 Current policy (current, next review 2027-01-01); POL-2 Overdue policy (overdue, next review 2026-01-10)",policies/current.md policies/overdue.md');
    expect(lines).toContain('ISO27001:A.8.13,ISO/IEC 27001:2022 Annex A,Technological controls,Information backup,yes,,stale,"Expired policy (expired, next review 2027-01-01)",policies/expired.md');
    expect(lines).toContain('ISO27001:A.7.1,ISO/IEC 27001:2022 Annex A,Physical controls,Physical security perimeters,no,No offices,excluded,"POL-1 Current policy (current, next review 2027-01-01)",policies/current.md');
    expect(lines).toContain("ACME:SEC-1,Acme,Access,'=cmd|x,yes,,uncovered,,");
  });
});
