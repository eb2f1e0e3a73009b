import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ajvDraft04Module from 'ajv-draft-04';
import * as addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig, RULE_IDS } from '../../core/index.js';
import { ruleHelpLinker } from '../urls.js';
import { buildCli, repo, runVigil } from './__fixtures__/cli.js';

// ajv ships CommonJS; under NodeNext its default export arrives wrapped.
const Ajv = ajvDraft04Module.default.default;
const addFormats = addFormatsModule.default.default;

// The OASIS SARIF 2.1.0 schema (errata 01), kept in the repository so the suite runs from a clone alone.
const SCHEMA_FILE = path.join(import.meta.dirname, '__fixtures__/sarif-schema-2.1.0.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { id: string };
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

// The parts of SARIF these tests read, named as in @types/sarif (Log, Run, ReportingDescriptor,
// Result), which is not a dependency yet: once it is, `import type * as Sarif from 'sarif'`
// replaces these declarations.
declare namespace Sarif {
  type Level = 'none' | 'note' | 'warning' | 'error';
  interface ReportingDescriptor {
    id: string;
    name?: string;
    shortDescription: { text: string };
    fullDescription?: { text: string };
    help?: { text: string; markdown?: string };
    helpUri?: string;
    defaultConfiguration: { level: Level };
    properties?: { tags?: string[] };
  }
  interface PhysicalLocation {
    artifactLocation: { uri: string; uriBaseId: string };
    region: { startLine: number; startColumn: number };
  }
  interface Result {
    ruleId: string;
    ruleIndex: number;
    level: Level;
    message: { text: string };
    locations: Array<{ physicalLocation: PhysicalLocation }>;
  }
  interface Run {
    tool: { driver: { name: string; version?: string; informationUri?: string; rules: ReportingDescriptor[] } };
    results: Result[];
  }
  interface Log {
    $schema?: string;
    version: '2.1.0';
    runs: Run[];
  }
}
type SarifLog = Sarif.Log;

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
}

describe('the SARIF schema the tests validate against', () => {
  it('is the OASIS 2.1.0 schema, read from the repository', () => {
    expect(path.relative(repo, SCHEMA_FILE).startsWith('..')).toBe(false);
    expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  });
});

describe('vigil check --format sarif', () => {
  let project: string;

  beforeAll(() => {
    buildCli();
    project = mkdtempSync(path.join(os.tmpdir(), 'vigil-sarif-'));
    cpSync(path.join(import.meta.dirname, '__fixtures__/github'), project, { recursive: true });
    const db = readFileSync(path.join(project, 'content/runbooks/db.md'), 'utf8');
    writeFileSync(path.join(project, 'content/runbooks/db, eu: west.md'), db.replace('RB-DB-01', 'RB-DB-02'));
    writeFileSync(path.join(project, 'vigil.config.json'), JSON.stringify({ schemas: path.join(repo, 'schemas') }));
    writeFileSync(path.join(project, 'site.config.json'), JSON.stringify({ schemas: path.join(repo, 'schemas'), site: { url: 'https://acme.example/policies' } }));
  });

  const sarif = (args: string[] = [], env: Record<string, string> = {}) => {
    const run = runVigil(['check', '--now', '2026-11-26', '--offline', '--format', 'sarif', ...args], project, env);
    return { code: run.code, log: JSON.parse(run.stdout) as SarifLog };
  };

  it('validates against the SARIF 2.1.0 schema and exits 1 on errors', () => {
    const { code, log } = sarif();
    expect(code).toBe(1);
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    // The validator is not a rubber stamp: Vigil's own severity word is not a SARIF level.
    const broken = structuredClone(log);
    (broken.runs[0].results[0] as { level: string }).level = 'warn';
    expect(validateSarif(broken)).toBe(false);
  });

  it('describes every rule with its default level', () => {
    const { rules } = sarif().log.runs[0].tool.driver;
    expect(rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('review-overdue')?.defaultConfiguration.level).toBe('error');
    expect(byId.get('review-due-soon')?.defaultConfiguration.level).toBe('warning');
    for (const rule of rules) expect(rule.shortDescription.text.length).toBeGreaterThan(10);
    // Without site.url and outside GitHub Actions there is no absolute docs address to give.
    expect(rules.filter((rule) => rule.helpUri)).toEqual([]);
  });

  it('reports each diagnostic with rule, level, message and a relative location', () => {
    const { results, tool } = sarif().log.runs[0];
    const json = runVigil(['check', '--now', '2026-11-26', '--offline', '--format', 'json'], project);
    const diagnostics = JSON.parse(json.stdout).diagnostics as Array<{ rule: string; severity: string; path: string; line: number; column: number; message: string }>;
    expect(results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return [r.ruleId, r.level, decodeURIComponent(artifactLocation.uri), artifactLocation.uriBaseId, region.startLine, region.startColumn, r.message.text];
    })).toEqual(diagnostics.map((d) => [d.rule, d.severity === 'warn' ? 'warning' : 'error', d.path, '%SRCROOT%', d.line, d.column, d.message]));
    for (const result of results) expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    // A comma, colon and space in a file name are percent-encoded in the URI.
    expect(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('content/runbooks/db%2C%20eu%3A%20west.md');
  });

  it('links every rule to its page on the published site when site.url is set', () => {
    const { log } = sarif(['--config', 'site.config.json']);
    expectValid(log);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'review-overdue')?.helpUri).toBe('https://acme.example/policies/rules/review-overdue/');
    expect(rules.every((rule) => rule.helpUri === `https://acme.example/policies/rules/${rule.id}/`)).toBe(true);
  });
});

describe('ruleHelpLinker without site.url', () => {
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/policies', GITHUB_SHA: 'abc123' };

  function workspaceWithDocs(under: string): { workspace: string; rulesDir: string } {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'vigil-ws-'));
    const rulesDir = path.join(workspace, under);
    mkdirSync(rulesDir, { recursive: true });
    writeFileSync(path.join(rulesDir, 'review-overdue.md'), '# review-overdue\n');
    return { workspace, rulesDir };
  }

  it('links to the rule doc committed in the repository being built', () => {
    const { workspace, rulesDir } = workspaceWithDocs('src/core/rules');
    const help = ruleHelpLinker(defaultConfig(workspace), { ...env, GITHUB_WORKSPACE: workspace }, workspace, rulesDir);
    expect(help('review-overdue')).toBe('https://github.com/acme/policies/blob/abc123/src/core/rules/review-overdue.md');
    expect(help('schema')).toBeUndefined();
  });

  it('gives nothing for docs installed under node_modules, outside the workspace, or outside Actions', () => {
    const installed = workspaceWithDocs('node_modules/vigil/src/core/rules');
    expect(ruleHelpLinker(defaultConfig(installed.workspace), { ...env, GITHUB_WORKSPACE: installed.workspace }, installed.workspace, installed.rulesDir)('review-overdue')).toBeUndefined();
    const elsewhere = workspaceWithDocs('src/core/rules');
    const other = mkdtempSync(path.join(os.tmpdir(), 'vigil-other-'));
    expect(ruleHelpLinker(defaultConfig(other), { ...env, GITHUB_WORKSPACE: other }, other, elsewhere.rulesDir)('review-overdue')).toBeUndefined();
    expect(ruleHelpLinker(defaultConfig(elsewhere.workspace), {}, elsewhere.workspace, elsewhere.rulesDir)('review-overdue')).toBeUndefined();
  });

  it('prefers site.url, which the config checks is an absolute http(s) address', () => {
    const config = resolveConfig({ site: { url: 'https://acme.example/docs/' } }, '/repo', null);
    expect(ruleHelpLinker(config, env, '/repo')('expired')).toBe('https://acme.example/docs/rules/expired/');
    for (const url of ['/docs/', 'ftp://acme.example/', 'https://acme.example/?q=1', 42]) {
      expect(() => resolveConfig({ site: { url } }, '/repo', null)).toThrow(/"site.url" must be the absolute http\(s\) address/);
    }
  });
});
