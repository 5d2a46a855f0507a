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
