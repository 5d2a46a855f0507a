import type * as z from 'zod/mini';
import { AnswersFile } from './answers.js';
import { FILE_FORMATS } from './common.js';
import { CriteriaFile } from './criteria.js';
import { FindingsFile, ReferencesFile } from './evidence.js';
import { Model } from './model.js';
import { QuestionsFile } from './questions.js';

/**
 * The kinds of orgfit file: the `format:` line that names each, the schema it must
 * meet and the title of its published JSON Schema. One table, so a new kind is one row.
 */
export const FILE_KINDS = {
  model: { format: FILE_FORMATS.model, schema: Model, title: 'orgfit model file' },
  answers: { format: FILE_FORMATS.answers, schema: AnswersFile, title: 'orgfit answers file' },
  references: { format: FILE_FORMATS.references, schema: ReferencesFile, title: 'orgfit references (the review’s bibliography)' },
  findings: { format: FILE_FORMATS.findings, schema: FindingsFile, title: 'orgfit findings (claims of the review, graded)' },
  criteria: { format: FILE_FORMATS.criteria, schema: CriteriaFile, title: 'orgfit criteria' },
  questions: { format: FILE_FORMATS.questions, schema: QuestionsFile, title: 'orgfit question bank' },
} as const satisfies Record<string, { format: string; schema: z.ZodMiniType; title: string }>;

export type FileKind = keyof typeof FILE_KINDS;
/** The typed value of each kind of file. */
export type FileValue = { [K in FileKind]: z.infer<(typeof FILE_KINDS)[K]['schema']> };

export const FILE_KIND_IDS = Object.keys(FILE_KINDS) as FileKind[];

export function kindOfFormat(format: unknown): FileKind | undefined {
  return FILE_KIND_IDS.find((kind) => FILE_KINDS[kind].format === format);
}
