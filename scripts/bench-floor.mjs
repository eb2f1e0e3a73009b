#!/usr/bin/env node
// The floor `vigil check` is measured against: a bare loop that reads every document of a set
// with gray-matter and validates its frontmatter with ajv against the same schemas, and does
// nothing else (no positions, no body, no dates, no rules, no report). scripts/bench.mjs times it
// as a whole process, like vigil, in the same run, and prints vigil's time as a multiple of it.
//
//   node scripts/bench-floor.mjs <corpus-dir>
// Prints one JSON line: { documents, valid, invalid, unreadable }.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import matter from 'gray-matter';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: bench-floor.mjs <corpus-dir>');
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv, ['date', 'uri', 'email']);
// Vigil's own formats, as cheap checks: the floor validates, it does not judge.
ajv.addFormat('review-cycle', () => true);
ajv.addFormat('not-placeholder', () => true);
const schemasDir = path.join(dir, 'schemas');
const validators = new Map();
for (const name of readdirSync(schemasDir).filter((file) => file.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8'));
  schema.$id ??= name;
  ajv.addSchema(schema);
  if (name !== 'common.schema.json') validators.set(name.slice(0, -'.schema.json'.length), schema.$id);
}

const files = readdirSync(path.join(dir, 'content'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  .map((entry) => path.join(entry.parentPath, entry.name));

// gray-matter's js-yaml reads unquoted dates as Date objects, which the schemas (type: string)
// reject: most documents come out invalid, and each is still validated in full (allErrors).
let valid = 0;
let invalid = 0;
let unreadable = 0;
for (const file of files) {
  let data;
  try {
    // A fresh options object each time: gray-matter caches parses by content otherwise.
    data = matter(readFileSync(file, 'utf8'), {}).data;
  } catch {
    unreadable++;
    continue;
  }
  const id = validators.get(data?.type);
  const validate = id ? ajv.getSchema(id) : null;
  if (validate && validate(data)) valid++;
  else invalid++;
}
console.log(JSON.stringify({ documents: files.length, valid, invalid, unreadable }));
