import * as z from 'zod/mini';
import { Id, Lines, Text, FILE_FORMATS } from './common.js';
import { Condition } from './condition.js';

/** How well the model serves one criterion, on 0–100 (50 = neither helps nor hurts). */
export const Performance = z.strictObject({
  value: z.number().check(z.gte(0), z.lte(100)),
  /**
   * No longer read. How sure a rating is now follows from the findings it cites (their
   * grades and number of studies, see src/core/evidence.ts); the field stays allowed so
   * that older model files remain valid.
   */
  spread: z.optional(z.number().check(z.gte(0), z.lte(50))),
  findings: z.array(Id).check(z.minLength(1)),
  rationale: Text,
});
export type Performance = z.infer<typeof Performance>;

export const Effect = z.strictObject({
  criterion: Id,
  /** Points added to the criterion's value (negative lowers it); the result is clamped to 0–100. */
  delta: z.number().check(z.gte(-50), z.lte(50)),
});
export type Effect = z.infer<typeof Effect>;

/** A change to the model's performance when the municipality's answers meet a condition. */
export const Adjustment = z.strictObject({
  id: Id,
  when: Condition,
  effects: z.array(Effect).check(z.minLength(1)),
  findings: z.array(Id).check(z.minLength(1)),
  rationale: Text,
});
export type Adjustment = z.infer<typeof Adjustment>;

/** A condition the municipality must meet for the model to be workable at all. */
export const Precondition = z.strictObject({
  id: Id,
  requires: Condition,
  findings: z.array(Id).check(z.minLength(1)),
  /** Shown when the condition fails: what is missing and why it matters. */
  failure: Text,
});
export type Precondition = z.infer<typeof Precondition>;

export const Model = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.model),
  id: Id,
  name: Text,
  summary: Text,
  /** Where the review discusses this way of organising. */
  lines: Lines,
  /** Findings that describe the model (not scored on their own). */
  findings: z.array(Id).check(z.minLength(1)),
  /** Keys are criterion ids; unknown ones are reported by the semantic check, with a suggestion. */
  performance: z.record(z.string(), Performance),
  adjustments: z.optional(z.array(Adjustment)),
  preconditions: z.optional(z.array(Precondition)),
});
export type Model = z.infer<typeof Model>;
