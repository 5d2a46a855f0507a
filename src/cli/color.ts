import { plain, type Painter } from '../render/paint.js';
import type { OutStream } from '../io.js';

/**
 * Colour only on a terminal, never with NO_COLOR (any non-empty value, per no-color.org) or
 * --no-color; FORCE_COLOR=0 turns it off and any other FORCE_COLOR on. chalk itself ignores
 * NO_COLOR, so we decide.
 */
export function useColor(stream: OutStream, env: Record<string, string | undefined>, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  // FORCE_COLOR=0 (or false) forces colour off, as supports-color and Node read it; any other value forces it on.
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR !== undefined) return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * chalk's colours at level 1 (16 colours, which every terminal has), or none. chalk (with
 * node:tty and node:os, which it reads at load) is loaded only when there is colour to
 * paint: CI, pipes and NO_COLOR never pay for it.
 */
export async function painter(enabled: boolean): Promise<Painter> {
  if (!enabled) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { red: chalk.red, yellow: chalk.yellow, dim: chalk.dim, bold: chalk.bold, underline: chalk.underline, green: chalk.green };
}
