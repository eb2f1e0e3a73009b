// The rule registry. Each rule lives in its own file with its docs page beside it (<id>.md).
import type { Rule } from '../types.js';
import { rule as duplicateId } from './duplicate-id.js';
import { rule as escalationEmpty } from './escalation-empty.js';
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
  ].map((rule) => [rule.id, rule]),
);

/** All rules, in the documented order. */
export const rules: Rule[] = RULE_IDS.map((id) => {
  const rule = byId.get(id);
  if (!rule) throw new Error(`rule ${id} is listed in ids.ts but has no module`);
  return rule;
});

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Where a rule's docs page is published on the site, relative to the site base. */
export function ruleDocsPath(id: string): string {
  return `rules/${id}/`;
}
