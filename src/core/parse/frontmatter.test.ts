// Positions are the point of this reader: every key and value at its 1-based line and column in
// the file, the same for LF, CRLF and a byte order mark.
import { describe, expect, it } from 'vitest';
import { MAX_FRONTMATTER_CHARS, readFrontmatter, yamlPositions } from './frontmatter.js';
import { decodeSource } from './source.js';

const DOC = [
  '---', // 1
  'title: Database failover', // 2
  'last_reviewed: 2026-03-07', // 3
  'expires: "2027-03-07"', // 4
  'escalation:', // 5
  '  - role: Primary', // 6
  '    contact: "+44 20 7946 0321"', // 7
  '  - role: Secondary', // 8
  '    contact: ops@example.com', // 9
  'controls: [ISO27001:A.5.24, "SOC2:CC7.3"]', // 10
  '---', // 11
  '', // 12
  '# Body', // 13
  '',
].join('\n');

const EXPECTED_POSITIONS: Array<[string, { key?: { line: number; column: number }; value: { line: number; column: number } }]> = [
  ['/title', { key: { line: 2, column: 1 }, value: { line: 2, column: 8 } }],
  ['/last_reviewed', { key: { line: 3, column: 1 }, value: { line: 3, column: 16 } }],
  ['/expires', { key: { line: 4, column: 1 }, value: { line: 4, column: 10 } }],
  ['/escalation', { key: { line: 5, column: 1 }, value: { line: 6, column: 3 } }],
  ['/escalation/0', { value: { line: 6, column: 5 } }],
  ['/escalation/0/role', { key: { line: 6, column: 5 }, value: { line: 6, column: 11 } }],
  ['/escalation/0/contact', { key: { line: 7, column: 5 }, value: { line: 7, column: 14 } }],
  ['/escalation/1/role', { key: { line: 8, column: 5 }, value: { line: 8, column: 11 } }],
  ['/escalation/1/contact', { key: { line: 9, column: 5 }, value: { line: 9, column: 14 } }],
  ['/controls', { key: { line: 10, column: 1 }, value: { line: 10, column: 11 } }],
  ['/controls/0', { value: { line: 10, column: 12 } }],
  ['/controls/1', { value: { line: 10, column: 29 } }],
];

function read(text: string) {
  const decoded = decodeSource(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return readFrontmatter(decoded.text);
}

describe('readFrontmatter positions', () => {
  it.each([
    ['LF', DOC],
    ['CRLF', DOC.replace(/\n/g, '\r\n')],
    ['a byte order mark', `\uFEFF${DOC}`],
    ['CRLF and a byte order mark', `\uFEFF${DOC.replace(/\n/g, '\r\n')}`],
  ])('places every key and value with %s', (_name, text) => {
    const frontmatter = read(text);
    expect(frontmatter.problems).toEqual([]);
    for (const [pointer, position] of EXPECTED_POSITIONS) expect(frontmatter.positions.get(pointer), pointer).toEqual(position);
    expect(frontmatter.bodyStartLine).toBe(12);
    expect(frontmatter.body.replace(/\r/g, '')).toBe('\n# Body\n');
  });

  it('reads quoted and unquoted dates as the same string, never a Date', () => {
    const { data } = read(DOC.replace(/\n/g, '\r\n'));
    expect(data).toMatchObject({ last_reviewed: '2026-03-07', expires: '2027-03-07' });
    expect(data?.escalation).toEqual([
      { role: 'Primary', contact: '+44 20 7946 0321' },
      { role: 'Secondary', contact: 'ops@example.com' },
    ]);
    expect(data?.controls).toEqual(['ISO27001:A.5.24', 'SOC2:CC7.3']);
  });

  it('gives the fast reader the same data, and the same positions later', () => {
    const full = readFrontmatter(DOC);
    const fast = readFrontmatter(DOC, { positions: false });
    expect(fast.data).toEqual(full.data);
    expect(yamlPositions(fast.yamlText ?? '')).toEqual(full.positions);
  });

  it('points a problem after CRLF lines at the same place as after LF lines', () => {
    const text = '---\ntitle: A\nescalation:\n  - role: IC\n  - role: IC\n    role: again\n---\n';
    const lf = read(text).problems;
    expect(lf).toEqual([{ line: 6, column: 5, message: 'duplicate key "role": each key may appear only once' }]);
    expect(read(text.replace(/\n/g, '\r\n')).problems).toEqual(lf);
  });
});

describe('readFrontmatter block edges', () => {
  it('closes a block with "..." as YAML allows', () => {
    const frontmatter = read('---\ntitle: A\n...\nbody\n');
    expect(frontmatter.data).toEqual({ title: 'A' });
    expect(frontmatter.bodyStartLine).toBe(4);
    expect(frontmatter.body).toBe('body\n');
  });

  it('reads an empty block as no fields, not an error', () => {
    const frontmatter = read('---\n---\n\n# Title\n');
    expect(frontmatter).toMatchObject({ data: {}, problems: [], bodyStartLine: 3 });
  });

  it('reports an unclosed block and a missing one at line 1', () => {
    expect(read('---\ntitle: A\n').problems).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining('not closed') })]);
    expect(read('---').problems[0].message).toContain('not closed');
    expect(read('# Title\n').problems[0]).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('no frontmatter') });
  });

  it('refuses frontmatter over the size limit without parsing it', () => {
    const text = `---\ntitle: ${'x'.repeat(MAX_FRONTMATTER_CHARS)}\n---\nbody\n`;
    const frontmatter = read(text);
    expect(frontmatter.data).toBeNull();
    expect(frontmatter.problems).toEqual([expect.objectContaining({ line: 2, column: 1, message: expect.stringContaining('limit') })]);
    expect(frontmatter.bodyStartLine).toBe(4);
  });

  it('refuses every tag that would build an object, and names it', () => {
    const text = '---\na: !!js/function "f"\nb: !!set {x}\nc: !!binary aGk=\nd: !foo y\ne: !!str kept\n---\n';
    const frontmatter = read(text);
    expect(frontmatter.data).toBeNull();
    expect(frontmatter.problems.map((p) => [p.line, p.column, /tag (\S+)/.exec(p.message)?.[1]])).toEqual([
      [2, 4, '!!js/function'],
      [3, 4, '!!set'],
      [4, 4, '!!binary'],
      [5, 4, '!foo'],
    ]);
  });

  it('finds duplicate keys at any depth in one pass, and 20,000 distinct keys are not duplicates', () => {
    let many = '---\n';
    for (let i = 0; i < 20_000; i++) many += `key_${i}: ${i}\n`;
    const frontmatter = read(`${many}key_19999: again\n---\n`);
    expect(frontmatter.problems).toEqual([{ line: 20_002, column: 1, message: 'duplicate key "key_19999": each key may appear only once' }]);
  });

  it('keeps __proto__ as an own key without touching any prototype', () => {
    const { data } = read('---\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data ?? {})).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops an alias bomb with a diagnostic at the first alias', () => {
    const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const frontmatter = read(`${lines.join('\n')}\n---\n`);
    expect(frontmatter.data).toBeNull();
    expect(frontmatter.problems).toEqual([expect.objectContaining({ line: 3, column: 8, message: expect.stringContaining('aliases expand too far') })]);
  });
});
