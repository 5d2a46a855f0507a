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
import { summarise, type FileResult } from '../validate/problem.js';
import { renderOptions } from './render-options.js';

/** How many answers files are read and checked at a time. */
const ANSWERS_BATCH = 256;

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
  const expanded = expandPaths(paths, io, lang);
  // Answers files have no checks across files: they are read and checked a few hundred at a
  // time, and only each one's value and problems are kept (100,000 files fit in memory).
  // Model files are checked together (no two may share an id).
  const batch = kind === 'answers' ? ANSWERS_BATCH : expanded.length;
  const results: FileResult[] = [];
  const values: Loaded<K>[] = [];
  for (let start = 0; start < expanded.length; start += batch) {
    const sources = await Promise.all(expanded.slice(start, start + batch).map((path) => readSource(path, io, lang)));
    for (const { file, result } of checkFiles(sources, kb, { lang, expect: kind, reservedModelIds })) {
      results.push(result);
      // Without errors every file is of the expected kind (any other is a file-kind error) and met its schema.
      values.push({ path: file.source.path, value: file.value as FileValue[K] });
    }
  }
  const failing = results.filter((r) => r.problems.some((p) => p.severity === 'error')).length;
  if (failing > 0) {
    const report = { ...summarise(results), files: results.filter((r) => r.problems.length > 0) };
    io.stderr.write(textReport(report, { ...(await renderOptions(io.stderr, io, lang, color, 80)), toolVersion: VERSION }));
    throw new InvalidInput(invalid(failing, results.length));
  }
  return values;
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
