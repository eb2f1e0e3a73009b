// `vigil report --soa` and `vigil report --controls` as CI runs them: the compiled CLI on the
// controls fixture (judged on 2026-11-26; see the fixture's config for what each document is).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, repo, runVigil, parseCsv } from '../formatters/__fixtures__/cli.js';

const fixture = path.join(repo, 'src/astro/__fixtures__/controls');
const report = (args: string[]) => runVigil(['report', '--now', '2026-11-26', ...args], fixture);


beforeAll(() => buildCli());

describe('vigil report --soa', () => {
  it('--format csv: one row per control of the catalogues in use, with applicability, documents and verdict', () => {
    const { code, stdout } = report(['--soa', '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual(['control', 'catalogue', 'theme', 'title', 'applicable', 'exclusion_reason', 'verdict', 'documents', 'document_paths']);
    expect(rows).toHaveLength(93 + 61 + 2);
    const row = (control: string) => rows.find((cells) => cells[0] === control);
    expect(row('ISO27001:A.5.24')).toEqual([
      'ISO27001:A.5.24', 'ISO/IEC 27001:2022 Annex A', 'Organizational controls', 'Information security incident management planning and preparation', 'yes', '', 'covered',
      'POL-BK-01 Backup Policy (overdue, next review 2026-01-10); POL-IR-01 Incident Response Policy (current, next review 2027-10-01)',
      'policies/backup.md policies/incident-response.md',
    ]);
    expect(row('ISO27001:A.8.13')?.slice(6)).toEqual(['stale', 'POL-BK-01 Backup Policy (overdue, next review 2026-01-10)', 'policies/backup.md']);
    expect(row('ISO27001:A.6.7')?.slice(4)).toEqual(['yes', '', 'uncovered', 'Remote Working Policy (draft, no next review)', 'policies/remote-draft.md']);
    expect(row('ISO27001:A.7.1')?.slice(4, 7)).toEqual(['no', 'No offices; every employee works remotely', 'excluded']);
    expect(row('SOC2:A1.3')?.slice(6, 8)).toEqual(['covered', 'PRC-RT-01 Restore Test (due-soon, next review 2026-12-01)']);
    expect(row('ACME:OPS-1')?.slice(1, 7)).toEqual(['Acme security baseline', 'Operations', 'Quarterly restore test', 'yes', '', 'covered']);
    // A title and a reason that would run as formulas in a spreadsheet are neutralised.
    expect(row('SOC2:CC6.1')?.[7]).toBe(`'=HYPERLINK("http://evil.example","Access") (current, next review 2027-10-01)`);
    expect(row('SOC2:P1.1')?.[5]).toBe("'=No personal data of customers is processed");
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('--format json: the same rows with each document as data', () => {
    const { code, stdout } = report(['--soa', '--format', 'json']);
    expect(code).toBe(0);
    const soa = JSON.parse(stdout);
    expect(soa.now).toBe('2026-11-26');
    expect(soa.summary).toEqual({ controls: 156, covered: 8, stale: 3, uncovered: 143, excluded: 2 });
    expect(soa.catalogues.map((c: { prefix: string }) => c.prefix)).toEqual(['ISO27001', 'SOC2', 'ACME']);
    expect(soa.controls).toHaveLength(156);
    expect(soa.controls.find((c: { control: string }) => c.control === 'SOC2:CC9.2')).toEqual({
      control: 'SOC2:CC9.2', catalogue: 'SOC 2 Trust Services Criteria (2017)', theme: 'CC9 Risk mitigation',
      title: 'Assessing and managing risks from vendors and business partners', applicable: true, exclusion_reason: null, verdict: 'stale',
      documents: [{ id: 'POL-VN-01', title: 'Vendor Policy', path: 'policies/vendor.md', status: 'expired', next_review: '2027-06-01' }],
    });
  });

  it('--format markdown (the default): a summary line and a table per catalogue', () => {
    const { code, stdout } = report(['--soa']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Statement of Applicability as of 2026-11-26, 156 controls: 8 covered, 3 gaps (covered only by stale documents), 143 not covered, 2 not applicable.');
    expect(stdout).toContain('\n## ISO/IEC 27001:2022 Annex A\n\n| Control | Title | Applicable | Documents | Verdict |\n');
    expect(stdout).toContain('\n| <code>ISO27001:A.7.1</code> | Physical security perimeters | no: No offices; every employee works remotely | [Incident Response Policy](content/policies/incident-response.md) <code>POL-IR-01</code> (current, next review 2027-10-01) | Not applicable |\n');
    expect(stdout).toContain('\n| <code>ISO27001:A.5.1</code> | Policies for information security | yes | — | Not covered |\n');
    expect(stdout).toContain('\n## Acme security baseline\n');
  });
});

describe('vigil report --controls', () => {
  it('prints the job-summary section: counts, the gaps with their documents, the uncovered ids', () => {
    const { code, stdout } = report(['--controls']);
    expect(code).toBe(0);
    expect(stdout).toContain(`### Controls

**3 controls covered only by stale documents** and **143 not covered**, of 156 in use (8 covered, 2 not applicable) as of 2026-11-26.

| Catalogue | Controls | Covered | Gap: stale only | Not covered | Not applicable |
| --- | ---: | ---: | ---: | ---: | ---: |
| ISO/IEC 27001:2022 Annex A | 93 | 3 | 2 | 87 | 1 |
| SOC 2 Trust Services Criteria (2017) | 61 | 4 | 1 | 55 | 1 |
| Acme security baseline | 2 | 1 | 0 | 1 | 0 |
`);
    expect(stdout).toContain('| <code>ISO27001:A.8.13</code> | Information backup | [Backup Policy](content/policies/backup.md) <code>POL-BK-01</code> (overdue, next review 2026-01-10) |');
    expect(stdout).toContain('<details><summary>143 controls not covered by any document</summary>');
    expect(stdout).toContain('**Acme security baseline** (1): SEC-1\n');
  });

  it('--format json lists the gaps and the uncovered controls', () => {
    const { code, stdout } = report(['--controls', '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.summary).toEqual({ controls: 156, covered: 8, stale: 3, uncovered: 143, excluded: 2 });
    expect(data.stale.map((c: { control: string }) => c.control)).toEqual(['ISO27001:A.5.19', 'ISO27001:A.8.13', 'SOC2:CC9.2']);
    expect(data.uncovered).toHaveLength(143);
    expect(data.uncovered).toContain('ISO27001:A.6.7');
  });

  it('judges as of the day given: a year on, what was covered is a gap', () => {
    const data = JSON.parse(runVigil(['report', '--controls', '--format', 'json', '--now', '2027-12-01'], fixture).stdout);
    expect(data.summary).toMatchObject({ covered: 0, stale: 11 });
  });
});

describe('usage and config errors exit 2 with a clear message', () => {
  it.each([
    [['--soa', '--controls'], /choose --soa or --controls, not both/],
    [['--soa', '--format', 'xml'], /--format must be one of markdown, json, csv, got "xml"/],
    [['--controls', '--format', 'csv'], /--format must be one of markdown, json, got "csv"/],
    [['--controls', '--within', '30d'], /--within is for the due report; it does not apply to --controls/],
  ])('vigil report %j', (args, message) => {
    const { code, stderr } = report(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('an exclusion of a control that no catalogue in use holds', () => {
    const config = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-soa-')), 'vigil.config.yaml');
    writeFileSync(config, `content: ${path.join(fixture, 'content')}\ncontrols:\n  catalogues: [ISO27001]\n  excluded:\n    SOC2:P1.1: No personal data\n`);
    const { code, stderr } = report(['--soa', '--config', config]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/"controls.excluded" names "SOC2:P1.1", which is not a control of the catalogues in use/);
  });
});
