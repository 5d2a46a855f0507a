import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { renderOptions } from './render-options.js';
import { expandPaths, readSource } from '../load/files.js';
import { BUILTIN_MODELS_DIR, VERSION } from '../paths.js';
import { DEFAULT_FORMAT, type FormatOf } from '../render/formats.js';
import renderers from '../render/registry/validate.js';
import { renderRules } from '../render/validation.js';
import { RULE_IDS } from '../validate/rules.js';
import { summarise } from '../validate/problem.js';
import { builtInModel, validateFiles } from '../validate/check.js';
import { cliText } from '../i18n/cli.js';

export default async function validate({ io, lang, args, options }: CommandContext): Promise<number> {
  const render = renderOptions(io.stdout, io, lang, options.color as boolean | undefined, 80);
  if (options.listRules) {
    io.stdout.write(renderRules(RULE_IDS, render));
    return EXIT.ok;
  }
  const format = (options.format as FormatOf<'validate'> | undefined) ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : DEFAULT_FORMAT.validate);
  const maxWarnings = parseMaxWarnings(options.maxWarnings, lang);

  const answers = options.answers as string[] | undefined;
  const given = (args[0] as string[] | undefined) ?? [];
  let paths: string[];
  if (answers) {
    paths = expandPaths([...answers, ...given], io, lang);
  } else if (given.length > 0) {
    paths = expandPaths(given, io, lang);
  } else {
    paths = readdirSync(BUILTIN_MODELS_DIR)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => relative(io.cwd, join(BUILTIN_MODELS_DIR, name)) || name);
  }

  const kb = builtinKb(lang);
  const sources = await Promise.all(paths.map((path) => readSource(path, io, lang)));
  // A user's model may not reuse a built-in id, unless it is the built-in file itself.
  const validated = new Set(paths.map((path) => resolve(io.cwd, path)));
  const reserved = new Map(
    kb.models
      .filter((model) => !validated.has(join(BUILTIN_MODELS_DIR, `${model.id}.yaml`)))
      .map((model) => [model.id, builtInModel(model.id)] as const),
  );
  const results = validateFiles(sources, kb, { lang, ...(answers ? { expect: 'answers' as const } : {}), reservedModelIds: reserved });
  const report = summarise(results);
  io.stdout.write(renderers[format](report, { ...render, toolVersion: VERSION, maxWarnings }));
  if (report.errorCount > 0) return EXIT.invalid;
  if (maxWarnings !== undefined && report.warningCount > maxWarnings) {
    // The text format says so in its summary; machine formats keep stdout clean, so say it here.
    if (format !== 'text') io.stderr.write(`orgfit: ${cliText(lang, 'too-many-warnings')} (${report.warningCount} > ${maxWarnings})\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}

function parseMaxWarnings(value: unknown, lang: CommandContext['lang']): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(cliText(lang, 'bad-number', { value: String(value), option: '--max-warnings' }));
  return n;
}
