// A runbook that passes every offline rule, with the given status pages.
export function runbook(title: string, urls: string[]): string {
  const pages = urls.map((url, i) => `  - name: Page ${i + 1}\n    url: ${url}\n`).join('');
  return `---
title: ${title}
type: runbook
owner: Platform team
last_reviewed: 2026-11-01
review_cycle: annual
escalation:
  - role: Primary on-call
    name: Ana Lima
    contact: "+44 20 7946 0321"
status_pages:
${pages}---

# ${title}

## Summary

Text.

## Escalation

Call the primary on-call.
`;
}
