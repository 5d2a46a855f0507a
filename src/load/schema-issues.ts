import type * as z from 'zod/mini';
import type { Issue, Path } from '../core/issue.js';
import { kindOfFormat } from '../schema/kinds.js';
import { KIND_NAMES } from './check.js';

type ZodIssue = z.core.$ZodIssue;
type Words = { nb: string; en: string };

// words: move to the catalog
const DESCRIBE_WORDS = {
  binary: { nb: 'binærdata (!!binary)', en: 'binary data (!!binary)' },
  nan: { nb: '.nan (ikke et tall)', en: '.nan (not a number)' },
  infinity: { nb: 'uendelig (som 1e309 eller .inf)', en: 'infinity (like 1e309 or .inf)' },
  minusInfinity: { nb: 'minus uendelig (som -1e309 eller -.inf)', en: 'minus infinity (like -1e309 or -.inf)' },
  text: { nb: 'en tekst (filen er ikke YAML med nøkler og verdier)', en: 'a text (the file is not YAML with keys and values)' },
} satisfies Record<string, Words>;

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
        const kind = known ? KIND_NAMES[known] : { nb: 'orgfit-fil', en: 'an orgfit file' };
        out.push({ rule: 'file-kind', path, params: { found: found === undefined ? { nb: 'mangler', en: 'missing' } : describe(found), expected: issue.values.map(String).join(', '), kind, example } });
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
      out.push({ rule: 'schema-format', path, params: { format: FORMAT_WORDS[issue.message] ?? (issue.message && issue.message !== 'Invalid input' ? issue.message : String(issue.format)) } });
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
        out.push({ rule: 'schema-type', path, params: { expected: { nb: joinWords(expected, 'nb'), en: joinWords(expected, 'en') }, found: describe(found) } });
        return;
      }
      for (const inner of best) collect(inner, path, root, out);
      return;
    }
    case 'invalid_key':
      // A key that is not allowed: point at the key and name it.
      out.push({ rule: 'schema-format', path, atKey: true, params: { format: `"${String(path.at(-1))}": ${issue.issues?.[0]?.message ?? 'not a valid key'}` } });
      return;
    default:
      out.push({ rule: 'schema-type', path, params: { expected: expectedName('valid'), found: describe(found) } });
  }
}

/** The formats the schemas name (src/schema/common.ts), in both languages. */
const FORMAT_WORDS: Record<string, { nb: string; en: string }> = {
  'kebab-case: lower-case letters, digits and single hyphens': {
    nb: 'små bokstaver, sifre og enkle bindestreker (kebab-case)',
    en: 'kebab-case: lower-case letters, digits and single hyphens',
  },
  'a range of review lines, like "330-349"': { nb: 'et linjeområde i litteraturstudien, som «330-349»', en: 'a range of review lines, like "330-349"' },
};

const WHAT = {
  list: { nb: 'Lengden på listen', en: 'The length of the list' },
  text: { nb: 'Lengden på teksten', en: 'The length of the text' },
  value: { nb: 'Verdien', en: 'The value' },
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

const TYPE_WORDS: Record<string, Words> = {
  string: { nb: 'tekst', en: 'text' },
  number: { nb: 'et tall', en: 'a number' },
  int: { nb: 'et heltall', en: 'a whole number' },
  integer: { nb: 'et heltall', en: 'a whole number' },
  boolean: { nb: 'true eller false', en: 'true or false' },
  object: { nb: 'en avbildning (nøkkel: verdi)', en: 'a mapping (key: value)' },
  record: { nb: 'en avbildning (nøkkel: verdi)', en: 'a mapping (key: value)' },
  array: { nb: 'en liste', en: 'a list' },
  null: { nb: 'ingenting (null)', en: 'nothing (null)' },
  valid: { nb: 'en gyldig verdi', en: 'a valid value' },
};

function expectedName(expected: string): Words {
  return TYPE_WORDS[expected] ?? { nb: expected, en: expected };
}

function joinWords(list: Words[], lang: 'nb' | 'en'): string {
  return [...new Set(list.map((w) => w[lang]))].join(lang === 'nb' ? ' eller ' : ' or ');
}

/** A short description of a value for a message, in both languages. */
export function describe(value: unknown): Words | string {
  if (value === undefined) return { nb: 'ingenting', en: 'nothing' };
  if (value === null) return { nb: 'ingenting (null)', en: 'nothing (null)' };
  if (Array.isArray(value)) return { nb: 'en liste', en: 'a list' };
  if (value instanceof Uint8Array) return DESCRIBE_WORDS.binary;
  if (typeof value === 'object') return { nb: 'en avbildning', en: 'a mapping' };
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  if (typeof value === 'number' && Number.isNaN(value)) return DESCRIBE_WORDS.nan;
  if (typeof value === 'number' && !Number.isFinite(value)) return value > 0 ? DESCRIBE_WORDS.infinity : DESCRIBE_WORDS.minusInfinity;
  return String(value);
}

/**
 * What the whole file was, when it is not a mapping: its kind, never its text (a link to
 * /etc/passwd must not have its first line shown).
 */
export function describeRoot(value: unknown): Words | string {
  if (typeof value === 'string') return DESCRIBE_WORDS.text;
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
