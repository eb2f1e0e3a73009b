// documents + config + today → result. The one place that orders the work.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkFile, ruleContext, toDiagnostics } from './checkFile.js';
import type { VigilConfig } from './config/types.js';
import type { IsoDate } from './dates.js';
import { checkWithReadWorkers } from './readPool.js';
import { collectFiles } from './files.js';
import { loadAlertRules } from './alerts/load.js';
import { readHistory } from './history/facts.js';
import type { LinkProgress } from './links/check.js';
import { getRule, rules, ruleSeverity } from './rules/index.js';
import { markIncomplete } from './problems.js';
import { loadSchemas, schemasFolderOf } from './schemas.js';
import type { CheckedDocument, CheckResult, Diagnostic } from './types.js';

export interface CheckOptions {
  cwd: string;
  config: VigilConfig;
  today: IsoDate;
  /** Files or folders to check; default: the config's content folders. */
  paths?: string[];
  /** Skip network rules (status-page-dead). */
  offline?: boolean;
  /** Worker threads to use: a number, or 'auto' (only for large sets). Default 'auto'. */
  workers?: number | 'auto';
  onLinkProgress?: (progress: LinkProgress) => void;
  /**
   * A Git ref (the pull request's base branch, e.g. `origin/main`): changed-since-review reports
   * documents whose covered files change between its merge base and HEAD while they do not.
   * A ref this clone cannot answer for throws ChangedSinceError.
   */
  changedSince?: string;
  /**
   * Keep each document's Markdown body on `docs` (body.text), for a caller that renders it (the
   * site) and must not read the files again. Off by default: `vigil check` holds only the scan.
   */
  keepBody?: boolean;
}

export interface CheckRun extends CheckResult {
  /** Parsed documents, for the site and the other commands. */
  docs: CheckedDocument[];
  /** Pages of a preset's site that carry no Vigil field: published, not judged. */
  pages: CheckedDocument[];
  /** Inputs that do not exist. */
  missing: string[];
}

// Below this many files, a worker costs more than it saves.
const PARALLEL_THRESHOLD = 5000;
// On two logical CPUs a reading worker gains nothing (measured at 10,000 documents: the same wall
// time for 29 % more CPU): the main thread already keeps the second busy with V8's compiler and
// garbage collector. Workers start only where there are at least this many.
const PARALLEL_CPUS = 4;

export async function checkDocuments(options: CheckOptions): Promise<CheckRun> {
  const { cwd, config, today } = options;
  const inputs = options.paths && options.paths.length > 0 ? options.paths : config.content;
  const schemasFolder = schemasFolderOf(config);
  const fileSet = collectFiles(cwd, inputs, config.content, { include: config.include, exclude: config.exclude, erb: config.preset === 'tech-docs' });
  // Started first, so that they load while the main thread compiles the schemas.
  const readWorkers = startReadWorkers(options, fileSet.files.length);
  const schemas = loadSchemas(schemasFolder);
  const context = ruleContext(config, today, schemas);

  const outcomes =
    readWorkers.length > 0
      ? await checkWithReadWorkers(fileSet.files, readWorkers, context)
      : fileSet.files.map((location) => checkFile(location, context, { keepBody: options.keepBody }));
  const docs = outcomes.filter((outcome) => outcome.doc.judged).map((outcome) => outcome.doc);
  const pages = outcomes.filter((outcome) => !outcome.doc.judged).map((outcome) => outcome.doc);
  context.pages = pages;
  const diagnostics: Diagnostic[] = outcomes.flatMap((outcome) => outcome.diagnostics);
  // What Git and the alert rule files say, read once for the set rules (and the register's content dates).
  const judgeCovers = ruleSeverity(config, 'changed-since-review') !== 'off';
  context.history = readHistory(docs, { config, inputs: inputs.map((input) => path.resolve(cwd, input)), changedSince: options.changedSince, judgeCovers, realPaths: fileSet.realPaths });
  context.alerts = loadAlertRules(config, cwd);

  for (const rule of rules) {
    if (rule.scope === 'set' && rule.checkSet) diagnostics.push(...toDiagnostics(rule, rule.checkSet(docs, context), '', config));
  }
  const skippedRule = getRule('file-skipped');
  if (skippedRule) {
    for (const skipped of fileSet.skipped) {
      diagnostics.push(...toDiagnostics(skippedRule, [{ line: 1, column: 1, message: skipped.message, path: skipped.path }], skipped.path, config));
    }
  }
  const deadRule = getRule('status-page-dead');
  if (!options.offline && deadRule && ruleSeverity(config, deadRule.id) !== 'off') {
    // A hop or DNS answer that is off limits is a status-page-url finding; anything else is a dead page.
    // Loaded only when needed: an offline check never pays for the HTTP client.
    const { checkStatusPages } = await import('./links/check.js');
    const findings = await checkStatusPages(docs, config, options.onLinkProgress);
    for (const rule of [deadRule, getRule('status-page-url')]) {
      if (rule) diagnostics.push(...toDiagnostics(rule, findings.filter((finding) => finding.rule === rule.id), '', config));
    }
  }

  diagnostics.sort(compareDiagnostics);
  // Only now, with every rule's findings in, can a document's status say `incomplete`.
  markIncomplete(docs, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    now: today,
    documents: docs.map((doc) => doc.record),
    diagnostics,
    summary: { documents: docs.length, errors, warnings: diagnostics.length - errors },
    docs,
    pages,
    missing: fileSet.missing,
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Worker threads that read the files of a large set; for 'auto', two where there are four or more logical CPUs (the main thread judges and reads too). */
function startReadWorkers(options: CheckOptions, fileCount: number): Worker[] {
  // Bodies kept for the site are read on the main thread: from a worker each would be copied back.
  if (options.keepBody) return [];
  const requested = options.workers ?? 'auto';
  const cpus = availableParallelism();
  const count = requested === 'auto' ? (fileCount >= PARALLEL_THRESHOLD && cpus >= PARALLEL_CPUS ? Math.min(cpus, 3) - 1 : 0) : requested;
  // Workers need compiled JavaScript; under a TypeScript test runner the engine runs inline.
  if (count < 1 || !import.meta.url.endsWith('.js')) return [];
  const workerData = { config: options.config };
  const workers: Worker[] = [];
  try {
    while (workers.length < count) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.on('error', () => undefined); // until the pool listens: a failed start is handled there
      workers.push(worker);
    }
  } catch {
    // A config a thread cannot be given (a function in a .mjs config): the main thread reads alone.
    for (const worker of workers) void worker.terminate();
    return [];
  }
  return workers;
}
