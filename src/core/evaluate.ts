import type { Engine, EngineModel } from './engine.js';
import type { AnswerValue } from '../schema/index.js';

/**
 * What the review leaves open about every model's level on a criterion: ±10 points
 * (read as a 90 % range, so a standard deviation of 10 / 1.645), shared by all models.
 * It widens every score's interval alike and, being the same for every model in every
 * sample, moves no ranking: "the review says nothing about this" is common ignorance,
 * not a width that wins a lottery. orgfit's judgement.
 */
export const COMMON_LEVEL_SD = 10 / 1.645;

/** Raw criterion weights for one full set of answers; returns their total. */
export function rawWeightsAt(engine: Engine, values: readonly AnswerValue[], out: Float64Array): number {
  let total = 0;
  for (let c = 0; c < engine.criteria.length; c++) {
    const criterion = engine.criteria[c]!;
    let w = criterion.base;
    for (const term of criterion.terms) w += term.value(values[term.question]!);
    out[c] = w;
    total += w;
  }
  return total;
}

/** Normalises raw weights in place; all zero means no criterion is favoured, so equal weights. */
export function normalise(weights: Float64Array, total: number): void {
  const n = weights.length;
  for (let c = 0; c < n; c++) weights[c] = total > 0 ? weights[c]! / total : 1 / n;
}

/** The share of each adjustment's effects that applies for one full set of answers (0 or 1, or along a ramp). */
export function adjustmentsAt(model: EngineModel, values: readonly AnswerValue[], out: Float64Array): void {
  for (let a = 0; a < model.adjustments.length; a++) out[a] = model.adjustments[a]!.factor(values);
}

/**
 * The places of the parts (a model's adjustments or preconditions) that read any of the
 * questions `ids`: those that must be worked out again when those answers vary; the
 * others keep their value at the answers given (each part states the questions it reads).
 */
export function readingAny(parts: readonly { reads: readonly string[] }[], ids: ReadonlySet<string>): number[] {
  return parts.flatMap((part, i) => (part.reads.some((id) => ids.has(id)) ? [i] : []));
}

/** Whether every precondition holds for one full set of answers. */
export function feasibleAt(model: EngineModel, values: readonly AnswerValue[]): boolean {
  for (const p of model.preconditions) if (!p.requires(values)) return false;
  return true;
}

/**
 * A model's adjustments' effects in flat typed arrays, adjustment by adjustment in their
 * order: those on a criterion (`start`, `criterion`, `effect`) and those on the score itself
 * (`changeStart`, `change`). Made once per model: performanceAt runs in every sample the
 * answers are evaluated for, and walking the effects' objects there cost more than the sums.
 */
export interface FlatEffects {
  start: Int32Array;
  criterion: Int32Array;
  effect: Float64Array;
  changeStart: Int32Array;
  change: Float64Array;
}

const flats = new WeakMap<EngineModel, FlatEffects>();

export function flatEffects(model: EngineModel): FlatEffects {
  let flat = flats.get(model);
  if (!flat) {
    const start = [0];
    const criterion: number[] = [];
    const effect: number[] = [];
    const changeStart = [0];
    const change: number[] = [];
    for (const a of model.adjustments) {
      for (const e of a.effects) {
        if (e.criterion >= 0) {
          criterion.push(e.criterion);
          effect.push(e.effect);
        } else change.push(e.effect);
      }
      start.push(criterion.length);
      changeStart.push(change.length);
    }
    flat = { start: Int32Array.from(start), criterion: Int32Array.from(criterion), effect: Float64Array.from(effect), changeStart: Int32Array.from(changeStart), change: Float64Array.from(change) };
    flats.set(model, flat);
  }
  return flat;
}

/** The model's expected performance per criterion: its ratings and its frame's, plus the adjustments that apply. */
export function performanceAt(model: EngineModel, factors: Float64Array, out: Float64Array, flat: FlatEffects = flatEffects(model)): void {
  out.set(model.values);
  const { start, criterion, effect } = flat;
  for (let a = 0; a < start.length - 1; a++) {
    const f = factors[a]!;
    if (f === 0) continue;
    for (let k = start[a]!; k < start[a + 1]!; k++) out[criterion[k]!]! += f * effect[k]!;
  }
}

/** What applies to the score itself (the cost of change), in points. */
export function scoreEffectAt(model: EngineModel, factors: Float64Array, flat: FlatEffects = flatEffects(model)): number {
  let sum = 0;
  const { changeStart, change } = flat;
  for (let a = 0; a < changeStart.length - 1; a++) {
    const f = factors[a]!;
    if (f === 0) continue;
    for (let k = changeStart[a]!; k < changeStart[a + 1]!; k++) sum += f * change[k]!;
  }
  return sum;
}

export function weightedSum(weights: Float64Array, values: Float64Array): number {
  let sum = 0;
  for (let c = 0; c < weights.length; c++) sum += weights[c]! * values[c]!;
  return sum;
}

/**
 * The expected fit for one full set of answers: weighted performance. The cost of
 * change is not part of it: it decides only whether an alternative is worth leaving
 * today's organisation for (see analyseRobustness), never which alternative fits best.
 */
export function meanScore(model: EngineModel, weights: Float64Array, factors: Float64Array, perf: Float64Array): number {
  performanceAt(model, factors, perf);
  return weightedSum(weights, perf);
}

/**
 * Every claimed effect of a model in flat typed arrays, in the order they count: the
 * model's ratings, its frame's, then each adjustment's effects (`adjustment[i]` its place,
 * −1 for a rating, whose share is always 1). For each: its criterion (−1: the score itself),
 * size and evidence spread, and the findings its evidence draws on (`draws` and
 * `coefficients` from `start[i]` to `start[i + 1]`). Made once per model: scoreSd runs for
 * every pair of weights and answers a score's interval meets, and walking the effects'
 * objects through a callback there cost more than the sums. `touched` is scratch for it.
 */
export interface EffectSpread {
  adjustment: Int32Array;
  criterion: Int32Array;
  effect: Float64Array;
  sd: Float64Array;
  start: Int32Array;
  draws: Int32Array;
  coefficients: Float64Array;
  touched: Int32Array;
}

const spreads = new WeakMap<EngineModel, EffectSpread>();

export function effectSpread(model: EngineModel): EffectSpread {
  let found = spreads.get(model);
  if (found) return found;
  const adjustment: number[] = [];
  const criterion: number[] = [];
  const effect: number[] = [];
  const sd: number[] = [];
  const start = [0];
  const draws: number[] = [];
  const coefficients: number[] = [];
  const add = (a: number, c: number, size: number, body: { sd: number; draws: Int32Array; coefficients: Float64Array }) => {
    adjustment.push(a);
    criterion.push(c);
    effect.push(size);
    sd.push(body.sd);
    for (let k = 0; k < body.draws.length; k++) {
      draws.push(body.draws[k]!);
      coefficients.push(body.coefficients[k]!);
    }
    start.push(draws.length);
  };
  for (const r of model.ratings) add(-1, r.criterion, r.effect, r.body);
  for (const r of model.frameEffects) add(-1, r.criterion, r.effect, r.body);
  model.adjustments.forEach((a, i) => {
    for (const e of a.effects) add(i, e.criterion, e.effect, e.body);
  });
  found = {
    adjustment: Int32Array.from(adjustment),
    criterion: Int32Array.from(criterion),
    effect: Float64Array.from(effect),
    sd: Float64Array.from(sd),
    start: Int32Array.from(start),
    draws: Int32Array.from(draws),
    coefficients: Float64Array.from(coefficients),
    touched: new Int32Array(draws.length),
  };
  spreads.set(model, found);
  return found;
}

/**
 * The standard deviation of a model's score given a full set of answers: every claimed
 * effect times its evidence factor, the factors moved by one shared draw per finding
 * (so two effects citing the same finding move together), plus the common level
 * uncertainty. `byFinding` is scratch space, one slot per finding, left zeroed.
 */
export function scoreSd(model: EngineModel, weights: Float64Array, factors: Float64Array, byFinding: Float64Array, commonLevelSd: number): number {
  const { adjustment, criterion, effect, sd, start, draws, coefficients, touched } = effectSpread(model);
  let count = 0;
  for (let i = 0; i < criterion.length; i++) {
    const c = criterion[i]!;
    // The cost of change is no part of the fit (see meanScore).
    if (c < 0) continue;
    // A rating's share is 1, and 1 · x is x exactly.
    const f = adjustment[i]! < 0 ? 1 : factors[adjustment[i]!]!;
    if (f === 0) continue;
    const scale = weights[c]! * (f * effect[i]!) * sd[i]!;
    if (scale === 0) continue;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      touched[count++] = draws[k]!;
      byFinding[draws[k]!]! += scale * coefficients[k]!;
    }
  }
  let variance = 0;
  for (let t = 0; t < count; t++) {
    const f = touched[t]!;
    // A finding touched twice is counted once: its slot is zeroed after the first.
    variance += byFinding[f]! ** 2;
    byFinding[f] = 0;
  }
  let common = 0;
  for (let c = 0; c < weights.length; c++) common += weights[c]! ** 2;
  return Math.sqrt(variance + common * commonLevelSd ** 2);
}

/**
 * The standard deviation of each criterion's performance (its own effects and the common
 * level), into `out` (one slot per criterion), in one walk of the effects: each criterion's
 * parts summed per finding in the order the findings are first met. With `bound`, every
 * part counts at its full size whatever its sign: an upper bound over any subset of the
 * applying adjustments (effects citing one finding with opposite signs would otherwise cancel).
 */
export function performanceSds(model: EngineModel, factors: Float64Array, out: Float64Array, commonLevelSd: number, bound = false): void {
  const { adjustment, criterion, effect, sd, start, draws, coefficients } = effectSpread(model);
  const n = out.length;
  const sums = Array.from({ length: n }, () => new Map<number, number>());
  for (let i = 0; i < criterion.length; i++) {
    const c = criterion[i]!;
    if (c < 0 || c >= n) continue;
    const f = adjustment[i]! < 0 ? 1 : factors[adjustment[i]!]!;
    if (f === 0) continue;
    const size = f * effect[i]!;
    const parts = sums[c]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const part = size * sd[i]! * coefficients[k]!;
      parts.set(draws[k]!, (parts.get(draws[k]!) ?? 0) + (bound ? Math.abs(part) : part));
    }
  }
  for (let c = 0; c < n; c++) {
    let variance = commonLevelSd ** 2;
    for (const v of sums[c]!.values()) variance += v * v;
    out[c] = Math.sqrt(variance);
  }
}
