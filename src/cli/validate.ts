import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CommandContext, ValidateOptions } from './commands.js';
import { EXIT } from '../errors.js';
import { integerOption } from './options.js';
import { builtinKb } from './kb.js';
import { renderOptions } from './render-options.js';
import { expandPaths, readSource } from '../load/files.js';
import { BUILTIN_MODELS_DIR, BUILTIN_MODELS_JSON, VERSION } from '../paths.js';
import { unchangedSinceBuild } from '../load/built-models.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers from '../render/registry/validate.js';
import { renderRules } from '../render/validation.js';
import { RULE_IDS } from '../validate/rules.js';
import { summarise, type FileResult } from '../validate/problem.js';
import { cliText } from '../i18n/cli.js';

export default async function validate({ io, lang, args: [given = []], options }: CommandContext<ValidateOptions, [paths: string[] | undefined]>): Promise<number> {
  const render = renderOptions(io.stdout, io, lang, options.color, 80);
  if (options.listRules) {
    io.stdout.write(renderRules(RULE_IDS, render));
    return EXIT.ok;
  }
  const format = options.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : DEFAULT_FORMAT.validate);
  const maxWarnings = integerOption(options.maxWarnings, '--max-warnings', lang);

  const answers = options.answers;
  let paths: string[];
  let results: FileResult[] | undefined;
  if (answers) {
    paths = expandPaths([...answers, ...given], io, lang);
  } else if (given.length > 0) {
    paths = expandPaths(given, io, lang);
  } else {
    const names = readdirSync(BUILTIN_MODELS_DIR)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort();
    paths = names.map((name) => relative(io.cwd, join(BUILTIN_MODELS_DIR, name)) || name);
    // The build checked these very bytes with these very rules and found no problem: say
    // so without parsing them again (and without loading the YAML parser or the schemas).
    if (unchangedSinceBuild(BUILTIN_MODELS_DIR, names, BUILTIN_MODELS_JSON)) results = paths.map((file) => ({ file, kind: 'model', problems: [] }));
  }

  if (!results) {
    const kb = builtinKb(lang);
    const sources = await Promise.all(paths.map((path) => readSource(path, io, lang)));
    const { builtInModel, validateFiles } = await import('../validate/check.js');
    // A user's model may not reuse a built-in id, unless it is the built-in file itself.
    const validated = new Set(paths.map((path) => resolve(io.cwd, path)));
    const reserved = new Map(
      kb.models
        .filter((model) => !validated.has(join(BUILTIN_MODELS_DIR, `${model.id}.yaml`)))
        .map((model) => [model.id, builtInModel(model.id)] as const),
    );
    results = validateFiles(sources, kb, { lang, ...(answers ? { expect: 'answers' as const } : {}), reservedModelIds: reserved });
  }
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
