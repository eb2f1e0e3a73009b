// Loads vigil.config.mjs: its default export, copied into plain data under a time limit. A config
// is code, so it can hang, forget its export or throw from a getter; each of those is a config
// error that says which, never a silent pass or an "internal error".
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from './types.js';

/** How long a config module may take to load: reading settings takes milliseconds, not seconds. */
export const CONFIG_LOAD_TIMEOUT_MS = 5_000;

const MAX_DEPTH = 32;

export async function loadConfigModule(file: string, timeoutMs = CONFIG_LOAD_TIMEOUT_MS): Promise<unknown> {
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConfigError(`${name} did not finish loading within ${timeoutMs / 1000} s (a top-level await that never settles?); a config must only export its settings`)),
      timeoutMs,
    );
  });
  let module: Record<string, unknown>;
  try {
    module = await Promise.race([import(/* @vite-ignore */ pathToFileURL(file).href) as Promise<Record<string, unknown>>, timeout]);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`cannot read ${name}: ${describeError(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (!Object.prototype.hasOwnProperty.call(module, 'default')) {
    const named = Object.keys(module);
    throw new ConfigError(`${name} has no default export: write "export default { ... }"${named.length > 0 ? ` (it exports ${named.map((key) => `"${key}"`).join(', ')})` : ''}`);
  }
  return plainData(module.default, name, [], new Set());
}

/**
 * A copy of `value` made of plain objects and arrays, read once, key by key: a getter that throws
 * (or a Proxy that does) becomes a ConfigError naming the key, and the checks that follow read
 * data that can no longer change or throw.
 */
function plainData(value: unknown, name: string, at: string[], seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const where = at.length > 0 ? `"${at.join('.')}"` : 'the default export';
  if (seen.has(value)) throw new ConfigError(`${name}: ${where} contains itself; a config must be plain data`);
  if (at.length >= MAX_DEPTH) throw new ConfigError(`${name}: ${where} is nested more than ${MAX_DEPTH} levels deep`);
  seen.add(value);
  let keys: string[];
  try {
    keys = Array.isArray(value) ? Array.from({ length: value.length }, (_, index) => String(index)) : Object.keys(value);
  } catch (error) {
    throw new ConfigError(`${name}: listing the keys of ${where} threw: ${describeError(error)}`);
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of keys) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch (error) {
      throw new ConfigError(`${name}: reading "${[...at, key].join('.')}" threw: ${describeError(error)}`);
    }
    // defineProperty, so a key named __proto__ stays an (unknown) key and never a prototype.
    Object.defineProperty(copy, key, { value: plainData(item, name, [...at, key], seen), enumerable: true, writable: true, configurable: true });
  }
  seen.delete(value);
  return copy;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  try {
    return String(error);
  } catch {
    return 'a value that cannot be shown';
  }
}
