// The README's rules table is generated from the rules (scripts/rules-table.mjs): this fails when
// a rule's id, severity, tags or description changed and the README was not regenerated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/core/rules/index.js';
// @ts-expect-error plain JavaScript module without declarations
import { rulesSection, withRulesSection } from './rules-table.mjs';

const readmeFile = path.resolve(import.meta.dirname, '../README.md');

describe('README rules table', () => {
  it('is what scripts/rules-table.mjs generates from the rules (after changing a rule: npm run build:cli && node scripts/rules-table.mjs)', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    expect(withRulesSection(readme, rulesSection(rules))).toBe(readme);
  });

  it('lists every rule once, with its default severity and tags', () => {
    const section: string = rulesSection(rules);
    for (const rule of rules) {
      const rows = section.split('\n').filter((line) => line.startsWith(`| [\`${rule.id}\`]`));
      expect(rows, rule.id).toHaveLength(1);
      expect(rows[0]).toContain(`| ${rule.defaultSeverity} |`);
      for (const tag of rule.tags) expect(rows[0]).toContain(`\`${tag}\``);
    }
  });

  it('refuses a README without the section markers', () => {
    expect(() => withRulesSection('# Vigil\n', 'x')).toThrow(/section:rules/);
  });
});
