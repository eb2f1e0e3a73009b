// The built-in catalogues, and one lookup of every control in use (built once per config).
import { didYouMean, editDistance } from '../didYouMean.js';
import { ISO27001_2022 } from './iso27001-2022.js';
import { SOC2_2017 } from './soc2-2017.js';
import type { Catalogue, Control, ControlsConfig } from './types.js';

/** By the name the config uses in `controls.catalogues`, which is also the prefix documents write. */
export const BUILT_IN_CATALOGUES: Record<string, Catalogue> = {
  [ISO27001_2022.prefix]: ISO27001_2022,
  [SOC2_2017.prefix]: SOC2_2017,
};

export const BUILT_IN_NAMES = Object.keys(BUILT_IN_CATALOGUES);

export interface ControlEntry {
  catalogue: Catalogue;
  control: Control;
}

export interface ControlIndex {
  /** `ISO27001:A.5.24` → its catalogue and control. */
  byRef: Map<string, ControlEntry>;
  /** Prefix → catalogue, for the catalogues in use. */
  byPrefix: Map<string, Catalogue>;
  /** Full reference → why it is not applicable. */
  excluded: Map<string, string>;
}

export const controlRef = (catalogue: Catalogue, control: Control): string => `${catalogue.prefix}:${control.id}`;

// Keyed by the config's own object: a worker thread gets its own copy and builds its own.
const indexes = new WeakMap<ControlsConfig, ControlIndex>();

export function controlIndex(config: ControlsConfig): ControlIndex {
  let index = indexes.get(config);
  if (!index) {
    const byRef = new Map<string, ControlEntry>();
    const byPrefix = new Map<string, Catalogue>();
    for (const catalogue of config.catalogues) {
      byPrefix.set(catalogue.prefix, catalogue);
      for (const control of catalogue.controls) byRef.set(controlRef(catalogue, control), { catalogue, control });
    }
    index = { byRef, byPrefix, excluded: new Map(config.excluded.map(({ ref, reason }) => [ref, reason])) };
    indexes.set(config, index);
  }
  return index;
}

/** `ISO27001:A.5.24` → `['ISO27001', 'A.5.24']`; no prefix → `[null, ref]`. */
export function splitRef(ref: string): [prefix: string | null, id: string] {
  const colon = ref.indexOf(':');
  return colon > 0 ? [ref.slice(0, colon), ref.slice(colon + 1)] : [null, ref];
}

/**
 * The closest known reference (case-insensitive edit distance, as didYouMean), and among equally
 * close ones the one that shares the longest start: A.5.42 → A.5.4 rather than A.5.2.
 */
export function nearestRef(ref: string, candidates: readonly string[]): string | null {
  const best = didYouMean(ref, candidates);
  if (best === null) return null;
  const distance = editDistance(ref.toLowerCase(), best.toLowerCase());
  const shared = (candidate: string): number => {
    let length = 0;
    while (length < ref.length && length < candidate.length && ref[length].toLowerCase() === candidate[length].toLowerCase()) length++;
    return length;
  };
  let chosen = best;
  for (const candidate of candidates) {
    if (editDistance(ref.toLowerCase(), candidate.toLowerCase()) === distance && shared(candidate) > shared(chosen)) chosen = candidate;
  }
  return chosen;
}
