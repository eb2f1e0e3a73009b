// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import type { CheckResult, Rule } from '../../core/index.js';
import { encodePath } from '../urls.js';

export interface SarifOptions {
  /** Every rule Vigil has, in the documented order (results refer to them by index). */
  rules: readonly Pick<Rule, 'id' | 'description' | 'defaultSeverity'>[];
  version: string;
  /** Absolute address of a rule's docs page, or undefined when there is none. */
  helpUri(ruleId: string): string | undefined;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const level = (severity: 'error' | 'warn'): 'error' | 'warning' => (severity === 'error' ? 'error' : 'warning');

export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const rules = options.rules.map((rule) => {
    const helpUri = options.helpUri(rule.id);
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.description },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: level(rule.defaultSeverity) },
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
        tool: { driver: { name: 'Vigil', semanticVersion: options.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
