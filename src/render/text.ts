import { commonText } from '../i18n/common.js';
import type { Lang } from '../i18n/lang.js';

/*
 * The text helpers every renderer shares (as Spectral's formatters/src/utils/). Widths are
 * what a terminal shows: code points, not UTF-16 units, so «», ø and – line up like ASCII,
 * and colour codes take no room.
 */

const COLOUR_CODE = /\x1b\[[0-9;]*m/g;

/** The columns a text takes on a terminal. */
export function width(text: string): number {
  return [...text.replace(COLOUR_CODE, '')].length;
}

export function pad(text: string, columns: number): string {
  const n = width(text);
  return n >= columns ? text : text + ' '.repeat(columns - n);
}

export function padStart(text: string, columns: number): string {
  const n = width(text);
  return n >= columns ? text : ' '.repeat(columns - n) + text;
}

/** Cuts a text to a width, marking the cut with "…". */
export function truncate(text: string, columns: number): string {
  const points = [...text];
  return points.length <= columns ? text : points.slice(0, Math.max(0, columns - 1)).join('') + '…';
}

/**
 * Wraps text at spaces to a width. `first` starts the first line and `indent` every line
 * after it; each paragraph (a line of the text) keeps its own leading whitespace, and a
 * word longer than the width stays whole.
 */
export function wrap(text: string, columns: number, { indent = '', first = '' }: { indent?: string; first?: string } = {}): string[] {
  const lines: string[] = [];
  text.split('\n').forEach((paragraph, i) => {
    // The paragraph's own leading whitespace, after any colour code.
    const lead = /^((?:\x1b\[[0-9;]*m)*\s*)/.exec(paragraph)![1]!;
    let line = (i === 0 ? first : '') + lead;
    let empty = true;
    for (const word of paragraph.slice(lead.length).split(' ')) {
      if (word === '') continue;
      const candidate = empty ? line + word : `${line} ${word}`;
      if (!empty && width(candidate) > columns) {
        lines.push(line);
        line = indent + word;
      } else {
        line = candidate;
      }
      empty = false;
    }
    lines.push(line);
  });
  return lines;
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

/**
 * Text from a file, made safe to print: it must not be able to drive the terminal or
 * reorder what the reader sees. Control characters (ESC, CR, the C1 set) and the bidi
 * embeddings, overrides and isolates (the "Trojan Source" characters) are shown as
 * `\uXXXX`; line breaks and tabs, which only lay text out, stay.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of a value (a result, say) with every string in it made visible, for a renderer that prints much of it. */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleDeep) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, visibleDeep(v)])) as T;
  return value;
}
