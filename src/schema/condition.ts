import * as z from 'zod/mini';
import { Id } from './common.js';

/** A value an answer may hold: a number, a choice value, a yes/no. */
export const Scalar = z.union([z.number(), z.string(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/**
 * A test of one answer. Exactly one operator per test; the validator checks that
 * the question exists and that the operand fits its type and range.
 */
export const AnswerTest = z.strictObject({
  question: Id,
  eq: z.optional(Scalar),
  ne: z.optional(Scalar),
  in: z.optional(z.array(Scalar).check(z.minLength(1))),
  /** For multiple-choice questions: the answer includes this value. */
  includes: z.optional(z.string()),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
});
export type AnswerTest = z.infer<typeof AnswerTest>;
export const TEST_OPERATORS = ['eq', 'ne', 'in', 'includes', 'gt', 'gte', 'lt', 'lte'] as const;

export type Condition = AnswerTest | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/**
 * Declarative conditions on a municipality's answers: data the validator can
 * check against the question bank, never code.
 */
export const Condition: z.ZodMiniType<Condition> = z.union([
  AnswerTest,
  z.strictObject({
    get all() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not() {
      return Condition;
    },
  }),
]);
