import { checkKnowledgeBase, type KbFile } from '../core/integrity.js';
import { indexKb, type KnowledgeBase } from '../core/kb.js';
import type { Lang } from '../i18n/lang.js';
import { checkFile, type CheckedFile } from '../load/check.js';
import type { SourceFile } from '../load/source.js';
import { semanticIssues, toResult } from './check.js';
import { checkFindingBacking } from './evidence.js';
import type { FileResult } from './problem.js';

export interface KbSources {
  references: SourceFile;
  findings: SourceFile;
  criteria: SourceFile;
  questions: SourceFile;
  models: SourceFile[];
}

/**
 * Loads and checks the whole knowledge base from its files, as the build does:
 * the base is returned only when every file is free of errors.
 */
export function loadKnowledgeBase(sources: KbSources, lang: Lang = 'en'): { kb?: KnowledgeBase; results: FileResult[] } {
  const parts = {
    references: checkFile(sources.references, 'references'),
    findings: checkFile(sources.findings, 'findings'),
    criteria: checkFile(sources.criteria, 'criteria'),
    questions: checkFile(sources.questions, 'questions'),
  };
  const models = sources.models.map((source) => checkFile(source, 'model'));
  const all: CheckedFile[] = [...Object.values(parts), ...models];
  if (all.some((file) => file.value === undefined)) {
    return { results: all.map((file) => toResult(file, lang)) };
  }
  const questions = parts.questions.value!;
  const kb: KnowledgeBase = {
    references: parts.references.value!.references,
    findings: parts.findings.value!.findings,
    criteria: parts.criteria.value!.criteria,
    ...(parts.criteria.value!.change ? { change: parts.criteria.value!.change } : {}),
    sections: questions.sections,
    questions: questions.questions,
    sums: questions.sums ?? [],
    ...(questions.notAsked ? { notAsked: questions.notAsked } : {}),
    models: models.map((file) => file.value!),
  };
  const index = indexKb(kb);
  const kbIssues = [...checkKnowledgeBase(kb, index), ...checkFindingBacking(kb.findings, index)];
  const modelIds = new Map<string, string>();
  const results = [
    ...(Object.entries(parts) as [KbFile, CheckedFile][]).map(([kind, file]) =>
      toResult(file, lang, kbIssues.filter((issue) => issue.file === kind)),
    ),
    ...models.map((file) => toResult(file, lang, semanticIssues(file, kb, index, modelIds))),
  ];
  const ok = results.every((result) => result.problems.every((problem) => problem.severity !== 'error'));
  return ok ? { kb, results } : { results };
}
