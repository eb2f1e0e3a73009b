// GitHub code scanning shows a SARIF upload only when every rule carries what GitHub Advanced
// Security requires. Microsoft's SARIF validator knows those requirements (`--rule-kind Gh;Sarif`):
// on Vigil's output for real findings of many rules it must report nothing, neither error nor
// warning.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config/load.js';
import { checkDocuments } from '../../core/engine.js';
import { rules } from '../../core/rules/index.js';
import type { CheckResult } from '../../core/types.js';
import { formatSarif, plainText, readDocsPage } from './sarif.js';

const require = createRequire(import.meta.url);
// The platform package's entry point is the path of the validator's executable.
const MULTITOOL: string = require('@microsoft/sarif-multitool');
const FIXTURES = fileURLToPath(new URL('../../core/rules/__fixtures__/', import.meta.url));
const REPO_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));

interface ValidatorResult {
  ruleId: string;
  level?: string;
  message: { text?: string; arguments?: string[] };
}

let dir: string;
let result: CheckResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-sarif-validate-'));
  // The rule fixtures: findings of most rules, at real lines and columns, in paths with folders.
  const config = { ...defaultConfig(FIXTURES), schemas: REPO_SCHEMAS };
  result = await checkDocuments({ cwd: FIXTURES, config, today: '2026-11-26', paths: ['.'], offline: true, workers: 0 });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `sarif-multitool validate --rule-kind Gh;Sarif` on one log; returns what it reports. */
function validate(log: string, name: string): ValidatorResult[] {
  const input = path.join(dir, `${name}.sarif`);
  const output = path.join(dir, `${name}.validation.sarif`);
  writeFileSync(input, log);
  // It exits non-zero when it finds something; what it found is in the output log either way.
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, input], { encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  if (run.status !== 0 && !existsSync(output)) throw new Error(`sarif-multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: ValidatorResult[] }> };
  return report.runs.flatMap((run) => run.results ?? []);
}

const described = (found: ValidatorResult[]): string[] =>
  found.map((item) => `${item.level ?? 'warning'} ${item.ruleId}: ${(item.message.arguments ?? []).join(' | ')}`);

describe('SARIF for GitHub code scanning', () => {
  it('the checked fixtures give findings of many rules (so the log below is not trivial)', () => {
    expect(new Set(result.diagnostics.map((diagnostic) => diagnostic.rule)).size).toBeGreaterThanOrEqual(8);
  });

  it('passes Microsoft\'s validator with GitHub\'s rules, without a docs site', () => {
    const log = formatSarif(result, { rules, version: '0.1.0', helpUri: () => undefined });
    expect(described(validate(log, 'no-site'))).toEqual([]);
  });

  it('passes it with rule help linked to a docs site', () => {
    const log = formatSarif(result, { rules, version: '0.1.0', helpUri: (id) => `https://acme.example/policies/rules/${id}/` });
    expect(described(validate(log, 'site'))).toEqual([]);
  });

  it('gives every rule a friendly name, a full description and help taken from its docs page', () => {
    const log = JSON.parse(formatSarif(result, { rules, version: '0.1.0', helpUri: () => undefined }));
    const described = log.runs[0].tool.driver.rules as Array<{ id: string; name: string; fullDescription: { text: string }; help: { text: string; markdown: string } }>;
    expect(described.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    for (const rule of rules) {
      const sarifRule = described.find((entry) => entry.id === rule.id);
      const page = readFileSync(rule.docs.file, 'utf8');
      expect(sarifRule?.name.toLowerCase(), rule.id).not.toBe(rule.id.toLowerCase());
      expect(sarifRule?.name, rule.id).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      // The help is the page itself (without its title), so it says how to fix the finding.
      expect(sarifRule?.help.markdown, rule.id).toContain('## How to fix');
      expect(page, rule.id).toContain(sarifRule?.help.markdown);
      expect(sarifRule?.help.text, rule.id).not.toContain('```');
      // The full description is the page's lead and "What it finds", longer than the one-liner.
      expect(sarifRule?.fullDescription.text.length, rule.id).toBeGreaterThan(rule.description.length);
      expect(sarifRule?.fullDescription.text, rule.id).not.toMatch(/^Default severity/m);
    }
  });
});

describe('docs page → SARIF help', () => {
  const page = '# demo\n\nDefault severity: `warn`\n\nLead line.\n\n## What it finds\n\nA `field` in [the guide](./guide.md).\n\n## Incorrect\n\n```markdown\n## not a section\n```\n\n## How to fix\n\nFix **it**.\n';

  it('takes the lead and "What it finds" as the full description, in plain text', () => {
    expect(readDocsPage(page).fullDescription).toBe('Lead line.\n\nA field in the guide (./guide.md).');
  });

  it('keeps the Markdown without the title, and a plain-text copy without code fences', () => {
    const help = readDocsPage(page);
    expect(help.markdown.startsWith('Default severity: `warn`')).toBe(true);
    expect(help.markdown).toContain('```markdown\n## not a section\n```');
    expect(help.text).toContain('not a section');
    expect(help.text).not.toContain('```');
    expect(plainText('Fix **it** with `vigil review`.')).toBe('Fix it with vigil review.');
  });
});
