// What control-unknown suggests for an unknown reference: the nearest control, the 2022 control
// for a 2013 id. Asserts the suggested reference, not the wording around it.
import { describe, expect, it } from 'vitest';
import { controlIndex } from '../controls/catalogues.js';
import { defaultControlsConfig, parseCatalogue } from '../controls/config.js';
import { explainUnknown } from './control-unknown.js';

const index = controlIndex(defaultControlsConfig());
const suggested = (ref: string, within = index): string | null => /(?:did you mean|became) "([^"]+)"/.exec(explainUnknown(ref, within))?.[1] ?? null;

describe('control-unknown suggestions', () => {
  it.each([
    ['ISO27001:A.16.1.5', 'ISO27001:A.5.26'],
    ['ISO27001:A.12.3.1', 'ISO27001:A.8.13'],
    ['ISO27001:A.9.4.2', 'ISO27001:A.8.5'],
    ['ISO27001:A.5.1.2', 'ISO27001:A.5.1'],
    ['ISO27001:A.5.42', 'ISO27001:A.5.4'],
    ['ISO27001:5.24', 'ISO27001:A.5.24'],
    ['iso27001:A.5.24', 'ISO27001:A.5.24'],
    ['A.5.24', 'ISO27001:A.5.24'],
    ['CC7.3', 'SOC2:CC7.3'],
    ['SOC2:CC7.6', 'SOC2:CC7.1'],
    ['SOC2:CC 7.3', 'SOC2:CC7.3'],
  ])('%s → %s', (ref, expected) => {
    expect(suggested(ref)).toBe(expected);
  });

  it('says nothing it cannot back: no 2022 id for a partial 2013 id, no guess for another framework', () => {
    expect(suggested('ISO27001:A.9.2')).toBeNull();
    expect(explainUnknown('ISO27001:A.9.2', index)).toMatch(/2013 numbering/);
    expect(suggested('NIST:IR-4')).toBeNull();
  });

  it('names a built-in catalogue that the config leaves out, and the team catalogues', () => {
    const team = parseCatalogue({ prefix: 'ACME', controls: [{ id: 'SEC-1', title: 'SSO' }] }, 'acme.yaml', 'test');
    const teamIndex = controlIndex({ catalogues: [defaultControlsConfig().catalogues[0], team], excluded: [] });
    expect(explainUnknown('SOC2:CC7.3', teamIndex)).toMatch(/built-in SOC2 catalogue is not in use/);
    expect(suggested('ACME:SEC-2', teamIndex)).toBe('ACME:SEC-1');
  });
});
