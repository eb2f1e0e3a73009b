// The js-yaml fast path must read every document exactly as the full reader does, or step aside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, yamlPositions } from './frontmatter.js';

const repo = path.resolve(import.meta.dirname, '../../..');

function markdownFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    const stats = statSync(full, { throwIfNoEntry: false });
    if (stats?.isDirectory()) markdownFiles(full, found);
    else if (stats?.isFile() && name.endsWith('.md') && stats.size < 1_000_000) found.push(full);
  }
  return found;
}

const samples: Array<[string, string]> = [
  ['plain', '---\ntitle: A\nowner: B\nlast_reviewed: 2026-03-07\nversion: 1.0\ncontrols: [ISO27001:A.5.24, "SOC2:CC7.3"]\n---\nbody\n'],
  ['nested', '---\nescalation:\n  - role: IC\n    contact: "+44 20 7946 0321"\n    after: 15m\nstatus_pages:\n  - {name: AWS, url: "https://status.aws.amazon.com/"}\n---\n'],
  ['scalars', "---\na: yes\nb: ~\nc: 0x1F\nd: 0o17\ne: .inf\nf: 'single'\ng: |\n  block\n  text\nh: >\n  folded\n---\n"],
  ['duplicate', '---\ntitle: A\ntitle: B\n---\n'],
  ['tab', '---\nescalation:\n\t- role: IC\n---\n'],
  ['list', '---\n- a\n- b\n---\n'],
  ['proto', '---\n__proto__: {polluted: 1}\nconstructor: x\n---\n'],
  ['crlf', '---\r\ntitle: A\r\nowner: B\r\n---\r\nbody\r\n'],
];

describe('fast frontmatter path', () => {
  const files = [...samples, ...markdownFiles(path.join(repo, 'content')).map((file) => [path.relative(repo, file), readFileSync(file, 'utf8')] as [string, string])];

  it.each(files)('reads %s the same way as the full reader', (_name, text) => {
    const full = readFrontmatter(text);
    const fast = readFrontmatter(text, { positions: false });
    expect(fast.data).toEqual(full.data);
    expect(fast.problems).toEqual(full.problems);
    expect(fast.bodyStartLine).toBe(full.bodyStartLine);
    if (fast.yamlText !== undefined) expect(yamlPositions(fast.yamlText)).toEqual(full.positions);
  });

  it('never pollutes Object.prototype', () => {
    readFrontmatter('---\n__proto__: {polluted: 1}\n---\n', { positions: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
