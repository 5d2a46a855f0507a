import type { Engine, EngineModel } from './engine.js';
import { adjustmentsAt, feasibleAt, normalise, performanceAt, rawWeightsAt, scoreEffectAt } from './evaluate.js';
import { rankCentroid } from './engine.js';
import { seededRandom, type Random } from './random.js';
import { drawAnswers, type Municipality } from './unknowns.js';
import { CLEAR_FIRST, TOP_SET } from './verdict.js';
import type { AnswerValue } from '../schema/index.js';

/**
 * SMAA-2 (Lahdelma and Salminen 2001): the models ranked again and again, each time
 * with the evidence drawn within its certainty (one draw per finding, shared by every
 * rating and adjustment that cites it), every unknown answer drawn from its prior, and
 * the weights drawn from all those consistent with the municipality's answers.
 */
export interface Acceptability {
  /** Share of samples at each rank, 1 first: the rank acceptability indices b¹…bⁿ. */
  ranks: number[];
  /** Monte Carlo standard error of the rank-1 acceptability. */
  firstError: number;
  meanRank: number;
  /** By model index: the share of samples in which this model ranks above that one (ties count half). */
  beats: number[];
  /**
   * The same with the cost of changing to each model paid: how often this model, its
   * change cost taken off, still beats that one. Against today's organisation (which
   * costs nothing to keep) this is P(better than today).
   */
  beatsAfterChange: number[];
  /** The mean weights over the samples where it is first: the priorities under which it wins. */
  centralWeights?: number[];
  /** The chance it comes first when the weights are its central weights (SMAA-2's confidence factor). */
  confidence?: number;
}

export interface Robustness {
  samples: number;
  seed: number;
  /** Whether the count was chosen by the stopping rule (no --samples). */
  adaptive: boolean;
  maxSamples: number;
  models: Acceptability[];
}

export interface RobustnessOptions {
  seed: number;
  /** A fixed number of samples; without it, sampling stops when the verdict's figures are settled. */
  samples?: number;
  /** The cap of adaptive sampling. */
  maxSamples?: number;
  /** Leave out SMAA-2's second pass (the confidence factors), as the searches for tipping points do. */
  skipConfidence?: boolean;
}

/**
 * Adaptive sampling: at least 2,000 samples, then batches of 1,000 until every rank-1
 * acceptability is known to ±0.5 percentage points (standard error 0.0025, so whole
 * percents are stable) or the verdict's thresholds are decided beyond 2.6 standard
 * errors with a standard error of at most 0.01; never more than 40,000.
 */
export const MIN_SAMPLES = 2000;
const BATCH = 1000;
export const MAX_SAMPLES = 40_000;
const PRECISE_ERROR = 0.0025;
const DECIDED_ERROR = 0.01;
const DECIDED_Z = 2.576;
/** Samples for each confidence factor (SMAA-2's second pass). */
const CONFIDENCE_SAMPLES = 2000;

/**
 * Every claimed effect of every model in flat typed arrays, so the sampling loop
 * allocates nothing and runs compiled from the first samples on (a CLI run is short:
 * it cannot wait for V8 to optimise object-heavy code).
 */
interface Kernel {
  /** Per body of evidence: its draws' range in `draws`/`coefficients`, and its spread. */
  bodyStart: Int32Array;
  draws: Int32Array;
  coefficients: Float64Array;
  bodySd: Float64Array;
  /** Per model: its effects' range; per effect: criterion (−1: the score itself), size, body, and its adjustment (−1 for a rating). */
  effectStart: Int32Array;
  effectCriterion: Int32Array;
  effectSize: Float64Array;
  effectBody: Int32Array;
  effectAdjustment: Int32Array;
}

function kernelOf(engine: Engine): Kernel {
  const bodies = new Map<object, number>();
  const bodyStart: number[] = [0];
  const draws: number[] = [];
  const coefficients: number[] = [];
  const bodySd: number[] = [];
  const bodyIndex = (body: EngineModel['ratings'][number]['body']): number => {
    let at = bodies.get(body);
    if (at === undefined) {
      at = bodySd.push(body.sd) - 1;
      bodies.set(body, at);
      draws.push(...body.draws);
      coefficients.push(...body.coefficients);
      bodyStart.push(draws.length);
    }
    return at;
  };
  const effectStart: number[] = [0];
  const criterion: number[] = [];
  const size: number[] = [];
  const body: number[] = [];
  const adjustment: number[] = [];
  for (const model of engine.models) {
    const push = (c: number, effect: number, b: number, a: number) => {
      if (effect === 0) return;
      criterion.push(c);
      size.push(effect);
      body.push(b);
      adjustment.push(a);
    };
    for (const r of model.ratings) push(r.criterion, r.effect, bodyIndex(r.body), -1);
    for (const r of model.frameEffects) push(r.criterion, r.effect, bodyIndex(r.body), -1);
    model.adjustments.forEach((a, i) => {
      for (const e of a.effects) push(e.criterion, e.effect, bodyIndex(a.body), i);
    });
    effectStart.push(criterion.length);
  }
  return {
    bodyStart: Int32Array.from(bodyStart),
    draws: Int32Array.from(draws),
    coefficients: Float64Array.from(coefficients),
    bodySd: Float64Array.from(bodySd),
    effectStart: Int32Array.from(effectStart),
    effectCriterion: Int32Array.from(criterion),
    effectSize: Float64Array.from(size),
    effectBody: Int32Array.from(body),
    effectAdjustment: Int32Array.from(adjustment),
  };
}

/** One draw of every random part, evaluated for every model: the engine of both passes. */
class Sampler {
  readonly n: number;
  /** The fit of each model: what the ranking is by. */
  readonly scores: Float64Array;
  /** The fit less the cost of changing to the model: what the comparison with today is by. */
  readonly net: Float64Array;
  readonly feasible: Uint8Array;
  readonly weights: Float64Array;
  private readonly values: AnswerValue[];
  private readonly raw: Float64Array;
  private readonly z: Float64Array;
  private readonly level: Float64Array;
  private readonly bodyDraw: Float64Array;
  /** Expected performance per model and criterion (model-major), its score-level effects, and the share of each adjustment that applies. */
  private readonly perf: Float64Array;
  private readonly scoreEffect: Float64Array;
  private readonly factors: Float64Array[];
  /** Ranking questions: their terms, and the shares drawn for their ranks in each sample. */
  private readonly ranks: { question: number; terms: { criterion: number; option: string; total: number }[]; shares: Float64Array; centroid: number[] }[];
  private readonly sure: boolean;
  private readonly fixedRaw: Float64Array;
  private readonly bandCriterion: Int32Array;
  private readonly bandSize: Float64Array;

  constructor(
    private readonly engine: Engine,
    private readonly kernel: Kernel,
    private readonly municipality: Municipality,
    private readonly random: Random,
    /** Weights held at these (normalised) values instead of drawn. */
    private readonly heldWeights?: readonly number[],
  ) {
    const criteria = engine.criteria.length;
    this.n = engine.models.length;
    this.scores = new Float64Array(this.n);
    this.net = new Float64Array(this.n);
    this.feasible = new Uint8Array(this.n);
    this.weights = new Float64Array(criteria);
    this.values = [...municipality.values];
    this.raw = new Float64Array(criteria);
    this.fixedRaw = new Float64Array(criteria);
    this.z = new Float64Array(engine.findings.length);
    this.level = new Float64Array(criteria);
    this.bodyDraw = new Float64Array(kernel.bodySd.length);
    this.perf = new Float64Array(this.n * criteria);
    this.scoreEffect = new Float64Array(this.n);
    this.factors = engine.models.map((m) => new Float64Array(m.adjustments.length));
    const byQuestion = new Map<number, { criterion: number; option: string; total: number }[]>();
    engine.criteria.forEach((criterion, c) => {
      for (const term of criterion.terms) {
        if (!term.rank) continue;
        if (!byQuestion.has(term.question)) byQuestion.set(term.question, []);
        byQuestion.get(term.question)!.push({ criterion: c, ...term.rank });
      }
    });
    this.ranks = [...byQuestion].map(([question, terms]) => {
      const k = engine.questions[question]!.question.options?.length ?? 1;
      return { question, terms, shares: new Float64Array(k), centroid: rankCentroid(k) };
    });
    // With every answer known, the weights' centres, the adjustments and the workability are fixed.
    this.sure = municipality.unknown.length === 0 && !municipality.openMix;
    const bands: [number, number][] = [];
    if (this.sure) {
      rawWeightsAt(engine, this.values, this.fixedRaw);
      this.evaluateAnswers();
      engine.criteria.forEach((criterion, c) => {
        for (const term of criterion.terms) {
          const band = term.band(this.values[term.question]!);
          if (band > 0) bands.push([c, band]);
        }
      });
    }
    this.bandCriterion = Int32Array.from(bands.map(([c]) => c));
    this.bandSize = Float64Array.from(bands.map(([, b]) => b));
  }

  /** Adjustments, workability and expected performance for the current answers. */
  private evaluateAnswers(): void {
    const criteria = this.engine.criteria.length;
    const row = new Float64Array(criteria);
    this.engine.models.forEach((m, i) => {
      adjustmentsAt(m, this.values, this.factors[i]!);
      this.feasible[i] = feasibleAt(m, this.values) ? 1 : 0;
      performanceAt(m, this.factors[i]!, row);
      this.perf.set(row, i * criteria);
      this.scoreEffect[i] = scoreEffectAt(m, this.factors[i]!);
    });
  }

  /** Draws once and scores every model; `scores`, `feasible` and `weights` hold the outcome. */
  sample(): void {
    const { engine, random, kernel, raw, weights, z, bodyDraw, perf } = this;
    const criteria = raw.length;
    if (this.sure) {
      raw.set(this.fixedRaw);
      for (let k = 0; k < this.bandSize.length; k++) raw[this.bandCriterion[k]!]! += (2 * random() - 1) * this.bandSize[k]!;
    } else {
      drawAnswers(engine, this.municipality, random, this.values);
      rawWeightsAt(engine, this.values, raw);
      for (let c = 0; c < criteria; c++) {
        for (const term of engine.criteria[c]!.terms) {
          const band = term.band(this.values[term.question]!);
          if (band > 0) raw[c]! += (2 * random() - 1) * band;
        }
      }
      this.evaluateAnswers();
    }
    // A ranking fixes only the order of its weights: draw them uniformly among all that keep it (SMAA-2).
    for (const rank of this.ranks) {
      const answer = this.values[rank.question];
      if (!Array.isArray(answer)) continue;
      orderedShares(rank.shares, random);
      for (const term of rank.terms) {
        const r = answer.indexOf(term.option);
        if (r >= 0) raw[term.criterion]! += term.total * (rank.shares[r]! - rank.centroid[r]!);
      }
    }
    if (this.heldWeights) {
      for (let c = 0; c < criteria; c++) weights[c] = this.heldWeights[c]!;
    } else {
      let total = 0;
      for (let c = 0; c < criteria; c++) {
        const w = raw[c]! > 0 ? raw[c]! : 0;
        weights[c] = w;
        total += w;
      }
      normalise(weights, total);
    }
    random.normals(z);
    // The level uncertainty shared by all models: one shift per criterion, the same for
    // every model, so it widens no gap between them and changes no rank (it is drawn all
    // the same, so the method is one model whatever it is set to).
    random.normals(this.level);
    let shift = 0;
    for (let c = 0; c < criteria; c++) shift += weights[c]! * this.level[c]! * engine.commonLevelSd;
    // One factor per body of evidence, from the draws of the findings it cites.
    const { bodyStart, draws, coefficients, bodySd } = kernel;
    for (let b = 0; b < bodySd.length; b++) {
      let sum = 0;
      for (let k = bodyStart[b]!; k < bodyStart[b + 1]!; k++) sum += coefficients[k]! * z[draws[k]!]!;
      bodyDraw[b] = bodySd[b]! * sum;
    }
    // Expected performance plus each claimed effect times its evidence factor, plus the shared level.
    const { effectStart, effectCriterion, effectSize, effectBody, effectAdjustment } = kernel;
    for (let m = 0; m < this.n; m++) {
      let score = shift;
      let change = this.scoreEffect[m]!;
      const base = m * criteria;
      for (let c = 0; c < criteria; c++) score += weights[c]! * perf[base + c]!;
      const factors = this.factors[m]!;
      for (let e = effectStart[m]!; e < effectStart[m + 1]!; e++) {
        const a = effectAdjustment[e]!;
        const f = a >= 0 ? factors[a]! : 1;
        if (f === 0) continue;
        const c = effectCriterion[e]!;
        if (c >= 0) score += weights[c]! * f * effectSize[e]! * bodyDraw[effectBody[e]!]!;
        else change += f * effectSize[e]! * bodyDraw[effectBody[e]!]!;
      }
      this.scores[m] = score;
      this.net[m] = score + change;
    }
  }
}

/** Tallies of one pass: ranks (with fractional credit for ties), pairwise wins, weights when first. */
class Tally {
  samples = 0;
  readonly ranks: Float64Array[];
  readonly beats: Float64Array[];
  readonly beatsNet: Float64Array[];
  readonly firstWeights: Float64Array[];
  private readonly order: Int32Array;

  constructor(
    readonly n: number,
    criteria: number,
  ) {
    this.ranks = Array.from({ length: n }, () => new Float64Array(n));
    this.beats = Array.from({ length: n }, () => new Float64Array(n));
    this.beatsNet = Array.from({ length: n }, () => new Float64Array(n));
    this.firstWeights = Array.from({ length: n }, () => new Float64Array(criteria));
    this.order = new Int32Array(n);
  }

  add(scores: Float64Array, net: Float64Array, feasible: Uint8Array, weights: Float64Array): void {
    const { n, order } = this;
    // Workable models first (a failed precondition ranks a model after them), then by
    // score; an insertion sort, as there are only a handful of models.
    for (let i = 0; i < n; i++) {
      let k = i;
      while (k > 0 && ahead(i, order[k - 1]!, scores, feasible)) {
        order[k] = order[k - 1]!;
        k--;
      }
      order[k] = i;
    }
    // Exactly equal scores share their ranks: ties must not favour a model by its place in the list.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && same(order[start]!, order[end]!, scores, feasible)) end++;
      const credit = 1 / (end - start);
      for (let k = start; k < end; k++) {
        const m = order[k]!;
        const ranks = this.ranks[m]!;
        for (let r = start; r < end; r++) ranks[r]! += credit;
        if (start === 0) {
          const into = this.firstWeights[m]!;
          for (let c = 0; c < weights.length; c++) into[c]! += credit * weights[c]!;
        }
      }
      start = end;
    }
    for (let a = 0; a < n; a++) {
      const row = this.beats[a]!;
      const rowNet = this.beatsNet[a]!;
      for (let b = 0; b < n; b++) {
        if (a === b) continue;
        row[b]! += ahead(a, b, scores, feasible) ? 1 : same(a, b, scores, feasible) ? 0.5 : 0;
        rowNet[b]! += ahead(a, b, net, feasible) ? 1 : same(a, b, net, feasible) ? 0.5 : 0;
      }
    }
    this.samples++;
  }

  first(m: number): number {
    return this.ranks[m]![0]! / Math.max(1, this.samples);
  }
}

/** Shares drawn uniformly from the simplex and sorted, largest first: a uniform draw among weights that keep an order. */
function orderedShares(out: Float64Array, random: () => number): void {
  let total = 0;
  for (let i = 0; i < out.length; i++) total += out[i] = -Math.log(1 - random());
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
  out.sort().reverse();
}

function ahead(a: number, b: number, scores: Float64Array, feasible: Uint8Array): boolean {
  return feasible[a] !== feasible[b] ? feasible[a] === 1 : scores[a]! > scores[b]!;
}
function same(a: number, b: number, scores: Float64Array, feasible: Uint8Array): boolean {
  return feasible[a] === feasible[b] && scores[a] === scores[b];
}

/** SMAA-2 for one municipality: rank acceptabilities, pairwise wins, central weights and confidence factors. */
export function analyseRobustness(engine: Engine, municipality: Municipality, options: RobustnessOptions): Robustness {
  const n = engine.models.length;
  const maxSamples = options.maxSamples ?? MAX_SAMPLES;
  const adaptive = options.samples === undefined;
  const random = seededRandom(options.seed);
  const kernel = kernelOf(engine);
  const sampler = new Sampler(engine, kernel, municipality, random);
  const tally = new Tally(n, engine.criteria.length);
  const target = adaptive ? maxSamples : options.samples!;
  while (tally.samples < target) {
    const batch = Math.min(adaptive ? (tally.samples === 0 ? MIN_SAMPLES : BATCH) : target, target - tally.samples);
    for (let s = 0; s < batch; s++) {
      sampler.sample();
      tally.add(sampler.scores, sampler.net, sampler.feasible, sampler.weights);
    }
    if (adaptive && settled(tally)) break;
  }

  const models = engine.models.map((_, m): Acceptability => {
    const count = Math.max(1, tally.samples);
    const first = tally.first(m);
    const firstCount = tally.ranks[m]![0]!;
    const ranks = Array.from(tally.ranks[m]!, (x) => x / count);
    return {
      ranks,
      firstError: Math.sqrt((first * (1 - first)) / count),
      meanRank: ranks.reduce((sum, share, r) => sum + share * (r + 1), 0),
      beats: Array.from(tally.beats[m]!, (x) => x / count),
      beatsAfterChange: Array.from(tally.beatsNet[m]!, (x) => x / count),
      ...(firstCount > 0 ? { centralWeights: Array.from(tally.firstWeights[m]!, (x) => x / firstCount) } : {}),
    };
  });

  // The second pass: how surely each model that ever wins does so under its own central weights.
  models.forEach((entry, m) => {
    if (options.skipConfidence || !entry.centralWeights || entry.ranks[0]! < 0.01 || tally.samples === 0) return;
    const held = new Sampler(engine, kernel, municipality, seededRandom(options.seed + 1 + m), entry.centralWeights);
    const pass = new Tally(n, engine.criteria.length);
    const samples = Math.min(CONFIDENCE_SAMPLES, Math.max(tally.samples, 1));
    for (let s = 0; s < samples; s++) {
      held.sample();
      pass.add(held.scores, held.net, held.feasible, held.weights);
    }
    entry.confidence = pass.first(m);
  });

  return { samples: tally.samples, seed: options.seed, adaptive, maxSamples, models };
}

/** The stopping rule (see MIN_SAMPLES): precise enough to print, or the verdict decided. */
function settled(tally: Tally): boolean {
  const count = tally.samples;
  if (count < MIN_SAMPLES) return false;
  const firsts = Array.from({ length: tally.n }, (_, m) => tally.first(m));
  const error = (p: number) => Math.sqrt((p * (1 - p)) / count);
  if (firsts.every((p) => error(p) <= PRECISE_ERROR)) return true;
  const leader = firsts.indexOf(Math.max(...firsts));
  const decided = (p: number, threshold: number) => error(p) <= DECIDED_ERROR && Math.abs(p - threshold) >= DECIDED_Z * error(p);
  if (!decided(firsts[leader]!, CLEAR_FIRST)) return false;
  // Who leads must be settled too, and which rivals beat the leader often enough to tie with it.
  const second = Math.max(...firsts.filter((_, m) => m !== leader));
  if (firsts[leader]! - second < DECIDED_Z * Math.sqrt((firsts[leader]! + second) / count)) return false;
  for (let m = 0; m < tally.n; m++) {
    if (m === leader) continue;
    if (!decided(tally.beats[m]![leader]! / count, TOP_SET)) return false;
  }
  return true;
}
