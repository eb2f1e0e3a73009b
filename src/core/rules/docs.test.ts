// Every rule has a docs page beside it (<id>.md), and the page cannot drift from the code: its
// title, default severity and config key match the rule module, and its Markdown examples are
// run through the engine (the incorrect one must be flagged, the correct one must not).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/load.js';
import { checkDocuments } from '../engine.js';
import { RULE_IDS } from './ids.js';
import { getRule } from './index.js';

const RULES_DIR = fileURLToPath(new URL('./', import.meta.url));
const REPO_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));
// The dates in the examples are written for this day.
const TODAY = '2026-11-26';
// Their examples are a shell listing and a YAML fragment, not documents the engine can check.
// changed-since-review needs Git history and alert-runbook needs rule files: their own tests
// build those (src/core/history/, src/core/alerts/).
const EXAMPLES_NOT_DOCUMENTS = new Set(['file-skipped', 'status-page-dead', 'changed-since-review', 'alert-runbook']);
const SECTIONS = ['What it finds', 'Why it matters', 'Incorrect', 'Correct', 'How to fix', 'Configure'];

const readPage = (id: string): string => readFileSync(path.join(RULES_DIR, `${id}.md`), 'utf8');

/** The ```markdown blocks under one `## heading` of a page. */
function markdownExamples(page: string, heading: string): string[] {
  const examples: string[] = [];
  let current: string | null = null; // heading of the section we are in
  let block: string[] | null = null; // lines of the open ```markdown block
  let inOtherFence = false;
  for (const line of page.split('\n')) {
    if (block) {
      if (line === '```') {
        examples.push(`${block.join('\n')}\n`);
        block = null;
      } else block.push(line);
    } else if (inOtherFence) {
      inOtherFence = line !== '```';
    } else if (line.startsWith('## ')) {
      current = line.slice(3);
    } else if (line.startsWith('```')) {
      if (line === '```markdown' && current === heading) block = [];
      else inOtherFence = true;
    }
  }
  return examples;
}

/** Checks the examples as files of one content folder; returns the rule ids found. */
async function rulesFlagged(examples: string[]): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-rule-docs-'));
  try {
    examples.forEach((text, index) => writeFileSync(path.join(dir, `example-${index + 1}.md`), text));
    const config = { ...defaultConfig(dir), schemas: REPO_SCHEMAS };
    const run = await checkDocuments({ cwd: dir, config, today: TODAY, paths: ['.'], offline: true, workers: 0 });
    return run.diagnostics.map((diagnostic) => diagnostic.rule);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rule docs pages', () => {
  it('exist only for known rules', () => {
    const pages = readdirSync(RULES_DIR).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
    expect(pages.filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    expect(RULE_IDS.filter((id) => !pages.includes(id))).toEqual([]);
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      it('has a title, the sections and the default severity of the rule module', () => {
        const page = readPage(id);
        expect(page.split('\n')[0]).toBe(`# ${id}`);
        const stated = /^Default severity: `(\w+)`$/m.exec(page)?.[1];
        expect(stated, 'no "Default severity: `…`" line').toBeDefined();
        expect(stated).toBe(getRule(id)?.defaultSeverity);
        for (const section of SECTIONS) expect(page, `section "## ${section}"`).toContain(`\n## ${section}\n`);
        // The config example sets this rule, at its default severity.
        expect(page).toMatch(new RegExp(`^rules:\\n(?:  .*\\n)*?  ${id}: ${stated}\\b`, 'm'));
      });

      if (EXAMPLES_NOT_DOCUMENTS.has(id)) return;
      it('flags its incorrect example and not its correct one', async () => {
        const page = readPage(id);
        const incorrect = markdownExamples(page, 'Incorrect');
        const correct = markdownExamples(page, 'Correct');
        expect(incorrect.length, 'no ```markdown example under "## Incorrect"').toBeGreaterThan(0);
        expect(correct.length, 'no ```markdown example under "## Correct"').toBeGreaterThan(0);
        expect(await rulesFlagged(incorrect)).toContain(id);
        expect(await rulesFlagged(correct)).not.toContain(id);
      });
    });
  }
});
