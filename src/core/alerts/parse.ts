// Reads a Prometheus rule file: plain rule groups (`groups:`), or Kubernetes PrometheusRule
// resources (`spec.groups`), one or several YAML documents to a file. Each alert keeps the
// line and column of its name and of its `runbook_url` annotation.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Position } from '../parse/frontmatter.js';

export interface AlertRule {
  name: string;
  at: Position;
  runbookUrl: { value: string; at: Position } | null;
}

export interface AlertFile {
  alerts: AlertRule[];
  /** Problems reading the file, each where it is. */
  problems: Array<Position & { message: string }>;
}

export function parseAlertRules(text: string): AlertFile {
  const lineCounter = new LineCounter();
  const file: AlertFile = { alerts: [], problems: [] };
  const at = (node: Node | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let documents;
  try {
    // Plain data only: no custom tags, no object-building types.
    documents = parseAllDocuments(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    return { alerts: [], problems: [{ line: 1, column: 1, message: `cannot read the YAML: ${(error as Error).message}` }] };
  }
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) {
    // Tags such as !!js/function are only warnings to the yaml package; here they are errors too.
    for (const problem of [...doc.errors, ...doc.warnings]) {
      const { line, col } = lineCounter.linePos(problem.pos[0]);
      file.problems.push({ line, column: col, message: `YAML: ${problem.message.split('\n')[0]}` });
    }
    if (doc.errors.length > 0 || doc.warnings.length > 0) continue;
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue; // an empty document
    const groups = groupsOf(root);
    if (groups === undefined) {
      file.problems.push({ ...at(root), message: 'not a Prometheus rule file: expected `groups:` (rule groups) or a PrometheusRule resource (`kind: PrometheusRule` with `spec.groups`)' });
      continue;
    }
    if (groups === null) continue; // a Kubernetes resource of another kind, or a PrometheusRule with no groups
    if (!isSeq(groups)) {
      file.problems.push({ ...at(groups), message: '`groups` must be a list of rule groups' });
      continue;
    }
    for (const group of groups.items) {
      const rules = isMap(group) ? group.get('rules', true) : undefined;
      if (!isMap(group) || (rules !== undefined && !isSeq(rules))) {
        file.problems.push({ ...at(group as Node), message: 'a rule group must be a mapping with a `rules` list' });
        continue;
      }
      for (const rule of isSeq(rules) ? rules.items : []) {
        if (!isMap(rule)) continue;
        const name = rule.get('alert', true);
        if (!isScalar(name)) continue; // a recording rule
        const annotations = rule.get('annotations', true);
        const url = isMap(annotations) ? annotations.get('runbook_url', true) : undefined;
        file.alerts.push({
          name: String(name.value),
          at: at(name),
          runbookUrl: isScalar(url) && url.value !== null && String(url.value).trim() !== '' ? { value: String(url.value).trim(), at: at(url) } : null,
        });
      }
    }
  }
  return file;
}

/** The groups list of a rule file or a PrometheusRule; null for another kind of resource; undefined when neither. */
function groupsOf(root: Node): Node | null | undefined {
  if (!isMap(root)) return undefined;
  const kind = root.get('kind');
  if (typeof kind === 'string' && root.has('apiVersion')) {
    if (kind !== 'PrometheusRule') return null;
    const spec = root.get('spec', true);
    return isMap(spec) ? ((spec.get('groups', true) as Node | undefined) ?? null) : null;
  }
  const groups = root.get('groups', true) as Node | undefined;
  return groups ?? undefined;
}
