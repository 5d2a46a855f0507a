import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb, modelsWithUserDir } from './kb.js';
import { loadAnswers } from './answers.js';
import { renderOptions } from './render-options.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { cliText } from '../i18n/cli.js';
import { DEFAULT_FORMAT, type FormatOf } from '../render/formats.js';
import renderers from '../render/registry/score.js';
import type { Lang } from '../i18n/lang.js';

export default async function score({ io, lang, args, options }: CommandContext): Promise<number> {
  const format = (options.format as FormatOf<'score'> | undefined) ?? DEFAULT_FORMAT.score;
  const samples = integerOption(options.samples, '--samples', DEFAULT_SAMPLES, 0, 1_000_000, lang);
  const seed = integerOption(options.seed, '--seed', DEFAULT_SEED, 0, 2 ** 32 - 1, lang);
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models as string | undefined, io, lang, options.color as boolean | undefined);
  const files = await loadAnswers(args[0] as string[], kb, io, lang, options.color as boolean | undefined);
  const results = files.map((file) => scoreMunicipality(kb, models, file.answers, { lang, samples, seed, source: file.path }));
  // The table is laid out for the terminal (80 columns when there is none).
  io.stdout.write(renderers[format](results, renderOptions(io.stdout, io, lang, options.color as boolean | undefined, io.stdout.columns || 80)));
  return EXIT.ok;
}

export function integerOption(value: unknown, option: string, fallback: number, min: number, max: number, lang: Lang): number {
  if (value === undefined) return fallback;
  // Number('') is 0: an empty value is a mistake, not zero.
  const n = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(cliText(lang, 'bad-number', { value: String(value), option }));
  return n;
}
