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

/**
 * A graded effect: the adjustment's effects times a factor read from a numeric answer,
 * by straight lines between [answer, factor] points (factor 0–1). Where the review gives
 * no number, a ramp over a range replaces a cliff at one cut-off.
 */
export const Ramp = z.strictObject({
  question: Id,
  points: z.array(z.tuple([z.number(), z.number().check(z.gte(0), z.lte(1))])).check(z.minLength(2)),
});
export type Ramp = z.infer<typeof Ramp>;

/** A change to the model's performance when the municipality's answers meet a condition (and/or along a ramp). */
export const Adjustment = z.strictObject({
  id: Id,
  /** When it applies; without it, it applies wherever its ramp is above zero. */
  when: z.optional(Condition),
  ramp: z.optional(Ramp),
  effects: z.array(Effect).check(z.minLength(1)),
  findings: z.array(Id).check(z.minLength(1)),
  rationale: Text,
  /**
   * A documented harm: where the review says the model fails under this condition, the
   * result flags it as a misfit for the manager to resolve (as contingency tools do),
   * besides its effect on the score. The text says what goes wrong.
   */
  misfit: z.optional(Text),
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

/** Answers that pick out this model: for an organisation, "this is what we have today"; for a frame, "this is the frame we work in". */
export const Matches = z.strictObject({
  question: Id,
  in: z.array(z.string()).check(z.minLength(1)),
});

export const Model = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.model),
  id: Id,
  /**
   * The decision the model answers. An organisation (the default) is how the municipal
   * social service is organised inside; organisations are ranked against each other.
   * A frame is what the service works within (a NAV partnership office, a one-stop
   * agency): never ranked, its ratings (50 = no effect) and adjustments apply to every
   * organisation scored within it.
   */
  kind: z.optional(z.enum(['organisation', 'frame'])),
  matches: z.optional(Matches),
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
