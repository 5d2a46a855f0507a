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
 * Every claimed effect of a model with the weight it carries in the score, for one set
 * of answers: the model's ratings, its frame's, and each adjustment times its share.
 */
function forEachEffect(model: EngineModel, factors: Float64Array, visit: (criterion: number, effect: number, sd: number, draws: Int32Array, coefficients: Float64Array) => void): void {
  for (const r of model.ratings) visit(r.criterion, r.effect, r.body.sd, r.body.draws, r.body.coefficients);
  for (const r of model.frameEffects) visit(r.criterion, r.effect, r.body.sd, r.body.draws, r.body.coefficients);
  for (let a = 0; a < model.adjustments.length; a++) {
    const f = factors[a]!;
    if (f === 0) continue;
    for (const e of model.adjustments[a]!.effects) visit(e.criterion, f * e.effect, e.body.sd, e.body.draws, e.body.coefficients);
  }
}

/**
 * The standard deviation of a model's score given a full set of answers: every claimed
 * effect times its evidence factor, the factors moved by one shared draw per finding
 * (so two effects citing the same finding move together), plus the common level
 * uncertainty. `byFinding` is scratch space, one slot per finding, left zeroed.
 */
export function scoreSd(model: EngineModel, weights: Float64Array, factors: Float64Array, byFinding: Float64Array, commonLevelSd: number): number {
  const touched: number[] = [];
  forEachEffect(model, factors, (criterion, effect, sd, draws, coefficients) => {
    // The cost of change is no part of the fit (see meanScore).
    if (criterion < 0) return;
    const scale = weights[criterion]! * effect * sd;
    if (scale === 0) return;
    for (let k = 0; k < draws.length; k++) {
      touched.push(draws[k]!);
      byFinding[draws[k]!]! += scale * coefficients[k]!;
    }
  });
  let variance = 0;
  for (const f of touched) {
    // A finding touched twice is counted once: its slot is zeroed after the first.
    variance += byFinding[f]! ** 2;
    byFinding[f] = 0;
  }
  let common = 0;
  for (let c = 0; c < weights.length; c++) common += weights[c]! ** 2;
  return Math.sqrt(variance + common * commonLevelSd ** 2);
}

/**
 * The standard deviation of one criterion's performance (its own effects and the common
 * level). With `bound`, every part counts at its full size whatever its sign: an upper
 * bound over any subset of the applying adjustments (effects citing one finding with
 * opposite signs would otherwise cancel).
 */
export function performanceSd(model: EngineModel, criterion: number, factors: Float64Array, commonLevelSd: number, bound = false): number {
  const byFinding = new Map<number, number>();
  forEachEffect(model, factors, (c, effect, sd, draws, coefficients) => {
    if (c !== criterion) return;
    for (let k = 0; k < draws.length; k++) {
      const part = effect * sd * coefficients[k]!;
      byFinding.set(draws[k]!, (byFinding.get(draws[k]!) ?? 0) + (bound ? Math.abs(part) : part));
    }
  });
  let variance = commonLevelSd ** 2;
  for (const v of byFinding.values()) variance += v * v;
  return Math.sqrt(variance);
}
