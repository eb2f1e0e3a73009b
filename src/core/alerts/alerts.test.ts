// alert-runbook: rule files (plain groups and PrometheusRule resources) with good and dead
// runbook_urls, and runbooks that name alerts, checked through the engine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../config/load.js';
import { ConfigError, type VigilConfig } from '../config/types.js';
import { checkDocuments } from '../engine.js';
import { parseAlertRules } from './parse.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-alerts-'));
  made.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`no line with ${needle}`);
  return index + 1;
}

function runbook(id: string, extra: string[] = []): string {
  return [
    '---',
    `title: ${id}`,
    `id: ${id}`,
    'type: runbook',
    'owner: Payments team',
    'last_reviewed: 2026-03-01',
    'review_cycle: annual',
    'escalation:',
    '  - role: On-call',
    '    contact: "#oncall"',
    ...extra,
    '---',
    '',
    '## Summary',
    '',
    'What to do.',
    '',
    '## Escalation',
    '',
    'Page the on-call.',
    '',
  ].join('\n');
}

const GROUPS = `groups:
  - name: payments
    rules:
      - record: job:payment_failures:rate5m
        expr: rate(payment_failures_total[5m])
      - alert: PaymentFailuresHigh
        expr: job:payment_failures:rate5m > 0.1
        annotations:
          runbook_url: https://docs.example.com/runbooks/payments/
      - alert: PaymentLatencyHigh
        expr: histogram_quantile(0.99, payment_seconds) > 2
        annotations:
          runbook_url: https://docs.example.com/runbooks/payment-latency/
      - alert: LedgerBehind
        annotations:
          runbook_url: runbooks/ledger/#replay
      - alert: CardsDown
        annotations:
          runbook_url: https://docs.example.com/runbooks/old-cards/
      - alert: BatchLate
        annotations:
          runbook_url: https://docs.example.com/runbooks/batch/index.html#missing-heading
      - alert: SomethingElse
        annotations:
          runbook_url: https://wiki.example.org/runbooks/elsewhere
      - alert: Templated
        annotations:
          runbook_url: "https://docs.example.com/runbooks/{{ $labels.service }}/"
`;

const PROMETHEUS_RULE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
data:
  groups: not rules
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: edge
spec:
  groups:
    - name: edge
      rules:
        - alert: EdgeErrorsHigh
          expr: rate(edge_5xx[5m]) > 10
          annotations:
            summary: Edge errors
            runbook_url: https://docs.example.com/runbooks/expired-edge/
`;

function files(): Record<string, string> {
  return {
    'monitoring/payments.rules.yml': GROUPS,
    'monitoring/k8s/edge.rules.yml': PROMETHEUS_RULE,
    'monitoring/notes.txt': 'not a rule file',
    'content/runbooks/payments.md': runbook('RB-PAY-01', ['alerts:', '  - PaymentFailuresHigh', '  - PaymentFailureHigh', '  - EdgeErrorsHigh']),
    'content/runbooks/ledger.md': `${runbook('RB-LEDGER-01')}\n## Replay\n\nReplay the ledger.\n`,
    'content/runbooks/batch.md': runbook('RB-BATCH-01'),
    'content/runbooks/old-cards.md': runbook('RB-CARDS-01').replace('type: runbook', 'type: runbook\nstatus: retired'),
    'content/runbooks/expired-edge.md': runbook('RB-EDGE-01', ['expires: 2026-05-01']),
  };
}

async function check(dir: string, overrides: Partial<VigilConfig> = {}) {
  const config: VigilConfig = { ...defaultConfig(dir), alerts: ['monitoring/**/*.rules.yml'], site: { base: '/', title: 'Docs', url: 'https://docs.example.com', gate: 'strict' }, ...overrides };
  const run = await checkDocuments({ cwd: dir, config, today: '2026-06-01', offline: true, workers: 0 });
  return run.diagnostics.filter((d) => d.rule === 'alert-runbook');
}

describe('alert-runbook', () => {
  it('reports dead, retired, expired and heading-less runbook_urls at their lines, and alerts no file defines', async () => {
    const dir = project(files());
    const findings = await check(dir);
    const at = (file: string, needle: string, text: string) => [file, lineOf(text, needle)];
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      at('content/runbooks/payments.md', 'PaymentFailureHigh', files()['content/runbooks/payments.md']),
      at('monitoring/k8s/edge.rules.yml', 'expired-edge', PROMETHEUS_RULE),
      at('monitoring/payments.rules.yml', 'payment-latency', GROUPS),
      at('monitoring/payments.rules.yml', 'old-cards', GROUPS),
      at('monitoring/payments.rules.yml', 'missing-heading', GROUPS),
    ]);
    const [missingAlert, expired, dead, retired, heading] = findings;
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(missingAlert.message).toContain('alerts[1] "PaymentFailureHigh" is not an alert');
    expect(missingAlert.message).toContain('did you mean "PaymentFailuresHigh"');
    expect(missingAlert.column).toBe(5);
    expect(expired.message).toContain('RB-EDGE-01');
    expect(expired.message).toContain('expired on 2026-05-01');
    expect(dead.message).toContain('points at no published document');
    expect(dead.column).toBe(24);
    expect(retired.message).toContain('RB-CARDS-01');
    expect(retired.message).toContain('is retired');
    expect(heading.message).toContain('#missing-heading');
  });

  it('passes when every runbook_url leads to a current page and every named alert exists', async () => {
    const dir = project({
      'alerts.yml': 'groups:\n  - name: a\n    rules:\n      - alert: A\n        annotations:\n          runbook_url: https://docs.example.com/team/runbooks/a/\n',
      'content/runbooks/a.md': runbook('RB-A-01', ['alerts: [A]']),
    });
    expect(await check(dir, { alerts: ['alerts.yml'], site: { base: '/team/', title: 'Docs', url: 'https://docs.example.com/team', gate: 'strict' } })).toEqual([]);
  });

  it('says once that absolute runbook_urls need site.url', async () => {
    const dir = project(files());
    const findings = await check(dir, { site: { base: '/', title: 'Docs', url: null, gate: 'strict' } });
    const siteUrl = findings.filter((f) => f.message.includes('site.url is not set'));
    expect(siteUrl).toHaveLength(1);
    // A relative runbook_url still resolves against the site's base.
    expect(findings.some((f) => f.message.includes('runbooks/ledger/'))).toBe(false);
  });

  it('reports a rule file that cannot be read, and a glob that matches nothing', async () => {
    const dir = project({
      'monitoring/broken.rules.yml': 'groups:\n  - name: a\n    rules: [\n',
      'monitoring/wrong.rules.yml': 'alerts:\n  - A\n',
      'monitoring/tagged.rules.yml': 'groups: !!js/function "function () {}"\n',
      'content/runbooks/a.md': runbook('RB-A-01', ['alerts: [A]']),
    });
    const findings = await check(dir, { alerts: ['monitoring/*.rules.yml', 'nowhere/*.yml'] });
    expect(findings.map((f) => [f.path, f.line])).toEqual([
      ['monitoring/broken.rules.yml', 4],
      ['monitoring/tagged.rules.yml', 1],
      ['monitoring/wrong.rules.yml', 1],
      ['vigil.config.yaml', 1],
    ]);
    expect(findings[2].message).toContain('not a Prometheus rule file');
    expect(findings[3].message).toContain('no file matches "nowhere/*.yml"');
    // Alert A may be in the file that could not be read: not reported as missing.
    expect(findings.some((f) => f.path === 'content/runbooks/a.md')).toBe(false);
  });

  it('does not judge runbooks when the config names no rule files', async () => {
    const dir = project(files());
    expect(await check(dir, { alerts: [] })).toEqual([]);
  });
});

describe('parseAlertRules', () => {
  it('reads PrometheusRule resources beside other kinds, with positions', () => {
    const parsed = parseAlertRules(PROMETHEUS_RULE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.alerts).toEqual([
      {
        name: 'EdgeErrorsHigh',
        at: { line: lineOf(PROMETHEUS_RULE, 'alert: EdgeErrorsHigh'), column: 18 },
        runbookUrl: { value: 'https://docs.example.com/runbooks/expired-edge/', at: { line: lineOf(PROMETHEUS_RULE, 'runbook_url'), column: 26 } },
      },
    ]);
  });
});

describe('the alerts config key', () => {
  it('takes a glob or a list of globs, and refuses anything else', () => {
    expect(resolveConfig({ alerts: 'monitoring/*.yml' }, '/x', null).alerts).toEqual(['monitoring/*.yml']);
    expect(resolveConfig({ alerts: ['a.yml', 'b/**/*.yml'] }, '/x', null).alerts).toEqual(['a.yml', 'b/**/*.yml']);
    expect(() => resolveConfig({ alerts: [3] }, '/x', null)).toThrow(ConfigError);
    expect(() => resolveConfig({ alerts: { a: 1 } }, '/x', null)).toThrow(/"alerts" must be a glob/);
  });
});
