import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Issue, Path } from '../core/issue.js';

/** Files larger than this are refused before parsing: no orgfit file comes near it. */
export const MAX_BYTES = 2 * 1024 * 1024;
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
export function parseYaml(bytes: Uint8Array, size = bytes.length): Parsed {
  const decoded = decode(bytes, size);
  if (typeof decoded !== 'string') {
    return { value: undefined, issues: [{ ...decoded, path: [], position: START }], locate: () => START };
  }
  return parseText(decoded);
}

function decode(bytes: Uint8Array, size: number): string | Issue {
  if (size > MAX_BYTES) {
    return { rule: 'file-too-large', path: [], params: { bytes: size, limit: MAX_BYTES } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { rule: 'file-encoding', path: [], params: { encoding: 'UTF-16' } };
  }
  if (bytes.includes(0)) return { rule: 'file-encoding', path: [], params: { encoding: 'binary' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return { rule: 'file-encoding', path: [], params: { encoding: 'not UTF-8' } };
  }
}

export function parseText(text: string): Parsed {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
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
  for (const error of [...doc.errors, ...doc.warnings]) {
    const rule = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    issues.push({ rule, path: [], params: { detail: firstLine(error.message) }, position: at(error.pos[0], error.pos[1]) });
  }

  // Walk the tree once for what the YAML library accepts but orgfit refuses.
  let unsafe = false;
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [{ node: doc.contents, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      issues.push({ rule: 'yaml-too-deep', path, params: { limit: MAX_DEPTH }, position: nodePos(node as Node) });
      unsafe = true;
      break;
    }
    if (isAlias(node)) {
      issues.push({ rule: 'yaml-alias', path, params: { alias: node.source }, position: nodePos(node) });
      unsafe = true;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (isAlias(pair.key) || (pair.key !== null && !isScalar(pair.key))) {
          issues.push({ rule: 'yaml-complex-key', path, position: nodePos(pair.key as Node) });
          unsafe = true;
          continue;
        }
        if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
          issues.push({ rule: 'yaml-forbidden-key', path: [...path, key], params: { key }, position: nodePos(pair.key as Node) });
          unsafe = true;
          continue;
        }
        stack.push({ node: pair.value, depth: depth + 1, path: [...path, String(key)] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push({ node: item, depth: depth + 1, path: [...path, index] }));
    }
  }
  issues.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);

  const hasErrors = doc.errors.length > 0;
  let value: unknown = undefined;
  if (!hasErrors) {
    value = unsafe ? toPlain(doc.contents) : doc.toJS({ maxAliasCount: 0 });
  }

  const locate = (path: Path, atKey = false): Position => {
    let node: unknown = doc.contents;
    let best: Position = nodePos(doc.contents as Node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return best;
        if (last && atKey) return nodePos(pair.key as Node);
        node = pair.value;
        best = pair.value ? nodePos(pair.value as Node) : nodePos(pair.key as Node);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return best;
        node = item;
        best = nodePos(item as Node);
      } else {
        return best;
      }
    }
    return best;
  };

  return { value, issues, locate };
}

/** Converts a tree that holds refused constructs, skipping them, without resolving aliases. */
function toPlain(node: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || isAlias(node)) return null;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (FORBIDDEN_KEYS.has(key)) continue;
      out[key] = toPlain(pair.value, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item, depth + 1));
  if (isScalar(node)) return node.value;
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
