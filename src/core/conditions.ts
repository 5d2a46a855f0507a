import { numericBounds, type KbIndex } from './kb.js';
import type { AnswerValue, Condition, Question } from '../schema/index.js';

/** Kleene's three-valued logic: a condition on a "don't know" answer may be undecided. */
export type Truth = 'yes' | 'no' | 'unknown';

/** A municipality's answer to one question, after "don't know" has been resolved to the question's assumption. */
export interface ResolvedAnswer {
  value: AnswerValue;
  /** false when the municipality answered "don't know" (or left an optional question out). */
  known: boolean;
}
export type ResolvedAnswers = ReadonlyMap<string, ResolvedAnswer>;

export interface Evaluation {
  /** The condition's value with the assumed answers: what the point estimate uses. */
  point: boolean;
  /** Whether it could go the other way given the unknown answers. */
  truth: Truth;
  /** Questions the condition read, in reading order, without repeats. */
  reads: string[];
}

/** Evaluates a declarative condition against resolved answers. */
export function evaluate(condition: Condition, answers: ResolvedAnswers, index: KbIndex): Evaluation {
  const reads: string[] = [];
  const result = walk(condition, answers, index, reads);
  return { ...result, reads: [...new Set(reads)] };
}

function walk(condition: Condition, answers: ResolvedAnswers, index: KbIndex, reads: string[]): Omit<Evaluation, 'reads'> {
  if ('all' in condition) {
    const parts = condition.all.map((c) => walk(c, answers, index, reads));
    return {
      point: parts.every((p) => p.point),
      truth: parts.some((p) => p.truth === 'no') ? 'no' : parts.every((p) => p.truth === 'yes') ? 'yes' : 'unknown',
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => walk(c, answers, index, reads));
    return {
      point: parts.some((p) => p.point),
      truth: parts.some((p) => p.truth === 'yes') ? 'yes' : parts.every((p) => p.truth === 'no') ? 'no' : 'unknown',
    };
  }
  if ('not' in condition) {
    const inner = walk(condition.not, answers, index, reads);
    return { point: !inner.point, truth: inner.truth === 'yes' ? 'no' : inner.truth === 'no' ? 'yes' : 'unknown' };
  }
  reads.push(condition.question);
  const answer = answers.get(condition.question);
  const question = index.questions.get(condition.question);
  if (!answer || !question) return { point: false, truth: 'no' };
  const point = test(condition, answer.value);
  if (answer.known) return { point, truth: point ? 'yes' : 'no' };
  // Unknown answer: decided only if every possible answer gives the same result.
  const possible = possibleValues(question);
  if (possible === undefined) return { point, truth: 'unknown' };
  const outcomes = new Set(possible.map((value) => test(condition, value)));
  return { point, truth: outcomes.size === 2 ? 'unknown' : outcomes.has(true) ? 'yes' : 'no' };
}

/** Applies one answer test; the validator has checked that the operand fits the question. */
export function test(condition: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, value: AnswerValue): boolean {
  if (condition.eq !== undefined) return value === condition.eq;
  if (condition.ne !== undefined) return value !== condition.ne;
  if (condition.in !== undefined) return condition.in.some((v) => v === value);
  if (condition.includes !== undefined) return Array.isArray(value) && value.includes(condition.includes);
  if (typeof value !== 'number') return false;
  if (condition.gt !== undefined) return value > condition.gt;
  if (condition.gte !== undefined) return value >= condition.gte;
  if (condition.lt !== undefined) return value < condition.lt;
  if (condition.lte !== undefined) return value <= condition.lte;
  return false;
}

/**
 * The answers a question allows, where they are few enough to enumerate; numeric
 * questions are represented by their bounds and interior integers up to 101 values.
 */
export function possibleValues(question: Question): AnswerValue[] | undefined {
  const bounds = numericBounds(question);
  if (bounds) {
    if (bounds.max - bounds.min > 2000) return undefined;
    return Array.from({ length: bounds.max - bounds.min + 1 }, (_, i) => bounds.min + i);
  }
  if (question.type === 'boolean') return [true, false];
  const options = (question.options ?? []).map((o) => o.value);
  if (question.type === 'choice') return options;
  if (question.type === 'multi') {
    // Every subset; option lists are short (the bank has at most a handful).
    if (options.length > 10) return undefined;
    return Array.from({ length: 2 ** options.length }, (_, mask) => options.filter((_, i) => mask & (1 << i)));
  }
  return undefined;
}
