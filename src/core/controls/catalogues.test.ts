// The built-in catalogues hold exactly the controls the standards list: expected ids are
// written out here from the published ranges, apart from the data files.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGUES, BUILT_IN_NAMES, controlIndex } from './catalogues.js';
import { defaultControlsConfig } from './config.js';
import { ISO27001_2013_TO_2022 } from './iso27001-2013-to-2022.js';

const range = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const ANNEX_A_2022 = [...range('A.5.', 1, 37), ...range('A.6.', 1, 8), ...range('A.7.', 1, 14), ...range('A.8.', 1, 34)];
const TSC_2017 = [
  ...range('CC1.', 1, 5), ...range('CC2.', 1, 3), ...range('CC3.', 1, 4), ...range('CC4.', 1, 2), ...range('CC5.', 1, 3),
  ...range('CC6.', 1, 8), ...range('CC7.', 1, 5), 'CC8.1', ...range('CC9.', 1, 2),
  ...range('A1.', 1, 3), ...range('C1.', 1, 2), ...range('PI1.', 1, 5),
  'P1.1', 'P2.1', ...range('P3.', 1, 2), ...range('P4.', 1, 3), ...range('P5.', 1, 2), ...range('P6.', 1, 7), 'P7.1', 'P8.1',
];

describe('built-in catalogues', () => {
  it('ISO/IEC 27001:2022 Annex A has its 93 controls, in order, in four themes', () => {
    const iso = BUILT_IN_CATALOGUES.ISO27001;
    expect(ANNEX_A_2022).toHaveLength(93);
    expect(iso.controls.map((control) => control.id)).toEqual(ANNEX_A_2022);
    const themes: Record<string, number> = {};
    for (const control of iso.controls) themes[control.theme] = (themes[control.theme] ?? 0) + 1;
    expect(themes).toEqual({
      'Organizational controls': 37, 'People controls': 8, 'Physical controls': 14, 'Technological controls': 34,
    });
    expect(iso.controls.find((control) => control.id === 'A.5.24')?.title).toBe('Information security incident management planning and preparation');
    expect(iso.controls.find((control) => control.id === 'A.8.13')?.title).toBe('Information backup');
  });

  it('the SOC 2 2017 Trust Services Criteria have their 61 criteria, in order', () => {
    const soc2 = BUILT_IN_CATALOGUES.SOC2;
    expect(TSC_2017).toHaveLength(61);
    expect(soc2.controls.map((control) => control.id)).toEqual(TSC_2017);
    // Each criterion sits in the theme named after its series (CC7.3 under CC7, P6.2 under P6).
    for (const control of soc2.controls) expect(control.theme.split(' ')[0]).toBe(control.id.split('.')[0]);
  });

  it('every control has a title, and the default config uses both catalogues', () => {
    for (const name of BUILT_IN_NAMES) {
      for (const control of BUILT_IN_CATALOGUES[name].controls) expect(control.title.trim(), `${name}:${control.id}`).not.toBe('');
    }
    const index = controlIndex(defaultControlsConfig());
    expect(index.byRef.size).toBe(93 + 61);
    expect(index.byRef.get('SOC2:CC7.3')?.catalogue.prefix).toBe('SOC2');
    expect([...index.byPrefix.keys()]).toEqual(['ISO27001', 'SOC2']);
  });

  it('the 2013 to 2022 table maps each of the 114 controls of 2013 to a 2022 control', () => {
    // Controls per 2013 clause, A.5 to A.18, as the 2013 edition lists them.
    const perClause = { 5: 2, 6: 7, 7: 6, 8: 10, 9: 14, 10: 2, 11: 15, 12: 14, 13: 7, 14: 13, 15: 5, 16: 7, 17: 4, 18: 8 };
    const counted: Record<string, number> = {};
    for (const id of Object.keys(ISO27001_2013_TO_2022)) {
      expect(id).toMatch(/^A\.\d+\.\d+\.\d+$/);
      const clause = id.split('.')[1];
      counted[clause] = (counted[clause] ?? 0) + 1;
    }
    expect(counted).toEqual(Object.fromEntries(Object.entries(perClause).map(([clause, n]) => [clause, n])));
    const ids2022 = new Set(BUILT_IN_CATALOGUES.ISO27001.controls.map((control) => control.id));
    for (const [old, current] of Object.entries(ISO27001_2013_TO_2022)) expect(ids2022.has(current), `${old} → ${current}`).toBe(true);
    expect(ISO27001_2013_TO_2022['A.16.1.5']).toBe('A.5.26');
    expect(ISO27001_2013_TO_2022['A.12.3.1']).toBe('A.8.13');
  });
});
