// `vigil report --soa` (the Statement of Applicability) and `vigil report --controls` (the gaps,
// for CI's job summary): the core's control coverage, formatted. Wired into report.ts.
import {
  allControls, buildCoverage, buildSoa, soaCsv, VERDICT_LABELS,
  type ControlCoverage, type ControlsCoverage, type DocumentRecord, type VigilConfig,
} from '../../core/index.js';
import { markdownCode, markdownLink, markdownTable, markdownText, plural } from '../formatters/markdown.js';
import { UsageError, type CliIo } from '../io.js';
import { oneOf, readDocuments } from '../options.js';
import { documentLinker } from '../urls.js';

export const CONTROLS_HELP = `  --soa                the Statement of Applicability instead: every control of the catalogues in use,
                       whether it applies, its documents with status and next review, and the verdict
                       (--format markdown, json or csv)
  --controls           how many controls are not covered or covered only by stale documents, with
                       the gaps listed: for CI's job summary (--format markdown or json)
`;

export const SOA_FORMATS = ['markdown', 'json', 'csv'] as const;
export const CONTROLS_FORMATS = ['markdown', 'json'] as const;

export interface ControlsReportFlags {
  soa: boolean;
  controls: boolean;
  format?: string;
  within?: string;
  now?: string;
  config?: string;
  paths: string[];
}

type Link = (doc: DocumentRecord) => string;

export async function runControlsReport(flags: ControlsReportFlags, io: CliIo): Promise<number> {
  if (flags.soa && flags.controls) throw new UsageError('report: choose --soa or --controls, not both');
  if (flags.within !== undefined) throw new UsageError(`report: --within is for the due report; it does not apply to ${flags.soa ? '--soa' : '--controls'}`);
  const format = flags.soa ? oneOf('--format', flags.format, SOA_FORMATS, 'markdown') : oneOf('--format', flags.format, CONTROLS_FORMATS, 'markdown');
  // Like the due report: dates and controls only, no network.
  const { today, config, result } = await readDocuments({ now: flags.now, config: flags.config, paths: flags.paths, offline: true }, io);
  const coverage = buildCoverage(result.documents, config.controls, today);
  const link = documentLinker(config, io.env, io.cwd);
  io.stdout.write(flags.soa ? formatSoa(coverage, format, link) : formatControls(coverage, format, link, config));
  return 0;
}

function formatSoa(coverage: ControlsCoverage, format: string, link: Link): string {
  if (format === 'csv') return soaCsv(buildSoa(coverage));
  if (format === 'json') return `${JSON.stringify(buildSoa(coverage), null, 2)}\n`;
  return soaMarkdown(coverage, link);
}

const summaryWords = (counts: ControlsCoverage['summary']): string =>
  `${plural(counts.controls, 'control')}: ${counts.covered} covered, ${plural(counts.stale, 'gap')} (covered only by stale documents), ${counts.uncovered} not covered, ${counts.excluded} not applicable`;

function documentCell(control: ControlCoverage, link: Link): string {
  if (control.documents.length === 0) return '—';
  return control.documents
    .map((doc) => `${markdownLink(doc.title, link(doc))}${doc.id ? ` ${markdownCode(doc.id)}` : ''} (${doc.status}${doc.next_review ? `, next review ${doc.next_review}` : ''})`)
    .join('<br>');
}

export function soaMarkdown(coverage: ControlsCoverage, link: Link): string {
  const sections = coverage.catalogues.map((catalogue) => {
    const rows = catalogue.themes.flatMap((theme) =>
      theme.controls.map((control) => [
        markdownCode(control.ref),
        markdownText(control.title),
        control.excludedReason === null ? 'yes' : `no: ${markdownText(control.excludedReason)}`,
        documentCell(control, link),
        VERDICT_LABELS[control.verdict],
      ]),
    );
    return `## ${markdownText(catalogue.name)}\n\n${markdownTable(['Control', 'Title', 'Applicable', 'Documents', 'Verdict'], rows)}`;
  });
  return `Statement of Applicability as of ${coverage.now}, ${summaryWords(coverage.summary)}.\n\n${sections.join('\n\n')}\n`;
}

function formatControls(coverage: ControlsCoverage, format: string, link: Link, config: VigilConfig): string {
  const stale = allControls(coverage).filter((control) => control.verdict === 'stale');
  const uncovered = allControls(coverage).filter((control) => control.verdict === 'uncovered');
  if (format === 'json') {
    const report = {
      now: coverage.now,
      summary: coverage.summary,
      catalogues: coverage.catalogues.map(({ prefix, name, summary }) => ({ prefix, name, summary })),
      stale: stale.map((control) => ({ control: control.ref, title: control.title, documents: control.documents.map((doc) => ({ path: doc.path, id: doc.id, title: doc.title, status: doc.status, next_review: doc.next_review })) })),
      uncovered: uncovered.map((control) => control.ref),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  return controlsMarkdown(coverage, stale, uncovered, link, config);
}

/** The job-summary section: the counts, the gaps with their documents, the uncovered ids folded away. */
export function controlsMarkdown(coverage: ControlsCoverage, stale: ControlCoverage[], uncovered: ControlCoverage[], link: Link, config: VigilConfig): string {
  const { summary } = coverage;
  const lines = [
    '### Controls',
    '',
    `**${plural(summary.stale, 'control')} covered only by stale documents** and **${summary.uncovered} not covered**, of ${summary.controls} in use (${summary.covered} covered, ${summary.excluded} not applicable) as of ${coverage.now}.`,
    '',
    markdownTable(
      ['Catalogue', 'Controls', 'Covered', 'Gap: stale only', 'Not covered', 'Not applicable'],
      coverage.catalogues.map(({ name, summary: counts }) => [markdownText(name), String(counts.controls), String(counts.covered), String(counts.stale), String(counts.uncovered), String(counts.excluded)]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  ];
  if (stale.length > 0) {
    lines.push('', '#### Gaps: covered only by overdue, expired or incomplete documents', '');
    lines.push(markdownTable(['Control', 'Title', 'Documents'], stale.map((control) => [markdownCode(control.ref), markdownText(control.title), documentCell(control, link)])));
  }
  if (uncovered.length > 0) {
    lines.push('', `<details><summary>${plural(uncovered.length, 'control')} not covered by any document</summary>`, '');
    for (const catalogue of coverage.catalogues) {
      const ids = uncovered.filter((control) => control.prefix === catalogue.prefix).map((control) => markdownText(control.id));
      if (ids.length > 0) lines.push(`**${markdownText(catalogue.name)}** (${ids.length}): ${ids.join(', ')}`, '');
    }
    lines.push('</details>');
  }
  if (config.site.url) lines.push('', `See the ${markdownLink('controls page', `${config.site.url}/controls/`)} and the ${markdownLink('Statement of Applicability', `${config.site.url}/soa.csv`)}.`);
  return `${lines.join('\n')}\n`;
}
