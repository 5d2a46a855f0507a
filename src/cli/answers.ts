import type { KnowledgeBase } from '../core/kb.js';
import type { Lang } from '../i18n/lang.js';
import { cliText } from '../i18n/cli.js';
import { expandPaths, readSource } from '../load/files.js';
import { VERSION } from '../paths.js';
import type { AnswersFile } from '../schema/index.js';
import { textReport } from '../render/validation.js';
import { summarise } from '../validate/problem.js';
import { checkFiles } from '../validate/check.js';
import { renderOptions } from './render-options.js';
import { InvalidInput } from '../errors.js';
import type { Io } from '../io.js';

export interface LoadedAnswers {
  path: string;
  answers: AnswersFile;
}

/**
 * Reads and validates answers files. Every problem in every file is reported to
 * standard error (file:line:column, by question id) before anything is scored;
 * one invalid file stops the command with exit 1 and nothing on standard output.
 */
export async function loadAnswers(paths: readonly string[], kb: KnowledgeBase, io: Io, lang: Lang, colorFlag: boolean | undefined): Promise<LoadedAnswers[]> {
  const expanded = expandPaths(paths, io, lang);
  const sources = await Promise.all(expanded.map((path) => readSource(path, io, lang)));
  const checked = checkFiles(sources, kb, { lang, expect: 'answers' });
  const results = checked.map((c) => c.result);
  const report = summarise(results);
  const failing = results.filter((r) => r.problems.some((p) => p.severity === 'error'));
  if (failing.length > 0) {
    io.stderr.write(textReport({ ...report, files: results.filter((r) => r.problems.length > 0) }, { ...renderOptions(io.stderr, io, lang, colorFlag, 80), toolVersion: VERSION }));
    throw new InvalidInput(results.length === 1 ? cliText(lang, 'invalid-answer') : cliText(lang, 'invalid-answers', { count: failing.length }));
  }
  return checked.map(({ file }) => ({ path: file.source.path, answers: file.value as AnswersFile }));
}
