// Wires the GitHub and SARIF formatters to what they need from the config, the environment
// and the file system (the job summary file), so the formatters themselves stay pure.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { buildDueReport, rules, type CheckResult, type VigilConfig } from '../core/index.js';
import { formatGithub, formatJobSummary } from './formatters/github.js';
import { formatSarif } from './formatters/sarif.js';
import type { CliIo } from './io.js';
import { version } from './main.js';
import { documentLinker, ruleHelpLinker } from './urls.js';

/** The text for `--format github|sarif`; with github, also appends the job summary when GITHUB_STEP_SUMMARY is set. */
export function formatForCi(format: 'github' | 'sarif', checked: CheckResult, config: VigilConfig, io: CliIo): string {
  const helpUri = ruleHelpLinker(config, io.env, io.cwd);
  const result = fromWorkspace(checked, io.env.GITHUB_WORKSPACE, io.cwd);
  if (format === 'sarif') return formatSarif(result, { rules, version: version(), helpUri });

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const due = buildDueReport(result.documents, result.now, config.warningWindowDays);
    const summary = formatJobSummary(result, due, { document: documentLinker(config, io.env, io.cwd), rule: helpUri });
    try {
      appendFileSync(summaryFile, summary);
    } catch (error) {
      io.stderr.write(`vigil: cannot write the job summary to GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    }
  }
  return formatGithub(result);
}

/**
 * Diagnostics with their paths from the repository's root when the check ran in a folder below
 * it (`working-directory: docs`): GitHub places annotations and SARIF results by the path from
 * GITHUB_WORKSPACE, so `content/db.md` must read `docs/content/db.md` there. Unchanged when the
 * check ran at the root, outside GitHub, or outside the workspace.
 */
export function fromWorkspace(result: CheckResult, workspace: string | undefined, cwd: string): CheckResult {
  if (!workspace) return result;
  const below = path.relative(path.resolve(workspace), path.resolve(cwd));
  if (below === '' || below.startsWith('..') || path.isAbsolute(below)) return result;
  const diagnostics = result.diagnostics.map((diagnostic) => ({ ...diagnostic, path: path.join(below, diagnostic.path).split(path.sep).join('/') }));
  return { ...result, diagnostics };
}
