// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule is
// described from its own metadata and docs page, as GitHub Advanced Security requires (a full
// description and help for each rule; Microsoft's validator with `--rule-kind Gh;Sarif`
// reports nothing on this output: sarif-validator.test.ts).
import type { CheckResult, RegisteredRule } from '../../core/index.js';
import { encodePath } from '../urls.js';

/** What SARIF says about a rule: its metadata and its docs page's Markdown. */
export type SarifRule = Pick<RegisteredRule, 'id' | 'name' | 'description' | 'defaultSeverity' | 'tags'> & { docs: { readonly markdown: string } };

export interface SarifOptions {
  /** Every rule Vigil has, in the documented order (results refer to them by index). */
  rules: readonly SarifRule[];
  version: string;
  /** Absolute address of a rule's docs page, or undefined when there is none. */
  helpUri(ruleId: string): string | undefined;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
// Where the tool is described: the package's page (the rules' pages ship inside it).
export const INFORMATION_URI = 'https://www.npmjs.com/package/vigil-docs';

const level = (severity: 'error' | 'warn'): 'error' | 'warning' => (severity === 'error' ? 'error' : 'warning');

export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const rules = options.rules.map((rule) => {
    const helpUri = options.helpUri(rule.id);
    const page = readDocsPage(rule.docs.markdown);
    return {
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.description },
      fullDescription: { text: page.fullDescription || rule.description },
      help: { text: page.text, markdown: page.markdown },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: level(rule.defaultSeverity) },
      properties: { tags: [...rule.tags] },
    };
  });
  const results = result.diagnostics.map((diagnostic) => {
    const index = ruleIndex.get(diagnostic.rule);
    return {
      ruleId: diagnostic.rule,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: level(diagnostic.severity),
      message: { text: diagnostic.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(diagnostic.path.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, diagnostic.line), startColumn: Math.max(1, diagnostic.column) },
          },
        },
      ],
    };
  });
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Vigil', semanticVersion: options.version, informationUri: INFORMATION_URI, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export interface DocsPageHelp {
  /** The page's lead and its "What it finds" section, as plain text. */
  fullDescription: string;
  /** The page without its title line, as Markdown. */
  markdown: string;
  /** The same, as plain text. */
  text: string;
}

/** A rule's docs page (`# id`, `Default severity: …`, a lead paragraph, `## sections`) as SARIF help. */
export function readDocsPage(page: string): DocsPageHelp {
  const lines = page.replace(/\r\n/g, '\n').split('\n');
  if (lines[0]?.startsWith('# ')) lines.shift();
  const markdown = lines.join('\n').trim();
  const sections = new Map<string, string[]>();
  let current = '';
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      current = line.slice(3).trim();
      continue;
    }
    if (!sections.has(current)) sections.set(current, []);
    sections.get(current)?.push(line);
  }
  const lead = (sections.get('') ?? []).filter((line) => !/^Default severity:/.test(line)).join('\n');
  const finds = (sections.get('What it finds') ?? []).join('\n');
  return {
    fullDescription: plainText([lead, finds].join('\n\n')),
    markdown,
    text: plainText(markdown),
  };
}

/** Markdown → readable plain text: fences, heading marks, emphasis and link syntax dropped. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !line.startsWith('```'))
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_all, label: string, target: string) => (target && target !== label ? `${label} (${target})` : label))
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '$1'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
