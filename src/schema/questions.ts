import * as z from 'zod/mini';
import { Id, Lines, Text, FILE_FORMATS } from './common.js';
import { Condition } from './condition.js';

/** rank: every option in order of importance, most important first (the answer is the ordered list). */
export const QuestionType = z.enum(['percent', 'integer', 'scale', 'choice', 'multi', 'boolean', 'rank']);
export type QuestionType = z.infer<typeof QuestionType>;

export const Option = z.strictObject({
  value: Id,
  label: Text,
});

/**
 * What orgfit assumes about an answer the municipality does not know: a distribution
 * centred on `assume`, used alike by the point estimate (its mean), the interval and
 * the robustness samples. Numbers: triangular between `low` and `high` with its peak
 * at `assume`, on a linear or log scale (counts such as staff). Scales and choices:
 * a weight per value. Multiple choice: the chance that each option applies.
 * Without `prior`, numbers spread over their whole range, scales and choices are
 * weighted towards `assume`, and options apply with chance 0.7 when `assume` names
 * them and 0.2 otherwise (OPTION_CHANCE in src/core/priors.ts).
 */
export const Prior = z.strictObject({
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  scale: z.optional(z.enum(['linear', 'log'])),
  weights: z.optional(z.record(z.string(), z.number().check(z.gte(0)))),
  /** Why this is what a municipality could really have: orgfit's judgement, said so. */
  why: Text,
});
export type Prior = z.infer<typeof Prior>;

export const Question = z.strictObject({
  id: Id,
  section: Id,
  text: Text,
  /** A few words naming what it asks ("the share of measures work"), for sentences about the answer; the text when absent. */
  short: z.optional(Text),
  /** Why the question is asked and which research it feeds, in words a manager reads. */
  help: Text,
  /** Finding ids this answer feeds. */
  feeds: z.array(Id).check(z.minLength(1)),
  type: QuestionType,
  /** integer: inclusive bounds. percent is always 0–100; scale is always 1–5. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /**
   * integer: how many digits an answer may have after the decimal point (1 for staff counted
   * as 12.5 FTEs); default 0, whole numbers.
   */
  decimals: z.optional(z.int().check(z.gte(0), z.lte(2))),
  unit: z.optional(Text),
  /** scale: what 1 and 5 mean. */
  low: z.optional(Text),
  high: z.optional(Text),
  /** choice, multi and rank: the allowed values. */
  options: z.optional(z.array(Option).check(z.minLength(2))),
  /** May the manager answer "dont-know"? */
  dontKnow: z.boolean(),
  /** The centre of what the engine assumes for a "dont-know" (see `prior`); the interval spans every allowed value. */
  assume: z.optional(z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])),
  prior: z.optional(Prior),
  /** Must the answers file hold this question? (default true) */
  required: z.optional(z.boolean()),
  /**
   * Asked only when this holds for the answers given before it (the questionnaire skips it
   * otherwise, and an answer it was not asked is written as "dont-know"). A condition that a
   * "dont-know" leaves undecided asks the question.
   */
  askIf: z.optional(Condition),
});
export type Question = z.infer<typeof Question>;

export const Section = z.strictObject({
  id: Id,
  title: Text,
  intro: Text,
});
export type Section = z.infer<typeof Section>;

/** Questions whose answers must add up, such as the three task-logic shares. */
export const SumRule = z.strictObject({
  id: Id,
  questions: z.array(Id).check(z.minLength(2)),
  total: z.number(),
  tolerance: z.number().check(z.gte(0)),
  message: Text,
  /**
   * When some of these answers are "dont-know", they share what the known ones leave of
   * the total, split around their assumed proportions (a Dirichlet distribution with this
   * concentration: larger is surer). Default 20.
   */
  concentration: z.optional(z.number().check(z.gt(0))),
});
export type SumRule = z.infer<typeof SumRule>;

/** A factor the review names that orgfit deliberately does not ask about, with the reason. */
export const NotAsked = z.strictObject({
  factor: Text,
  lines: Lines,
  why: Text,
});
export type NotAsked = z.infer<typeof NotAsked>;

export const QuestionsFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.questions),
  sections: z.array(Section).check(z.minLength(1)),
  notAsked: z.optional(z.array(NotAsked)),
  questions: z.array(Question).check(z.minLength(1)),
  sums: z.optional(z.array(SumRule)),
});
export type QuestionsFile = z.infer<typeof QuestionsFile>;
