// The config's `alerts` key: globs (relative to the config's folder) of Prometheus rule files.
import { ConfigError } from '../config/types.js';

export function readAlertsConfig(value: unknown, where: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new ConfigError(`${where}: "alerts" must be a glob or a list of globs of alert rule files, such as "monitoring/**/*.rules.yml"`);
  }
  return list as string[];
}
