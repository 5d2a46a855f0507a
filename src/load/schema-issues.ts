import type * as z from 'zod/mini';
import type { Issue, MessageRef, Path } from '../core/issue.js';
import type { ValidateId } from '../i18n/validate.js';
import { kindOfFormat } from '../schema/kinds.js';
import { kindName } from './check.js';

type ZodIssue = z.core.$ZodIssue;

/** Checks data against a schema and turns every zod issue into an orgfit issue with a rule id. */
export function schemaIssues(schema: z.ZodMiniType, data: unknown): Issue[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  const out: Issue[] = [];
  for (const issue of result.error.issues) collect(issue, [], data, out);
  return dedupe(out);
}

function collect(issue: ZodIssue, prefix: Path, root: unknown, out: Issue[]): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const found = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) {
        out.push({ rule: 'schema-required', path, params: { property: String(path.at(-1) ?? '') } });
      } else {
        out.push({ rule: 'schema-type', path, params: { expected: expectedName(issue.expected), found: path.length === 0 ? describeRoot(found) : describe(found) } });
      }
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        out.push({ rule: 'schema-unknown-property', path: [...path, key], params: { property: key, suggestion: '' }, atKey: true });
      }
      return;
    case 'invalid_value':
      if (path.at(-1) === 'format' && path.length === 1) {
        const example = String(issue.values[0]);
        const known = kindOfFormat(example);
        out.push({ rule: 'file-kind', path, params: { found: found === undefined ? { message: 'missing' } : describe(found), expected: issue.values.map(String).join(', '), kind: kindName(known), example } });
      } else {
        out.push({ rule: 'schema-value', path, params: { found: describe(found), allowed: issue.values.map((v) => String(v)).join(', ') } });
      }
      return;
    case 'too_small':
    case 'too_big': {
      if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
        out.push({ rule: 'schema-empty', path, params: { property: String(path.at(-1) ?? '') } });
        return;
      }
      const what = issue.origin === 'array' ? WHAT.list : issue.origin === 'string' ? WHAT.text : WHAT.value;
      const relation = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      out.push({ rule: 'schema-range', path, params: { what, relation, limit: String(limit) } });
      return;
    }
    case 'invalid_format':
      out.push({ rule: 'schema-format', path, params: { format: formatName(issue.message, issue.format) } });
      return;
    case 'not_multiple_of':
      out.push({ rule: 'schema-type', path, params: { expected: expectedName('integer'), found: describe(found) } });
      return;
    case 'invalid_union': {
      // Report the branch that came closest: fewest issues, preferring branches that
      // understood the object's keys (no unrecognized-key complaints).
      const branches = (issue.errors ?? []).map((errors) => errors as ZodIssue[]);
      if (branches.length === 0) {
        out.push({ rule: 'schema-type', path, params: { expected: expectedName('valid'), found: describe(found) } });
        return;
      }
      const score = (errors: ZodIssue[]) =>
        errors.length + 10 * errors.filter((e) => e.code === 'unrecognized_keys' || (e.code === 'invalid_type' && e.path.length === 0)).length;
      const best = [...branches].sort((a, b) => score(a) - score(b))[0]!;
      if (best.some((e) => e.code === 'invalid_type' && e.path.length === 0)) {
        const expected = branches.flatMap((b) => b.filter((e) => e.code === 'invalid_type' && e.path.length === 0).map((e) => expectedName((e as { expected: string }).expected)));
        out.push({ rule: 'schema-type', path, params: { expected: either(expected), found: describe(found) } });
        return;
      }
      for (const inner of best) collect(inner, path, root, out);
      return;
    }
    case 'invalid_key':
      // A key that is not allowed: point at the key and name it.
      const reason = issue.issues?.[0]?.message;
      out.push({ rule: 'schema-format', path, atKey: true, params: { format: { message: 'key-format', params: { key: String(path.at(-1)), reason: reason ?? { message: 'not-a-valid-key' } } } } });
      return;
    default:
      out.push({ rule: 'schema-type', path, params: { expected: expectedName('valid'), found: describe(found) } });
  }
}

/** The formats the schemas name (their messages in src/schema/common.ts), and the words for each. */
const FORMAT_NAMES: Partial<Record<string, ValidateId>> = {
  'kebab-case: lower-case letters, digits and single hyphens': 'format-kebab-case',
  'a range of review lines, like "330-349"': 'format-line-range',
};

function formatName(message: string, format: string): MessageRef | string {
  const id = FORMAT_NAMES[message];
  if (id) return { message: id };
  return message && message !== 'Invalid input' ? message : format;
}

const WHAT: Record<'list' | 'text' | 'value', MessageRef> = {
  list: { message: 'what-list' },
  text: { message: 'what-text' },
  value: { message: 'what-value' },
};

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** zod's names of types, and the words for each (an int is a whole number, a record a mapping). */
const TYPE_NAMES: Partial<Record<string, ValidateId>> = {
  string: 'type-string',
  number: 'type-number',
  int: 'type-integer',
  integer: 'type-integer',
  boolean: 'type-boolean',
  object: 'type-object',
  record: 'type-object',
  array: 'type-array',
  null: 'type-null',
  valid: 'type-valid',
};

function expectedName(expected: string): MessageRef | string {
  const id = TYPE_NAMES[expected];
  return id ? { message: id } : expected;
}

/** "a or b or c", each type named once. */
function either(names: (MessageRef | string)[]): MessageRef | string {
  const unique = [...new Map(names.map((name) => [typeof name === 'string' ? name : name.message, name])).values()];
  return unique.reduceRight((rest, name) => ({ message: 'or', params: { a: name, b: rest } }));
}

/** A short description of a value for a message. */
export function describe(value: unknown): MessageRef | string {
  if (value === undefined) return { message: 'value-nothing' };
  if (value === null) return { message: 'value-null' };
  if (Array.isArray(value)) return { message: 'value-list' };
  if (value instanceof Uint8Array) return { message: 'value-binary' };
  if (typeof value === 'object') return { message: 'value-mapping' };
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  // JSON has no infinity: JSON.stringify(1e309) is "null", which misleads.
  if (typeof value === 'number' && Number.isNaN(value)) return { message: 'value-nan' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { message: value > 0 ? 'value-infinity' : 'value-minus-infinity' };
  return String(value);
}

/**
 * What the whole file was, when it is not a mapping: its kind, never its text (a link to
 * /etc/passwd must not have its first line shown).
 */
export function describeRoot(value: unknown): MessageRef | string {
  if (typeof value === 'string') return { message: 'value-plain-text' };
  return describe(value);
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = issue.rule + JSON.stringify(issue.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
