import type * as z from 'zod/mini';
import { checkAnswers, checkKnowledgeBase, checkModel, type KbFile } from '../core/integrity.js';
import { toPointer, type Issue } from '../core/issue.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../core/kb.js';
import { fill, type Lang } from '../i18n/lang.js';
import { parseYaml, type Parsed, type PlacedIssue } from '../load/parse.js';
import { AnswersFile, CriteriaFile, FindingsFile, Id, Model, QuestionsFile, ReferencesFile } from '../schema/index.js';
import type { FileResult, Problem } from './problem.js';
import { ruleDefinition } from './rules.js';
import { schemaIssues } from './schema-issues.js';
import { FORMATS, kindHint, kindOfFormat, type FileKind } from './kinds.js';

export type { FileKind } from './kinds.js';

/** The `format:` line of each kind of orgfit file, and the schema it must meet. */
export const KINDS: Record<FileKind, { format: string; schema: z.ZodMiniType }> = {
  model: { format: FORMATS.model, schema: Model },
  answers: { format: FORMATS.answers, schema: AnswersFile },
  references: { format: FORMATS.references, schema: ReferencesFile },
  findings: { format: FORMATS.findings, schema: FindingsFile },
  criteria: { format: FORMATS.criteria, schema: CriteriaFile },
  questions: { format: FORMATS.questions, schema: QuestionsFile },
};

/** How standard input is named in messages. */
export const STDIN = '<stdin>';

export interface SourceFile {
  /** The path as the user named it; used in every message. */
  path: string;
  bytes: Uint8Array;
  /** The file's size when it was too large to read (bytes is then empty). */
  size?: number;
}

/** A file that has been parsed and checked against its schema. */
export interface CheckedFile<T = unknown> {
  source: SourceFile;
  parsed: Parsed;
  kind: FileKind | undefined;
  /** The typed value, present only when the schema passed. */
  value: T | undefined;
  /** The parsed data of a known kind, whether or not the schema passed (for the tolerant semantic checks). */
  data?: unknown;
  issues: Issue[];
}


/** Parses one file and checks it against the schema of its kind (from `format:`, else `expect`). */
export function checkFile(source: SourceFile, expect?: FileKind): CheckedFile {
  const parsed = parseYaml(source.bytes, source.size);
  const issues: Issue[] = [...parsed.issues];
  const result: CheckedFile = { source, parsed, kind: undefined, value: undefined, issues };
  if (issues.some((issue) => ruleDefinition(issue.rule).severity === 'error') && parsed.value === undefined) return result;
  const data = parsed.value;
  const format = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).format : undefined;
  const kind = kindOfFormat(format) ?? expect;
  if (!kind) {
    const expected = Object.values(KINDS).map((k) => k.format).join(', ');
    issues.push({ rule: 'file-kind', path: format === undefined ? [] : ['format'], params: { found: format === undefined ? { nb: 'mangler', en: 'missing' } : JSON.stringify(format), expected, ...kindHint('model') } });
    return result;
  }
  result.kind = kind;
  if (expect && kind !== expect) {
    issues.push({ rule: 'file-kind', path: ['format'], params: { found: JSON.stringify(format), expected: KINDS[expect].format, ...kindHint(expect) } });
    return result;
  }
  const found = schemaIssues(KINDS[kind].schema, data);
  issues.push(...found);
  result.data = data;
  if (found.length === 0 && parsed.issues.length === 0) result.value = data;
  return result;
}

/** Puts an issue into words and into its place in the file. */
const isPlaced = (issue: Issue): issue is PlacedIssue => 'position' in issue;

export function place(issue: Issue, file: CheckedFile, lang: Lang): Problem {
  // Parser issues arrive placed already; the others are placed by their path.
  const placed = isPlaced(issue) ? issue.position : file.parsed.locate(issue.path, issue.atKey);
  const definition = ruleDefinition(issue.rule);
  return {
    file: file.source.path,
    rule: issue.rule,
    severity: definition.severity,
    line: placed.line,
    column: placed.column,
    endLine: placed.endLine,
    endColumn: placed.endColumn,
    pointer: toPointer(issue.path),
    message: fill(definition.message[lang], issue.params, lang),
    hint: fill(definition.hint[lang], issue.params, lang),
  };
}

export function toResult(file: CheckedFile, lang: Lang, extra: Issue[] = []): FileResult {
  const problems = [...file.issues, ...extra]
    .map((issue) => place(issue, file, lang))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { file: file.source.path, ...(file.kind ? { kind: file.kind } : {}), problems };
}

export interface ValidateOptions {
  lang: Lang;
  /** Treat files without a `format:` line as this kind (e.g. `--answers`). */
  expect?: FileKind;
  /** Ids of the built-in models, which a user's model must not reuse. */
  reservedModelIds?: ReadonlyMap<string, string>;
}

/**
 * Validates files against the knowledge base: schema, then the semantic rules of
 * their kind. Every problem in every file is reported; nothing stops at the first.
 */
export function validateFiles(sources: SourceFile[], kb: KnowledgeBase, options: ValidateOptions): FileResult[] {
  return checkFiles(sources, kb, options).map((checked) => checked.result);
}

/** Like validateFiles, keeping each file's value too, so a caller that goes on to use the files parses them once. */
export function checkFiles(sources: SourceFile[], kb: KnowledgeBase, options: ValidateOptions): { file: CheckedFile; result: FileResult }[] {
  const index = indexKb(kb);
  const modelIds = new Map<string, string>(options.reservedModelIds ?? []);
  return sources.map((source) => {
    const file = checkFile(source, options.expect);
    const extra = semanticIssues(file, kb, index, modelIds);
    return { file, result: toResult(file, options.lang, extra) };
  });
}

/** Semantic problems of a file whose kind is known: on the whole of a valid file, on the well-formed parts of any other. */
function semanticIssues(file: CheckedFile, kb: KnowledgeBase, index: KbIndex, modelIds: Map<string, string>): Issue[] {
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
      const kind = file.kind;
      const replaced = replacePart(kb, kind, file.value);
      return checkKnowledgeBase(replaced, indexKb(replaced)).filter((issue) => issue.file === kind);
    }
  }
}

function replacePart(kb: KnowledgeBase, kind: KbFile, value: unknown): KnowledgeBase {
  switch (kind) {
    case 'references':
      return { ...kb, references: (value as ReferencesFile).references };
    case 'findings':
      return { ...kb, findings: (value as FindingsFile).findings };
    case 'criteria':
      return { ...kb, criteria: (value as CriteriaFile).criteria };
    case 'questions': {
      const questions = value as QuestionsFile;
      return { ...kb, sections: questions.sections, questions: questions.questions, sums: questions.sums ?? [] };
    }
  }
}

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
  const all = [...Object.values(parts), ...models];
  if (all.some((file) => file.value === undefined)) {
    return { results: all.map((file) => toResult(file, lang)) };
  }
  const questions = parts.questions.value as QuestionsFile;
  const kb: KnowledgeBase = {
    references: (parts.references.value as ReferencesFile).references,
    findings: (parts.findings.value as FindingsFile).findings,
    criteria: (parts.criteria.value as CriteriaFile).criteria,
    sections: questions.sections,
    questions: questions.questions,
    sums: questions.sums ?? [],
    models: models.map((file) => file.value as Model),
  };
  const index = indexKb(kb);
  const kbIssues = checkKnowledgeBase(kb, index);
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
