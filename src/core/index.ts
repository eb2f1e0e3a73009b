// Vigil's core: reading and judging documents. Imports nothing from the CLI, Astro or `process`.
export { checkDocuments, compareDiagnostics, type CheckOptions, type CheckRun } from './engine.js';
export { loadConfig, resolveConfig, defaultConfig, severityFor, CONFIG_FILE_NAMES, DEFAULT_SECTIONS } from './config/load.js';
export { ConfigError, DOCUMENT_TYPES, FIELD_NAMES, type VigilConfig, type Severity, type SeveritySetting, type FieldName } from './config/types.js';
export { parseDocument, fieldLabel, type DocumentLocation } from './document.js';
export { rules, getRule, ruleDocsPath, ruleSeverity, rulesTagged, type RegisteredRule, type RuleDocs } from './rules/index.js';
export { RULE_IDS } from './rules/ids.js';
export { isPlaceholder } from './placeholders.js';
export { loadSchemas, type SchemaSet } from './schemas.js';
export { collectFiles } from './files.js';
export * from './dates.js';
export type * from './types.js';
export { checkLinks, checkStatusPageLinks, linkFindings, linkOptions, type LinkProgress, type LinkCheckOptions, type LinkReport, type LinkFinding } from './links/check.js';
export { extractStatusPages, type LinkTarget, type LinkOccurrence } from './links/extract.js';
export { describeOutcome, ruleForOutcome, statusLine, formatDuration, type LinkResult, type LinkOutcome, type LinkRequest } from './links/status.js';
export { checkUrlSyntax, classifyAddress } from './links/address.js';
export { buildDueReport, type DueReport, type DueDocument, type DueReason, type OwnerGroup } from './report.js';
