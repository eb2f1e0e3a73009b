// The rules' docs pages (src/core/rules/<id>.md) with each rule's metadata, read once by the
// integration so the /rules/ pages (which SARIF's helpUri points at) need not load the rules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules, ruleDocsPath, severityFor, type VigilConfig } from '../core/index.js';
import type { RuleDoc } from './state.js';

const RULES_DIR = new URL('../core/rules/', import.meta.url);

/** Every rule in the documented order, with its docs page's Markdown. */
export function loadRuleDocs(config: VigilConfig): RuleDoc[] {
  return rules.map((rule) => {
    const file = fileURLToPath(new URL(`${rule.id}.md`, RULES_DIR));
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`vigil: rule ${rule.id} has no docs page at ${file} (${(error as Error).message})`);
    }
    return {
      id: rule.id,
      defaultSeverity: rule.defaultSeverity,
      severity: severityFor(config, rule.id, rule.defaultSeverity),
      description: rule.description,
      path: ruleDocsPath(rule.id),
      markdown,
    };
  });
}
