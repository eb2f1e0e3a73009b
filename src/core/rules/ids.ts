// Every rule id, in the order the docs list them. Kept apart from the rule modules so the
// config loader can check ids without loading the rules.
export const RULE_IDS = [
  'frontmatter-syntax',
  'schema',
  'review-overdue',
  'review-due-soon',
  'expired',
  'expires-soon',
  'escalation-empty',
  'status-page-dead',
  'status-page-url',
  'link-broken',
  'duplicate-id',
  'section-missing',
  'exercise-overdue',
  'file-skipped',
  'control-unknown',
  'changed-since-review',
  'alert-runbook',
  'escalation-mismatch',
];
