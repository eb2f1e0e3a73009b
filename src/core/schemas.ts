// Loads `<type>.schema.json` files, compiles each once per run, and turns ajv errors into
// diagnostics at the offending key or value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { parseCycle } from './dates.js';
import { isPlaceholder } from './placeholders.js';

// ajv and ajv-formats ship CommonJS. Ajv2020 is also a named export. ajv-formats has only a
// default, which NodeNext types one level deeper (`.default.default`) than the bundler
// resolution of tsconfig.astro.json does; at run time both levels hold the plugin.
const formatsDefault: unknown = addFormatsModule.default;
const addFormats = ((formatsDefault as { default?: FormatsPlugin }).default ?? formatsDefault) as FormatsPlugin;

export interface SchemaSet {
  /** The team's folder, or null for the built-in schemas alone. */
  folder: string | null;
  types: string[];
  validator(type: string): ValidateFunction | null;
  /** Property names a type's schema knows, for did-you-mean. */
  knownFields(type: string): string[];
  /** A schema file that could not be read or compiled. */
  loadError: string | null;
}

type Json = Record<string, unknown>;

/** Vigil's own schemas, shipped in the package beside dist/ (and beside src/ in its repository). */
export const BUILT_IN_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The team's schemas folder as an absolute path, or null when the config names none. */
export function schemasFolderOf(config: { rootDir: string; schemas: string | null }): string | null {
  return config.schemas === null ? null : path.resolve(config.rootDir, config.schemas);
}

function schemaFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.schema.json')).sort();
}

/**
 * The built-in schemas, with each `<type>.schema.json` of the team's folder replacing the
 * built-in file of the same name (so a team schema can still `$ref` the built-in common one).
 */
export function loadSchemas(teamFolder: string | null): SchemaSet {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri', 'email']);
  ajv.addFormat('review-cycle', (value: string) => parseCycle(value) !== null);
  ajv.addFormat('not-placeholder', (value: string) => !isPlaceholder(value));

  const byId = new Map<string, Json>();
  const types: string[] = [];
  const idByType = new Map<string, string>();
  let loadError: string | null = null;
  const sources = new Map<string, string>();
  for (const name of schemaFiles(BUILT_IN_SCHEMAS)) sources.set(name, path.join(BUILT_IN_SCHEMAS, name));
  if (teamFolder !== null) {
    try {
      for (const name of schemaFiles(teamFolder)) sources.set(name, path.join(teamFolder, name));
    } catch (error) {
      loadError = `cannot read the schemas folder ${teamFolder}: ${(error as Error).message}`;
    }
  }
  for (const [name, file] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
      schema.$id ??= name;
      byId.set(String(schema.$id), schema);
      ajv.addSchema(schema);
      if (name !== 'common.schema.json') {
        const type = name.slice(0, -'.schema.json'.length);
        types.push(type);
        idByType.set(type, String(schema.$id));
      }
    } catch (error) {
      loadError = `cannot load schema ${path.relative(process.cwd(), file) || name}: ${(error as Error).message}`;
    }
  }

  const compiled = new Map<string, ValidateFunction | null>();
  const idForType = (type: string): string | undefined => idByType.get(type);
  return {
    folder: teamFolder,
    types,
    loadError,
    validator(type) {
      if (!compiled.has(type)) {
        const id = idForType(type);
        let validate: ValidateFunction | null = null;
        try {
          validate = id ? (ajv.getSchema(id) ?? null) : null;
        } catch (error) {
          loadError = `cannot compile ${type}.schema.json: ${(error as Error).message}`;
        }
        compiled.set(type, validate);
      }
      return compiled.get(type) ?? null;
    },
    knownFields(type) {
      const id = idForType(type);
      const schema = id ? byId.get(id) : undefined;
      return schema ? [...collectProperties(schema, schema, byId, new Set())] : [];
    },
  };
}

/** Top-level property names, following `$ref`s and `allOf`s across the loaded schemas. */
function collectProperties(node: Json, base: Json, byId: Map<string, Json>, seen: Set<Json>): Set<string> {
  const names = new Set<string>();
  if (seen.has(node)) return names;
  seen.add(node);
  for (const name of Object.keys((node.properties as Json) ?? {})) names.add(name);
  const refs = [node.$ref, ...(((node.allOf as Json[]) ?? []).map((sub) => sub.$ref))];
  for (const sub of (node.allOf as Json[]) ?? []) for (const name of collectProperties(sub, base, byId, seen)) names.add(name);
  for (const ref of refs) {
    if (typeof ref !== 'string') continue;
    const [file, pointer = ''] = ref.split('#');
    const target = file ? byId.get(file) : base;
    if (!target) continue;
    const resolved = pointer.split('/').filter(Boolean).reduce<unknown>((at, key) => (at as Json | undefined)?.[key], target);
    if (resolved && typeof resolved === 'object') {
      for (const name of collectProperties(resolved as Json, target, byId, seen)) names.add(name);
    }
  }
  return names;
}

export type { ErrorObject };
