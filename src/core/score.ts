import { extremeAverage } from './bounds.js';
import { evaluate, type ResolvedAnswer, type Truth } from './conditions.js';
import type { Engine, EngineModel } from './engine.js';
import { feasibleAt, flatEffects, normalise, performanceAt, performanceSds, rawWeightsAt, readingAny, scoreEffectAt, scoreSd, type FlatEffects } from './evaluate.js';
import { inverseNormal } from './random.js';
import { boundingPoints, expectationPoints, type Municipality, type WeightedAnswers } from './unknowns.js';
import type { AnswerValue } from '../schema/index.js';

/**
 * Every interval orgfit shows is an 80 % interval: the score lies within it in four
 * cases of five, given the evidence, whatever the answers you did not know turn out to
 * be. 80 % rather than 95 %, because the evidence is thin and a 95 % interval would
 * span most of the scale for every model and say nothing (orgfit's judgement).
 */
export const INTERVAL_LEVEL = 0.8;
const Z = inverseNormal(0.5 + INTERVAL_LEVEL / 2);
/** Beyond this many answer combinations the interval of unknown answers is bounded outright (see boxInterval). */
const POINT_LIMIT = 4096;

export type Interval = [number, number];

export interface CriterionEstimate {
  /** Expected normalised weight (the weights of all criteria add up to 1). */
  weight: number;
  /** Expected performance after adjustments, 0–100. */
  performance: number;
  interval: Interval;
  /** Expected weight × performance: this criterion's share of the score (they add up to it). */
  points: number;
}

export interface AdjustmentEstimate {
  id: string;
  /** 'unknown' when a "don't know" leaves the condition open. */
  truth: Truth;
  /** The chance that it applies, given what orgfit assumes about the unknown answers (1 or 0 when known). */
  probability: number;
  /** The expected share of its effects that counts: its chance of applying times its ramp. */
  expected: number;
}

export interface PreconditionEstimate {
  id: string;
  truth: Truth;
  probability: number;
}

export interface ModelEstimate {
  model: EngineModel;
  /** The expected score, 0–100. */
  score: number;
  interval: Interval;
  /** false when a precondition surely fails: ranked after every workable model. */
  feasible: boolean;
  criteria: CriterionEstimate[];
  /** The expected cost of changing to this model (negative; 0 for today's organisation): not part of `score`, which is the fit. */
  change: number;
  adjustments: AdjustmentEstimate[];
  preconditions: PreconditionEstimate[];
}

export interface Estimates {
  /** Expected normalised weight per criterion, and its raw parts at the answers given. */
  weights: number[];
  models: ModelEstimate[];
}

/**
 * The point estimate and interval of every model for one municipality. The point
 * estimate is the expected score: exact when every answer is known, otherwise the
 * mean over a fixed set of draws of the unknown answers from their priors (the same
 * priors the robustness samples draw from). The interval is the 80 % interval of the
 * score given the evidence, widened to cover every answer an unknown question allows.
 */
export function estimate(engine: Engine, municipality: Municipality): Estimates {
  const n = engine.criteria.length;
  const draws = expectationPoints(engine, municipality);
  const points = boundingPoints(engine, municipality, POINT_LIMIT);
  const raw = new Float64Array(n);
  const weights = new Float64Array(n);
  const varied = variedQuestions(engine, municipality);
  // One numbering of the answers over the draws and the bounding points (the draws first),
  // so that weights or an evaluation worked out for one serve the other.
  const sets = [...draws.map((d) => d.values), ...(points ?? [])];
  const keys = answerKeys(varied, sets);
  // The weights read only some of the varied answers: each combination of those is normalised once.
  const setWeights = weightsAt(engine, sets, keysOf(keys, weightsReadIn(engine, varied)), raw, weights);
  const drawWeights = setWeights.slice(0, draws.length);
  // The weights at each bounding point, shared by every model.
  const pointWeights = setWeights.slice(draws.length);
  const meanWeights = new Array<number>(n).fill(0);
  draws.forEach(({ weight }, d) => {
    for (let c = 0; c < n; c++) meanWeights[c]! += weight * drawWeights[d]![c]!;
  });

  const resolved = resolvedAnswers(engine, municipality);
  const variedIds = new Set(varied.map((q) => engine.questions[q]!.question.id));
  const models = engine.models.map((model) => {
    const reads = readIn(engine, model, varied);
    const evaluator = evaluatorOf(model, municipality.values, variedIds);
    const modelKeys = keysOf(keys, reads);
    // By key: an array, which V8 keeps dense while the keys are (a Map costs more per lookup).
    const kept: Evaluation[] = [];
    const interval = points ? pointInterval(engine, evaluator, points, pointWeights, modelKeys?.subarray(draws.length), kept) : undefined;
    return estimateModel(engine, evaluator, municipality, draws, drawWeights, meanWeights, modelKeys?.subarray(0, draws.length), interval, resolved, kept);
  });
  return { weights: meanWeights, models };
}

/**
 * The questions whose answers the answer sets vary (the unknown ones and an open task
 * mix's): a model's adjustments and preconditions read only some of them, and it is
 * evaluated once per combination of those (its evaluation reads nothing else; each
 * adjustment and precondition states the questions it reads).
 */
function variedQuestions(engine: Engine, municipality: Municipality): number[] {
  const mix = municipality.openMix ? (engine.composition?.questions.filter((q) => !municipality.known[q]) ?? []) : [];
  return [...municipality.unknown, ...mix];
}

/** Per answer set, each varied answer as a small number (equal answers, the same number; set by set, `varied` numbers each), and how many there are per question. */
interface AnswerKeys {
  index: Int32Array;
  sets: number;
  counts: number[];
}

const NEGATIVE_ZERO = Symbol('-0');

function answerKeys(varied: readonly number[], sets: readonly (readonly AnswerValue[])[]): AnswerKeys {
  const seen = varied.map(() => new Map<unknown, number>());
  const index = new Int32Array(sets.length * varied.length);
  for (let s = 0, at = 0; s < sets.length; s++) {
    const values = sets[s]!;
    for (let i = 0; i < varied.length; i++, at++) {
      const v = values[varied[i]!];
      // A Map takes −0 for +0; a number kept apart keeps the two apart.
      const key = v === 0 && 1 / v < 0 ? NEGATIVE_ZERO : v;
      let number = seen[i]!.get(key);
      if (number === undefined) seen[i]!.set(key, (number = seen[i]!.size));
      index[at] = number;
    }
  }
  return { index, sets: sets.length, counts: seen.map((m) => m.size) };
}

/** The places in `varied` of the questions a model's adjustments and preconditions read. */
function readIn(engine: Engine, model: EngineModel, varied: readonly number[]): number[] {
  const ids = new Set([...model.adjustments.flatMap((a) => a.reads), ...model.preconditions.flatMap((p) => p.reads)]);
  return varied.flatMap((q, i) => (ids.has(engine.questions[q]!.question.id) ? [i] : []));
}

/**
 * Per answer set, a number that is the same exactly when the answers `reads` are: the key
 * a model's evaluations are kept by; undefined when there would be too many to key safely.
 */
function keysOf(keys: AnswerKeys, reads: readonly number[]): Int32Array | undefined {
  let size = 1;
  for (const i of reads) size *= keys.counts[i]!;
  if (size > 2 ** 31 - 1) return undefined;
  const { index, counts } = keys;
  const width = counts.length;
  const out = new Int32Array(keys.sets);
  for (let s = 0; s < out.length; s++) {
    let key = 0;
    for (let r = 0; r < reads.length; r++) key = key * counts[reads[r]!]! + index[s * width + reads[r]!]!;
    out[s] = key;
  }
  return out;
}

function normaliseInto(engine: Engine, values: readonly AnswerValue[], raw: Float64Array, out: Float64Array): void {
  const total = rawWeightsAt(engine, values, raw);
  out.set(raw);
  normalise(out, total);
}

/** The places in `varied` of the questions the criteria's weight terms read. */
function weightsReadIn(engine: Engine, varied: readonly number[]): number[] {
  const read = new Set(engine.criteria.flatMap((criterion) => criterion.terms.map((term) => term.question)));
  return varied.flatMap((q, i) => (read.has(q) ? [i] : []));
}

/** The normalised weights of each answer set, worked out once per key (answer sets with one key read the same answers, so have the same weights). */
function weightsAt(engine: Engine, sets: readonly (readonly AnswerValue[])[], keys: Int32Array | undefined, raw: Float64Array, weights: Float64Array): Float64Array[] {
  const byKey = new Map<number, Float64Array>();
  return sets.map((values, i) => {
    const key = keys?.[i];
    let found = key === undefined ? undefined : byKey.get(key);
    if (!found) {
      normaliseInto(engine, values, raw, weights);
      found = Float64Array.from(weights);
      if (key !== undefined) byKey.set(key, found);
    }
    return found;
  });
}

/** The answers as the three-valued condition logic reads them (unknown ones open). */
export function resolvedAnswers(engine: Engine, municipality: Municipality): Map<string, ResolvedAnswer> {
  return new Map(engine.questions.map(({ question }, q) => [question.id, { value: municipality.values[q]!, known: municipality.known[q]! }]));
}

function estimateModel(
  engine: Engine,
  evaluator: Evaluator,
  municipality: Municipality,
  draws: readonly WeightedAnswers[],
  drawWeights: readonly Float64Array[],
  /** The expected weights: the same for every model. */
  meanWeights: readonly number[],
  keys: Int32Array | undefined,
  bounded: { interval: Interval; criterionIntervals: Interval[] } | undefined,
  resolved: Map<string, ResolvedAnswer>,
  /** The model's evaluations by key, shared with pointInterval. */
  kept: Evaluation[],
): ModelEstimate {
  const { model } = evaluator;
  const n = engine.criteria.length;
  const performance = new Array<number>(n).fill(0);
  const pointsOf = new Array<number>(n).fill(0);
  const applied = new Array<number>(model.adjustments.length).fill(0);
  const expected = new Array<number>(model.adjustments.length).fill(0);
  const held = new Array<number>(model.preconditions.length).fill(0);
  let change = 0;
  draws.forEach(({ values, weight: probability }, d) => {
    const { factors, perf, change: scoreEffect, holds } = evaluationAt(evaluator, values, keys?.[d], kept);
    const w = drawWeights[d]!;
    for (let c = 0; c < n; c++) {
      performance[c]! += probability * perf[c]!;
      pointsOf[c]! += probability * w[c]! * perf[c]!;
    }
    change += probability * scoreEffect;
    for (let a = 0; a < factors.length; a++) {
      applied[a]! += factors[a]! > 0 ? probability : 0;
      expected[a]! += probability * factors[a]!;
    }
    for (let i = 0; i < holds.length; i++) held[i]! += holds[i] ? probability : 0;
  });
  const share = (x: number) => x;
  const score = pointsOf.reduce((sum, x) => sum + x, 0);

  const known = (reads: readonly string[]) => reads.every((id) => municipality.known[engine.position.get(id) ?? -1] !== false);
  const adjustments = model.adjustments.map((a, i): AdjustmentEstimate => {
    let truth: Truth;
    if (known(a.reads)) truth = expected[i]! > 0 ? 'yes' : 'no';
    else {
      const byCondition = a.condition ? evaluate(a.condition, resolved, engine.index).truth : 'yes';
      truth = byCondition === 'no' ? 'no' : a.ramp && !known([a.ramp.question]) ? 'unknown' : byCondition;
    }
    return { id: a.id, truth, probability: applied[i]!, expected: expected[i]! };
  });
  const preconditions = model.preconditions.map((p, i) => ({ id: p.id, truth: evaluate(p.condition, resolved, engine.index).truth, probability: share(held[i]!) }));
  const feasible = preconditions.every((p) => p.truth !== 'no');

  const { interval, criterionIntervals } = bounded ?? boxInterval(engine, model, municipality, adjustments);
  return {
    model,
    score,
    change,
    interval: [Math.min(interval[0], score), Math.max(interval[1], score)],
    feasible,
    criteria: engine.criteria.map((_, c) => ({
      weight: share(meanWeights[c]!),
      performance: share(performance[c]!),
      interval: [Math.min(criterionIntervals[c]![0], share(performance[c]!)), Math.max(criterionIntervals[c]![1], share(performance[c]!))],
      points: share(pointsOf[c]!),
    })),
    adjustments,
    preconditions,
  };
}

/** What one full set of answers gives a model: the shares of its adjustments, its performance, the cost of change, each precondition. */
interface Evaluation {
  factors: Float64Array;
  perf: Float64Array;
  change: number;
  holds: boolean[];
}

/**
 * A model's evaluation for one municipality's answer sets: the adjustments and
 * preconditions that read no varied answer (each states the questions it reads) worked
 * out once at the answers given, the others for each answer set.
 */
interface Evaluator {
  model: EngineModel;
  flat: FlatEffects;
  fixedFactors: Float64Array;
  variableAdjustments: number[];
  fixedHolds: boolean[];
  variablePreconditions: number[];
  /** Evaluations by the shares of the variable adjustments and the variable preconditions' truth. */
  bySignature: Map<string, Evaluation>;
  /** Scratch: the variable adjustments' shares and the variable preconditions' truth at the answers being evaluated. */
  shares: Float64Array;
  truths: boolean[];
}

function evaluatorOf(model: EngineModel, values: readonly AnswerValue[], varied: ReadonlySet<string>): Evaluator {
  const variableAdjustments = readingAny(model.adjustments, varied);
  const variablePreconditions = readingAny(model.preconditions, varied);
  const fixedFactors = Float64Array.from(model.adjustments, (a, i) => (variableAdjustments.includes(i) ? 0 : a.factor(values)));
  const fixedHolds = model.preconditions.map((p, i) => !variablePreconditions.includes(i) && p.requires(values));
  return { model, flat: flatEffects(model), fixedFactors, variableAdjustments, fixedHolds, variablePreconditions, bySignature: new Map(), shares: new Float64Array(variableAdjustments.length), truths: variablePreconditions.map(() => false) };
}

/** The model's evaluation at `values`, kept by `key` when there is one (the same answers read, the same numbers). */
function evaluationAt(evaluator: Evaluator, values: readonly AnswerValue[], key: number | undefined, kept: Evaluation[]): Evaluation {
  const found = key === undefined ? undefined : kept[key];
  if (found) return found;
  const { model, flat, variableAdjustments, variablePreconditions, shares, truths } = evaluator;
  // Answers that differ only where no adjustment's share or precondition changes give the
  // same evaluation: look it up by those shares (many numbers in a range meet one condition).
  let signature = '';
  for (let i = 0; i < variableAdjustments.length; i++) signature += (shares[i] = model.adjustments[variableAdjustments[i]!]!.factor(values)) + ',';
  for (let i = 0; i < variablePreconditions.length; i++) signature += (truths[i] = model.preconditions[variablePreconditions[i]!]!.requires(values)) ? '1' : '0';
  let evaluation = evaluator.bySignature.get(signature);
  if (!evaluation) {
    const factors = evaluator.fixedFactors.slice();
    for (let i = 0; i < variableAdjustments.length; i++) factors[variableAdjustments[i]!] = shares[i]!;
    const perf = new Float64Array(model.values.length);
    performanceAt(model, factors, perf, flat);
    const holds = evaluator.fixedHolds.slice();
    for (let i = 0; i < variablePreconditions.length; i++) holds[variablePreconditions[i]!] = truths[i]!;
    evaluation = { factors, perf, change: scoreEffectAt(model, factors, flat), holds };
    evaluator.bySignature.set(signature, evaluation);
  }
  if (key !== undefined) kept[key] = evaluation;
  return evaluation;
}

/** The interval as the extremes over every answer combination the unknown answers allow. */
function pointInterval(
  engine: Engine,
  evaluator: Evaluator,
  points: readonly AnswerValue[][],
  pointWeights: readonly Float64Array[],
  keys: Int32Array | undefined,
  kept: Evaluation[],
): { interval: Interval; criterionIntervals: Interval[] } {
  const { model } = evaluator;
  const n = engine.criteria.length;
  const byFinding = new Float64Array(engine.findings.length);
  let low = Infinity;
  let high = -Infinity;
  const criterionIntervals: Interval[] = engine.criteria.map(() => [Infinity, -Infinity]);
  // Points that differ only in answers neither the weights nor this model read give the
  // same evaluation, or the same pair of weights and evaluation: met before, it has widened
  // the intervals already (extremes depend neither on the order nor on repeats).
  const met = new Map<Evaluation, Set<Float64Array>>();
  // Which adjustments apply decides each criterion's spread; evaluations apart only by their preconditions share it.
  const spreads = new Map<string, Float64Array>();
  points.forEach((values, p) => {
    const weights = pointWeights[p]!;
    const evaluation = evaluationAt(evaluator, values, keys?.[p], kept);
    const { factors, perf } = evaluation;
    let metWith = met.get(evaluation);
    if (!metWith) {
      met.set(evaluation, (metWith = new Set()));
      // The criteria's intervals read no weight.
      const key = factors.join(',');
      let spread = spreads.get(key);
      if (!spread) {
        spreads.set(key, (spread = new Float64Array(n)));
        performanceSds(model, factors, spread, engine.commonLevelSd);
        for (let c = 0; c < n; c++) spread[c] = Z * spread[c]!;
      }
      for (let c = 0; c < n; c++) {
        const range = criterionIntervals[c]!;
        range[0] = Math.min(range[0], perf[c]! - spread[c]!);
        range[1] = Math.max(range[1], perf[c]! + spread[c]!);
      }
    }
    if (metWith.has(weights)) return;
    metWith.add(weights);
    let mean = 0;
    for (let c = 0; c < n; c++) mean += weights[c]! * perf[c]!;
    const sd = scoreSd(model, weights, factors, byFinding, engine.commonLevelSd);
    low = Math.min(low, mean - Z * sd);
    high = Math.max(high, mean + Z * sd);
  });
  return { interval: [low, high], criterionIntervals };
}

/**
 * An interval that surely covers every answer the unknown questions allow, for when
 * there are too many combinations to try: each criterion's weight at either end of its
 * range and its performance with every open adjustment either way (exact over that
 * box, see extremeAverage), widened by the largest spread any combination could have.
 * It is wider than the exact one, never narrower.
 */
function boxInterval(engine: Engine, model: EngineModel, municipality: Municipality, adjustments: readonly AdjustmentEstimate[]): { interval: Interval; criterionIntervals: Interval[] } {
  const n = engine.criteria.length;
  const low = new Array<number>(n);
  const high = new Array<number>(n);
  engine.criteria.forEach((criterion, c) => {
    let lo = criterion.base;
    let hi = criterion.base;
    for (const term of criterion.terms) {
      const q = term.question;
      const open = !municipality.known[q];
      const values = open ? engine.questions[q]!.grid.map((v) => term.value(v)) : [term.value(municipality.values[q]!)];
      lo += Math.min(...values);
      hi += Math.max(...values);
    }
    low[c] = lo;
    high[c] = hi;
  });
  const perfLow = Array.from(model.values);
  const perfHigh = Array.from(model.values);
  const sure = new Float64Array(model.adjustments.length);
  model.adjustments.forEach((a, i) => {
    const truth = adjustments[i]!.truth;
    if (truth === 'no') return;
    sure[i] = 1;
    // A ramp or an open condition may give any share of the effect, none to all of it.
    const fixed = truth === 'yes' && !a.ramp;
    for (const e of a.effects) {
      const lo = fixed ? e.effect : Math.min(0, e.effect);
      const hi = fixed ? e.effect : Math.max(0, e.effect);
      // The cost of change is no part of the fit (see meanScore).
      if (e.criterion < 0) continue;
      perfLow[e.criterion]! += lo;
      perfHigh[e.criterion]! += hi;
    }
  });
  const meanLow = extremeAverage(perfLow, low, high, 'min');
  const meanHigh = extremeAverage(perfHigh, low, high, 'max');
  // The largest spread: every weight at its largest share, every effect that may apply at full size.
  const totalLow = low.reduce((a, b) => a + b, 0);
  const maxShare = high.map((h, c) => (h + totalLow - low[c]! > 0 ? Math.min(1, h / (h + totalLow - low[c]!)) : 1));
  const byFinding = new Float64Array(engine.findings.length);
  const sd = upperSd(model, maxShare, sure, byFinding, engine.commonLevelSd);
  const halves = new Float64Array(n);
  performanceSds(model, sure, halves, engine.commonLevelSd, true);
  const criterionIntervals: Interval[] = engine.criteria.map((_, c) => {
    const half = Z * halves[c]!;
    return [perfLow[c]! - half, perfHigh[c]! + half];
  });
  return { interval: [meanLow - Z * sd, meanHigh + Z * sd], criterionIntervals };
}

/** scoreSd with every coefficient taken at its largest magnitude: an upper bound over every answer combination. */
function upperSd(model: EngineModel, maxShare: readonly number[], open: Float64Array, byFinding: Float64Array, commonLevelSd: number): number {
  const add = (criterion: number, effect: number, sd: number, draws: Int32Array, coefficients: Float64Array): void => {
    if (criterion < 0) return;
    const share = maxShare[criterion]!;
    for (let k = 0; k < draws.length; k++) byFinding[draws[k]!]! += Math.abs(share * effect * sd * coefficients[k]!);
  };
  for (const r of model.ratings) add(r.criterion, r.effect, r.body.sd, r.body.draws, r.body.coefficients);
  for (const r of model.frameEffects) add(r.criterion, r.effect, r.body.sd, r.body.draws, r.body.coefficients);
  model.adjustments.forEach((a, i) => {
    if (open[i] === 1) for (const e of a.effects) add(e.criterion, e.effect, e.body.sd, e.body.draws, e.body.coefficients);
  });
  let variance = 0;
  for (let f = 0; f < byFinding.length; f++) {
    variance += byFinding[f]! ** 2;
    byFinding[f] = 0;
  }
  for (const s of maxShare) variance += (s * commonLevelSd) ** 2;
  return Math.sqrt(variance);
}

/** Whether the model is workable for one full set of answers (re-exported for the samplers). */
export { feasibleAt };
