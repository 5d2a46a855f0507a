import type { CommandContext, ScoreOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import { builtinKb } from './kb.js';
import { loadAnswers, modelsWithUserDir } from './inputs.js';
import { samplingOptions } from './sampling.js';
import { renderOptions } from './render-options.js';
import { scoreAll, scoreRendered } from './scoring.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import { scoredFile } from '../core/summary.js';
import renderers, { NUMBERS_ONLY, SHOWS_CONFIDENCE } from '../render/registry/score.js';

export default async function score({ io, lang, args: [paths], options }: CommandContext<ScoreOptions, [files: string[]]>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.score;
  if (options.excel && format !== 'csv') throw new UsageError(cliText(lang, 'excel-needs-csv'));
  const dialect = { excel: options.excel === true };
  const { samples, seed } = samplingOptions(options, lang);
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const files = await loadAnswers(paths, kb, io, lang, options.color);
  // CSV prints no tipping points and no unknowns that matter: it need not search for them; only JSON prints the confidence factors.
  const skip = { ...(NUMBERS_ONLY.has(format) ? { skipSearches: true } : {}), ...(SHOWS_CONFIDENCE.has(format) ? {} : { skipConfidence: true }) };
  const scoring = { kb, models, files, env: io.env, options: { lang, seed, ...(samples !== undefined ? { samples } : {}), ...skip } };
  const renderer = await renderers[format]();
  const say = { ...(await renderOptions(io.stdout, io, lang, options.color, io.stdout.columns || 80)), ...dialect };
  const stream = renderer.stream?.(say);
  if (stream) {
    // Each result written as soon as it (and every one before it) is scored: memory stays flat however many files there are.
    io.stdout.write(stream.start(files.length));
    for await (const text of scoreRendered(scoring, { format, dialect, renderer: stream })) io.stdout.write(text);
    io.stdout.write(stream.end(files.length));
    return EXIT.ok;
  }
  // The table is laid out for the terminal (80 columns when there is none), and ends with a summary of all.
  io.stdout.write(renderer.render((await scoreAll(scoring)).map(scoredFile), say));
  return EXIT.ok;
}
