import type { Lang } from '../i18n/lang.js';
import type { FormatCommand, FormatOf } from './formats.js';
import type { Painter } from './paint.js';

/**
 * What every renderer is told: the reader's language, how to colour (`plain` for no
 * colour; the CLI decides from the terminal, NO_COLOR and --no-color), and the width
 * to lay text out in. Formats that need none of it (JSON, CSV) ignore it.
 */
export interface RenderOptions {
  lang: Lang;
  paint: Painter;
  width: number;
}

/**
 * A renderer is a pure function from data to the text a command prints: no IO, no clock,
 * no colour library (style.md, habit 8; Spectral's formatters). `O` adds what only its
 * command knows.
 */
export type Renderer<T, O = {}> = (data: T, options: RenderOptions & O) => string;

/** One command's renderers, by format name: every name of ./formats.ts has one, and no other. */
export type Registry<C extends FormatCommand, T, O = {}> = { readonly [F in FormatOf<C>]: Renderer<T, O> };

/**
 * A renderer whose output is written piece by piece, one item at a time, so that a
 * command over 100,000 files never holds their results (or one giant string) at once.
 * `start`, every `item` in order and `end`, joined, are byte for byte what the
 * whole-list renderer of the same format returns.
 */
export interface StreamRenderer<T> {
  start(count: number): string;
  item(value: T, index: number, count: number): string;
  end(count: number): string;
}

/** What a format renders to: text, or the bytes of a binary format, which may take a promise to build (Word). */
export type Output = string | Uint8Array | Promise<Uint8Array>;

/**
 * One format of a command whose content is built once in the core (`score`: the scored
 * files, src/core/summary.ts; `report`: the report, src/core/report.ts): `render` says the
 * whole content; `stream`, where the format can be written one item at a time, says it
 * item by item, byte for byte the same.
 */
export interface FormatRenderer<T, O, I = never, R extends Output = Output> {
  render(content: T, options: O): R;
  stream?: (options: O) => StreamRenderer<I>;
}

/**
 * A command's formats, each loaded only when it is asked for (a CSV run never loads the
 * table's code; `score` never loads the report's): adding a format touches its own module
 * and this table, which does not compile while a name of ./formats.ts is missing.
 */
export type LazyRegistry<C extends FormatCommand, T, O, I = never, R extends Output = Output> = {
  readonly [F in FormatOf<C>]: () => Promise<FormatRenderer<T, O, I, R>>;
};
