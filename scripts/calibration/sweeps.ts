/*
 * Moving one answer: the grid a question is swept over (question influence) and its
 * one-step neighbours (cliffs). Both are read from the question's type and range in
 * the bank, so a new question is swept like the others.
 *
 * | type    | grid (influence)                                            | one step (cliffs)                           |
 * |---------|-------------------------------------------------------------|---------------------------------------------|
 * | percent | 0, 10, …, 100                                               | ±10 (clamped to 0–100)                      |
 * | scale   | 1–5                                                         | ±1                                          |
 * | integer | 0 1 2 3 4 5 6 7 8 10 12 15 20 25 30 40 60 80 100 150 200,   | ×1.5 and ÷1.5 rounded when the range spans  |
 * |         | within the question's bounds (staff-fte: 1…200)             | at least 100× (staff-fte), else ±1          |
 * | choice  | every option                                                | every other option                          |
 * | multi   | every single option added or removed                        | the same                                    |
 * | boolean | both                                                        | the other                                   |
 *
 * A share that belongs to a sum rule of the bank (the task mix) is moved with the
 * other shares of the rule rescaled in proportion, so the rule still holds: setting
 * rule work to 70 % turns means-end 30 / crisis 20 into 18 / 12.
 */
import { apportion } from './panel.js';
import type { AnswerValue, Answers, KnowledgeBase, Question } from './engine.js';

/** Integer grid: small values one by one, then roughly geometric; values above 200 are not swept. */
export const INTEGER_GRID = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 60, 80, 100, 150, 200];

const same = (a: AnswerValue | undefined, b: AnswerValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** The multi-choice values one option away from `current` (kept in the bank's option order). */
function toggles(question: Question, current: AnswerValue | undefined): AnswerValue[] {
  const chosen = new Set(Array.isArray(current) ? current : []);
  const options = (question.options ?? []).map((o) => o.value);
  return options.map((option) => options.filter((o) => (o === option ? !chosen.has(o) : chosen.has(o))));
}

const bounds = (question: Question): [number, number] =>
  question.type === 'percent' ? [0, 100] : question.type === 'scale' ? [1, 5] : [question.min ?? 0, question.max ?? Number.MAX_SAFE_INTEGER];

const distinct = (values: AnswerValue[], current: AnswerValue | undefined): AnswerValue[] => {
  const out: AnswerValue[] = [];
  for (const v of values) if (!same(current, v) && !out.some((o) => same(o, v))) out.push(v);
  return out;
};

/** The values a question is swept over, except the current one. */
export function grid(question: Question, current: AnswerValue | undefined): AnswerValue[] {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'percent':
      return distinct(Array.from({ length: 11 }, (_, i) => i * 10), current);
    case 'scale':
      return distinct([1, 2, 3, 4, 5], current);
    case 'integer': {
      const [min, max] = bounds(question);
      let values = INTEGER_GRID.filter((v) => v >= min && v <= max);
      // A range the grid hardly touches: eleven evenly spaced whole numbers instead.
      if (values.length < 3) values = Array.from({ length: 11 }, (_, i) => Math.round(min + ((Math.min(max, min + 1000) - min) * i) / 10));
      return distinct(values, current);
    }
    case 'choice':
      return distinct(options, current);
    case 'multi':
      return distinct(toggles(question, current), current);
    case 'boolean':
      return distinct([true, false], current);
    case 'rank':
      // Each option moved to first place: the orderings that change what matters most.
      return distinct(options.map((o) => [o, ...(Array.isArray(current) ? current : options).filter((x) => x !== o)]), current);
  }
}

/** The values one realistic step away from the current one. */
export function oneStep(question: Question, current: AnswerValue | undefined): AnswerValue[] {
  const [min, max] = bounds(question);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const n = typeof current === 'number' ? current : undefined;
  switch (question.type) {
    case 'percent':
      return n === undefined ? [] : distinct([clamp(n - 10), clamp(n + 10)], current);
    case 'scale':
      return n === undefined ? [] : distinct([clamp(n - 1), clamp(n + 1)], current);
    case 'integer': {
      if (n === undefined) return [];
      const wide = max >= 100 * Math.max(1, min);
      return distinct(wide ? [clamp(Math.round(n / 1.5)), clamp(Math.round(n * 1.5))] : [clamp(n - 1), clamp(n + 1)], current);
    }
    case 'choice':
      return distinct((question.options ?? []).map((o) => o.value), current);
    case 'multi':
      return distinct(toggles(question, current), current);
    case 'boolean':
      return distinct([true, false], current);
    case 'rank': {
      // One step: two neighbours in the ranking swap places.
      const order = Array.isArray(current) ? current : (question.options ?? []).map((o) => o.value);
      return distinct(order.slice(0, -1).map((_, i) => [...order.slice(0, i), order[i + 1]!, order[i]!, ...order.slice(i + 2)]), current);
    }
  }
}

/**
 * The answers with one answer changed. When the question is in a sum rule and the
 * rule's other answers are numbers, they are rescaled in proportion (whole numbers)
 * to fill the rest of the rule's total.
 */
export function withAnswer(kb: KnowledgeBase, answers: Answers, question: string, value: AnswerValue): Answers {
  const next: Answers = { ...answers, [question]: value };
  if (typeof value !== 'number') return next;
  for (const sum of kb.sums) {
    if (!sum.questions.includes(question)) continue;
    const others = sum.questions.filter((id) => id !== question);
    const values = others.map((id) => answers[id]);
    if (!values.every((v): v is number => typeof v === 'number')) continue;
    apportion(values, Math.max(0, sum.total - value)).forEach((v, i) => (next[others[i]!] = v));
  }
  return next;
}
