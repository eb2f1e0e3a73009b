// Loads `<type>.schema.json` files, compiles each once per run, and turns ajv errors into
// diagnostics at the offending key or value.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  folder: string;
  types: string[];
  validator(type: string): ValidateFunction | null;
  /** Property names a type's schema knows, for did-you-mean. */
  knownFields(type: string): string[];
  /** A schema file that could not be read or compiled. */
  loadError: string | null;
}

type Json = Record<string, unknown>;

export function loadSchemas(folder: string): SchemaSet {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri', 'email']);
  ajv.addFormat('review-cycle', (value: string) => parseCycle(value) !== null);
  ajv.addFormat('not-placeholder', (value: string) => !isPlaceholder(value));

  const byId = new Map<string, Json>();
  const types: string[] = [];
  const idByType = new Map<string, string>();
  let loadError: string | null = null;
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.schema.json')).sort();
  } catch (error) {
    loadError = `cannot read the schemas folder ${folder}: ${(error as Error).message}`;
  }
  for (const name of files) {
    try {
      const schema = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Json;
      schema.$id ??= name;
      byId.set(String(schema.$id), schema);
      ajv.addSchema(schema);
      if (name !== 'common.schema.json') {
        const type = name.slice(0, -'.schema.json'.length);
        types.push(type);
        idByType.set(type, String(schema.$id));
      }
    } catch (error) {
      loadError = `cannot load schema ${name}: ${(error as Error).message}`;
    }
  }

  const compiled = new Map<string, ValidateFunction | null>();
  const idForType = (type: string): string | undefined => idByType.get(type);
  return {
    folder,
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
