/**
 * A fast path for the plain YAML that answers files are made of: a top-level
 * mapping whose values are simple scalars, flow lists of them, or one level of
 * nested mapping. Consultants score thousands of such files; the full YAML
 * library takes milliseconds each on a small machine, this takes microseconds.
 *
 * It accepts only text whose meaning it is sure of and returns `undefined` for
 * anything else (anchors, tags, block scalars, escapes, unusual numbers, tabs,
 * duplicate keys, documents markers…), and the caller then uses the full parser.
 * A property test holds it to the full parser's output for every text it accepts.
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const root: Record<string, unknown> = Object.create(null);
  let nested: Record<string, unknown> | undefined;
  let nestedIndent = -1;
  let openKey: string | undefined; // a top-level key written "key:" whose value may be a nested map
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    // CRLF is one line end; a CR anywhere else (also at the very end of the text) is one too, to YAML.
    if (line.endsWith('\r') && n < lines.length - 1) line = line.slice(0, -1);
    // YAML's white space is space and tab only: a no-break space, a BOM or a line separator
    // is text to it, whatever JavaScript's trim() thinks; controls have rules of their own.
    if (UNUSUAL.test(line)) return undefined;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    const match = KEY_LINE.exec(trimmed);
    if (!match) return undefined;
    const key = match[1]!;
    const rest = match[2]!;
    if (FORBIDDEN.has(key) || NULL_KEYS.has(key)) return undefined;

    let target: Record<string, unknown>;
    if (indent === 0) {
      nested = undefined;
      nestedIndent = -1;
      openKey = undefined;
      target = root;
    } else if (openKey !== undefined && (nestedIndent === -1 || indent === nestedIndent)) {
      if (nestedIndent === -1) {
        nestedIndent = indent;
        nested = Object.create(null) as Record<string, unknown>;
        root[openKey] = nested;
      }
      target = nested!;
    } else {
      return undefined;
    }
    if (Object.hasOwn(target, key)) return undefined;

    const value = stripComment(rest);
    if (value === undefined) return undefined;
    if (value === '') {
      // "key:" with nothing after: null, unless an indented mapping follows (top level only).
      target[key] = null;
      if (target === root) {
        openKey = key;
        nestedIndent = -1;
        nested = undefined;
      }
      continue;
    }
    if (target === root) openKey = undefined;
    const scalar = value.startsWith('[') ? flowList(value) : scalarValue(value);
    if (scalar === BAIL) return undefined;
    target[key] = scalar;
  }
  // An empty or comment-only file is null to the full parser, not an empty mapping.
  return Object.keys(root).length === 0 ? undefined : toPlainObject(root);
}

export const BAIL = Symbol('bail');
export type Bail = typeof BAIL;
/** Tabs, every white space but the plain space (NBSP, U+FEFF, U+2028…), CR and the C0/C1 controls. */
const UNUSUAL = /[^\S ]|[\u0000-\u001f\u007f-\u009f]/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** "key: rest" or "key:" with a plain key (see isPlainKey; no quoted or complex keys). */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?:$| (.*)$)/;
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
/**
 * A key the fast paths read themselves: a letter, then letters, digits, "-" and "_". A key
 * that begins with a digit may be a number to YAML (`0x1F` is 31), and `null` is no name at
 * all (the full parser's walk refuses it): both are left to the full parser.
 */
export const isPlainKey = (key: string): boolean => PLAIN_KEY.test(key) && !NULL_KEYS.has(key);
const NULL_KEYS = new Set(['null', 'Null', 'NULL']);

/** Removes a trailing " # comment" outside quotes; undefined when quoting is too unusual to be sure. */
export function stripComment(rest: string | undefined): string | undefined {
  if (rest === undefined) return '';
  const text = rest.trim();
  if (text.startsWith('"') || text.startsWith("'")) {
    const quote = text[0]!;
    const end = text.indexOf(quote, 1);
    if (end < 0) return undefined;
    const after = text.slice(end + 1).trim();
    if (after !== '' && !after.startsWith('#')) return undefined;
    return text.slice(0, end + 1);
  }
  const hash = text.search(/\s#/);
  return (hash >= 0 ? text.slice(0, hash) : text.startsWith('#') ? '' : text).trim();
}

/** Plain text the YAML core schema reads as a string, with no character that could mean something else. */
const PLAIN_STRING = /^[\p{L}\p{N}][\p{L}\p{N} .,()/–—'’@_+-]*$/u;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;

export function scalarValue(text: string): unknown {
  if (text.startsWith('"')) {
    const inner = text.slice(1, -1);
    // Escapes and line folding have rules of their own: leave them to the full parser.
    return text.endsWith('"') && !/["\\]/.test(inner) ? inner : BAIL;
  }
  if (text.startsWith("'")) {
    const inner = text.slice(1, -1);
    return text.endsWith("'") && !inner.includes("'") ? inner : BAIL;
  }
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (text === 'null' || text === 'Null' || text === 'NULL' || text === '~') return null;
  if (INTEGER.test(text)) {
    if (text === '-0') return BAIL;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BAIL;
  }
  if (DECIMAL.test(text)) return Number(text);
  if (/[0-9]/.test(text[0]!) || text.endsWith(' ') || text.includes(': ') || text.includes(' #')) return BAIL;
  return PLAIN_STRING.test(text) ? text : BAIL;
}

function flowList(text: string): unknown {
  if (!text.endsWith(']')) return BAIL;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  // Quotes could hide commas, brackets could nest: leave both to the full parser.
  if (/[[\]{}"']/.test(inner)) return BAIL;
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    if (item === '') return BAIL;
    const value = scalarValue(item);
    if (value === BAIL || value === null) return BAIL;
    items.push(value);
  }
  return items;
}

/** Plain objects, like the full parser gives (the null prototype only guarded the parse). */
function toPlainObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = value[key];
    out[key] = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? toPlainObject(inner as Record<string, unknown>) : inner;
  }
  return out;
}
