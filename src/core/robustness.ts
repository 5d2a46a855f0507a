import type { Engine, EngineModel } from './engine.js';
import { adjustmentsAt, feasibleAt, flatEffects, normalise, performanceAt, rawWeightsAt, readingAny, scoreEffectAt, type FlatEffects } from './evaluate.js';
import { rankCentroid } from './engine.js';
import { derivedSeed, SeededGenerator, seededRandom, type Random } from './random.js';
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

/** Kernels by the engine's list of models (a framed engine is a new object for every file, its models are not). */
const kernels = new WeakMap<readonly EngineModel[], Kernel>();

function kernelOf(engine: Engine): Kernel {
  let kernel = kernels.get(engine.models);
  if (!kernel) kernels.set(engine.models, (kernel = compileKernel(engine)));
  return kernel;
}

function compileKernel(engine: Engine): Kernel {
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

/**
 * The evidence draws, a stream of their own. Sample s of a seed draws its findings' normals
 * and the shared level's from `seededRandom(seed)` at a fixed place (s times the draws a
 * sample takes), whatever the answers are; the answers and weights are drawn from a second
 * stream (`derivedSeed`). So every analysis with one seed and one engine, whatever the
 * answers, sees the same evidence in its sample s: common random numbers. The confidence
 * passes and every tipping-point check reuse the main pass's draws instead of drawing them
 * again, and a check compares the verdict with the answers changed against the same
 * evidence, so what differs is the change, not the luck of the draw (the variance of the
 * difference is that of two independent runs less twice their covariance, which is positive
 * where the figures move with the evidence alike for both answers, as they do here).
 *
 * The body factors (and the level normals) of the first KEPT_SAMPLES samples are kept per
 * engine and seed, filled as far as an analysis has needed them. Later samples are kept too,
 * in blocks of BLOCK samples as an analysis first reaches them, up to MAX_SAMPLES, while all
 * such blocks together stay within EXTRA_BYTES: the many files of one run (one seed, a few
 * frames) then draw each sample's evidence once instead of once per file. Past the budget,
 * or past MAX_SAMPLES, a sample is drawn as it comes from the same place in the stream: the
 * same numbers either way, so what is kept changes the speed only, never a figure.
 */
const KEPT_SAMPLES = 2000;
/** Seeds kept per engine (the calibration's seed-noise runs use a few; each is about 1.3 MB). */
const KEPT_SEEDS = 4;
/** Samples per block of kept draws (the first KEPT_SAMPLES / BLOCK blocks are every seed's). */
const BLOCK = 1000;
/**
 * The kept blocks beyond KEPT_SAMPLES, over every engine and seed: 64 MB. A block of the
 * built-in knowledge base is about 0.6 MB (70 bodies of evidence and 9 criteria a sample),
 * a seed's 38 blocks up to MAX_SAMPLES about 24 MB, so the budget holds two or three frames'
 * worth. When a block would exceed it, the least recently used seed's blocks are let go.
 */
const EXTRA_BYTES = 64 * 2 ** 20;
/** The evidence with blocks beyond KEPT_SAMPLES, and their bytes. */
const extended = new Set<Evidence>();
let extraBytes = 0;
/** Orders the uses of Evidence, for letting go of the least recently used blocks. */
let uses = 0;

class Evidence {
  /** Samples kept: those below it are in the blocks. */
  count = 0;
  /** The body factors (sample-major) and the level normals of each block of BLOCK samples. */
  readonly bodyBlocks: Float64Array[] = [];
  readonly levelBlocks: Float64Array[] = [];
  used = 0;
  private random: SeededGenerator;
  private readonly z: Float64Array;
  private readonly levelScratch: Float64Array;
  private readonly blockBytes: number;

  constructor(
    private readonly kernel: Kernel,
    readonly seed: number,
    readonly findings: number,
    readonly criteria: number,
  ) {
    for (let b = 0; b < KEPT_SAMPLES / BLOCK; b++) this.addBlock();
    this.random = new SeededGenerator(seed);
    this.z = new Float64Array(findings);
    this.levelScratch = new Float64Array(criteria);
    this.blockBytes = BLOCK * (kernel.bodySd.length + criteria) * Float64Array.BYTES_PER_ELEMENT;
  }

  /**
   * Whether sample s is kept, filling the kept draws as far as it (in steps of 250 up to
   * KEPT_SAMPLES, then a block at a time); false when it is not to be kept (past
   * MAX_SAMPLES, not in the block after the kept ones, or no budget left): then it is drawn
   * as it comes.
   */
  has(s: number): boolean {
    if (s < this.count) return true;
    if (s < KEPT_SAMPLES) {
      this.fill(Math.min(KEPT_SAMPLES, Math.ceil((s + 1) / 250) * 250));
      return true;
    }
    if (s >= MAX_SAMPLES || this.count < KEPT_SAMPLES || s >= this.count + BLOCK || !this.budget()) return false;
    this.addBlock();
    extended.add(this);
    extraBytes += this.blockBytes;
    this.fill(this.count + BLOCK);
    return true;
  }

  /** Lets go of the blocks beyond KEPT_SAMPLES; the stream goes on from there when they are needed again. */
  release(): void {
    if (this.bodyBlocks.length <= KEPT_SAMPLES / BLOCK) return;
    extraBytes -= (this.bodyBlocks.length - KEPT_SAMPLES / BLOCK) * this.blockBytes;
    this.bodyBlocks.length = this.levelBlocks.length = KEPT_SAMPLES / BLOCK;
    this.count = Math.min(this.count, KEPT_SAMPLES);
    this.random = new SeededGenerator(this.seed, this.count * (this.findings + this.criteria));
    extended.delete(this);
  }

  /** Room for one more block, made by letting go of the least recently used other seeds' blocks. */
  private budget(): boolean {
    while (extraBytes + this.blockBytes > EXTRA_BYTES) {
      let oldest: Evidence | undefined;
      for (const e of extended) if (e !== this && (!oldest || e.used < oldest.used)) oldest = e;
      if (!oldest) return false;
      oldest.release();
    }
    return true;
  }

  private addBlock(): void {
    this.bodyBlocks.push(new Float64Array(BLOCK * this.kernel.bodySd.length));
    this.levelBlocks.push(new Float64Array(BLOCK * this.criteria));
  }

  private fill(to: number): void {
    const bodies = this.kernel.bodySd.length;
    for (let s = this.count; s < to; s++) {
      const block = Math.floor(s / BLOCK);
      const at = s - block * BLOCK;
      draw(this.kernel, this.random, this.z, this.levelScratch, this.bodyBlocks[block]!, at * bodies);
      this.levelBlocks[block]!.set(this.levelScratch, at * this.criteria);
    }
    this.count = to;
  }
}

/** One sample's evidence: the findings' normals, the level's, and one factor per body of evidence from the findings it cites. */
function draw(kernel: Kernel, random: SeededGenerator, z: Float64Array, level: Float64Array, bodyDraw: Float64Array, at: number): void {
  random.normals(z);
  random.normals(level);
  const { bodyStart, draws, coefficients, bodySd } = kernel;
  for (let b = 0; b < bodySd.length; b++) {
    let sum = 0;
    for (let k = bodyStart[b]!; k < bodyStart[b + 1]!; k++) sum += coefficients[k]! * z[draws[k]!]!;
    bodyDraw[at + b] = bodySd[b]! * sum;
  }
}

const evidenceByKernel = new WeakMap<Kernel, Evidence[]>();

function evidenceOf(engine: Engine, kernel: Kernel, seed: number): Evidence {
  let list = evidenceByKernel.get(kernel);
  if (!list) evidenceByKernel.set(kernel, (list = []));
  const findings = engine.findings.length;
  const criteria = engine.criteria.length;
  let found = list.find((e) => e.seed === seed && e.findings === findings && e.criteria === criteria);
  if (!found) {
    found = new Evidence(kernel, seed, findings, criteria);
    list.unshift(found);
    if (list.length > KEPT_SEEDS) list.pop()!.release();
  }
  found.used = ++uses;
  return found;
}

/** What the answers fix for one draw of the unknown ones: kept per analysis, as a few discrete unknowns repeat their draws. */
interface Evaluated {
  raw: Float64Array;
  bandCriterion: Int32Array;
  bandSize: Float64Array;
  perf: Float64Array;
  scoreEffect: Float64Array;
  feasible: Uint8Array;
  active: Active;
}

/**
 * The claimed effects that apply for one evaluation of the answers, as the kernel's effect
 * indices with their shares (1 for a rating): per model, those on a criterion from `start`,
 * then those on the score itself from `split`, each in the kernel's order. The sampling loop
 * then walks only these, and the sums are those of walking every effect and leaving out
 * the ones whose share is 0.
 */
interface Active {
  start: Int32Array;
  split: Int32Array;
  effect: Int32Array;
  factor: Float64Array;
}

function activeEffects(kernel: Kernel, factors: readonly Float64Array[], into: Active): void {
  const { effectStart, effectCriterion, effectAdjustment } = kernel;
  let k = 0;
  const take = (m: number, onScore: boolean) => {
    const own = factors[m]!;
    for (let e = effectStart[m]!; e < effectStart[m + 1]!; e++) {
      if (effectCriterion[e]! < 0 !== onScore) continue;
      const a = effectAdjustment[e]!;
      const f = a >= 0 ? own[a]! : 1;
      if (f === 0) continue;
      into.effect[k] = e;
      into.factor[k++] = f;
    }
  };
  for (let m = 0; m < factors.length; m++) {
    into.start[m] = k;
    take(m, false);
    into.split[m] = k;
    take(m, true);
  }
  into.start[factors.length] = k;
}

function copyActive(active: Active): Active {
  const end = active.start[active.split.length]!;
  return { start: active.start.slice(), split: active.split.slice(), effect: active.effect.slice(0, end), factor: active.factor.slice(0, end) };
}

/** At most this many answer draws are kept per analysis (a few MB at most). */
const KEPT_EVALUATIONS = 4096;
/**
 * The kept evaluations of one analysis (its passes share them), by a key of the unknown
 * answers: a number when each answer is one of the first `radix` values its question drew
 * (as many as its prior's support has, or KEY_RADIX) and the radices multiply to less than
 * 2 ** 53, where every whole number is exact (a number is cheaper to make and to look up
 * than a string), otherwise a string of the answers as before. A number and a string are
 * never equal, and each set of answers always gets the same key.
 */
export interface EvaluationCache {
  byKey: Map<number | string, Evaluated>;
  /** Per unknown answer: its radix, the code of each value drawn so far, and its question's options (a ranking or multiple choice is coded by them). */
  radix: number[];
  codes: Map<AnswerValue, number>[];
  arrays: Map<number, number>[];
  options: (readonly AnswerValue[])[];
  numeric: boolean;
}
const KEY_RADIX = 32;

function evaluationCache(engine: Engine, municipality: Municipality): EvaluationCache {
  const radix = municipality.unknown.map((q) => Math.max(1, engine.questions[q]!.prior.support.length || KEY_RADIX));
  return {
    byKey: new Map(),
    radix,
    codes: radix.map(() => new Map()),
    arrays: radix.map(() => new Map()),
    options: municipality.unknown.map((q) => (engine.questions[q]!.question.options ?? []).map((o) => o.value)),
    numeric: radix.reduce((a, b) => a * b, 1) < 2 ** 53,
  };
}

/** The numeric key of the unknown answers, or undefined when they have none (see EvaluationCache). */
function numericKey(unknown: readonly number[], values: readonly AnswerValue[], cache: EvaluationCache): number | undefined {
  if (!cache.numeric) return undefined;
  let key = 0;
  for (let i = 0; i < unknown.length; i++) {
    const v = values[unknown[i]!]!;
    let code: number | undefined;
    if (Array.isArray(v)) {
      const content = arrayCode(v, cache.options[i]!);
      if (content === undefined) return undefined;
      code = intern(cache.arrays[i]!, content, cache.radix[i]!);
    } else if (typeof v !== 'object') code = intern(cache.codes[i]!, v, cache.radix[i]!);
    if (code === undefined) return undefined;
    key = key * cache.radix[i]! + code;
  }
  return key;
}

/** The code of a value: the order it was first seen in, while fewer than `radix` have been. */
function intern<T>(seen: Map<T, number>, value: T, radix: number): number | undefined {
  let code = seen.get(value);
  if (code === undefined && seen.size < radix) seen.set(value, (code = seen.size));
  return code;
}

/** A ranking or a choice of options as one number: its options' places, digit by digit (1 to k in base k + 1, so no two lists share one). */
function arrayCode(list: readonly AnswerValue[], options: readonly AnswerValue[]): number | undefined {
  let code = 0;
  for (const x of list) {
    const at = options.indexOf(x);
    if (at < 0) return undefined;
    code = code * (options.length + 1) + at + 1;
    if (code >= 2 ** 52) return undefined;
  }
  return code;
}

/** One draw of every random part, evaluated for every model: the engine of both passes. */
class Sampler {
  readonly n: number;
  /** The fit of each model: what the ranking is by. */
  readonly scores: Float64Array;
  /** The fit less the cost of changing to the model: what the comparison with today is by. */
  readonly net: Float64Array;
  feasible: Uint8Array;
  readonly weights: Float64Array;
  private readonly values: AnswerValue[];
  private readonly raw: Float64Array;
  private readonly z: Float64Array;
  private readonly level: Float64Array;
  private readonly bodyDraw: Float64Array;
  /** The cost of change summed by addEveryEffect. */
  private readonly change = new Float64Array(1);
  /** Expected performance per model and criterion (model-major), its score-level effects, and the share of each adjustment that applies. */
  private perf: Float64Array;
  private scoreEffect: Float64Array;
  /** The applying effects of a kept evaluation (or of the known answers); undefined: walk every effect with `ownFactors`. */
  private active: Active | undefined;
  private readonly ownActive: Active;
  private readonly ownPerf: Float64Array;
  private readonly ownScoreEffect: Float64Array;
  private readonly ownFeasible: Uint8Array;
  private readonly ownFactors: Float64Array[];
  /** Per model: the adjustments and preconditions that read a drawn answer, and whether all the others hold. */
  private readonly variableAdjustments: number[][];
  private readonly variablePreconditions: number[][];
  private readonly fixedFeasible: Uint8Array;
  /** Per criterion and weight term: whether it reads a drawn answer, and otherwise its value. */
  private readonly termDrawn: Uint8Array[];
  private readonly termValues: Float64Array[];
  private readonly termBands: Float64Array[];
  /** Per model: its adjustments' effects as flat arrays, and its row of `ownPerf`. */
  private readonly flats: FlatEffects[];
  private readonly perfRows: Float64Array[];
  /** Whether the drawn answers' evaluations are kept: every unknown answer discrete (a number drawn from a range rarely repeats), no task mix drawn. */
  private readonly cacheable: boolean;
  /** Samples drawn so far: the place of the next one in the evidence stream. */
  private drawn = 0;
  /** The evidence stream beyond the kept samples, and the sample it is at. */
  private tail: SeededGenerator | undefined;
  private tailAt = -1;
  /** Ranking questions: their terms, and the shares drawn for their ranks in each sample. */
  private readonly ranks: { question: number; terms: { criterion: number; option: string; total: number }[]; shares: Float64Array; centroid: number[]; answer: AnswerValue | undefined; positions: Int32Array }[];
  private readonly sure: boolean;
  private readonly fixedRaw: Float64Array;
  private readonly bandCriterion: Int32Array;
  private readonly bandSize: Float64Array;

  constructor(
    private readonly engine: Engine,
    private readonly kernel: Kernel,
    private readonly municipality: Municipality,
    /** The stream of the answers and weights. */
    private readonly random: Random,
    private readonly evidence: Evidence,
    private readonly evaluations: EvaluationCache,
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
    this.perf = this.ownPerf = new Float64Array(this.n * criteria);
    this.scoreEffect = this.ownScoreEffect = new Float64Array(this.n);
    this.ownFactors = engine.models.map((m) => new Float64Array(m.adjustments.length));
    const effects = kernel.effectStart[this.n]!;
    this.ownActive = { start: new Int32Array(this.n + 1), split: new Int32Array(this.n), effect: new Int32Array(effects), factor: new Float64Array(effects) };
    this.ownFeasible = this.feasible;
    // The answers a sample draws; what reads none of them is evaluated once, here (with the known answers).
    const drawn = new Set([...municipality.unknown, ...(municipality.openMix ? (engine.composition?.questions.filter((q) => !municipality.known[q]) ?? []) : [])].map((q) => engine.questions[q]!.question.id));
    this.variableAdjustments = engine.models.map((m) => readingAny(m.adjustments, drawn));
    this.variablePreconditions = engine.models.map((m) => readingAny(m.preconditions, drawn));
    this.fixedFeasible = new Uint8Array(this.n);
    const drawnAt = new Set([...drawn].map((id) => engine.position.get(id)!));
    this.termDrawn = engine.criteria.map((criterion) => Uint8Array.from(criterion.terms, (term) => (drawnAt.has(term.question) ? 1 : 0)));
    this.termValues = engine.criteria.map((criterion) => Float64Array.from(criterion.terms, (term) => (drawnAt.has(term.question) ? 0 : term.value(this.values[term.question]!))));
    this.termBands = engine.criteria.map((criterion) => Float64Array.from(criterion.terms, (term) => (drawnAt.has(term.question) ? 0 : term.band(this.values[term.question]!))));
    this.flats = engine.models.map(flatEffects);
    this.perfRows = engine.models.map((_, i) => this.ownPerf.subarray(i * criteria, (i + 1) * criteria));
    this.engine.models.forEach((m, i) => {
      adjustmentsAt(m, this.values, this.ownFactors[i]!);
      this.fixedFeasible[i] = m.preconditions.every((p, k) => this.variablePreconditions[i]!.includes(k) || p.requires(this.values)) ? 1 : 0;
    });
    const discrete = new Set(['scale', 'boolean', 'choice', 'rank', 'multi']);
    this.cacheable = !municipality.openMix && municipality.unknown.every((q) => discrete.has(engine.questions[q]!.question.type));
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
      return { question, terms, shares: new Float64Array(k), centroid: rankCentroid(k), answer: undefined, positions: new Int32Array(terms.length) };
    });
    // With every answer known, the weights' centres, the adjustments and the workability are fixed.
    this.sure = municipality.unknown.length === 0 && !municipality.openMix;
    const bands: [number, number][] = [];
    if (this.sure) {
      rawWeightsAt(engine, this.values, this.fixedRaw);
      this.evaluateAnswers(true);
      this.active = this.activeNow();
      bands.push(...this.bandsAt());
    }
    this.bandCriterion = Int32Array.from(bands.map(([c]) => c));
    this.bandSize = Float64Array.from(bands.map(([, b]) => b));
  }

  /** The half-widths of the ordinal answers' weight bands, criterion by criterion, for the current answers. */
  private bandsAt(): [number, number][] {
    const bands: [number, number][] = [];
    this.engine.criteria.forEach((criterion, c) => {
      for (const term of criterion.terms) {
        const band = term.band(this.values[term.question]!);
        if (band > 0) bands.push([c, band]);
      }
    });
    return bands;
  }

  /**
   * What the drawn answers fix (weights' centres and bands, adjustments, workability,
   * expected performance), from the cache when the unknown answers drew the same values
   * before. A cached evaluation is the same numbers computed once: the draws are unchanged.
   */
  private evaluateDrawn(): Evaluated | undefined {
    const { municipality, values } = this;
    let key: number | string | undefined;
    if (this.cacheable) {
      key = numericKey(municipality.unknown, values, this.evaluations);
      if (key === undefined) {
        key = '';
        for (const q of municipality.unknown) {
          const v = values[q]!;
          key += (Array.isArray(v) ? v.join(',') : String(v)) + '|';
        }
      }
      const hit = this.evaluations.byKey.get(key);
      if (hit) return hit;
    }
    this.rawWeights();
    this.evaluateAnswers();
    if (key === undefined || this.evaluations.byKey.size >= KEPT_EVALUATIONS) return undefined;
    const bands = this.bandsAt();
    const evaluated: Evaluated = {
      raw: this.raw.slice(),
      bandCriterion: Int32Array.from(bands.map(([c]) => c)),
      bandSize: Float64Array.from(bands.map(([, b]) => b)),
      perf: this.ownPerf.slice(),
      scoreEffect: this.ownScoreEffect.slice(),
      feasible: this.ownFeasible.slice(),
      active: this.activeNow(),
    };
    this.evaluations.byKey.set(key, evaluated);
    return evaluated;
  }

  /** The raw weights for the drawn answers, into `raw`: rawWeightsAt, with the terms of known answers taken as computed once. */
  private rawWeights(): void {
    const { engine, values, raw, termValues, termDrawn } = this;
    for (let c = 0; c < engine.criteria.length; c++) {
      const criterion = engine.criteria[c]!;
      const fixed = termValues[c]!;
      const drawn = termDrawn[c]!;
      let w = criterion.base;
      for (let t = 0; t < criterion.terms.length; t++) {
        const term = criterion.terms[t]!;
        w += drawn[t] ? term.value(values[term.question]!) : fixed[t]!;
      }
      raw[c] = w;
    }
  }

  /**
   * Adjustments, workability and expected performance for the current answers, into the
   * sampler's own arrays. Only the adjustments and preconditions that read a drawn answer
   * are evaluated again (each states the questions it reads); the others keep the values
   * they had for the known answers, and the sums are taken in the same order as ever.
   */
  private evaluateAnswers(all = false): void {
    const { values, flats, perfRows } = this;
    const models = this.engine.models;
    for (let i = 0; i < models.length; i++) {
      const m = models[i]!;
      const factors = this.ownFactors[i]!;
      if (all) {
        adjustmentsAt(m, values, factors);
        this.fixedFeasible[i] = feasibleAt(m, values) ? 1 : 0;
      } else {
        for (const a of this.variableAdjustments[i]!) factors[a] = m.adjustments[a]!.factor(values);
      }
      let feasible = this.fixedFeasible[i] === 1;
      if (feasible && !all) for (const p of this.variablePreconditions[i]!) if (!m.preconditions[p]!.requires(values)) feasible = false;
      this.ownFeasible[i] = feasible ? 1 : 0;
      performanceAt(m, factors, perfRows[i]!, flats[i]);
      this.ownScoreEffect[i] = scoreEffectAt(m, factors, flats[i]);
    }
  }

  /** The applying effects for the answers just evaluated, in arrays of their own. */
  private activeNow(): Active {
    activeEffects(this.kernel, this.ownFactors, this.ownActive);
    return copyActive(this.ownActive);
  }

  /**
   * Draws once and scores every model; `scores`, `feasible` and `weights` hold the outcome.
   * Its parts are methods of their own, each small: V8 optimises a small hot function after
   * fewer calls and in a fraction of the time one large function takes, and a CLI run is
   * over in a few thousand samples.
   */
  sample(): void {
    this.drawWeights();
    // The evidence of this sample (see Evidence): kept, or drawn from its place in the stream.
    const s = this.drawn++;
    const { evidence, kernel, z } = this;
    const criteria = this.raw.length;
    if (evidence.has(s)) {
      const block = Math.floor(s / BLOCK);
      this.scoreModels(evidence.bodyBlocks[block]!, (s - block * BLOCK) * kernel.bodySd.length, evidence.levelBlocks[block]!, (s - block * BLOCK) * criteria);
    } else {
      if (this.tailAt !== s) this.tail = new SeededGenerator(evidence.seed, s * (z.length + criteria));
      draw(kernel, this.tail!, z, this.level, this.bodyDraw, 0);
      this.tailAt = s + 1;
      this.scoreModels(this.bodyDraw, 0, this.level, 0);
    }
  }

  /** The answers and weights of one sample, into `values`, `raw` and `weights` (and the evaluation they select). */
  private drawWeights(): void {
    const { engine, random, raw, weights } = this;
    const criteria = raw.length;
    if (this.sure) {
      raw.set(this.fixedRaw);
      for (let k = 0; k < this.bandSize.length; k++) raw[this.bandCriterion[k]!]! += (2 * random() - 1) * this.bandSize[k]!;
    } else {
      drawAnswers(engine, this.municipality, random, this.values);
      const at = this.evaluateDrawn();
      if (at) {
        this.perf = at.perf;
        this.scoreEffect = at.scoreEffect;
        this.feasible = at.feasible;
        this.active = at.active;
        raw.set(at.raw);
        for (let k = 0; k < at.bandSize.length; k++) raw[at.bandCriterion[k]!]! += (2 * random() - 1) * at.bandSize[k]!;
      } else {
        this.perf = this.ownPerf;
        this.scoreEffect = this.ownScoreEffect;
        this.feasible = this.ownFeasible;
        this.active = undefined;
        this.drawnBands();
      }
    }
    // A ranking fixes only the order of its weights: draw them uniformly among all that keep it (SMAA-2).
    for (const rank of this.ranks) this.rankWeights(rank);
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
  }

  /** The weight bands of answers evaluated for this sample only, drawn into `raw`. */
  private drawnBands(): void {
    const { engine, random, raw } = this;
    for (let c = 0; c < raw.length; c++) {
      const terms = engine.criteria[c]!.terms;
      const drawn = this.termDrawn[c]!;
      const fixed = this.termBands[c]!;
      for (let t = 0; t < terms.length; t++) {
        const band = drawn[t] ? terms[t]!.band(this.values[terms[t]!.question]!) : fixed[t]!;
        if (band > 0) raw[c]! += (2 * random() - 1) * band;
      }
    }
  }

  /** One ranking question's weights, drawn uniformly among those that keep its order, added to `raw`. */
  private rankWeights(rank: Sampler['ranks'][number]): void {
    const answer = this.values[rank.question];
    if (!Array.isArray(answer)) return;
    orderedShares(rank.shares, this.random);
    // Where each term's option is ranked: looked up again only when the ranking is another (a known one is the same array every sample).
    if (answer !== rank.answer) {
      rank.answer = answer;
      rank.terms.forEach((term, t) => (rank.positions[t] = answer.indexOf(term.option)));
    }
    const { raw } = this;
    for (let t = 0; t < rank.terms.length; t++) {
      const r = rank.positions[t]!;
      const term = rank.terms[t]!;
      if (r >= 0) raw[term.criterion]! += term.total * (rank.shares[r]! - rank.centroid[r]!);
    }
  }

  /** Every model's score for this sample's weights and evidence (body factors from `bodyAt`, level normals from `levelAt`), into `scores` and `net`. */
  private scoreModels(bodies: Float64Array, bodyAt: number, level: Float64Array, levelAt: number): void {
    const { weights } = this;
    const criteria = weights.length;
    // The level uncertainty shared by all models: one shift per criterion, the same for
    // every model, so it widens no gap between them and changes no rank (it is drawn all
    // the same, so the method is one model whatever it is set to).
    let shift = 0;
    const sd = this.engine.commonLevelSd;
    for (let c = 0; c < criteria; c++) shift += weights[c]! * level[levelAt + c]! * sd;
    // Expected performance plus each claimed effect times its evidence factor, plus the shared level.
    const { active, perf, scoreEffect, scores, net } = this;
    for (let m = 0; m < this.n; m++) {
      let score = shift;
      const base = m * criteria;
      for (let c = 0; c < criteria; c++) score += weights[c]! * perf[base + c]!;
      if (active) {
        score = addActiveEffects(this.kernel, active, m, weights, bodies, bodyAt, score);
        net[m] = score + activeChange(this.kernel, active, m, bodies, bodyAt, scoreEffect[m]!);
      } else {
        // Answers evaluated for this sample only: every effect, those whose share is 0 left out.
        this.change[0] = scoreEffect[m]!;
        score = addEveryEffect(this.kernel, this.ownFactors[m]!, m, weights, bodies, bodyAt, score, this.change);
        net[m] = score + this.change[0]!;
      }
      scores[m] = score;
    }
  }
}

/** `score` plus a model's applying effects on its criteria, each times its weight, share and evidence factor (see Active). */
function addActiveEffects(kernel: Kernel, active: Active, m: number, weights: Float64Array, bodies: Float64Array, bodyAt: number, score: number): number {
  const { effectCriterion, effectSize, effectBody } = kernel;
  const { start, split, effect, factor } = active;
  for (let k = start[m]!; k < split[m]!; k++) {
    const e = effect[k]!;
    score += weights[effectCriterion[e]!]! * factor[k]! * effectSize[e]! * bodies[bodyAt + effectBody[e]!]!;
  }
  return score;
}

/** `change` plus a model's applying effects on the score itself (the cost of changing to it). */
function activeChange(kernel: Kernel, active: Active, m: number, bodies: Float64Array, bodyAt: number, change: number): number {
  const { effectSize, effectBody } = kernel;
  const { start, split, effect, factor } = active;
  for (let k = split[m]!; k < start[m + 1]!; k++) {
    const e = effect[k]!;
    change += factor[k]! * effectSize[e]! * bodies[bodyAt + effectBody[e]!]!;
  }
  return change;
}

/** Both sums of a model's effects in the kernel's order, each with its adjustment's share: `score`'s returned, the change's added to `change[0]`. */
function addEveryEffect(kernel: Kernel, factors: Float64Array, m: number, weights: Float64Array, bodies: Float64Array, bodyAt: number, score: number, change: Float64Array): number {
  const { effectStart, effectCriterion, effectSize, effectBody, effectAdjustment } = kernel;
  for (let e = effectStart[m]!; e < effectStart[m + 1]!; e++) {
    const a = effectAdjustment[e]!;
    const f = a >= 0 ? factors[a]! : 1;
    if (f === 0) continue;
    const c = effectCriterion[e]!;
    if (c >= 0) score += weights[c]! * f * effectSize[e]! * bodies[bodyAt + effectBody[e]!]!;
    else change[0]! += f * effectSize[e]! * bodies[bodyAt + effectBody[e]!]!;
  }
  return score;
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
    // Each pair once: the one ahead gains 1, a tie ½ each (adding 0 changes no count, so it is left out).
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        pair(this.beats, a, b, scores, feasible);
        pair(this.beatsNet, a, b, net, feasible);
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
  // Sorted in place, largest first, as sort().reverse() would (+0 before −0), without its allocation.
  for (let i = 0; i < out.length; i++) {
    const x = out[i]! / total;
    let k = i;
    while (k > 0 && larger(x, out[k - 1]!)) {
      out[k] = out[k - 1]!;
      k--;
    }
    out[k] = x;
  }
}

/** The order of a typed array's sort, reversed: −0 sorts before +0. */
function larger(x: number, y: number): boolean {
  return x > y || (x === 0 && y === 0 && 1 / x > 1 / y);
}

/** One pair's tally of wins. */
function pair(beats: Float64Array[], a: number, b: number, scores: Float64Array, feasible: Uint8Array): void {
  if (ahead(a, b, scores, feasible)) beats[a]![b]! += 1;
  else if (ahead(b, a, scores, feasible)) beats[b]![a]! += 1;
  else if (same(a, b, scores, feasible)) {
    beats[a]![b]! += 0.5;
    beats[b]![a]! += 0.5;
  }
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
  const kernel = kernelOf(engine);
  const evidence = evidenceOf(engine, kernel, options.seed);
  const evaluations = evaluationCache(engine, municipality);
  const sampler = new Sampler(engine, kernel, municipality, seededRandom(derivedSeed(options.seed, 0)), evidence, evaluations);
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

  const models = acceptabilities(engine, tally);

  // The second pass: how surely each model that ever wins does so under its own central weights.
  models.forEach((entry, m) => {
    if (options.skipConfidence || !entry.centralWeights || entry.ranks[0]! < 0.01 || tally.samples === 0) return;
    // The same evidence as the main pass's first samples (common random numbers), the answers drawn afresh.
    const held = new Sampler(engine, kernel, municipality, seededRandom(derivedSeed(options.seed, 1 + m)), evidence, evaluations, entry.centralWeights);
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

/** The rank acceptabilities and pairwise wins of one pass's tallies. */
function acceptabilities(engine: Engine, tally: Tally): Acceptability[] {
  return engine.models.map((_, m): Acceptability => {
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
}

/**
 * A short analysis in stages (no second pass), as the tipping-point checks run it: the
 * samples of `stages` one after another, stopping at the first stage where `enough`
 * accepts the figures so far. The samples of a later stage extend those of the earlier
 * ones (the same streams), so stopping early is a sequential test on one run: what
 * `stages[k]` samples would give, begun at its first `stages[0]`.
 */
export function analyseInStages(engine: Engine, municipality: Municipality, seed: number, stages: readonly number[], enough: (robustness: Robustness) => boolean): Robustness {
  const kernel = kernelOf(engine);
  const sampler = new Sampler(engine, kernel, municipality, seededRandom(derivedSeed(seed, 0)), evidenceOf(engine, kernel, seed), evaluationCache(engine, municipality));
  const tally = new Tally(engine.models.length, engine.criteria.length);
  const last = stages[stages.length - 1] ?? 0;
  for (const stage of stages) {
    while (tally.samples < stage) {
      sampler.sample();
      tally.add(sampler.scores, sampler.net, sampler.feasible, sampler.weights);
    }
    const robustness: Robustness = { samples: tally.samples, seed, adaptive: false, maxSamples: last, models: acceptabilities(engine, tally) };
    if (stage === last || enough(robustness)) return robustness;
  }
  return { samples: 0, seed, adaptive: false, maxSamples: 0, models: acceptabilities(engine, tally) };
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
