import { commonText } from '../i18n/common.js';
import type { Lang } from '../i18n/lang.js';

/*
 * The text helpers every renderer shares (as Spectral's formatters/src/utils/). Widths are
 * what a terminal shows: terminal columns, not UTF-16 units or bytes, so «», ø and – line
 * up like ASCII, a CJK character takes two columns, a combining mark none, and colour
 * codes take no room.
 */

const COLOUR_CODE = /\x1b\[[0-9;]*m/g;

/** Ranges of East Asian wide and fullwidth characters (two columns each), and emoji. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x2e80, 0x303e], [0x3041, 0x33ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** The columns one code point takes. */
function columnsOf(codePoint: number): number {
  if (codePoint < 0x300) return 1;
  // Combining marks and zero-width characters take no column of their own.
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfeff) return 0;
  for (const [low, high] of WIDE) if (codePoint >= low && codePoint <= high) return 2;
  return 1;
}

/** The columns a text takes on a terminal (colour codes none, CJK two per character). */
export function width(text: string): number {
  // Code unit by code unit while there is no colour code and no surrogate pair (almost every
  // text: wrapping measures each line once per word); the same count as the general way.
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x300 && unit !== 0x1b) n++;
    else if (unit === 0x1b || (unit >= 0xd800 && unit <= 0xdfff)) return widthOfAny(text);
    else n += columnsOf(unit);
  }
  return n;
}

function widthOfAny(text: string): number {
  let n = 0;
  for (const c of text.replace(COLOUR_CODE, '')) n += columnsOf(c.codePointAt(0)!);
  return n;
}

/** The longest start of a text that fits in `columns` columns; colour codes in it are kept and take none. */
export function sliceColumns(text: string, columns: number): string {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const code = /^\x1b\[[0-9;]*m/.exec(text.slice(i, i + 16));
    if (code) {
      i += code[0].length;
      continue;
    }
    const point = text.codePointAt(i)!;
    const w = columnsOf(point);
    if (used + w > columns) break;
    used += w;
    i += point > 0xffff ? 2 : 1;
  }
  return text.slice(0, i);
}

export function pad(text: string, columns: number): string {
  const n = width(text);
  return n >= columns ? text : text + ' '.repeat(columns - n);
}

export function padStart(text: string, columns: number): string {
  const n = width(text);
  return n >= columns ? text : ' '.repeat(columns - n) + text;
}

/** Cuts a text to a width in columns, marking the cut with "…". */
export function truncate(text: string, columns: number): string {
  return width(text) <= columns ? text : sliceColumns(text, Math.max(0, columns - 1)) + '…';
}

/**
 * Wraps text at spaces to a width in columns. `first` starts the first line and `indent`
 * every line after it; each paragraph (a line of the text) keeps its own leading
 * whitespace. A word longer than the width stays whole, unless it is longer than a whole
 * line (a 200-character name without spaces): that is cut across lines rather than left
 * to run past the terminal's edge.
 */
export function wrap(text: string, columns: number, { indent = '', first = '' }: { indent?: string; first?: string } = {}): string[] {
  const lines: string[] = [];
  // Widths add up (a colour code, a surrogate pair or a word never straddles a space), so each
  // word is measured once and each line's width is kept as it grows.
  const indentWidth = width(indent);
  text.split('\n').forEach((paragraph, i) => {
    // The paragraph's own leading whitespace, after any colour code.
    const lead = /^((?:\x1b\[[0-9;]*m)*\s*)/.exec(paragraph)![1]!;
    let line = (i === 0 ? first : '') + lead;
    let lineWidth = width(line);
    let empty = true;
    for (let word of paragraph.slice(lead.length).split(' ')) {
      if (word === '') continue;
      let wordWidth = width(word);
      const candidateWidth = lineWidth + (empty ? 0 : 1) + wordWidth;
      if (!empty && candidateWidth > columns) {
        lines.push(line);
        line = indent + word;
        lineWidth = indentWidth + wordWidth;
      } else {
        line = empty ? line + word : `${line} ${word}`;
        lineWidth = candidateWidth;
      }
      empty = false;
      // Cut only where at least 8 columns are left for the piece; a short line keeps its word whole.
      while (lineWidth > columns) {
        const start = line.length - word.length;
        const room = columns - (lineWidth - wordWidth);
        if (room < 8) break;
        const piece = sliceColumns(word, room);
        if (piece === '') break;
        lines.push(line.slice(0, start) + piece);
        word = word.slice(piece.length);
        wordWidth = width(word);
        line = indent + word;
        lineWidth = indentWidth + wordWidth;
      }
    }
    lines.push(line);
  });
  return lines;
}

/** Abbreviations whose full stop ends no sentence ("Fehn et al. 1999", "bl.a. i Bergen"). */
const ABBREVIATIONS = /(?:^|[\s(])(?:et al|mfl|m\.fl|bl\.a|f\.eks|jf|dvs|ca|kap|nr|pkt|s|e\.g|i\.e|cf|vs|etc|n\.d|u\.å)\.$/iu;

/**
 * The first sentence of a text: up to a full stop, question or exclamation mark that
 * is outside brackets, not an abbreviation's, and followed by the end or by a space and
 * a capital, a digit, a quote or a bracket. A first sentence shorter than `atLeast`
 * characters takes the next one along ("Every reorganisation has a cost." is short).
 */
export function firstSentence(text: string, atLeast = 0): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let depth = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === '.' || c === '!' || c === '?') && i + 1 >= atLeast) {
      const rest = flat.slice(i + 1);
      if (rest !== '' && !/^ [\p{Lu}\d«"“(]/u.test(rest)) continue;
      if (c === '.' && ABBREVIATIONS.test(flat.slice(0, i + 1))) continue;
      return flat.slice(0, i + 1);
    }
  }
  return flat;
}

/** A percentage for people: 0.583 → "58 %" (nb) / "58%" (en). */
export function percent(share: number, lang: Lang): string {
  return commonText(lang, 'percent', { n: Math.round(share * 100) });
}

/** A number with the language's decimal separator. */
export function decimal(n: number, digits: number, lang: Lang): string {
  return n.toFixed(digits).replace('.', commonText(lang, 'decimal-separator'));
}

/** "−2.1" with a real minus sign and an explicit plus. */
export function signed(n: number, digits: number, lang: Lang): string {
  const text = decimal(Math.abs(n), digits, lang);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/** Controls (C0 with tab, LF and CR; DEL; C1) and the bidi and separator characters of `visible`. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Text from a file, made safe to print: what it says, never what it does. An ESC starts a
 * control sequence (clear the screen, set the window title, write the clipboard with
 * OSC 52), a CR overwrites the line, a line feed or tab from a name breaks the layout it
 * is put in, U+009B is a one-character CSI, and the bidi embeddings, overrides, isolates
 * and marks (the "Trojan Source" characters) and the line and paragraph separators
 * reorder or break what the reader sees. Each is shown escaped, as JSON writes it
 * (`\t`, `\n`, `\r`, else `\uXXXX`), as `ls` and git quote such names.
 *
 * @example
 * visible('Evil\u001b[2J'); // 'Evil\\u001b[2J'
 */
export function visible(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A copy of a value (a result, say) with every string in it made visible, for a renderer
 * that prints much of it: one call at its top covers every field it prints, now and after
 * it prints more. Keys are kept; only arrays and plain objects are copied into.
 */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  // Copied only where something changed: a result is large, and almost all of it is safe already.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = visibleDeep(value[i]);
      if (v !== value[i]) (copy ??= value.slice())[i] = v;
    }
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const source = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(source)) {
      const v = visibleDeep(source[key]);
      if (v !== source[key]) (copy ??= { ...source })[key] = v;
    }
    return (copy ?? value) as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * What JSON.stringify leaves raw inside strings that a terminal or an editor still acts
 * on: DEL, the C1 controls (U+009B is a one-character CSI), the bidi marks, embeddings,
 * overrides and isolates, and the line and paragraph separators. (It escapes C0 itself.)
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as indented JSON plus a newline, every format's JSON, with the characters of
 * JSON_UNSAFE written as \uXXXX escapes: the same JSON to a parser, harmless on a terminal.
 * (They can only stand inside strings, where the escape means the same character.)
 *
 * @example
 * jsonText({ name: 'x\u202ey' }); // '{\n  "name": "x\\u202ey"\n}\n'
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/** A number as a spreadsheet reads one; only such a cell may start with "-" as it is. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;
/** What makes a spreadsheet take a cell for a formula (OWASP's list, with the full-width forms Excel also reads). */
const FORMULA = /^[=+\-@\t\r\n\0＝＋－＠]/;

/** The two dialects: RFC 4180 for scripts, and Norwegian Excel's (semicolons, decimal comma, a byte-order mark). */
export interface CsvDialect {
  excel?: boolean;
}

/**
 * One CSV cell, for every CSV orgfit writes (RFC 4180: quoted when needed, inner quotes
 * doubled). Controls are shown escaped (a CSV printed to a terminal is text too). A number
 * is written as one (with a decimal comma for Excel); every other cell a spreadsheet would
 * take for a formula (= + - @, tab, CR, LF, NUL, or their full-width forms first) gets a
 * leading "'", unless it is a plain number: "-1+1", "-1+HYPERLINK(…)" and
 * "-2+3+cmd|' /C calc'!A0" are formulas, "-12.5" is not.
 */
export function csvCell(value: unknown, { excel = false }: CsvDialect = {}): string {
  let text: string;
  if (typeof value === 'number') text = excel ? String(value).replace('.', ',') : String(value);
  else {
    text = value === undefined || value === null ? '' : visible(String(value));
    if (FORMULA.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  }
  const special = excel ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
