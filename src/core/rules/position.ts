// Where to point a finding about a field: its key, its value, or the nearest thing that exists.
import { fieldPositions } from '../document.js';
import type { Position } from '../parse/frontmatter.js';
import type { CheckedDocument } from '../types.js';
import { unescapePointerSegment } from '../pointer.js';

const FILE_START: Position = { line: 1, column: 1 };

export function fieldPosition(doc: CheckedDocument, pointer: string, part: 'key' | 'value' = 'value'): Position {
  const positions = fieldPositions(doc);
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = positions.get(at);
    if (found) return (part === 'key' ? found.key : undefined) ?? found.value;
    if (at === '') return FILE_START;
  }
}

/** `escalation/0/contact` → `escalation[0].contact`, with the team's name for the top field. */
export function pointerLabel(pointer: string, label: (field: string) => string): string {
  const [, first = '', ...rest] = pointer.split('/').map(unescapePointerSegment);
  let text = label(first);
  for (const part of rest) text += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  return text;
}
