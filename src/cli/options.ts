import { UsageError } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';

/**
 * A whole-number option between `min` and `max`; undefined when it is not given. Anything
 * else is a usage error (exit 2), an empty value included: Number('') is 0, and
 * `--max-warnings ''` must not quietly mean zero.
 */
export function integerOption(value: string | undefined, option: string, lang: Lang, { min = 0, max = Infinity }: { min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(cliText(lang, 'bad-number', { value, option }));
  return n;
}
