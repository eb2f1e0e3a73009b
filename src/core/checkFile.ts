// Judges one file: reads it (readFile.ts, here or in a worker thread) and runs every per-document rule on it, on the main thread.
import { existsSync } from 'node:fs';
import { severityFor } from './config/load.js';
import type { VigilConfig } from './config/types.js';
import type { IsoDate } from './dates.js';
import { completeDocument, fieldLabel, parseDocument, type DocumentDraft, type DocumentLocation } from './document.js';
import type { BodyScan } from './parse/body.js';
import { readFile, type ReadFile } from './readFile.js';
import { rule as fileSkipped } from './rules/file-skipped.js';
import { rule as frontmatterSyntax } from './rules/frontmatter-syntax.js';
import { rules } from './rules/index.js';
import type { SchemaSet } from './schemas.js';
import type { CheckedDocument, Diagnostic, Finding, Rule, RuleContext, VigilDocument } from './types.js';

export interface FileOutcome {
  doc: CheckedDocument;
  diagnostics: Diagnostic[];
}

export function ruleContext(config: VigilConfig, today: IsoDate, schemas: SchemaSet): RuleContext {
  return {
    config,
    today,
    schemas,
    label: (field) => fieldLabel(config, field),
    fileExists: (file) => existsSync(file),
  };
}

const documentRulesByConfig = new WeakMap<VigilConfig, Rule[]>();

/** The per-document rules the config leaves on, in order: worked out once per config, not per document. */
function documentRules(config: VigilConfig): Rule[] {
  let on = documentRulesByConfig.get(config);
  if (!on) {
    on = rules.filter((rule) => rule.scope === 'document' && rule.checkDocument && severityFor(config, rule.id, rule.defaultSeverity) !== 'off');
    documentRulesByConfig.set(config, on);
  }
  return on;
}

/** Turns a rule's findings into diagnostics at the configured severity (none when the rule is off). */
export function toDiagnostics(rule: Rule, findings: Finding[], defaultPath: string, config: VigilConfig): Diagnostic[] {
  const severity = severityFor(config, rule.id, rule.defaultSeverity);
  if (severity === 'off') return [];
  return findings.map((finding) => ({
    rule: rule.id,
    severity,
    path: finding.path ?? defaultPath,
    line: finding.line,
    column: finding.column,
    message: finding.message,
  }));
}

/** A file that could not be read still gets a record, with the reason at line 1. */
function unreadable(location: DocumentLocation, context: RuleContext, message: string): FileOutcome {
  const doc = parseDocument(location, new Uint8Array(0), context.config, context.today);
  doc.syntaxProblems = [{ line: 1, column: 1, message }];
  return { doc, diagnostics: toDiagnostics(frontmatterSyntax, doc.syntaxProblems, location.path, context.config) };
}

export interface CheckFileOptions {
  /** Keep the body's Markdown on the checked document (the site renders it); off for `vigil check`. */
  keepBody?: boolean;
}

export function checkFile(location: DocumentLocation, context: RuleContext, options: CheckFileOptions = {}): FileOutcome {
  let read: ReadFile;
  try {
    read = readFile(location, context.config);
  } catch (error) {
    return crashed(location, context, error);
  }
  return judgeRead(location, read, context, options);
}

/** The outcome of a file read here or in a worker thread: its document and every per-document rule's findings. */
export function judgeRead(location: DocumentLocation, read: ReadFile, context: RuleContext, options: CheckFileOptions = {}): FileOutcome {
  if ('unreadable' in read) return unreadable(location, context, read.unreadable);
  return judgeFile(read.draft, read.scan, context, options);
}

/** Completes a drafted document with its body scan and runs every per-document rule on it. */
function judgeFile(draft: DocumentDraft, body: BodyScan, context: RuleContext, options: CheckFileOptions = {}): FileOutcome {
  try {
    const doc = completeDocument(draft, body, context.config, context.today);
    const diagnostics: Diagnostic[] = [];
    if (doc.judged) {
      for (const rule of documentRules(context.config)) {
        const findings = (rule.checkDocument as NonNullable<Rule['checkDocument']>)(doc, context);
        if (findings.length > 0) diagnostics.push(...toDiagnostics(rule, findings, doc.path, context.config));
      }
    }
    return { doc: letGo(doc, options.keepBody === true), diagnostics };
  } catch (error) {
    return crashed(draft.location, context, error);
  }
}

/** A bug in Vigil must not cost the other files their results, nor pass this one silently. */
function crashed(location: DocumentLocation, context: RuleContext, error: unknown): FileOutcome {
  const doc = parseDocument(location, new Uint8Array(0), context.config, context.today);
  const message = `Vigil could not check this file (${(error as Error).message}); please report this`;
  // At file-skipped's severity, as the config sets it, like any other finding.
  return { doc, diagnostics: toDiagnostics(fileSkipped, [{ line: 1, column: 1, message }], location.path, context.config) };
}

/** Drops what only the per-document rules read (see CheckedDocument), and the body's text unless asked. */
function letGo(doc: VigilDocument, keepBody: boolean): CheckedDocument {
  const { body } = doc;
  // Every kept property by name (a rest-and-spread copy costs several times as much for 10,000 documents).
  const checked: CheckedDocument = {
    file: doc.file,
    path: doc.path,
    relPath: doc.relPath,
    judged: doc.judged,
    yamlText: doc.yamlText,
    renamedFields: doc.renamedFields,
    syntaxProblems: doc.syntaxProblems,
    type: doc.type,
    bodyStartLine: doc.bodyStartLine,
    body: keepBody && body.text !== undefined ? { headings: body.headings, links: body.links, text: body.text } : { headings: body.headings, links: body.links },
    lifecycle: doc.lifecycle,
    lastReviewed: doc.lastReviewed,
    reviewCycle: doc.reviewCycle,
    expires: doc.expires,
    lastExercised: doc.lastExercised,
    exerciseCycle: doc.exerciseCycle,
    record: doc.record,
  };
  if (doc.positions) checked.positions = doc.positions;
  if (doc.shadowedFields) checked.shadowedFields = doc.shadowedFields;
  return checked;
}
