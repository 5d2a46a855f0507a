import * as z from 'zod/mini';
import { Id, Lines, Text, FILE_FORMATS } from './common.js';

/** Maps a numeric answer onto weight by straight lines between [answer, weight] points. */
export const LinearTerm = z.strictObject({
  question: Id,
  linear: z.array(z.tuple([z.number(), z.number().check(z.gte(0))])).check(z.minLength(2)),
});
/** Maps a choice, yes/no or scale answer onto weight, value by value. */
export const MapTerm = z.strictObject({
  question: Id,
  map: z.record(z.string(), z.number().check(z.gte(0))),
});
export const WeightTerm = z.union([LinearTerm, MapTerm]);
export type WeightTerm = z.infer<typeof WeightTerm>;

export const Criterion = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  /** The consideration of chapter 1 (lines 44–49) the criterion serves. */
  consideration: z.enum(['users', 'administration', 'personnel']),
  /** The task logic of chapter 4 (lines 274–285) it belongs to, if any. */
  logic: z.optional(z.enum(['rule', 'means-end', 'crisis'])),
  lines: Lines,
  findings: z.array(Id).check(z.minLength(1)),
  /** weight = base + the sum of the terms, each read from an answer; never negative. */
  weight: z.strictObject({
    base: z.number().check(z.gte(0)),
    terms: z.array(WeightTerm),
  }),
});
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.criteria),
  criteria: z.array(Criterion).check(z.minLength(1)),
});
export type CriteriaFile = z.infer<typeof CriteriaFile>;
