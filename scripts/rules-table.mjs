// Writes the README's rules table (between `<!-- section:rules -->` and `<!-- /section:rules -->`)
// from the rules' own metadata, so the table cannot drift from the code: scripts/rules-table.test.ts
// fails when the README differs from what this prints.
//
//   node scripts/rules-table.mjs          rewrite the section in README.md (needs a built dist/)
//   node scripts/rules-table.mjs --check  exit 1 when README.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OPEN = '<!-- section:rules -->';
const CLOSE = '<!-- /section:rules -->';

/** Table cells hold one line; a `|` would end the cell and a `<name>` would be read as HTML. */
const cell = (text) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').trim();

/**
 * The section's Markdown (without the markers) for rules in the registry's order.
 * @param {ReadonlyArray<{ id: string; defaultSeverity: string; description: string; tags: readonly string[]; scope: string }>} rules
 */
export function rulesSection(rules) {
  const rows = rules.map((rule) => {
    const tags = rule.tags.map((tag) => `\`${tag}\``).join(' ');
    return `| [\`${rule.id}\`](src/core/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${tags} | ${cell(rule.description)} |`;
  });
  return [
    '## Rules',
    '',
    'Each rule has a page beside its code (`src/core/rules/<id>.md`) with what it finds, why it',
    'matters, examples and how to fix it. Set any rule to `off`, `warn` or `error` under `rules:` in',
    'the config. Rules tagged `date` fire only because a day passed (`VIGIL_SITE_GATE=content`',
    'publishes through them); `network` rules are skipped with `--offline`.',
    '',
    '| rule | default | tags | finds |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with its rules section replaced; throws when the markers are missing. */
export function withRulesSection(readme, section) {
  const start = readme.indexOf(OPEN);
  const end = readme.indexOf(CLOSE);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md has no ${OPEN} … ${CLOSE} section`);
  return `${readme.slice(0, start + OPEN.length)}\n${section}\n${readme.slice(end)}`;
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const readmeFile = path.join(root, 'README.md');
  let rules;
  try {
    ({ rules } = await import(path.join(root, 'dist/core/index.js')));
  } catch (error) {
    process.stderr.write(`rules-table: cannot load dist/core/index.js (${error.message}); build the package first (node scripts/build.mjs)\n`);
    return 2;
  }
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = withRulesSection(readme, rulesSection(rules));
  if (process.argv.includes('--check')) {
    if (updated === readme) return 0;
    process.stderr.write('rules-table: README.md rules table is out of date: run node scripts/rules-table.mjs\n');
    return 1;
  }
  if (updated !== readme) writeFileSync(readmeFile, updated);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
