import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from './load.js';
import { ConfigError } from './types.js';

// A folder that exists on every machine, so the schemas folder named in a config can be found.
const root = os.tmpdir();
const resolve = (raw: unknown) => resolveConfig(raw, root, path.join(root, 'vigil.config.yaml'), 'vigil.config.yaml');

describe('resolveConfig', () => {
  it('fills defaults', () => {
    const config = resolve({});
    expect(config.content).toEqual(['content']);
    expect(config.warningWindowDays).toBe(30);
    expect(config.links).toEqual({ timeoutMs: 10_000, concurrency: 16, allowHosts: [] });
  });

  it('reads every documented key', () => {
    const config = resolve({
      content: ['docs', 'policies'],
      schemas: '.',
      warning_window: '2 weeks',
      rules: { 'review-due-soon': 'off', 'exercise-overdue': 'error' },
      fields: { last_reviewed: 'last_reviewed_on', review_cycle: 'review_in' },
      types: { 'runbooks/**': 'runbook' },
      sections: { runbook: ['Summary', 'Escalation', 'Containment'] },
      links: { timeout: '5s', concurrency: 4, allow_hosts: ['127.0.0.1'] },
      site: { base: '/docs/' },
    });
    expect(config).toMatchObject({
      content: ['docs', 'policies'],
      schemas: '.',
      warningWindowDays: 14,
      rules: { 'review-due-soon': 'off', 'exercise-overdue': 'error' },
      fields: { last_reviewed: 'last_reviewed_on', review_cycle: 'review_in' },
      types: [{ pattern: 'runbooks/**', type: 'runbook' }],
      sections: { runbook: ['Summary', 'Escalation', 'Containment'] },
      links: { timeoutMs: 5000, concurrency: 4, allowHosts: ['127.0.0.1'] },
    });
    expect(config.site.base).toBe('/docs/');
  });

  it.each([
    [{ rulez: {} }, /unknown key "rulez" \(did you mean "rules"\?\)/],
    [{ rules: { 'review-overdu': 'off' } }, /unknown rule "rules.review-overdu" \(did you mean "review-overdue"\?\)/],
    [{ rules: { expired: 'loud' } }, /"rules.expired" must be off, warn or error/],
    [{ warning_window: 'soon' }, /"warning_window"/],
    [{ fields: { last_reviewd: 'x' } }, /unknown field "fields.last_reviewd" \(did you mean "last_reviewed"\?\)/],
    [{ links: { concurrency: 0 } }, /"links.concurrency"/],
    [{ links: { timeout: 'forever' } }, /"links.timeout"/],
    [{ links: { allowhosts: [] } }, /unknown key "links.allowhosts" \(did you mean "allow_hosts"\?\)/],
    [{ sections: { runbook: 'Summary' } }, /"sections.runbook" must be a list/],
    [['content'], /must be a mapping/],
  ])('rejects %j naming the key', (raw, message) => {
    expect(() => resolve(raw)).toThrow(ConfigError);
    expect(() => resolve(raw)).toThrow(message);
  });
});

describe('loadConfig', () => {
  it('finds vigil.config.yaml, .json and .mjs in the working directory', async () => {
    for (const [name, text] of [
      ['vigil.config.yaml', 'warning_window: 10d\n'],
      ['vigil.config.json', '{"warning_window": "10d"}'],
      ['vigil.config.mjs', 'export default { warning_window: "10d" };\n'],
    ]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-config-'));
      writeFileSync(path.join(dir, name), text);
      const config = await loadConfig(dir);
      expect(config.warningWindowDays).toBe(10);
      expect(config.file).toBe(path.join(dir, name));
    }
  });

  it('uses defaults without a file, and fails clearly on a missing or broken one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-config-'));
    expect((await loadConfig(dir)).file).toBeNull();
    await expect(loadConfig(dir, 'nope.yaml')).rejects.toThrow(/config file not found: nope.yaml/);
    writeFileSync(path.join(dir, 'vigil.config.yaml'), 'rules: [\n');
    await expect(loadConfig(dir)).rejects.toThrow(ConfigError);
  });
});
