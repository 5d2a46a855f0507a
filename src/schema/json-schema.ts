import * as z from 'zod/mini';
import { KINDS, type FileKind } from '../validate/run.js';

const TITLES: Record<FileKind, string> = {
  model: 'orgfit model file',
  answers: 'orgfit answers file',
  references: 'orgfit references (the review’s bibliography)',
  findings: 'orgfit findings (claims of the review, graded)',
  criteria: 'orgfit criteria',
  questions: 'orgfit question bank',
};

/** The published JSON Schema of one kind of file, generated from the zod schema (the single source of truth). */
export function jsonSchemaOf(kind: FileKind): Record<string, unknown> {
  const generated = z.toJSONSchema(KINDS[kind].schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `https://orgfit.invalid/schema/${kind}.schema.json`,
    title: TITLES[kind],
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

export const SCHEMA_KINDS = Object.keys(KINDS) as FileKind[];
