import type { AnswerValue, WeightTerm } from '../schema/index.js';

/** The points of a linear weight rule in answer order (the bank may write them in any order). */
export function sortedPoints(points: readonly (readonly [number, number])[]): [number, number][] {
  return points.map(([x, y]) => [x, y] as [number, number]).sort((a, b) => a[0] - b[0]);
}

/** Straight lines between points sorted by x; flat beyond the first and last. */
export function interpolate(sorted: readonly (readonly [number, number])[], x: number): number {
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

/** What one answer adds to a criterion's raw weight under one rule (linear points must be sorted: see sortedPoints). */
export function termValue(term: WeightTerm, value: AnswerValue): number {
  if ('linear' in term) return typeof value === 'number' ? interpolate(term.linear, value) : 0;
  if ('map' in term) return term.map[String(value)] ?? 0;
  // A ranking's share depends on how many options it ranks: the engine compiles it (see compileTerm).
  return 0;
}
