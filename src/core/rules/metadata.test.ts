// The rules' metadata says what they do, and the code that reads it (whatever picks rules by tag,
// SARIF, the README table) relies on it: a rule tagged `date` must fire only because a day
// passed, and every other rule must not care what day it is.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import { RULE_IDS } from './ids.js';
import { getRule, rules, rulesTagged } from './index.js';

const REPO_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));
// The docs examples are written for this day; the other is long before any date in them.
const EXAMPLES_DAY = '2026-11-26';
const LONG_BEFORE = '2000-01-01';

/** The ```markdown blocks under "## Incorrect" of a rule's docs page. */
function incorrectExamples(page: string): string[] {
  const section = page.split(/^## /m).find((part) => part.startsWith('Incorrect\n')) ?? '';
  return [...section.matchAll(/^```markdown\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

async function rulesFlagged(examples: string[], today: string): Promise<Set<string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-rule-metadata-'));
  try {
    examples.forEach((text, index) => writeFileSync(path.join(dir, `example-${index + 1}.md`), text));
    const config = { ...defaultConfig(dir), schemas: REPO_SCHEMAS };
    const run = await checkDocuments({ cwd: dir, config, today, paths: ['.'], offline: true, workers: 0 });
    return new Set(run.diagnostics.map((diagnostic) => diagnostic.rule));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rule metadata', () => {
  it('one list: every id in ids.ts is a registered rule, once, in that order', () => {
    expect(rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    for (const id of RULE_IDS) expect(getRule(id)?.id).toBe(id);
  });

  it('every rule has tags, a friendly name and its docs page beside it', () => {
    for (const rule of rules) {
      expect(rule.tags.length, rule.id).toBeGreaterThan(0);
      expect(new Set(rule.tags).size, `${rule.id}: a tag twice`).toBe(rule.tags.length);
      expect(rule.name, rule.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.name.toLowerCase(), rule.id).not.toBe(rule.id.toLowerCase());
      expect(path.basename(rule.docs.file)).toBe(`${rule.id}.md`);
      expect(rule.docs.markdown).toBe(readFileSync(rule.docs.file, 'utf8'));
      expect(rule.docs.sitePath).toBe(`rules/${rule.id}/`);
    }
  });

  it('some rules are tagged date, and those are the ones rulesTagged gives', () => {
    const dated = rulesTagged('date');
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.map((rule) => rule.id)).toEqual(rules.filter((rule) => rule.tags.includes('date')).map((rule) => rule.id));
  });

  // What "date" means, checked on each rule's own incorrect examples: judged long before the
  // dates in them, a date rule has nothing to say, and any other rule says the same as on the day.
  for (const rule of rules) {
    const examples = incorrectExamples(readFileSync(rule.docs.file, 'utf8'));
    if (examples.length === 0) continue;
    it(`${rule.id}: ${rule.tags.includes('date') ? 'fires only because a day passed' : 'does not depend on the day'}`, async () => {
      const onTheDay = await rulesFlagged(examples, EXAMPLES_DAY);
      const longBefore = await rulesFlagged(examples, LONG_BEFORE);
      expect(onTheDay.has(rule.id), 'its incorrect example is flagged on the day it was written for').toBe(true);
      expect(longBefore.has(rule.id)).toBe(!rule.tags.includes('date'));
    });
  }
});
