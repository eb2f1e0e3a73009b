// The rule registry. Each rule lives in its own file with its docs page beside it (<id>.md);
// what can be derived from the id (docs page, friendly name) is derived here, never typed by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SeveritySetting, VigilConfig } from '../config/types.js';
import type { Rule, RuleTag } from '../types.js';
import { rule as alertRunbook } from './alert-runbook.js';
import { rule as changedSinceReview } from './changed-since-review.js';
import { rule as controlUnknown } from './control-unknown.js';
import { rule as duplicateId } from './duplicate-id.js';
import { rule as escalationEmpty } from './escalation-empty.js';
import { rule as escalationMismatch } from './escalation-mismatch.js';
import { rule as exerciseOverdue } from './exercise-overdue.js';
import { rule as expired } from './expired.js';
import { rule as expiresSoon } from './expires-soon.js';
import { rule as fileSkipped } from './file-skipped.js';
import { rule as frontmatterSyntax } from './frontmatter-syntax.js';
import { RULE_IDS } from './ids.js';
import { rule as linkBroken } from './link-broken.js';
import { rule as reviewDueSoon } from './review-due-soon.js';
import { rule as reviewOverdue } from './review-overdue.js';
import { rule as schema } from './schema.js';
import { rule as sectionMissing } from './section-missing.js';
import { rule as statusPageDead } from './status-page-dead.js';
import { rule as statusPageUrl } from './status-page-url.js';

const byId = new Map<string, Rule>(
  [
    frontmatterSyntax, schema, reviewOverdue, reviewDueSoon, expired, expiresSoon, escalationEmpty,
    statusPageDead, statusPageUrl, linkBroken, duplicateId, sectionMissing, exerciseOverdue, fileSkipped,
    controlUnknown, changedSinceReview, alertRunbook, escalationMismatch,
  ].map((rule) => [rule.id, rule]),
);

/** A rule with what the registry derives from its id. */
export interface RegisteredRule extends Rule {
  /** A friendly PascalCase name (`review-overdue` → `ReviewOverdue`), as SARIF viewers want one. */
  name: string;
  docs: RuleDocs;
}

export interface RuleDocs {
  /** Absolute path of the rule's docs page, `<id>.md` beside its module (in src/ and in dist/). */
  file: string;
  /** Where the site publishes the page, relative to the site base (`rules/<id>/`). */
  sitePath: string;
  /** The page's Markdown, read on first use. */
  readonly markdown: string;
}

function register(rule: Rule): RegisteredRule {
  const file = fileURLToPath(new URL(`./${rule.id}.md`, import.meta.url));
  let markdown: string | undefined;
  const docs: RuleDocs = {
    file,
    sitePath: ruleDocsPath(rule.id),
    get markdown() {
      markdown ??= readDocsPage(rule, file);
      return markdown;
    },
  };
  return { ...rule, name: rule.name ?? friendlyName(rule.id), docs };
}

/** All rules, in the documented order: the one list the engine, the CLI, the site, SARIF and the README read. */
export const rules: RegisteredRule[] = RULE_IDS.map((id) => {
  const rule = byId.get(id);
  if (!rule) throw new Error(`rule ${id} is listed in ids.ts but has no module`);
  return register(rule);
});
for (const id of byId.keys()) if (!RULE_IDS.includes(id)) throw new Error(`rule ${id} has a module but is not listed in ids.ts`);

const registered = new Map(rules.map((rule) => [rule.id, rule]));

export function getRule(id: string): RegisteredRule | undefined {
  return registered.get(id);
}

/** The rules that carry a tag, e.g. `date` for those that fire only because a day passed. */
export function rulesTagged(tag: RuleTag): RegisteredRule[] {
  return rules.filter((rule) => rule.tags.includes(tag));
}

/** The severity a rule has under a config: the config's `rules` entry, else the rule's default. */
export function ruleSeverity(config: VigilConfig, id: string): SeveritySetting {
  const rule = getRule(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return config.rules[id] ?? rule.defaultSeverity;
}

/** Where a rule's docs page is published on the site, relative to the site base. */
export function ruleDocsPath(id: string): string {
  return `rules/${id}/`;
}

/** The rule's page; without one (docs.test.ts fails the build for that), a page from its metadata. */
function readDocsPage(rule: Rule, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return `# ${rule.id}\n\nDefault severity: \`${rule.defaultSeverity}\`\n\n${rule.description}\n`;
  }
}

function friendlyName(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
