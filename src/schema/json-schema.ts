import * as z from 'zod/mini';
import { FILE_KINDS, type FileKind } from './kinds.js';
import { Report } from './report.js';
import { Result, Results } from './result.js';

/** Everything orgfit publishes a JSON Schema for: the files it reads and the results it writes. */
export type SchemaKind = FileKind | 'result' | 'results' | 'report';

const SCHEMAS: Record<SchemaKind, { schema: z.ZodMiniType; title: string }> = {
  ...FILE_KINDS,
  result: { schema: Result, title: 'orgfit result (score --format json, one answers file)' },
  results: { schema: Results, title: 'orgfit results (score --format json, several answers files)' },
  report: { schema: Report, title: 'orgfit report (report --format json): the report model, orgfit/report@1' },
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
