import type { Finding, Rule, CheckedDocument } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two documents share the same id.',
  tags: ['ids'],
  scope: 'set',
  checkSet(docs, { label }) {
    const byId = new Map<string, CheckedDocument[]>();
    for (const doc of docs) {
      const id = doc.record.id;
      if (id) byId.set(id, [...(byId.get(id) ?? []), doc]);
    }
    const findings: Finding[] = [];
    for (const [id, holders] of byId) {
      if (holders.length < 2) continue;
      for (const doc of holders) {
        const others = holders.filter((other) => other !== doc).map((other) => other.path);
        findings.push({ path: doc.path, ...fieldPosition(doc, '/id'), message: `${label('id')} "${id}" is also used by ${others.join(', ')}: ids must be unique` });
      }
    }
    return findings;
  },
};
