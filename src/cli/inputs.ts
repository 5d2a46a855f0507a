import type { KnowledgeBase } from '../core/kb.js';
import { InvalidInput } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import type { Io } from '../io.js';
import { expandPaths, readSource } from '../load/files.js';
import { VERSION } from '../paths.js';
import { textReport } from '../render/validation.js';
import type { FileKind, FileValue } from '../schema/kinds.js';
import type { Model } from '../schema/index.js';
import { builtInModel, checkFiles, type CheckOptions } from '../validate/check.js';
import { summarise } from '../validate/problem.js';
import { renderOptions } from './render-options.js';

/** A file the user named, read and checked, with its typed value. */
export interface Loaded<K extends FileKind> {
  path: string;
  value: FileValue[K];
}

/**
 * Reads the files of one kind that the user named and checks them against the knowledge
 * base. Every problem in every file is reported to standard error as `orgfit validate`
 * reports it (file:line:column, in its text format), and any error stops the command
 * with exit 1 before it writes anything to standard output.
 */
async function loadChecked<K extends FileKind>(
  kind: K,
  paths: readonly string[],
  { kb, io, lang, color }: { kb: KnowledgeBase; io: Io; lang: Lang; color: boolean | undefined },
  { reservedModelIds, invalid }: Pick<CheckOptions, 'reservedModelIds'> & { invalid: (failing: number, files: number) => string },
): Promise<Loaded<K>[]> {
  const sources = await Promise.all(expandPaths(paths, io, lang).map((path) => readSource(path, io, lang)));
  const checked = checkFiles(sources, kb, { lang, expect: kind, reservedModelIds });
  const results = checked.map((c) => c.result);
  const failing = results.filter((r) => r.problems.some((p) => p.severity === 'error')).length;
  if (failing > 0) {
    const report = { ...summarise(results), files: results.filter((r) => r.problems.length > 0) };
    io.stderr.write(textReport(report, { ...renderOptions(io.stderr, io, lang, color, 80), toolVersion: VERSION }));
    throw new InvalidInput(invalid(failing, results.length));
  }
  // Without errors every file is of the expected kind (any other is a file-kind error) and met its schema.
  return checked.map(({ file }) => ({ path: file.source.path, value: file.value as FileValue[K] }));
}

/** The built-in models plus a user's own (--models DIR), which may not reuse a built-in id. */
export async function modelsWithUserDir(kb: KnowledgeBase, dir: string | undefined, io: Io, lang: Lang, color: boolean | undefined): Promise<Model[]> {
  if (!dir) return kb.models;
  const reservedModelIds = new Map(kb.models.map((m) => [m.id, builtInModel(m.id)]));
  const own = await loadChecked('model', [dir], { kb, io, lang, color }, { reservedModelIds, invalid: () => cliText(lang, 'invalid-models', { path: dir }) });
  return [...kb.models, ...own.map((file) => file.value)];
}

/** The answers files to score: nothing is scored while any of them is invalid. */
export async function loadAnswers(paths: readonly string[], kb: KnowledgeBase, io: Io, lang: Lang, color: boolean | undefined): Promise<Loaded<'answers'>[]> {
  const invalid = (failing: number, files: number) => (files === 1 ? cliText(lang, 'invalid-answer') : cliText(lang, 'invalid-answers', { count: failing }));
  return loadChecked('answers', paths, { kb, io, lang, color }, { invalid });
}
