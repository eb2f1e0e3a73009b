// Wires the GitHub and SARIF formatters to what they need from the config, the environment
// and the file system (the job summary file), so the formatters themselves stay pure.
import { appendFileSync } from 'node:fs';
import { buildDueReport, rules, type CheckResult, type VigilConfig } from '../core/index.js';
import { formatGithub, formatJobSummary } from './formatters/github.js';
import { formatSarif } from './formatters/sarif.js';
import type { CliIo } from './io.js';
import { version } from './main.js';
import { documentLinker, ruleHelpLinker } from './urls.js';

/** The text for `--format github|sarif`; with github, also appends the job summary when GITHUB_STEP_SUMMARY is set. */
export function formatForCi(format: 'github' | 'sarif', result: CheckResult, config: VigilConfig, io: CliIo): string {
  const helpUri = ruleHelpLinker(config, io.env, io.cwd);
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
