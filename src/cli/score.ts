import type { CommandContext, ScoreOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import { builtinKb } from './kb.js';
import { loadAnswers, modelsWithUserDir } from './inputs.js';
import { integerOption } from './options.js';
import { renderOptions } from './render-options.js';
import { compileEngine } from '../core/engine.js';
import { DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { MAX_SAMPLES } from '../core/robustness.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers from '../render/registry/score.js';

export default async function score({ io, lang, args: [paths], options }: CommandContext<ScoreOptions, [files: string[]]>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.score;
  if (options.excel && format !== 'csv') throw new UsageError(cliText(lang, 'excel-needs-csv'));
  // Without --samples the robustness analysis stops when its figures are settled (adaptive).
  const samples = integerOption(options.samples, '--samples', lang, { max: MAX_SAMPLES * 25 });
  const seed = integerOption(options.seed, '--seed', lang, { max: 2 ** 32 - 1 }) ?? DEFAULT_SEED;
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const files = await loadAnswers(paths, kb, io, lang, options.color);
  const engine = compileEngine(kb, models);
  const results = files.map((file) => scoreMunicipality(engine, file.value, { lang, seed, source: file.path, ...(samples !== undefined ? { samples } : {}) }));
  // The table is laid out for the terminal (80 columns when there is none).
  io.stdout.write(renderers[format](results, { ...renderOptions(io.stdout, io, lang, options.color, io.stdout.columns || 80), excel: options.excel === true }));
  return EXIT.ok;
}
