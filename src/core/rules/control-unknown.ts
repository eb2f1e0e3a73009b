import { BUILT_IN_CATALOGUES, controlIndex, controlRef, nearestRef, splitRef, type ControlIndex } from '../controls/catalogues.js';
import { ISO27001_2013_TO_2022 } from '../controls/iso27001-2013-to-2022.js';
import type { Finding, Rule } from '../types.js';
import { fieldPosition } from './position.js';

export const rule: Rule = {
  id: 'control-unknown',
  defaultSeverity: 'error',
  description: 'A controls entry names a control that is not in the catalogues in use (ISO/IEC 27001:2022 Annex A and SOC 2 by default).',
  tags: ['frontmatter'],
  scope: 'document',
  checkDocument(doc, { config, label }) {
    const entries = doc.fields?.controls;
    // Not a list, or an entry that is not text: the schema rule says so.
    if (!Array.isArray(entries)) return [];
    const index = controlIndex(config.controls);
    const findings: Finding[] = [];
    entries.forEach((entry, position) => {
      if (typeof entry !== 'string' || index.byRef.has(entry.trim())) return;
      findings.push({ ...fieldPosition(doc, `/controls/${position}`), message: `${label('controls')}: ${explainUnknown(entry.trim(), index)}` });
    });
    return findings;
  },
};

// Annex A of 2013 had clauses A.5 to A.18 and three-level ids (A.16.1.5); 2022 has A.5 to A.8, two levels.
const ISO_2013_ID = /^A\.(?:\d+\.\d+\.\d+|(?:9|1[0-8])\.\d+)$/;

/** Why a reference is unknown, and the nearest one that is known. */
export function explainUnknown(ref: string, index: ControlIndex): string {
  const [prefix, id] = splitRef(ref);
  const inUse = [...index.byPrefix.keys()];
  const nearest = (candidates: readonly string[]): string => {
    const match = nearestRef(ref, candidates);
    return match ? ` (did you mean "${match}"?)` : '';
  };
  if (prefix === null) {
    // `A.5.24` without its catalogue: the same id under a prefix in use is the likely meaning.
    const sameId = [...index.byRef.values()].find(({ control }) => control.id === ref);
    const hint = sameId ? ` (did you mean "${controlRef(sameId.catalogue, sameId.control)}"?)` : '';
    return `"${ref}" names no catalogue: write it as PREFIX:ID with one of ${inUse.join(', ')}${hint}`;
  }
  const catalogue = index.byPrefix.get(prefix);
  if (!catalogue && Object.hasOwn(BUILT_IN_CATALOGUES, prefix)) {
    return `"${ref}": the built-in ${prefix} catalogue is not in use (the config's controls.catalogues lists ${inUse.join(', ')})`;
  }
  if (!catalogue) {
    const known = [...index.byRef.keys()];
    const samePrefix = inUse.find((name) => name.toLowerCase() === prefix.toLowerCase());
    if (samePrefix) return `"${ref}": prefixes are written exactly, case included${nearest(known.filter((k) => k.startsWith(`${samePrefix}:`)))}`;
    return `"${ref}": no catalogue in use has the prefix "${prefix}" (in use: ${inUse.join(', ')}; add a catalogue in the config's controls.catalogues)${nearest(known)}`;
  }
  if (catalogue.prefix === 'ISO27001' && catalogue.source === 'built-in' && ISO_2013_ID.test(id)) {
    const successor = Object.hasOwn(ISO27001_2013_TO_2022, id) ? catalogue.controls.find((control) => control.id === ISO27001_2013_TO_2022[id]) : undefined;
    return successor
      ? `"${ref}" uses the ISO/IEC 27001:2013 numbering; in the 2022 Annex A it became "${controlRef(catalogue, successor)}" (${successor.title})`
      : `"${ref}" uses the ISO/IEC 27001:2013 numbering; the 2022 Annex A (A.5.1 to A.8.34) is expected: ISO/IEC 27002:2022 Annex B maps the two`;
  }
  const ids = catalogue.controls.map((control) => controlRef(catalogue, control));
  return `"${ref}" is not a control of ${catalogue.name}${nearest(ids)}`;
}

