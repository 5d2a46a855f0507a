import type { CommandContext, ScoreOptions } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb } from './kb.js';
import { loadAnswers, modelsWithUserDir } from './inputs.js';
import { integerOption } from './options.js';
import { renderOptions } from './render-options.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers from '../render/registry/score.js';

export default async function score({ io, lang, args: [paths], options }: CommandContext<ScoreOptions, [files: string[]]>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.score;
  const samples = integerOption(options.samples, '--samples', lang, { max: 1_000_000 }) ?? DEFAULT_SAMPLES;
  const seed = integerOption(options.seed, '--seed', lang, { max: 2 ** 32 - 1 }) ?? DEFAULT_SEED;
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const files = await loadAnswers(paths, kb, io, lang, options.color);
  const results = files.map((file) => scoreMunicipality(kb, models, file.value, { lang, samples, seed, source: file.path }));
  // The table is laid out for the terminal (80 columns when there is none).
  io.stdout.write(renderers[format](results, renderOptions(io.stdout, io, lang, options.color, io.stdout.columns || 80)));
  return EXIT.ok;
}
