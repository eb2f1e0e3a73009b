import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDueReport, type CheckResult, type Diagnostic, type DocumentRecord } from '../../core/index.js';
import { buildCli, repo, runVigil } from './__fixtures__/cli.js';
import { annotation, escapeData, escapeProperty, formatJobSummary } from './github.js';

// Decodes a workflow command the way the Actions runner does, written apart from the code under test.
const DECODED: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };
const unescape = (text: string) => text.replace(/%(25|0D|0A|3A|2C)/g, (code) => DECODED[code]);

interface Command {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function parseCommand(line: string): Command {
  const match = /^::(\w+) ([^:]*)::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(match[2].split(',').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), unescape(pair.slice(at + 1))];
  }));
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('workflow command escaping', () => {
  const nasty = 'Lead 50%, on: call\r\nsecond line %0A already-escaped-looking';

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('x, y: z%\n')).toBe('x%2C y%3A z%25%0A');
  });

  it('round-trips a message and a path through the runner\'s decoding', () => {
    const diagnostic: Diagnostic = { rule: 'escalation-empty', severity: 'warn', path: 'content/db, eu: west%.md', line: 3, column: 7, message: nasty };
    const line = annotation(diagnostic);
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseCommand(line)).toEqual({
      command: 'warning',
      properties: { file: diagnostic.path, line: '3', col: '7', title: 'escalation-empty' },
      message: nasty,
    });
  });
});

describe('job summary size', () => {
  it('stays well under GitHub\'s 1 MiB limit for thousands of problems and due documents', () => {
    const count = 5000;
    const documents = Array.from({ length: count }, (_, i) => ({
      path: `content/doc-${i}.md`, slug: `doc-${i}`, id: null, type: 'policy', title: `Document ${i} `.repeat(8), owner: `Team ${i % 7}`,
      status: 'overdue', last_reviewed: '2025-01-01', next_review: '2026-01-01', expires: null,
    }) as unknown as DocumentRecord);
    const diagnostics: Diagnostic[] = documents.map((doc) => ({ rule: 'review-overdue', severity: 'error', path: doc.path, line: 5, column: 16, message: 'review overdue '.repeat(10) }));
    const result: CheckResult = { now: '2026-11-26', documents, diagnostics, summary: { documents: count, errors: count, warnings: 0 } };
    const summary = formatJobSummary(result, buildDueReport(documents, '2026-11-26', 30), { document: (doc) => doc.path, rule: () => undefined });
    expect(Buffer.byteLength(summary)).toBeLessThan(512 * 1024);
    expect(summary).toContain('…and 4700 more errors;');
    expect(summary).toContain('…and 4800 more documents; run `vigil report` for the full list.');
    expect(summary.split('\n').filter((line) => line.startsWith('| [Document'))).toHaveLength(200);
  });
});

describe('vigil check in GitHub Actions', () => {
  let project: string;
  const weird = 'content/runbooks/db, eu: west.md';

  beforeAll(() => {
    buildCli();
    project = mkdtempSync(path.join(os.tmpdir(), 'vigil-github-'));
    cpSync(path.join(import.meta.dirname, '__fixtures__/github'), project, { recursive: true });
    // A file name with a comma and a colon, which end properties unless escaped.
    const db = readFileSync(path.join(project, 'content/runbooks/db.md'), 'utf8');
    writeFileSync(path.join(project, weird), db.replace('RB-DB-01', 'RB-DB-02'));
    writeFileSync(path.join(project, 'vigil.config.json'), JSON.stringify({ schemas: path.join(repo, 'schemas') }));
  });

  function checkInActions(extraEnv: Record<string, string> = {}) {
    const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-summary-')), 'step-summary.md');
    writeFileSync(summaryFile, 'Output of an earlier step\n');
    const run = runVigil(['check', '--now', '2026-11-26', '--offline'], project, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, ...extraEnv });
    return { ...run, summary: readFileSync(summaryFile, 'utf8') };
  }

  it('prints one workflow command per diagnostic, by default, with the exact location and rule', () => {
    const { code, stdout } = checkInActions();
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const commands = lines.filter((line) => line.startsWith('::'));
    expect(commands.map((line) => line.slice(0, line.indexOf('::', 2) + 2))).toEqual([
      '::warning file=content/policies/access.md,line=6,col=16,title=review-due-soon::',
      '::error file=content/runbooks/db%2C eu%3A west.md,line=6,col=16,title=review-overdue::',
      '::error file=content/runbooks/db%2C eu%3A west.md,line=10,col=11,title=escalation-empty::',
      '::error file=content/runbooks/db.md,line=6,col=16,title=review-overdue::',
      '::error file=content/runbooks/db.md,line=10,col=11,title=escalation-empty::',
    ]);
    expect(lines.at(-1)).toBe('vigil: 4 documents checked, 4 errors, 1 warning');
    // The role's %, comma, colon, CR and LF are escaped on the one line...
    expect(commands[2]).toContain('"Lead 50%25, on: call%0D%0Asecond line"');
  });

  it('gives messages that decode to exactly what --format json reports', () => {
    const { stdout } = checkInActions();
    const json = runVigil(['check', '--now', '2026-11-26', '--offline', '--format', 'json'], project);
    const expected = (JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    const decoded = stdout.split('\n').filter((line) => line.startsWith('::')).map(parseCommand);
    expect(decoded.map((c) => [c.properties.file, Number(c.properties.line), Number(c.properties.col), c.properties.title, c.message]))
      .toEqual(expected.map((d) => [d.path, d.line, d.column, d.rule, d.message]));
    expect(decoded.find((c) => c.properties.title === 'escalation-empty')?.message).toContain('"Lead 50%, on: call\r\nsecond line"');
  });

  it('appends a job summary with counts, errors by file and documents falling due', () => {
    const { summary } = checkInActions();
    expect(summary.startsWith('Output of an earlier step\n## Vigil check: ❌ 4 errors\n')).toBe(true);
    expect(summary).toContain('| Documents | Errors | Warnings | Falling due |\n| ---: | ---: | ---: | ---: |\n| 4 | 4 | 1 | 3 |');
    expect(summary).toContain('### Errors by file (4 errors in 2 files)');
    const errorRows = summary.split('\n').filter((line) => /^\| <code>content\/runbooks\//.test(line));
    expect(errorRows.map((row) => row.split(' | ').slice(0, 3))).toEqual([
      ['| <code>content/runbooks/db, eu: west.md</code>', '6:16', '<code>review-overdue</code>'],
      ['| <code>content/runbooks/db, eu: west.md</code>', '10:11', '<code>escalation-empty</code>'],
      ['| <code>content/runbooks/db.md</code>', '6:16', '<code>review-overdue</code>'],
      ['| <code>content/runbooks/db.md</code>', '10:11', '<code>escalation-empty</code>'],
    ]);
    // A line break inside a message must not break the table row.
    expect(errorRows[1]).toContain('Lead 50%, on: call second line');
    const due = summary.slice(summary.indexOf('### Documents falling due'));
    expect(due).toContain('3 documents need attention as of 2026-11-26');
    expect(due).toMatch(/#### Platform team\n\n\| Document \| What is due \| Next review \| Expires \|\n\| --- \| --- \| --- \| --- \|\n\| \[Database failover\]\(content\/runbooks\/db%2C%20eu%3A%20west\.md\) <code>RB-DB-02<\/code> \| review overdue by 12 days; incomplete: No name for lead 50%, on: call second line \| 2026-11-14 \| — \|/);
    expect(due).toContain('#### Security');
    expect(due).toContain('| [Access control](content/policies/access.md) <code>POL-AC-01</code> | review due in 14 days | 2026-12-10 | — |');
  });

  it('gives paths from the repository root when the check runs in a folder below it (working-directory)', () => {
    // The project sits in a folder of the workspace, as `working-directory: docs` runs it.
    const workspace = path.dirname(project);
    const below = path.basename(project);
    const { stdout, summary } = checkInActions({ GITHUB_WORKSPACE: workspace });
    const files = stdout.split('\n').filter((line) => line.startsWith('::')).map((line) => parseCommand(line).properties.file);
    expect(files).toEqual([
      `${below}/content/policies/access.md`,
      `${below}/content/runbooks/db, eu: west.md`,
      `${below}/content/runbooks/db, eu: west.md`,
      `${below}/content/runbooks/db.md`,
      `${below}/content/runbooks/db.md`,
    ]);
    expect(summary).toContain(`| <code>${below}/content/runbooks/db.md</code> | 6:16 |`);
    const sarif = JSON.parse(runVigil(['check', '--now', '2026-11-26', '--offline', '--format', 'sarif'], project, { GITHUB_WORKSPACE: workspace }).stdout) as {
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toContain(`${below}/content/runbooks/db.md`);
    // At the root itself, or outside the workspace, paths stay as they are.
    const atRoot = checkInActions({ GITHUB_WORKSPACE: project }).stdout;
    expect(atRoot).toContain('::error file=content/runbooks/db.md,');
    const outside = checkInActions({ GITHUB_WORKSPACE: path.join(project, 'content') }).stdout;
    expect(outside).toContain('::error file=content/runbooks/db.md,');
  });

  it('links documents to the published site when site.url is set', () => {
    const config = path.join(project, 'site.config.json');
    writeFileSync(config, JSON.stringify({ schemas: path.join(repo, 'schemas'), site: { url: 'https://acme.example/policies/' } }));
    const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-summary-')), 'summary.md');
    runVigil(['check', '--now', '2026-11-26', '--offline', '--config', config], project, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile });
    expect(readFileSync(summaryFile, 'utf8')).toContain('[Access control](https://acme.example/policies/policies/access/)');
  });

  it('writes no summary without GITHUB_STEP_SUMMARY or outside the github format', () => {
    const run = runVigil(['check', '--now', '2026-11-26', '--offline'], project, { GITHUB_ACTIONS: 'true' });
    expect(run.stdout.split('\n')[0]).toMatch(/^::warning file=/);
    const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'vigil-summary-')), 'summary.md');
    writeFileSync(summaryFile, '');
    const json = runVigil(['check', '--now', '2026-11-26', '--offline', '--format', 'json'], project, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile });
    expect(JSON.parse(json.stdout).summary.errors).toBe(4);
    expect(readFileSync(summaryFile, 'utf8')).toBe('');
  });

  it('still annotates and exits 1 when the summary file cannot be written', () => {
    const run = runVigil(['check', '--now', '2026-11-26', '--offline'], project, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(project, 'no/such/dir/summary.md') });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(4);
    expect(run.stderr).toMatch(/cannot write the job summary to GITHUB_STEP_SUMMARY \(ENOENT\)/);
  });

  it('keeps the pretty format outside GitHub Actions', () => {
    const run = runVigil(['check', '--now', '2026-11-26', '--offline'], project);
    expect(run.stdout).not.toContain('::error');
    expect(run.stdout).toContain('content/runbooks/db.md:10:11');
  });
});
