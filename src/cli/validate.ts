import { readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CommandContext, ValidateOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { integerOption } from './options.js';
import { builtinKb } from './kb.js';
import { renderOptions } from './render-options.js';
import { expandPaths, readSource } from '../load/files.js';
import { BUILTIN_MODELS_DIR, BUILTIN_MODELS_JSON, PACKAGE_ROOT, VERSION } from '../paths.js';
import { unchangedSinceBuild } from '../load/built-models.js';
import { STDIN } from '../load/source.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers from '../render/registry/validate.js';
import { pathToUri, renderRules, renderRulesJson, SRCROOT, type ArtifactLocation, type ReportOptions } from '../render/validation.js';
import { RULE_IDS } from '../validate/rules.js';
import { summarise, type FileResult } from '../validate/problem.js';
import { cliText } from '../i18n/cli.js';

export default async function validate({ io, lang, args: [given = []], options }: CommandContext<ValidateOptions, [paths: string[] | undefined]>): Promise<number> {
  const render = await renderOptions(io.stdout, io, lang, options.color, 80);
  if (options.listRules) {
    const listed = options.format ?? 'text';
    if (listed !== 'text' && listed !== 'json') throw new UsageError(cliText(lang, 'list-rules-format', { format: listed }));
    io.stdout.write((listed === 'json' ? renderRulesJson : renderRules)(RULE_IDS, render));
    return EXIT.ok;
  }
  const format = options.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : DEFAULT_FORMAT.validate);
  const maxWarnings = integerOption(options.maxWarnings, '--max-warnings', lang);

  // --answers names answers files; paths beside it are told apart by their `format:` as always.
  const answers = options.answers ? expandPaths(options.answers, io, lang) : [];
  let paths: string[];
  let results: FileResult[] | undefined;
  if (answers.length > 0 && given.length > 0) {
    paths = expandPaths(given, io, lang).filter((path) => !answers.includes(path));
  } else if (answers.length > 0) {
    paths = [];
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
    if (answers.includes('-') && paths.includes('-')) throw new UsageError(cliText(lang, 'stdin-twice'));
    const answerSources = await Promise.all(answers.map((path) => readSource(path, io, lang)));
    const sources = await Promise.all(paths.map((path) => readSource(path, io, lang)));
    const { builtInModel, validateFiles } = await import('../validate/check.js');
    // A user's model may not reuse a built-in id, unless it is the built-in file itself.
    const validated = new Set(paths.map((path) => resolve(io.cwd, path)));
    const reserved = new Map(
      kb.models
        .filter((model) => !validated.has(join(BUILTIN_MODELS_DIR, `${model.id}.yaml`)))
        .map((model) => [model.id, builtInModel(model.id)] as const),
    );
    results = [
      ...validateFiles(answerSources, kb, { lang, expect: 'answers', reservedModelIds: reserved }),
      ...validateFiles(sources, kb, { lang, reservedModelIds: reserved }),
    ];
  }
  const report = summarise(results);
  const sarif = format === 'sarif' ? sarifOptions(io.cwd, lang) : {};
  io.stdout.write(renderers[format](report, { ...render, toolVersion: VERSION, maxWarnings, ...sarif }));
  if (report.errorCount > 0) return EXIT.invalid;
  if (maxWarnings !== undefined && report.warningCount > maxWarnings) {
    // The text format says so in its summary; machine formats keep stdout clean, so say it here.
    if (format !== 'text') io.stderr.write(`orgfit: ${cliText(lang, 'too-many-warnings')} (${report.warningCount} > ${maxWarnings})\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}

/**
 * What the SARIF log needs from the file system: the documentation the package ships
 * (README.md, and docs/rules.md or docs/regler.md with a section per rule), as file: URLs
 * of this installation (orgfit has no published web address to name instead), and every
 * file's place relative to the checkout it is in (the nearest folder above the working
 * folder with .git, else the working folder), so that code scanning can find it.
 */
function sarifOptions(cwd: string, lang: CommandContext<ValidateOptions>['lang']): Pick<ReportOptions, 'docs' | 'artifact'> {
  const root = checkoutRoot(cwd);
  return {
    docs: {
      tool: pathToFileURL(join(PACKAGE_ROOT, 'README.md')).href,
      rules: pathToFileURL(join(PACKAGE_ROOT, 'docs', lang === 'nb' ? 'regler.md' : 'rules.md')).href,
    },
    artifact: (file: string): ArtifactLocation => {
      if (file === STDIN) return { uri: pathToUri(file) };
      const absolute = resolve(cwd, file);
      const inside = relative(root, absolute);
      if (inside.startsWith('..') || isAbsolute(inside)) return { uri: pathToFileURL(absolute).href };
      return { uri: pathToUri(inside.split(sep).join('/')), uriBaseId: SRCROOT };
    },
  };
}

function checkoutRoot(cwd: string): string {
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return cwd;
  }
}
