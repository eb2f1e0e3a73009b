// `vigil links` output: what happened to each status page, and where each one is used. Pure functions.
import pc from 'picocolors';
import { describeOutcome, ruleForOutcome, type Diagnostic, type IsoDate, type LinkReport } from '../../core/index.js';

export interface LinksResult {
  now: IsoDate;
  reports: LinkReport[];
  /** URLs refused before any request (`status-page-url` from the documents). */
  refused: Diagnostic[];
}

export interface LinksSummary {
  urls: number;
  ok: number;
  failed: number;
  refused: number;
}

export function summarizeLinks(result: LinksResult): LinksSummary {
  const ok = result.reports.filter((report) => report.result.outcome.kind === 'ok').length;
  return { urls: result.reports.length, ok, failed: result.reports.length - ok, refused: result.refused.length };
}

export function formatLinksPretty(result: LinksResult, color: boolean): string {
  const c = color ? pc : { green: String, red: String, dim: String, bold: String };
  const lines: string[] = [];
  for (const { target, result: checked } of result.reports) {
    const ok = checked.outcome.kind === 'ok';
    const mark = ok ? c.green('✔') : c.red('✖');
    const rule = ruleForOutcome(checked.outcome);
    lines.push(`${mark} ${target.url}  ${ok ? describeOutcome(checked) : c.red(describeOutcome(checked))}${rule ? `  ${c.dim(rule)}` : ''}`);
    for (const place of target.occurrences) lines.push(c.dim(`    ${place.path}:${place.line}:${place.column}  ${place.name}`));
  }
  for (const diagnostic of result.refused) {
    lines.push(`${c.red('✖')} not checked: ${diagnostic.message}  ${c.dim(diagnostic.rule)}`);
    lines.push(c.dim(`    ${diagnostic.path}:${diagnostic.line}:${diagnostic.column}`));
  }
  const summary = summarizeLinks(result);
  const refused = summary.refused > 0 ? `, ${summary.refused} refused without a request` : '';
  const text = `${summary.urls} status page${summary.urls === 1 ? '' : 's'} checked: ${summary.ok} ok, ${summary.failed} failed${refused}`;
  if (lines.length > 0) lines.push('');
  lines.push(summary.failed + summary.refused > 0 ? c.red(c.bold(`✖ ${text}`)) : c.green(`✔ ${text}`));
  return `${lines.join('\n')}\n`;
}

export function formatLinksJson(result: LinksResult): string {
  const urls = result.reports.map(({ target, result: checked }) => ({
    url: target.url,
    result: checked.outcome.kind,
    rule: ruleForOutcome(checked.outcome),
    message: describeOutcome(checked),
    status: 'status' in checked.outcome ? checked.outcome.status : null,
    final_url: checked.finalUrl,
    redirects: checked.redirects,
    requests: checked.requests,
    elapsed_ms: Math.round(checked.elapsedMs),
    places: target.occurrences.map(({ path, line, column, name }) => ({ path, line, column, name })),
  }));
  return `${JSON.stringify({ now: result.now, urls, refused: result.refused, summary: summarizeLinks(result) }, null, 2)}\n`;
}
