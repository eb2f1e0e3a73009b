// `controls` in the config: catalogues in use (built-in or a team's file) and exclusions.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/load.js';
import { ConfigError } from '../config/types.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-controls-config-'));
mkdirSync(path.join(root, 'controls'));
writeFileSync(
  path.join(root, 'controls/acme.yaml'),
  'prefix: ACME\nname: Acme baseline\ncontrols:\n  - { id: SEC-1, title: Single sign-on, theme: Access }\n  - { id: 7, title: Numbered control }\n',
);
const resolve = (controls: unknown) => resolveConfig({ controls }, root, path.join(root, 'vigil.config.yaml'), 'vigil.config.yaml').controls;
const problem = (controls: unknown): string => {
  try {
    resolve(controls);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no ConfigError');
};
const teamFile = (name: string, text: string): string => {
  writeFileSync(path.join(root, 'controls', name), text);
  return `controls/${name}`;
};

describe('controls config', () => {
  it('uses both built-in catalogues and excludes nothing by default', () => {
    const controls = resolveConfig({}, root, null).controls;
    expect(controls.catalogues.map((catalogue) => catalogue.prefix)).toEqual(['ISO27001', 'SOC2']);
    expect(controls.excluded).toEqual([]);
  });

  it('reads the catalogues in use, a team catalogue file, and exclusions with their reasons', () => {
    const controls = resolve({ catalogues: ['ISO27001', 'controls/acme.yaml'], excluded: { 'ISO27001:A.7.1': ' No offices ', 'ACME:7': 'Retired' } });
    expect(controls.catalogues.map((catalogue) => [catalogue.prefix, catalogue.name, catalogue.source])).toEqual([
      ['ISO27001', 'ISO/IEC 27001:2022 Annex A', 'built-in'],
      ['ACME', 'Acme baseline', 'controls/acme.yaml'],
    ]);
    expect(controls.catalogues[1].controls).toEqual([
      { id: 'SEC-1', title: 'Single sign-on', theme: 'Access' },
      { id: '7', title: 'Numbered control', theme: 'Controls' },
    ]);
    expect(controls.excluded).toEqual([{ ref: 'ISO27001:A.7.1', reason: 'No offices' }, { ref: 'ACME:7', reason: 'Retired' }]);
    expect(resolve({ catalogues: 'SOC2' }).catalogues.map((catalogue) => catalogue.prefix)).toEqual(['SOC2']);
  });

  it.each([
    [{ catalogue: ['ISO27001'] }, /unknown key "controls.catalogue" \(did you mean "catalogues"\?\)/],
    ['ISO27001', /"controls" must be a mapping/],
    [{ catalogues: [] }, /"controls.catalogues" must list/],
    [{ catalogues: ['ISO2700'] }, /names "ISO2700", which is neither a built-in catalogue \(ISO27001, SOC2\).*\(did you mean "ISO27001"\?\)/],
    [{ catalogues: ['toString'] }, /names "toString", which is neither a built-in catalogue/],
    [{ catalogues: ['controls/missing.yaml'] }, /controls catalogue controls\/missing.yaml: file not found/],
    [{ catalogues: ['ISO27001', 'ISO27001'] }, /both use the prefix "ISO27001"/],
    [{ excluded: { 'ISO27001:A.7.15': 'No offices' } }, /"controls.excluded" names "ISO27001:A.7.15", which is not a control of the catalogues in use \(did you mean "ISO27001:A.7.1"\?\)/],
    [{ catalogues: ['ISO27001'], excluded: { 'SOC2:CC6.4': 'No offices' } }, /names "SOC2:CC6.4", which is not a control of the catalogues in use/],
    [{ excluded: { 'ISO27001:A.7.1': '' } }, /"controls.excluded.ISO27001:A.7.1" must give the reason/],
    [{ excluded: ['ISO27001:A.7.1'] }, /"controls.excluded" must map control references to the reason/],
  ])('rejects %j with a message naming the key', (controls, message) => {
    expect(problem(controls)).toMatch(message);
  });

  it.each([
    ['no-prefix.yaml', 'name: X\ncontrols: [{ id: A, title: B }]\n', /"prefix" must be letters, digits/],
    ['bad-prefix.yaml', 'prefix: "AC ME"\ncontrols: [{ id: A, title: B }]\n', /"prefix" must be letters, digits/],
    ['empty.yaml', 'prefix: ACME\ncontrols: []\n', /"controls" must list at least one control/],
    ['twice.yaml', 'prefix: ACME\ncontrols: [{ id: A, title: B }, { id: A, title: C }]\n', /controls\[1\]: the id "A" is listed twice/],
    ['no-title.yaml', 'prefix: ACME\ncontrols: [{ id: A }]\n', /controls\[0\]: "title" must be text/],
    ['spaces.yaml', 'prefix: ACME\ncontrols: [{ id: "A 1", title: B }]\n', /"id" must be a control id without spaces/],
    ['typo.yaml', 'prefix: ACME\ncontrol: [{ id: A, title: B }]\n', /unknown key "control" \(did you mean "controls"\?\)/],
    ['typo-item.yaml', 'prefix: ACME\ncontrols: [{ id: A, tittle: B }]\n', /controls\[0\]: unknown key "tittle" \(did you mean "title"\?\)/],
    ['broken.yaml', 'prefix: ACME\nprefix: OTHER\n', /controls catalogue controls\/broken.yaml: cannot read it/],
    ['clash.yaml', 'prefix: SOC2\ncontrols: [{ id: A, title: B }]\n', /the built-in SOC2 and controls\/clash.yaml both use the prefix "SOC2"/],
  ])('rejects a team catalogue (%s) and says what is wrong', (name, text, message) => {
    expect(problem({ catalogues: [teamFile(name, text), 'SOC2'] })).toMatch(message);
  });

  it('reads a JSON catalogue too', () => {
    const file = teamFile('acme.json', JSON.stringify({ prefix: 'JS', controls: [{ id: 'X-1', title: 'From JSON' }] }));
    expect(resolve({ catalogues: [file] }).catalogues[0]).toMatchObject({ prefix: 'JS', name: 'JS', controls: [{ id: 'X-1', title: 'From JSON', theme: 'Controls' }] });
  });
});
