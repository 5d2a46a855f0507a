import { checkAnswers, checkKnowledgeBase, checkModel } from '../core/integrity.js';
import { toPointer, type Issue, type MessageRef, type Path } from '../core/issue.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../core/kb.js';
import type { Lang } from '../i18n/lang.js';
import { validateText } from '../i18n/validate.js';
import { checkFile, type CheckedFile } from '../load/check.js';
import type { PlacedIssue, Position } from '../load/parse.js';
import { STDIN, type SourceFile } from '../load/source.js';
import { Id } from '../schema/index.js';
import type { FileKind } from '../schema/kinds.js';
import { checkFindingBacking } from './evidence.js';
import { MORE_PROBLEMS, type FileResult, type Problem } from './problem.js';
import { RULES, ruleId, ruleText } from './rules.js';

/**
 * A file's problems past this many are counted, not listed: 10,000 unknown answers are
 * one mistake (a wrong file), and 1.5 MB of messages hides it.
 */
export const MAX_PROBLEMS = 200;

const isPlaced = (issue: Issue): issue is PlacedIssue => 'position' in issue;

const positionOf = (issue: Issue, file: CheckedFile): Position => (isPlaced(issue) ? issue.position : file.parsed.locate(issue.path, issue.atKey));

/** Puts an issue into words, the validate catalog's in the reader's language, and into its place in the file. */
export function place(issue: Issue, file: CheckedFile, lang: Lang, placed: Position = positionOf(issue, file)): Problem {
  // Parser issues arrive placed already; the others are placed by their path.
  const rule = ruleId(issue.rule);
  return {
    file: file.source.path,
    rule: issue.rule,
    severity: RULES[rule].severity,
    line: placed.line,
    column: placed.column,
    endLine: placed.endLine,
    endColumn: placed.endColumn,
    pointer: toPointer(issue.path),
    message: ruleText(lang, rule, 'message', issue.params),
    hint: ruleText(lang, rule, 'hint', issue.params),
  };
}

export function toResult(file: CheckedFile, lang: Lang, extra: Issue[] = []): FileResult {
  // A value the parser refused (an alias, nesting too deep) reached the checks as null;
  // what they say about it only repeats the parser's problem.
  const refused = file.parsed.issues.filter((issue) => issue.rule === 'yaml-alias' || issue.rule === 'yaml-too-deep').map((issue) => issue.path);
  const within = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
  const all = [...file.issues, ...extra]
    .filter((issue) => isPlaced(issue) || !refused.some((prefix) => prefix.length > 0 && within(issue.path, prefix)))
    .map((issue) => ({ issue, at: positionOf(issue, file) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column || a.issue.rule.localeCompare(b.issue.rule));
  const problems = all.slice(0, MAX_PROBLEMS).map(({ issue, at }) => place(issue, file, lang, at));
  const result: FileResult = { file: file.source.path, ...(file.kind ? { kind: file.kind } : {}), problems };
  if (all.length > MAX_PROBLEMS) {
    const rest = all.slice(MAX_PROBLEMS);
    const errors = rest.filter(({ issue }) => RULES[ruleId(issue.rule)].severity === 'error').length;
    const omitted = { errors, warnings: rest.length - errors };
    const params = { count: rest.length, ...omitted };
    const at = rest[0]!.at;
    problems.push({
      file: file.source.path,
      rule: MORE_PROBLEMS,
      severity: errors > 0 ? 'error' : 'warning',
      line: at.line,
      column: at.column,
      endLine: at.endLine,
      endColumn: at.endColumn,
      pointer: '',
      message: validateText(lang, 'more-problems', params),
      hint: validateText(lang, 'more-problems-hint'),
    });
    result.omitted = omitted;
  }
  return result;
}

export interface CheckOptions {
  lang: Lang;
  /** Treat files without a `format:` line as this kind (e.g. `--answers`). */
  expect?: FileKind;
  /** Ids of the built-in models, which a user's model must not reuse, with how to name where each is. */
  reservedModelIds?: ReadonlyMap<string, string | MessageRef>;
}

/** How a duplicate-id message names a built-in model a user's model clashes with. */
export const builtInModel = (id: string): MessageRef => ({ message: 'built-in-model', params: { id } });

/**
 * Validates files against the knowledge base: schema, then the semantic rules of
 * their kind. Every problem in every file is reported; nothing stops at the first.
 */
export function validateFiles(sources: SourceFile[], kb: KnowledgeBase, options: CheckOptions): FileResult[] {
  return checkFiles(sources, kb, options).map((checked) => checked.result);
}

/** Like validateFiles, keeping each file's value too, so a caller that goes on to use the files parses them once. */
export function checkFiles(sources: SourceFile[], kb: KnowledgeBase, options: CheckOptions): { file: CheckedFile; result: FileResult }[] {
  const index = indexKb(kb);
  const modelIds = new Map<string, string | MessageRef>(options.reservedModelIds ?? []);
  return sources.map((source) => {
    const file = checkFile(source, options.expect);
    const extra = semanticIssues(file, kb, index, modelIds);
    return { file, result: toResult(file, options.lang, extra) };
  });
}

/** Semantic problems of a file whose kind is known: on the whole of a valid file, on the well-formed parts of any other. */
export function semanticIssues(file: CheckedFile, kb: KnowledgeBase, index: KbIndex, modelIds: Map<string, string | MessageRef>): Issue[] {
  const data = file.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  switch (file.kind) {
    case 'model': {
      const issues = checkModel(data, index);
      const id = record.id;
      if (typeof id !== 'string') return issues;
      const first = modelIds.get(id);
      if (first !== undefined && first !== file.source.path) {
        issues.push({ rule: 'duplicate-id', path: ['id'], params: { id, first } });
      } else {
        modelIds.set(id, file.source.path);
      }
      // Standard input has no file name to match, and an invalid id is reported by the schema.
      if (file.source.path !== STDIN && Id.safeParse(id).success) {
        const base = file.source.path.split(/[\\/]/).pop()!.replace(/\.ya?ml$/i, '');
        if (base !== id) issues.push({ rule: 'filename-id', path: ['id'], params: { file: base, id } });
      }
      return issues;
    }
    case 'answers': {
      const answers = record.answers;
      if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return [];
      return checkAnswers(answers as Record<string, unknown>, kb, index);
    }
    case undefined:
      return [];
    default: {
      // Cross-file checks need the whole knowledge-base file to be well-formed.
      if (file.value === undefined) return [];
      // A knowledge-base file on its own: check it with the rest of the built-in base.
      const replaced = withPart(kb, file);
      const replacedIndex = indexKb(replaced);
      return [...checkKnowledgeBase(replaced, replacedIndex), ...checkFindingBacking(replaced.findings, replacedIndex)].filter((issue) => issue.file === file.kind);
    }
  }
}

/** The knowledge base with one of its files replaced by the given one. */
function withPart(kb: KnowledgeBase, file: CheckedFile): KnowledgeBase {
  switch (file.kind) {
    case 'references':
      return { ...kb, references: (file as CheckedFile<'references'>).value!.references };
    case 'findings':
      return { ...kb, findings: (file as CheckedFile<'findings'>).value!.findings };
    case 'criteria':
      return { ...kb, criteria: (file as CheckedFile<'criteria'>).value!.criteria, ...((file as CheckedFile<'criteria'>).value!.change ? { change: (file as CheckedFile<'criteria'>).value!.change! } : {}) };
    case 'questions': {
      const questions = (file as CheckedFile<'questions'>).value!;
      return { ...kb, sections: questions.sections, questions: questions.questions, sums: questions.sums ?? [] };
    }
    default:
      return kb;
  }
}
