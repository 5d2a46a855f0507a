import { numericBounds, type KbIndex } from './kb.js';
import type { AnswerTest, AnswerValue, Condition, Question } from '../schema/index.js';

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
  const code = walk(condition, answers, index);
  return { point: (code & POINT) !== 0, truth: (code & YES) !== 0 ? 'yes' : (code & NO) !== 0 ? 'no' : 'unknown', reads: readsOf(condition) };
}

/** The questions a condition reads: fixed by the condition itself, so worked out once. */
export function readsOf(condition: Condition): string[] {
  let reads = readsCache.get(condition);
  if (!reads) {
    const all: string[] = [];
    const visit = (c: Condition): void => {
      if ('all' in c) c.all.forEach(visit);
      else if ('any' in c) c.any.forEach(visit);
      else if ('not' in c) visit(c.not);
      else all.push(c.question);
    };
    visit(condition);
    reads = [...new Set(all)];
    readsCache.set(condition, reads);
  }
  return reads;
}
const readsCache = new WeakMap<Condition, string[]>();

// An evaluation packed in a small integer, so the walk allocates nothing: the point
// value in one bit, and the truth as "yes", "no" or neither (unknown).
const POINT = 1;
const YES = 2;
const NO = 4;
const pack = (point: boolean, truth: Truth): number => (point ? POINT : 0) | (truth === 'yes' ? YES : truth === 'no' ? NO : 0);

function walk(condition: Condition, answers: ResolvedAnswers, index: KbIndex): number {
  if ('all' in condition) {
    let point = true;
    let anyNo = false;
    let allYes = true;
    for (const c of condition.all) {
      const part = walk(c, answers, index);
      if ((part & POINT) === 0) point = false;
      if ((part & NO) !== 0) anyNo = true;
      if ((part & YES) === 0) allYes = false;
    }
    return (point ? POINT : 0) | (anyNo ? NO : allYes ? YES : 0);
  }
  if ('any' in condition) {
    let point = false;
    let anyYes = false;
    let allNo = true;
    for (const c of condition.any) {
      const part = walk(c, answers, index);
      if ((part & POINT) !== 0) point = true;
      if ((part & YES) !== 0) anyYes = true;
      if ((part & NO) === 0) allNo = false;
    }
    return (point ? POINT : 0) | (anyYes ? YES : allNo ? NO : 0);
  }
  if ('not' in condition) {
    const inner = walk(condition.not, answers, index);
    return ((inner & POINT) === 0 ? POINT : 0) | ((inner & YES) !== 0 ? NO : (inner & NO) !== 0 ? YES : 0);
  }
  const answer = answers.get(condition.question);
  const question = index.questions.get(condition.question);
  if (!answer || !question) return NO;
  const point = matches(condition, answer.value);
  if (answer.known) return point ? POINT | YES : NO;
  // Unknown answer: decided only if every possible answer gives the same result.
  const bounds = numericBounds(question);
  if (bounds && condition.in === undefined) {
    const range = numericTruth(condition, bounds.min, bounds.max);
    if (range) return pack(point, range);
  }
  const possible = possibleValues(question);
  if (possible === undefined) return pack(point, 'unknown');
  let anyTrue = false;
  let anyFalse = false;
  for (const value of possible) {
    if (matches(condition, value)) anyTrue = true;
    else anyFalse = true;
    if (anyTrue && anyFalse) return pack(point, 'unknown');
  }
  return pack(point, anyTrue ? 'yes' : 'no');
}

/** Whether a numeric test holds for all, none or some of the values in [min, max]. */
function numericTruth(condition: AnswerTest, min: number, max: number): Truth | undefined {
  const decide = (all: boolean, none: boolean): Truth => (all ? 'yes' : none ? 'no' : 'unknown');
  if (condition.gte !== undefined) return decide(min >= condition.gte, max < condition.gte);
  if (condition.gt !== undefined) return decide(min > condition.gt, max <= condition.gt);
  if (condition.lte !== undefined) return decide(max <= condition.lte, min > condition.lte);
  if (condition.lt !== undefined) return decide(max < condition.lt, min >= condition.lt);
  if (condition.eq !== undefined) return typeof condition.eq !== 'number' || condition.eq < min || condition.eq > max ? 'no' : min === max ? 'yes' : 'unknown';
  if (condition.ne !== undefined) return typeof condition.ne !== 'number' || condition.ne < min || condition.ne > max ? 'yes' : min === max ? 'no' : 'unknown';
  return undefined;
}

/** The condition's value for fully known answers: no allocation, for the Monte Carlo loop. */
export function holds(condition: Condition, answers: ResolvedAnswers): boolean {
  if ('all' in condition) {
    for (const c of condition.all) if (!holds(c, answers)) return false;
    return true;
  }
  if ('any' in condition) {
    for (const c of condition.any) if (holds(c, answers)) return true;
    return false;
  }
  if ('not' in condition) return !holds(condition.not, answers);
  const answer = answers.get(condition.question);
  return answer ? matches(condition, answer.value) : false;
}

/** Applies one answer test; the validator has checked that the operand fits the question. */
function matches(condition: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, value: AnswerValue): boolean {
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
 * The answers a question allows, where they are few enough to enumerate: a numeric
 * question every whole number between its bounds when there are at most 2,001 of them
 * (so staff-fte, 1–2000, is enumerated whole), a multiple-choice question every subset
 * of up to 10 options.
 */
export function possibleValues(question: Question): AnswerValue[] | undefined {
  if (!possibleCache.has(question)) possibleCache.set(question, enumerate(question));
  return possibleCache.get(question);
}
const possibleCache = new WeakMap<Question, AnswerValue[] | undefined>();

function enumerate(question: Question): AnswerValue[] | undefined {
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

/** A condition compiled for the sampling loops: the answers as an array in question-bank order. */
export type CompiledCondition = (values: readonly AnswerValue[]) => boolean;

/** Compiles a condition into a closure; a question the bank does not have never matches (the validator reports it). */
export function compileCondition(condition: Condition, position: ReadonlyMap<string, number>): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, position));
    return (values) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(values)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, position));
    return (values) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(values)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, position);
    return (values) => !inner(values);
  }
  const at = position.get(condition.question);
  if (at === undefined) return () => false;
  return compileTest(condition, at);
}

/** matches() for one test, its operator chosen once (the first that matches() would read): the sampling loops call it for every draw. */
function compileTest(condition: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, at: number): CompiledCondition {
  const { eq, ne, in: list, includes, gt, gte, lt, lte } = condition;
  if (eq !== undefined) return (values) => values[at] === eq;
  if (ne !== undefined) return (values) => values[at] !== ne;
  if (list !== undefined) {
    return (values) => {
      const value = values[at];
      for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
      return false;
    };
  }
  if (includes !== undefined) return (values) => matches(condition, values[at]!);
  if (gt !== undefined) return (values) => typeof values[at] === 'number' && (values[at] as number) > gt;
  if (gte !== undefined) return (values) => typeof values[at] === 'number' && (values[at] as number) >= gte;
  if (lt !== undefined) return (values) => typeof values[at] === 'number' && (values[at] as number) < lt;
  if (lte !== undefined) return (values) => typeof values[at] === 'number' && (values[at] as number) <= lte;
  return () => false;
}

/**
 * The numbers at which a condition changes its mind about a numeric answer (for
 * `gte: 6`, 6 and the values just below it): with the range's ends, the only points
 * where the score of an unknown answer can reach its extremes.
 */
export function breakpointsOf(condition: Condition, into: Map<string, Set<number>>): void {
  if ('all' in condition) return condition.all.forEach((c) => breakpointsOf(c, into));
  if ('any' in condition) return condition.any.forEach((c) => breakpointsOf(c, into));
  if ('not' in condition) return breakpointsOf(condition.not, into);
  const values = [condition.gt, condition.gte, condition.lt, condition.lte, condition.eq, condition.ne, ...(condition.in ?? [])].filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return;
  let set = into.get(condition.question);
  if (!set) into.set(condition.question, (set = new Set()));
  for (const v of values) set.add(v);
}
