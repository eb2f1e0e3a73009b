import type { ErrorObject } from 'ajv';
import { isIsoDateShape, NAMED_CYCLE_NAMES } from '../dates.js';
import { suggestion } from '../didYouMean.js';
import { rawFieldPositions } from '../document.js';
import type { Finding, Rule, RuleContext, VigilDocument } from '../types.js';
import { fieldPosition, pointerLabel } from './position.js';
import { escapePointerSegment, unescapePointerSegment } from '../pointer.js';

export const rule: Rule = {
  id: 'schema',
  name: 'SchemaViolation',
  defaultSeverity: 'error',
  description: "The frontmatter must match the JSON Schema for the document's type.",
  tags: ['frontmatter', 'schema'],
  scope: 'document',
  checkDocument(doc, context) {
    const fields = checkFields(doc, context);
    // Almost every document renames nothing: its findings are the schema's alone.
    if (!doc.shadowedFields) return fields;
    const shadowed = shadowedFieldFindings(doc, context);
    for (const finding of fields) shadowed.push(finding);
    return shadowed;
  },
};

/** `last_reviewed` in a repository whose config renames it to `last_reviewed_on`: say so, at the key. */
function shadowedFieldFindings(doc: VigilDocument, { label }: RuleContext): Finding[] {
  if (!doc.shadowedFields || !doc.fields) return [];
  const raw = rawFieldPositions(doc);
  return doc.shadowedFields.map((key) => {
    const at = raw.get(`/${escapePointerSegment(key)}`);
    return {
      ...(at?.key ?? at?.value ?? { line: 1, column: 1 }),
      message: `unknown field "${key}" (did you mean "${label(key)}"?): the config's "fields" renames it`,
    };
  });
}

function checkFields(doc: VigilDocument, context: RuleContext): Finding[] {
  if (!doc.fields) return [];
  const { schemas, label } = context;
  if (schemas.loadError) return [{ line: 1, column: 1, message: schemas.loadError }];
  const type = doc.fields.type;
  if (type === undefined) {
    return [{ line: 1, column: 1, message: `missing required field "${label('type')}": one of ${schemas.types.join(', ')} (or set "types" by path in the config)` }];
  }
  const validate = typeof type === 'string' ? schemas.validator(type) : null;
  if (!validate) {
    const where = fieldPosition(doc, '/type');
    const known = schemas.types.join(', ');
    return [{ ...where, message: `"${label('type')}" is ${JSON.stringify(type)}, which has no schema in ${schemas.folder ?? "Vigil's built-in schemas"}: use one of ${known}${typeof type === 'string' ? suggestion(type, schemas.types) : ''}` }];
  }
  if (validate(doc.fields)) return [];
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if' && error.keyword !== '$ref');
  // An empty owner fails both "not empty" and "not a placeholder": one finding says it.
  const emptyAt = new Set(errors.filter((error) => error.keyword === 'pattern' || error.keyword === 'minLength').map((error) => error.instancePath));
  return errors
    .filter((error) => !(error.keyword === 'format' && error.params.format === 'not-placeholder' && emptyAt.has(error.instancePath)))
    .map((error) => describe(error, doc, context, type as string));
}

function describe(error: ErrorObject, doc: VigilDocument, context: RuleContext, type: string): Finding {
  const { label } = context;
  const pointer = error.instancePath;
  const field = `"${pointerLabel(pointer, label)}"`;
  const value = pointerValue(doc.fields, pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = pointer === '' ? { line: 1, column: 1 } : fieldPosition(doc, pointer, 'key');
      const name = pointer === '' ? label(missing) : `${pointerLabel(pointer, label)}.${missing}`;
      const why = pointer === '' && (missing === 'last_reviewed' || missing === 'review_cycle') ? ' (required while the document is active)' : '';
      return { ...where, message: `missing required field "${name}"${why}` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      const childPointer = `${pointer}/${escapePointerSegment(key)}`;
      const known = pointer === '' ? context.schemas.knownFields(type).map(label) : [];
      const name = pointer === '' ? key : `${pointerLabel(pointer, label)}.${key}`;
      return { ...fieldPosition(doc, childPointer, 'key'), message: `unknown field "${name}" for a ${type}${suggestion(key, known)}` };
    }
    case 'format':
      return { ...fieldPosition(doc, pointer), message: formatMessage(field, String(params.format), value) };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? suggestion(value, allowed) : '';
      return { ...fieldPosition(doc, pointer), message: `${field} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}${hint}` };
    }
    case 'type':
      return { ...fieldPosition(doc, pointer), message: `${field} must be ${article(String(params.type))}, not ${describeValue(value)}` };
    case 'pattern':
      if (/^\/[^/]*(title|name|owner)$/.test(pointer) || params.pattern === '\\S') {
        return { ...fieldPosition(doc, pointer), message: `${field} must not be empty` };
      }
      return { ...fieldPosition(doc, pointer), message: `${field} ${JSON.stringify(value)} does not have the expected form (${String(params.pattern)})` };
    case 'minItems':
      return { ...fieldPosition(doc, pointer), message: `${field} needs at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'entry' : 'entries'}` };
    case 'minLength':
      return { ...fieldPosition(doc, pointer), message: `${field} must not be empty` };
    case 'uniqueItems':
      return { ...fieldPosition(doc, pointer), message: `${field} lists the same value twice` };
    default:
      return { ...fieldPosition(doc, pointer), message: `${field} ${error.message ?? 'is not valid'}` };
  }
}

function formatMessage(field: string, format: string, value: unknown): string {
  if (format === 'date') {
    return isIsoDateShape(value)
      ? `${field} is ${String(value)}, which is not a real date`
      : `${field} must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}`;
  }
  if (format === 'review-cycle') {
    return `${field} ${JSON.stringify(value)} is not a known cycle: use ${NAMED_CYCLE_NAMES.join(', ')}, an ISO 8601 duration (P6M, P90D) or an interval such as "6 months"`;
  }
  if (format === 'not-placeholder') return `${field} is a placeholder (${JSON.stringify(value)}): name the accountable team or person`;
  return `${field} must be a valid ${format}`;
}

function article(type: string): string {
  const words = type.split(',').map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : t === 'integer' ? 'a whole number' : `a ${t}`));
  return words.join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function pointerValue(root: unknown, pointer: string): unknown {
  let at = root;
  for (const part of pointer.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return undefined;
    const key = unescapePointerSegment(part);
    at = Object.prototype.hasOwnProperty.call(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
}
