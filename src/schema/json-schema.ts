import * as z from 'zod/mini';
import { KINDS, type FileKind } from '../validate/run.js';
import { Result, Results } from './result.js';

/** Everything orgfit publishes a JSON Schema for: the files it reads and the results it writes. */
export type SchemaKind = FileKind | 'result' | 'results';

const SCHEMAS: Record<SchemaKind, { schema: z.ZodMiniType; title: string }> = {
  model: { schema: KINDS.model.schema, title: 'orgfit model file' },
  answers: { schema: KINDS.answers.schema, title: 'orgfit answers file' },
  references: { schema: KINDS.references.schema, title: 'orgfit references (the review’s bibliography)' },
  findings: { schema: KINDS.findings.schema, title: 'orgfit findings (claims of the review, graded)' },
  criteria: { schema: KINDS.criteria.schema, title: 'orgfit criteria' },
  questions: { schema: KINDS.questions.schema, title: 'orgfit question bank' },
  result: { schema: Result, title: 'orgfit result (score --format json, one answers file)' },
  results: { schema: Results, title: 'orgfit results (score --format json, several answers files)' },
};

/** The published JSON Schema of one kind of file, generated from the zod schema (the single source of truth). */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const { schema, title } = SCHEMAS[kind];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `https://orgfit.invalid/schema/${kind}.schema.json`,
    title,
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

export const SCHEMA_KINDS = Object.keys(SCHEMAS) as SchemaKind[];
