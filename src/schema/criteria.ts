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
/**
 * Reads a ranking of priorities: the weight `total` × this option's share by rank. The
 * share is the rank-order centroid (1/k · Σ_{j≥r} 1/j for rank r of k: what an ordering
 * alone implies, on average), and the robustness samples draw every weight vector that
 * keeps the order (SMAA-2 with ordinal preferences).
 */
export const RankTerm = z.strictObject({
  question: Id,
  rank: z.string(),
  total: z.number().check(z.gt(0)),
});
export const WeightTerm = z.union([LinearTerm, MapTerm, RankTerm]);
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

/**
 * What changing organisation costs, in points of the score, for every organisation
 * other than the one the municipality has today: a base, plus a ramp read from an
 * answer (more after recent reorganisations), each with the findings behind it.
 */
export const ChangeCost = z.strictObject({
  /** The question that says what the municipality has today (organisation models name their answers in `matches`). */
  today: Id,
  base: z.number().check(z.gte(0)),
  ramp: z.optional(z.strictObject({ question: Id, points: z.array(z.tuple([z.number(), z.number().check(z.gte(0))])).check(z.minLength(2)) })),
  findings: z.array(Id).check(z.minLength(1)),
  rationale: Text,
});
export type ChangeCost = z.infer<typeof ChangeCost>;

export const CriteriaFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.criteria),
  criteria: z.array(Criterion).check(z.minLength(1)),
  change: z.optional(ChangeCost),
});
export type CriteriaFile = z.infer<typeof CriteriaFile>;
