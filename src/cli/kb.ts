import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../core/kb.js';
import type { Lang } from '../i18n/lang.js';
import { cliText } from '../i18n/cli.js';
import { KB_JSON, VERSION } from '../paths.js';
import type { Model } from '../schema/index.js';
import { builtInModel, checkFiles } from '../validate/check.js';
import { textReport } from '../render/validation.js';
import { summarise } from '../validate/problem.js';
import { expandPaths, readSource } from '../load/files.js';
import { InvalidInput, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { renderOptions } from './render-options.js';

let cached: KnowledgeBase | undefined;

/**
 * The built-in knowledge base, compiled and validated by the build into
 * dist/kb.json so that a command starts without parsing YAML it has already checked.
 */
export function builtinKb(lang: Lang): KnowledgeBase {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(KB_JSON, 'utf8');
  } catch {
    throw new UsageError(cliText(lang, 'not-built', { path: KB_JSON }));
  }
  cached = JSON.parse(text) as KnowledgeBase;
  return cached;
}

/**
 * The built-in models plus a user's own (--models DIR), validated first. Invalid
 * model files are reported like `orgfit validate` reports them, and stop the command.
 */
export async function modelsWithUserDir(kb: KnowledgeBase, dir: string | undefined, io: Io, lang: Lang, colorFlag: boolean | undefined): Promise<Model[]> {
  if (!dir) return kb.models;
  const paths = expandPaths([dir], io, lang);
  const sources = await Promise.all(paths.map((path) => readSource(path, io, lang)));
  const reserved = new Map(kb.models.map((m) => [m.id, builtInModel(m.id)]));
  const checked = checkFiles(sources, kb, { lang, expect: 'model', reservedModelIds: reserved });
  const report = summarise(checked.map((c) => c.result));
  if (report.errorCount > 0) {
    io.stderr.write(textReport({ ...report, files: report.files.filter((f) => f.problems.length > 0) }, { ...renderOptions(io.stderr, io, lang, colorFlag, 80), toolVersion: VERSION }));
    throw new InvalidInput(cliText(lang, 'invalid-models', { path: dir }));
  }
  return [...kb.models, ...checked.map((c) => c.file.value as Model)];
}
