import type { Document, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Issue, MessageRef, Path } from '../core/issue.js';
import type { ValidateId } from '../i18n/validate.js';
import { parseBlockYaml } from './block-yaml.js';
import { parseSimpleYaml } from './fast-yaml.js';

import { MAX_BYTES } from './source.js';

export { MAX_BYTES };
/** Deeper nesting than this is refused; orgfit's deepest legitimate nesting is about 12. */
export const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Parsed {
  /** The plain data, or undefined when the file could not be read as YAML at all. */
  value: unknown;
  /** Problems found while decoding and parsing, with their own positions. */
  issues: PlacedIssue[];
  /** Where a path lies in the source; the nearest existing ancestor when the path does not exist. */
  locate(path: Path, atKey?: boolean): Position;
}

export interface PlacedIssue extends Issue {
  position: Position;
}

const START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * Decode and parse one YAML file without trusting it: size, encoding, syntax,
 * duplicate keys, aliases, prototype keys and nesting depth are all reported
 * as issues, never thrown.
 *
 * @example
 * const parsed = parseYaml(new TextEncoder().encode('a: 1\na: 2\n'));
 * parsed.issues[0].rule; // 'yaml-duplicate-key'
 */
export function parseYaml(bytes: Uint8Array, size = bytes.length, sizeIsLowerBound = false): Parsed {
  const decoded = decode(bytes, size, sizeIsLowerBound);
  if (typeof decoded !== 'string') {
    const position = decoded.position ?? START;
    return { value: undefined, issues: [{ ...decoded, position }], locate: () => position };
  }
  return parseText(decoded);
}

function decode(bytes: Uint8Array, size: number, sizeIsLowerBound: boolean): string | (Issue & { position?: Position }) {
  if (size > MAX_BYTES) {
    const shown: MessageRef | number = sizeIsLowerBound ? { message: 'more-than-bytes', params: { bytes: MAX_BYTES } } : size;
    return { rule: 'file-too-large', path: [], params: { bytes: shown, limit: MAX_BYTES } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { rule: 'file-encoding', path: [], params: { encoding: 'UTF-16' } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(bytes)) return { rule: 'file-encoding', path: [], params: { encoding: { message: 'encoding-utf16-without-bom' } } };
    // Text with a stray NUL is shown where the NUL is; anything else with NULs is binary data.
    if (isTextButNul(bytes)) return { rule: 'file-encoding', path: [], params: { encoding: { message: 'encoding-nul-byte' } }, position: bytePosition(bytes, nul) };
    return { rule: 'file-encoding', path: [], params: { encoding: 'binary' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    // Æ Ø Å æ ø å in Windows-1252: what a Norwegian file saved by an older program holds.
    const char = WINDOWS_1252.decode(bytes.subarray(bad, bad + 1));
    const encoding: MessageRef = /[ÆØÅæøåÉéÄäÖöÜü]/.test(char) ? { message: 'encoding-windows-1252', params: { byte, char } } : { message: 'encoding-bad-byte', params: { byte } };
    return { rule: 'file-encoding', path: [], params: { encoding }, position: bytePosition(bytes, bad) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A lone CR ends a line in YAML (as old Mac files have it); the YAML library would read the whole file as one line.
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

const WINDOWS_1252 = new TextDecoder('windows-1252');

/** Valid UTF-8 with no control characters but tab, line feed, carriage return and NUL. */
function isTextButNul(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 && b !== 0 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark: every other byte of ASCII text is NUL. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > half * 0.7 && even < half * 0.05) || (even > half * 0.7 && odd < half * 0.05);
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence (the decoder said there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** Line and column of a byte offset, counting characters (not bytes) on the line. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) {
      column++;
    }
  }
  return { line, column, endLine: line, endColumn: column + 1 };
}

export function parseText(text: string): Parsed {
  // Plain files (most answers files) take the fast path; positions are worked out
  // by the full parser only if a check ever asks for one.
  // Model files (block mappings, lists, folded prose) take the second fast path.
  const small = text.length <= 256 * 1024;
  const simple = small ? (parseSimpleYaml(text) ?? parseBlockYaml(text)) : undefined;
  if (simple) {
    let full: Parsed | undefined;
    return { value: simple, issues: [], locate: (path, atKey) => (full ??= parseFull(text)).locate(path, atKey) };
  }
  return parseFull(text);
}

function parseFull(text: string): Parsed {
  // The YAML library recurses once per level; bound the depth before it sees the text.
  const deep = scanDepth(text);
  if (deep.max > PRESCAN_DEPTH) {
    const counter = new (yamlLib().LineCounter)();
    counter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
    const pos = counter.linePos(deep.offset);
    const position = { line: pos.line, column: pos.col, endLine: pos.line, endColumn: pos.col };
    return { value: undefined, issues: [{ rule: 'yaml-too-deep', path: [], params: { limit: MAX_DEPTH }, position }], locate: () => position };
  }
  const lineCounter = new (yamlLib().LineCounter)();
  let doc: Document.Parsed;
  try {
    // uniqueKeys is off because the library checks each key against every earlier one
    // (quadratic: 20,000 keys took 9 s); the tree walk below finds duplicates with a set.
    doc = yamlLib().parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' });
  } catch (error) {
    // The parser recurses; pathological nesting can exhaust the stack.
    if (error instanceof RangeError) {
      return { value: undefined, issues: [{ rule: 'yaml-too-deep', path: [], params: { limit: MAX_DEPTH }, position: START }], locate: () => START };
    }
    throw error;
  }
  const at = (offset: number, end = offset): Position => {
    const s = lineCounter.linePos(offset);
    const e = lineCounter.linePos(end);
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  };
  const nodePos = (node: Node | null | undefined): Position =>
    node?.range ? at(node.range[0], node.range[1]) : START;

  const issues: PlacedIssue[] = [];
  const errors = [...doc.errors, ...doc.warnings];
  let syntax = false;
  for (const error of errors) {
    // The library turns its own stack overflow into an error; that is nesting, said as such.
    if (error.code === 'RESOURCE_EXHAUSTION') {
      issues.push({ rule: 'yaml-too-deep', path: [], params: { limit: MAX_DEPTH }, position: at(error.pos[0], error.pos[1]) });
      continue;
    }
    // After the first syntax error the parser is lost, and what follows is mostly
    // echoes of it: report the first only, as yamllint and ESLint do.
    if (syntax) continue;
    syntax = true;
    // "key: value" followed by a line indented too far: the library blames the value above;
    // the colon of the key on the next line (where its MULTILINE_IMPLICIT_KEY error ends) is the place to fix.
    const follow = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === error.pos[0]) : undefined;
    if (follow) {
      const colon = follow.pos[1];
      issues.push({ rule: 'yaml-syntax', path: [], params: { detail: { message: 'syntax-indented-key' } }, position: at(colon, colon + 1) });
      continue;
    }
    issues.push({ rule: 'yaml-syntax', path: [], params: { detail: syntaxDetail(error.code, error.message) }, position: at(error.pos[0], error.pos[1]) });
  }

  // Walk the tree once for what the YAML library accepts but orgfit refuses, and to
  // index where every path lies (so that placing 10,000 problems costs 10,000 lookups).
  /** Path (segments joined by NUL) → its key and value nodes; the first of duplicate keys wins. */
  const places = new Map<string, { key?: Node; value: Node | null }>();
  places.set('', { value: (doc.contents as Node | null) ?? null });
  let unsafe = false;
  let unsafeDepth = false;
  let duplicate = false;
  const stack: { node: unknown; depth: number; path: (string | number)[]; id: string }[] = [{ node: doc.contents, depth: 0, path: [], id: '' }];
  while (stack.length > 0) {
    const { node, depth, path, id } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      // Once is enough; the rest of the tree is still walked for its own problems and places.
      if (!unsafeDepth) issues.push({ rule: 'yaml-too-deep', path, params: { limit: MAX_DEPTH }, position: nodePos(node as Node) });
      unsafe = unsafeDepth = true;
      continue;
    }
    if (yamlLib().isAlias(node)) {
      issues.push({ rule: 'yaml-alias', path, params: { alias: node.source }, position: nodePos(node) });
      unsafe = true;
    } else if (yamlLib().isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (yamlLib().isAlias(pair.key) || (pair.key !== null && !yamlLib().isScalar(pair.key))) {
          issues.push({ rule: 'yaml-complex-key', path, position: nodePos(pair.key as Node) });
          unsafe = true;
          continue;
        }
        // `~: 1`, `null: 1` or `: 1`: the value would be filed under "" (or "null"), a name nobody wrote.
        if (pair.key === null || (yamlLib().isScalar(pair.key) && pair.key.value === null)) {
          const where = (pair.key ?? pair.value ?? node) as Node;
          issues.push({ rule: 'yaml-complex-key', path, position: nodePos(where) });
          unsafe = true;
          continue;
        }
        const name = String(yamlLib().isScalar(pair.key) ? pair.key.value : null);
        const childPath = [...path, name];
        const childId = `${id}\u0000${name}`;
        if (seen.has(name)) {
          // The JS value would keep only one of them: refuse the file, pointing at the second.
          issues.push({ rule: 'yaml-duplicate-key', path: childPath, params: {}, position: nodePos(pair.key as Node) });
          duplicate = true;
        } else {
          seen.add(name);
          places.set(childId, { ...(pair.key ? { key: pair.key as Node } : {}), value: (pair.value as Node | null) ?? null });
        }
        if (FORBIDDEN_KEYS.has(name) && yamlLib().isScalar(pair.key) && typeof pair.key.value === 'string') {
          issues.push({ rule: 'yaml-forbidden-key', path: childPath, params: { key: name }, position: nodePos(pair.key as Node) });
          unsafe = true;
          continue;
        }
        stack.push({ node: pair.value, depth: depth + 1, path: childPath, id: childId });
      }
    } else if (yamlLib().isSeq(node)) {
      node.items.forEach((item, index) => {
        const childId = `${id}\u0000${index}`;
        places.set(childId, { value: (item as Node | null) ?? null });
        stack.push({ node: item, depth: depth + 1, path: [...path, index], id: childId });
      });
    }
  }
  issues.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);

  const hasErrors = doc.errors.length > 0 || duplicate;
  let value: unknown = undefined;
  if (!hasErrors) {
    value = unsafe ? toPlain(doc.contents) : doc.toJS({ maxAliasCount: 0 });
  }

  const locate = (path: Path, atKey = false): Position => {
    let id = '';
    let node: unknown = doc.contents;
    let best: Position = nodePos(doc.contents as Node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      // A mapping's keys are matched as text; a list's items only by number.
      if (!yamlLib().isMap(node) && !(yamlLib().isSeq(node) && typeof segment === 'number')) return best;
      const place = places.get(`${id}\u0000${String(segment)}`);
      if (!place) return best;
      if (i === path.length - 1 && atKey && place.key) return nodePos(place.key);
      id = `${id}\u0000${String(segment)}`;
      node = place.value;
      best = place.value ? nodePos(place.value) : nodePos(place.key);
    }
    return best;
  };

  return { value, issues, locate };
}

/** Converts a tree that holds refused constructs, skipping them, without resolving aliases. */
function toPlain(node: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || yamlLib().isAlias(node)) return null;
  if (yamlLib().isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!yamlLib().isPair(pair) || !yamlLib().isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (FORBIDDEN_KEYS.has(key)) continue;
      out[key] = toPlain(pair.value, depth + 1);
    }
    return out;
  }
  if (yamlLib().isSeq(node)) return node.items.map((item) => toPlain(item, depth + 1));
  if (yamlLib().isScalar(node)) return node.value;
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The YAML library's error codes, and the message that explains each for the person who wrote the file. */
const SYNTAX: Partial<Record<string, ValidateId>> = {
  MULTIPLE_DOCS: 'syntax-multiple-docs',
  BAD_INDENT: 'syntax-bad-indent',
  TAB_AS_INDENT: 'syntax-tab-as-indent',
  MISSING_CHAR: 'syntax-missing-char',
  UNEXPECTED_TOKEN: 'syntax-unexpected-token',
  BLOCK_AS_IMPLICIT_KEY: 'syntax-block-as-implicit-key',
  MULTILINE_IMPLICIT_KEY: 'syntax-multiline-implicit-key',
  BAD_SCALAR_START: 'syntax-bad-scalar-start',
  BAD_DIRECTIVE: 'syntax-bad-directive',
  IMPOSSIBLE: 'syntax-impossible',
  TAG_RESOLVE_FAILED: 'syntax-tag-resolve-failed',
};

function syntaxDetail(code: string, message: string): MessageRef | string {
  const id = SYNTAX[code];
  return id ? { message: id, params: { detail: firstLine(message) } } : firstLine(message);
}

/** Above this depth the text is refused before parsing, to keep the parser's recursion safe. */
const PRESCAN_DEPTH = 256;

/**
 * A cheap upper estimate of the nesting depth of a YAML text: indentation levels of
 * block collections plus brackets of flow collections (outside quotes and comments).
 * Returns the deepest level and where the text first went deeper than MAX_DEPTH + 1 levels
 * (the level the tree walk reports). One pass, constant work per character.
 */
function scanDepth(text: string): { max: number; offset: number } {
  let max = 0;
  let offset = -1;
  const note = (depth: number, at: number) => {
    if (depth > max) max = depth;
    if (depth > MAX_DEPTH + 1 && offset < 0) offset = at;
  };
  const indents: number[] = [];
  let flow = 0;
  let base = 0; // block levels around the current flow collection
  let scalarIndent = -1; // inside a block scalar (| or >): lines indented deeper than this
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (scalarIndent >= 0 && (blank || indent > scalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    scalarIndent = -1;
    if (!blank) {
      let content = i;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        note(indents.length, i);
        // "- - - x": each compact sequence entry opens a level.
        while (text[i] === '-' && text[i + 1] === ' ') {
          indents.push(i - lineStart + 2);
          note(indents.length, i);
          i += 2;
          while (text[i] === ' ') i++;
        }
        content = i;
      }
      // Whether a flow collection may open here: at the start of the content, or after an
      // indicator ("key: [", "- [", "? [") with only white space since.
      let opens = true;
      let quote = '';
      for (; i < lineEnd; i++) {
        const c = text[i]!;
        if (quote) {
          if (c === quote) quote = '';
          continue;
        }
        if (c === ' ' || c === '\t') continue;
        if (c === '"' || (c === "'" && (flow > 0 || /[\s:[{,-]/.test(text[i - 1] ?? ' ')))) {
          quote = c;
          opens = false;
        } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
          break;
        } else if (c === '[' || c === '{') {
          if (flow > 0 || opens) {
            // A flow collection that starts the line takes the place of the block level.
            if (flow === 0) base = i === content ? indents.length - 1 : indents.length;
            flow++;
            note(base + flow, i);
          }
        } else if ((c === ']' || c === '}') && flow > 0) {
          flow--;
          opens = false;
        } else if ((c === '|' || c === '>') && flow === 0 && i > lineStart && /[\s:-]/.test(text[i - 1]!) && /^[-+0-9]*\s*(#.*)?\r?$/.test(text.slice(i + 1, lineEnd))) {
          scalarIndent = indent;
          break;
        } else {
          opens = c === ':' || c === '-' || c === '?';
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { max, offset: Math.max(offset, 0) };
}
