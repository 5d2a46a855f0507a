import { BAIL, isPlainKey, scalarValue as scalarOf, stripComment as stripTrailingComment, type Bail } from './fast-yaml.js';

/**
 * A second fast path, for the block YAML that model files are made of: mappings and
 * sequences nested by indentation, the scalars of the first fast path (./fast-yaml.ts),
 * flow lists of them, and folded or literal block scalars (`>`, `>-`, `|`, `|-`) whose
 * lines all sit at one indentation. The full YAML library takes tens of milliseconds for a
 * 15 kB model file on a small machine, cold; this takes well under one.
 *
 * Like the first, it returns `undefined` for anything it is not sure of (anchors, tags,
 * quoting with escapes, multi-line plain or quoted scalars, more-indented or trailing-space
 * lines in a block scalar, keep-chomping `+`, indentation indicators, tabs, duplicate keys,
 * document markers…), and the caller then uses the full parser. A property test holds it
 * to the full parser on every text it accepts.
 */
export function parseBlockYaml(text: string): Record<string, unknown> | undefined {
  // One test of the whole text: a CR that does not end a line (also one at the very end) is a line end to YAML, and
  // tabs, white space other than the plain space and the controls are the full parser's.
  if (ODD_TEXT.test(text) || LONE_CR.test(text)) return undefined;
  const lines = text.includes('\r') ? text.split('\r\n').join('\n').split('\n') : text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const reader = new Reader(lines);
  reader.skipIgnorable();
  if (reader.done()) return undefined; // empty or comments only: null to the full parser
  if (reader.indent() !== 0) return undefined;
  const root = reader.node(0);
  reader.skipIgnorable();
  if (root === BAIL || !reader.done() || root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  return root as Record<string, unknown>;
}

/** What ./fast-yaml.ts refuses in a line (UNUSUAL), but for the line ends themselves. */
// One character class (white space but space and line ends, then the controls), several times
// faster than the same set written as [^\S \n\r]|[…].
const ODD_TEXT = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const LONE_CR = /\r(?!\n)/;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const BLOCK_HEADER = /^([>|])(-?)$/;
/** Nesting the fast path takes on itself (orgfit's files nest six deep at most). */
const MAX_NESTING = 32;

class Reader {
  private at = 0;
  private depth = 0;
  /** Per line, its indentation and what follows it (spaces only: every other white space was refused above). */
  private readonly indents: Int32Array;
  private readonly contents: string[];
  constructor(private readonly lines: string[]) {
    this.indents = new Int32Array(lines.length);
    this.contents = lines.map((line, n) => {
      const content = line.trimStart();
      this.indents[n] = line.length - content.length;
      return content;
    });
  }

  done(): boolean {
    return this.at >= this.lines.length;
  }

  indent(): number {
    return this.indents[this.at]!;
  }

  private content(): string {
    return this.contents[this.at]!;
  }

  /** Skips empty lines and comment lines (never inside a block scalar: see blockScalar). */
  skipIgnorable(): void {
    while (!this.done()) {
      const content = this.content();
      if (content !== '' && !content.startsWith('#')) return;
      this.at++;
    }
  }

  /** The node whose first line is the current one, at the given indentation: a sequence or a mapping. */
  node(indent: number): unknown {
    // Deeper than any orgfit file goes: the full parser's depth check (./parse.ts) reports it.
    if (++this.depth > MAX_NESTING) return BAIL;
    const value = this.content() === '-' || this.content().startsWith('- ') ? this.sequence(indent) : this.mapping(indent, undefined);
    this.depth--;
    return value;
  }

  /**
   * A block mapping whose keys sit at `indent`. `first` is the content of its first entry
   * when that entry began on a sequence item's line ("- key: value").
   */
  private mapping(indent: number, first: string | undefined): Record<string, unknown> | Bail {
    // A plain object from the start (copying a null-prototype one cost a twentieth of reading a
    // model file): safe, as every key is plain, none is __proto__, constructor or prototype,
    // and duplicates are told by own properties only.
    const map: Record<string, unknown> = {};
    let entry = first;
    for (;;) {
      if (entry === undefined) {
        this.skipIgnorable();
        if (this.done() || this.indent() < indent) break;
        if (this.indent() > indent) return BAIL;
        entry = this.content();
        if (entry === '-' || entry.startsWith('- ')) break; // a sequence at the key's indentation belongs to the parent
      }
      this.at++;
      const colon = entry.indexOf(':');
      if (colon <= 0 || (entry.length > colon + 1 && entry[colon + 1] !== ' ')) return BAIL;
      const key = entry.slice(0, colon);
      if (!isPlainKey(key) || FORBIDDEN.has(key) || Object.hasOwn(map, key)) return BAIL;
      const value = this.valueAfter(entry.slice(colon + 1), indent, true);
      if (value === BAIL) return BAIL;
      map[key] = value;
      entry = undefined;
    }
    return map;
  }

  /** A block sequence whose dashes sit at `indent`. */
  private sequence(indent: number): unknown[] | Bail {
    const items: unknown[] = [];
    for (;;) {
      this.skipIgnorable();
      if (this.done() || this.indent() < indent) break;
      if (this.indent() > indent) return BAIL;
      const content = this.content();
      if (content !== '-' && !content.startsWith('- ')) break;
      const rest = content.slice(1);
      const spaces = rest.length - rest.trimStart().length;
      const inline = rest.trimStart();
      let value: unknown;
      if (inline !== '' && !inline.startsWith('#') && isKeyEntry(inline)) {
        // "- key: value": a mapping whose keys sit where this key begins.
        if (++this.depth > MAX_NESTING) return BAIL;
        value = this.mapping(indent + 1 + spaces, inline);
        this.depth--;
      } else {
        this.at++;
        value = this.valueAfter(rest, indent, false);
      }
      if (value === BAIL) return BAIL;
      items.push(value);
    }
    return items;
  }

  /**
   * The value after "key:" or "-" (`rest`, with its leading space) on the line just read,
   * whose parent sits at `indent`: inline, a block scalar, a nested node, or null.
   */
  private valueAfter(rest: string, indent: number, ofKey: boolean): unknown {
    const text = stripTrailingComment(rest);
    if (text === undefined) return BAIL;
    if (text === '') {
      this.skipIgnorable();
      if (this.done()) return null;
      const next = this.indent();
      const content = this.content();
      const dash = content === '-' || content.startsWith('- ');
      // A key's sequence may sit at the key's own indentation; anything else nested is indented deeper.
      if (next > indent || (ofKey && dash && next === indent)) return this.node(next);
      return null;
    }
    const header = BLOCK_HEADER.exec(text);
    if (header) return text === rest.trim() ? this.blockScalar(indent, header[1] === '>', header[2] === '-') : BAIL;
    const value = text.startsWith('[') ? flowList(text) : plainText(text);
    if (value === BAIL) return BAIL;
    // A plain scalar that goes on on the next, deeper line is a multi-line scalar: not ours.
    this.skipIgnorable();
    if (!this.done() && this.indent() > indent) return BAIL;
    return value;
  }

  /** A block scalar's lines, all at one indentation deeper than its parent's, folded (`>`) or kept (`|`). */
  private blockScalar(parent: number, folded: boolean, strip: boolean): string | Bail {
    const start = this.at;
    let indent = -1;
    const parts: string[] = [];
    let end = start;
    while (end < this.lines.length) {
      const content = this.contents[end]!;
      const spaces = this.indents[end]!;
      if (content === '') {
        // An empty line with more spaces than the scalar's indentation holds content: not ours.
        if (indent >= 0 && spaces > indent) return BAIL;
        if (indent < 0 && spaces > parent + 1) return BAIL;
        parts.push('');
        end++;
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent) break;
        indent = spaces;
      }
      if (spaces < indent) {
        if (spaces > parent) return BAIL;
        break;
      }
      if (spaces > indent || content.endsWith(' ')) return BAIL;
      parts.push(content);
      end++;
    }
    // Empty lines at the end belong to what follows, as far as the text goes (chomping decides the line breaks).
    let last = parts.length;
    while (last > 0 && parts[last - 1] === '') last--;
    if (indent < 0 || parts[0] === '') return BAIL; // an empty scalar, or leading empty lines: the full parser's rules
    this.at = start + last;
    const body = parts.slice(0, last);
    let value: string;
    if (folded) {
      // Lines are joined by a space; each empty line between two lines is one line break instead.
      const pieces: string[] = [body[0]!];
      for (let i = 1; i < body.length; i++) {
        const part = body[i]!;
        pieces.push(part === '' ? '\n' : body[i - 1] === '' ? part : ` ${part}`);
      }
      value = pieces.join('');
    } else {
      value = body.join('\n');
    }
    return strip ? value : `${value}\n`;
  }
}

/** The words the core schema reads as null or a boolean; every other word is a string. */
const WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/**
 * A scalar in block context (a key's or an item's value). Text that begins with a letter is
 * a string to the core schema unless it is one of its words (null, true, false), and may
 * hold any character but the ": " and " #" that would end it, as prose in model files does
 * («» – ’ ; …). Anything else (numbers, quotes, indicators) goes by the first fast path's
 * stricter rules.
 */
function plainText(text: string): unknown {
  if (/^\p{L}/u.test(text) && !WORDS.has(text)) return text.includes(': ') || text.includes(' #') || text.endsWith(':') ? BAIL : text;
  return scalarOf(text);
}

/** "key: …" or "key:" with a plain key, as a sequence item's first entry. */
function isKeyEntry(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && (colon === text.length - 1 || text[colon + 1] === ' ') && isPlainKey(text.slice(0, colon));
}

/**
 * A flow list of plain scalars, nested lists allowed (`[[1, 1], [3, 0]]`); quotes and
 * flow mappings could hide commas and brackets: those are the full parser's.
 */
function flowList(text: string): unknown[] | Bail {
  if (/[{}"']/.test(text)) return BAIL;
  let at = 0;
  let depth = 0;
  const list = (): unknown[] | Bail => {
    if (++depth > MAX_NESTING) return BAIL;
    at++; // "["
    const items: unknown[] = [];
    for (;;) {
      while (text[at] === ' ') at++;
      if (text[at] === ']' && items.length === 0) {
        at++;
        depth--;
        return items;
      }
      let item: unknown;
      if (text[at] === '[') {
        item = list();
      } else {
        const end = text.slice(at).search(/[,\]\[]/);
        if (end < 0) return BAIL;
        const raw = text.slice(at, at + end).trim();
        at += end;
        if (raw === '') return BAIL;
        item = scalarOf(raw);
        if (item === null) return BAIL;
      }
      if (item === BAIL) return BAIL;
      items.push(item);
      while (text[at] === ' ') at++;
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === ']') {
        at++;
        depth--;
        return items;
      }
      return BAIL;
    }
  };
  const value = list();
  return value !== BAIL && at === text.length ? value : BAIL;
}

