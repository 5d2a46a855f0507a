import { possibleValues, type ResolvedAnswers } from './conditions.js';
import type { KbIndex } from './kb.js';
import type { AnswerValue, Criterion, WeightTerm } from '../schema/index.js';

export interface WeightPart {
  question: string;
  value: AnswerValue;
  known: boolean;
  /** What this answer added to the raw weight. */
  adds: number;
  /** The range the term could take over every allowed answer, when the answer is unknown. */
  range: [number, number];
}

export interface RawWeight {
  criterion: string;
  /** base + terms, with assumed answers. */
  point: number;
  low: number;
  high: number;
  base: number;
  parts: WeightPart[];
}

const sortedCache = new WeakMap<readonly (readonly [number, number])[], (readonly [number, number])[]>();

/** Straight lines between the points; flat beyond the first and last. */
export function interpolate(points: readonly (readonly [number, number])[], x: number): number {
  let sorted = sortedCache.get(points);
  if (!sorted) {
    sorted = [...points].sort((a, b) => a[0] - b[0]);
    sortedCache.set(points, sorted);
  }
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < sorted.length; i++) {
    const [x1, y1] = sorted[i]!;
    const [x0, y0] = sorted[i - 1]!;
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

export function termValue(term: WeightTerm, value: AnswerValue): number {
  if ('linear' in term) return typeof value === 'number' ? interpolate(term.linear, value) : 0;
  return term.map[String(value)] ?? 0;
}

const rangeCache = new WeakMap<WeightTerm, [number, number]>();

/** The least and most a term can add over every answer its question allows (depends on the bank only, so cached). */
function termRange(term: WeightTerm, index: KbIndex): [number, number] {
  let range = rangeCache.get(term);
  if (!range) {
    range = computeRange(term, index);
    rangeCache.set(term, range);
  }
  return range;
}

function computeRange(term: WeightTerm, index: KbIndex): [number, number] {
  const question = index.questions.get(term.question);
  const values = question ? possibleValues(question) : undefined;
  if (!values || values.length === 0) {
    const all = 'linear' in term ? term.linear.map((p) => p[1]) : [0, ...Object.values(term.map)];
    return [Math.min(...all), Math.max(...all)];
  }
  const got = values.map((v) => termValue(term, v));
  return [Math.min(...got), Math.max(...got)];
}

/** A criterion's raw (unnormalised) weight for a municipality, with the range unknown answers allow. */
export function rawWeight(criterion: Criterion, answers: ResolvedAnswers, index: KbIndex): RawWeight {
  let point = criterion.weight.base;
  let low = point;
  let high = point;
  const parts: WeightPart[] = [];
  for (const term of criterion.weight.terms) {
    const answer = answers.get(term.question);
    if (!answer) continue;
    const adds = termValue(term, answer.value);
    const range: [number, number] = answer.known ? [adds, adds] : termRange(term, index);
    point += adds;
    low += range[0];
    high += range[1];
    parts.push({ question: term.question, value: answer.value, known: answer.known, adds, range });
  }
  return { criterion: criterion.id, point, low, high, base: criterion.weight.base, parts };
}
