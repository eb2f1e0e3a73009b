import pc from 'picocolors';
import type { CheckResult } from '../../core/index.js';

type Colors = Pick<typeof pc, 'red' | 'yellow' | 'dim' | 'bold' | 'underline' | 'green'>;

const plain: Colors = { red: String, yellow: String, dim: String, bold: String, underline: String, green: String } as unknown as Colors;

/** ESLint-style output: grouped by file, `path:line:col  severity  message  rule-id`, then a summary. */
export function formatPretty(result: CheckResult, color: boolean): string {
  // createColors(true): colour as asked, even where picocolors itself would detect none.
  const c = color ? pc.createColors(true) : plain;
  const lines: string[] = [];
  const byPath = new Map<string, CheckResult['diagnostics']>();
  for (const diagnostic of result.diagnostics) byPath.set(diagnostic.path, [...(byPath.get(diagnostic.path) ?? []), diagnostic]);
  for (const [file, diagnostics] of byPath) {
    lines.push('', c.underline(file));
    const locations = diagnostics.map((d) => `${d.path}:${d.line}:${d.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    diagnostics.forEach((d, i) => {
      const severity = d.severity === 'error' ? c.red('error') : c.yellow('warn ');
      lines.push(`  ${c.dim(locations[i].padEnd(width))}  ${severity}  ${d.message.replace(/\r?\n/g, ' ')}  ${c.dim(d.rule)}`);
    });
  }
  const { documents, errors, warnings } = result.summary;
  const problems = errors + warnings;
  const docs = `${documents} document${documents === 1 ? '' : 's'}`;
  lines.push('');
  if (problems === 0) lines.push(c.green(`✔ ${docs} checked, no problems`));
  else {
    const summary = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${docs}`;
    lines.push(errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
  }
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}
