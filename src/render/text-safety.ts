/**
 * Text from files (a municipality's name, a model's name, a rationale) printed to a
 * terminal: what it says, never what it does. An ESC starts a control sequence (clear the
 * screen, set the window title, write the clipboard with OSC 52), a CR overwrites the line,
 * U+009B is a one-character CSI, and bidi controls reorder what is shown. They are shown
 * escaped, as JSON writes them ("\u001b"), as `ls` and git quote such names.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * The text with every control, C1 and bidi character escaped; other text unchanged.
 *
 * @example
 * visible('Evil\u001b[2J'); // 'Evil\\u001b[2J'
 */
export function visible(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A copy of a renderer's input with every string made `visible`: one call at the top of a
 * text renderer covers every field it prints, now and after it prints more. Keys are kept.
 */
export function visibleAll<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleAll) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = visibleAll(inner);
    return out as T;
  }
  return value;
}

/** Colour codes, which take no room on the screen. */
const SGR = /\x1b\[[0-9;]*m/g;

/** Ranges of East Asian wide and fullwidth characters (two columns each), and emoji. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x2e80, 0x303e], [0x3041, 0x33ff],
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function width(codePoint: number): number {
  if (codePoint < 0x300) return 1;
  // Combining marks and zero-width characters take no column of their own.
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfeff) return 0;
  for (const [low, high] of WIDE) if (codePoint >= low && codePoint <= high) return 2;
  return 1;
}

/** How many terminal columns a text takes (colour codes none, CJK two per character). */
export function columns(text: string): number {
  let n = 0;
  for (const c of text.replace(SGR, '')) n += width(c.codePointAt(0)!);
  return n;
}

/** The longest start of a text that fits in `max` columns; colour codes in it are kept and take none. */
export function sliceColumns(text: string, max: number): string {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const code = /^\x1b\[[0-9;]*m/.exec(text.slice(i, i + 16));
    if (code) {
      i += code[0].length;
      continue;
    }
    const point = text.codePointAt(i)!;
    const w = width(point);
    if (used + w > max) break;
    used += w;
    i += point > 0xffff ? 2 : 1;
  }
  return text.slice(0, i);
}
