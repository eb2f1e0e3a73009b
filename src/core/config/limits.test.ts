// The config as hostile or careless input: code that hangs or throws, and durations and counts
// outside what Node and undici can take. Each is a ConfigError that names the key and the range.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from './load.js';
import { loadConfigModule } from './module.js';
import { ConfigError } from './types.js';

const dirs: string[] = [];
function configFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-config-limits-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const resolve = (raw: unknown) => resolveConfig(raw, '/repo', null, 'vigil.config.yaml');

describe('vigil.config.mjs', () => {
  it('is a config error when it never finishes loading', async () => {
    const { file } = configFile('vigil.config.mjs', 'await new Promise(() => {});\nexport default {};\n');
    const loading = loadConfigModule(file, 50);
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loading).rejects.toThrow(/vigil\.config\.mjs did not finish loading within 0\.05 s/);
  });

  it('is a config error without a default export, naming what it does export', async () => {
    const { dir } = configFile('vigil.config.mjs', 'export const config = { warning_window: "10d" };\n');
    await expect(loadConfig(dir)).rejects.toThrow(/vigil\.config\.mjs has no default export: write "export default \{ \.\.\. \}" \(it exports "config"\)/);
  });

  it('names the key whose getter throws, instead of an internal error', async () => {
    const { dir } = configFile('vigil.config.mjs', 'export default { links: { get timeout() { throw new Error("vault unreachable"); } } };\n');
    const loading = loadConfig(dir);
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loading).rejects.toThrow('vigil.config.mjs: reading "links.timeout" threw: vault unreachable');
  });

  it('names a Proxy that refuses to list its keys, and a config that contains itself', async () => {
    const { dir } = configFile('vigil.config.mjs', 'export default new Proxy({}, { ownKeys() { throw new TypeError("no"); } });\n');
    await expect(loadConfig(dir)).rejects.toThrow('vigil.config.mjs: listing the keys of the default export threw: TypeError: no');
    const looped = configFile('vigil.config.mjs', 'const config = { links: {} };\nconfig.links.self = config;\nexport default config;\n');
    await expect(loadConfig(looped.dir)).rejects.toThrow(/"links.self" contains itself/);
  });

  it('reads a good module as plain data', async () => {
    const { dir } = configFile('vigil.config.mjs', 'export default { get warning_window() { return "10d"; }, links: { allow_hosts: ["127.0.0.1:8080"] } };\n');
    const config = await loadConfig(dir);
    expect(config.warningWindowDays).toBe(10);
    expect(config.links.allowHosts).toEqual(['127.0.0.1:8080']);
  });
});

describe('durations and counts have ranges, and the message gives them', () => {
  it.each([
    [{ links: { timeout: '40000m' } }, '"links.timeout" must be a duration from 1ms to 10m in whole milliseconds, such as 10s, 2m or 500ms, got "40000m"'],
    [{ links: { timeout: 1e12 } }, 'got 1000000000000'],
    [{ links: { timeout: Infinity } }, 'got Infinity'],
    [{ links: { timeout: '1.5ms' } }, '"links.timeout" must be a duration from 1ms to 10m in whole milliseconds'],
    [{ links: { timeout: '0ms' } }, '"links.timeout" must be a duration from 1ms to 10m'],
    [{ links: { budget: '500ms' } }, '"links.budget" must be a duration from 1s to 6h in whole milliseconds'],
    [{ links: { budget: '1000m' } }, '"links.budget" must be a duration from 1s to 6h'],
    [{ links: { concurrency: 1000 } }, '"links.concurrency" must be a whole number from 1 to 256, got 1000'],
    [{ warning_window: '99999999999d' }, '"warning_window" must be a span from 0d to 10y, such as 30d, 4 weeks or P30D, got "99999999999d"'],
    [{ warning_window: '11y' }, '"warning_window" must be a span from 0d to 10y'],
    [{ links: { allow_hosts: ['https://status.internal/'] } }, '"links.allow_hosts" entry "https://status.internal/" must be a host name or IP address, optionally with a port'],
    [{ links: { allow_hosts: ['127.0.0.1:99999'] } }, '"links.allow_hosts" entry "127.0.0.1:99999"'],
  ])('%j', (raw, message) => {
    expect(() => resolve(raw)).toThrow(ConfigError);
    expect(() => resolve(raw)).toThrow(message);
  });

  it('accepts the edges of each range', () => {
    const config = resolve({ warning_window: '10y', links: { timeout: '10m', budget: '1s', concurrency: 256, allow_hosts: ['[::1]:8080', 'status.internal'] } });
    expect(config.warningWindowDays).toBe(3652);
    expect(config.links).toMatchObject({ timeoutMs: 600_000, budgetMs: 1_000, concurrency: 256 });
    expect(resolve({ links: { timeout: '1ms' } }).links.timeoutMs).toBe(1);
  });
});
