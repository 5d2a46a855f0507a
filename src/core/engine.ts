import { breakpointsOf, compileCondition, readsOf, type CompiledCondition } from './conditions.js';
import { bodyOf, type Body } from './evidence.js';
import { COMMON_LEVEL_SD } from './evaluate.js';
import { indexKb, numericBounds, type KbIndex, type KnowledgeBase } from './kb.js';
import { compositionSampler, orderings, priorOf, type Prior } from './priors.js';
import { interpolate, sortedPoints, termValue } from './weights.js';
import type { AnswerValue, Condition, Model, Question, Text, WeightTerm } from '../schema/index.js';

/**
 * Everything about a knowledge base and a set of models that does not depend on a
 * municipality's answers, worked out once: the question bank with its priors and the
 * points where answers change anything, the weight rules, and every model's ratings
 * and adjustments with the evidence behind them, combined with each frame it may be
 * scored within. Scoring many municipalities reuses one engine; nothing is cached
 * anywhere else.
 *
 * @example
 * const engine = compileEngine(kb, [...kb.models, ...userModels]);
 * const result = scoreMunicipality(engine, answersFile, { lang: 'nb', seed: 1 });
 */
export interface Engine {
  kb: KnowledgeBase;
  index: KbIndex;
  questions: readonly EngineQuestion[];
  /** Question id → its place in `questions` (and in every answers array). */
  position: ReadonlyMap<string, number>;
  composition: Composition | undefined;
  criteria: readonly EngineCriterion[];
  /** The organisations as scored within the frame `frame` (none: a stand-alone office). */
  models: readonly EngineModel[];
  frame: EngineFrame | undefined;
  /** Every frame the knowledge base and the user's files describe. */
  frames: readonly EngineFrame[];
  /** The same organisations within each frame, by frame id ('' for none). */
  variants: ReadonlyMap<string, readonly EngineModel[]>;
  /** The findings drawn once per sample, in a fixed order. */
  findings: readonly string[];
  /** Which models are built in (not a user's own). */
  builtIn: ReadonlySet<string>;
  /** The level uncertainty shared by all models on every criterion (see COMMON_LEVEL_SD). */
  commonLevelSd: number;
}

export interface EngineOptions {
  /** For tests of the method: another shared level uncertainty than COMMON_LEVEL_SD. */
  commonLevelSd?: number;
}

export interface EngineQuestion {
  question: Question;
  /** What orgfit assumes when the answer is "dont-know". */
  prior: Prior;
  /**
   * The values that bound what this answer can do to any score when it is unknown: the
   * range's ends and the points where a condition, ramp or weight rule changes (numbers),
   * or every value (scales, choices, yes/no, small multiple choices, rankings).
   */
  grid: readonly AnswerValue[];
}

/** Answers that must add up (the task mix), with how unknown ones are drawn. */
export interface Composition {
  questions: readonly number[];
  total: number;
  tolerance: number;
  assumed: readonly number[];
  draw: (known: readonly (number | undefined)[], random: () => number) => number[];
}

export interface EngineCriterion {
  id: string;
  base: number;
  terms: readonly EngineTerm[];
}

export interface EngineTerm {
  question: number;
  value: (answer: AnswerValue) => number;
  /**
   * How far the weight this answer gives may be off: half the step to the neighbouring
   * answers of an ordinal scale (a "4" means anything between "3½" and "4½"), 0 for a
   * measured share. The robustness samples draw weights within it (SMAA-2).
   */
  band: (answer: AnswerValue) => number;
  /** For a ranking: the option it reads, and the weight a whole ranking shares out. */
  rank?: { option: string; total: number };
}

/** A claimed effect on a criterion (−1: on the score itself): a rating's distance from 50, or an adjustment's delta. */
export interface Effect {
  criterion: number;
  effect: number;
  body: Body;
  /** The frame it comes from, if it is one of the frame's ratings. */
  frame?: string;
}

export interface EngineAdjustment {
  id: string;
  /** Where it comes from: the model itself, its frame, or the cost of change. */
  source: 'model' | 'frame' | 'change';
  /** The share of its effects that applies for one full set of answers (0 or 1, or along a ramp). */
  factor: (values: readonly AnswerValue[]) => number;
  condition: Condition | undefined;
  ramp: { question: string; points: [number, number][] } | undefined;
  reads: readonly string[];
  effects: readonly Effect[];
  body: Body;
  misfit: Text | undefined;
  rationale: Text;
}

export interface EnginePrecondition {
  id: string;
  requires: CompiledCondition;
  condition: Condition;
  reads: readonly string[];
  body: Body;
  failure: Text;
}

export interface EngineModel {
  id: string;
  model: Model;
  /** One per criterion, in the criteria's order: the model's own ratings. */
  ratings: readonly Effect[];
  /** The frame's ratings, one per criterion, when scored within one. */
  frameEffects: readonly Effect[];
  /** Expected performance per criterion before adjustments: its ratings plus the frame's effects. */
  values: Float64Array;
  adjustments: readonly EngineAdjustment[];
  preconditions: readonly EnginePrecondition[];
  /** Effects whose size one study's cap reduced: adjustment id → criterion → the stated delta. */
  capped: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

export interface EngineFrame {
  id: string;
  model: Model;
  matches: CompiledCondition | undefined;
  ratings: readonly Effect[];
  adjustments: readonly EngineAdjustment[];
}

/**
 * No single study moves a rating by more than this many points either way, however
 * many adjustments cite it (audit: one study stacked up to −23 through four
 * adjustments): each study is counted once per model and criterion. orgfit's judgement.
 */
export const STUDY_CAP = 10;

/** Compiles a knowledge base and the models to score (the built-in ones, plus a user's own). */
export function compileEngine(kb: KnowledgeBase, models: readonly Model[] = kb.models, options: EngineOptions = {}): Engine {
  const index = indexKb(kb);
  const position = new Map(kb.questions.map((q, i) => [q.id, i]));
  // Every finding of the knowledge base has a fixed slot among the draws, whichever models
  // cite it: listing the models in another order, or leaving one out, changes no other
  // model's draws, so the pairwise comparisons of the others stay exactly the same.
  const findings = kb.findings.map((f) => f.id);
  const slots = new Map(findings.map((id, i) => [id, i]));
  const slot = (id: string): number => slots.get(id) ?? -1;
  const body = (ids: readonly string[]) => bodyOf(ids, index, slot);

  // Where conditions, ramps and weight rules change, per question: the grid an unknown answer is bounded on.
  const breakpoints = new Map<string, Set<number>>();
  const addPoint = (question: string, x: number) => {
    let set = breakpoints.get(question);
    if (!set) breakpoints.set(question, (set = new Set()));
    set.add(x);
  };
  for (const m of models) {
    for (const a of m.adjustments ?? []) {
      if (a.when) breakpointsOf(a.when, breakpoints);
      for (const [x] of a.ramp?.points ?? []) addPoint(a.ramp!.question, x);
    }
    for (const p of m.preconditions ?? []) breakpointsOf(p.requires, breakpoints);
    if (m.matches) addPoint(m.matches.question, Number.NaN);
  }
  for (const [x] of kb.change?.ramp?.points ?? []) addPoint(kb.change!.ramp!.question, x);
  for (const criterion of kb.criteria) for (const term of criterion.weight.terms) if ('linear' in term) for (const [x] of term.linear) addPoint(term.question, x);
  const questions = kb.questions.map((question) => ({ question, prior: priorOf(question), grid: gridOf(question, breakpoints.get(question.id)) }));

  const criteria = kb.criteria.map((criterion) => ({
    id: criterion.id,
    base: criterion.weight.base,
    terms: criterion.weight.terms.filter((term) => position.has(term.question)).map((term) => compileTerm(term, position.get(term.question)!, kb.questions[position.get(term.question)!]!)),
  }));
  const criterionIndex = new Map(kb.criteria.map((c, i) => [c.id, i]));

  const ratingsOf = (model: Model, frame?: string): Effect[] =>
    kb.criteria.map((criterion, c) => {
      const performance = model.performance[criterion.id];
      return { criterion: c, effect: (performance?.value ?? 50) - 50, body: body(performance?.findings ?? []), ...(frame ? { frame } : {}) };
    });
  const adjustmentsOf = (model: Model, source: 'model' | 'frame'): EngineAdjustment[] =>
    (model.adjustments ?? []).map((adjustment) => {
      const b = body(adjustment.findings);
      const when = adjustment.when ? compileCondition(adjustment.when, position) : undefined;
      const ramp = adjustment.ramp && position.has(adjustment.ramp.question) ? { question: adjustment.ramp.question, points: sortedPoints(adjustment.ramp.points) } : undefined;
      const at = ramp ? position.get(ramp.question)! : -1;
      return {
        id: adjustment.id,
        source,
        factor: (values) => {
          if (when && !when(values)) return 0;
          if (!ramp) return 1;
          const x = values[at];
          return typeof x === 'number' ? interpolate(ramp.points, x) : 0;
        },
        condition: adjustment.when,
        ramp,
        reads: [...new Set([...(adjustment.when ? readsOf(adjustment.when) : []), ...(ramp ? [ramp.question] : [])])],
        effects: adjustment.effects.filter((e) => criterionIndex.has(e.criterion)).map((e) => ({ criterion: criterionIndex.get(e.criterion)!, effect: e.delta, body: b })),
        body: b,
        misfit: adjustment.misfit,
        rationale: adjustment.rationale,
      };
    });

  const frames: EngineFrame[] = models
    .filter((m) => m.kind === 'frame')
    .map((model) => ({
      id: model.id,
      model,
      matches: model.matches ? compileCondition({ question: model.matches.question, in: model.matches.in }, position) : undefined,
      ratings: ratingsOf(model, model.id),
      adjustments: adjustmentsOf(model, 'frame'),
    }));
  const organisations = models.filter((m) => m.kind !== 'frame');
  const change = kb.change ? changeAdjustments(kb, position, body) : undefined;

  const variants = new Map<string, EngineModel[]>();
  for (const frame of [undefined, ...frames]) {
    variants.set(
      frame?.id ?? '',
      organisations.map((model) => combine(model, ratingsOf(model), adjustmentsOf(model, 'model'), frame, change, kb, position, body)),
    );
  }
  const builtIn = new Set(kb.models.map((m) => m.id));
  return { kb, index, questions, position, composition: compositionOf(kb, index, position), criteria, models: variants.get('')!, frame: undefined, frames, variants, findings, builtIn, commonLevelSd: options.commonLevelSd ?? COMMON_LEVEL_SD };
}

/** The engine for organisations scored within one frame (undefined: a stand-alone office). */
export function withinFrame(engine: Engine, frame: EngineFrame | undefined): Engine {
  return { ...engine, frame, models: engine.variants.get(frame?.id ?? '')! };
}

/** The frame a full set of answers puts a municipality in: the first whose `matches` hold. */
export function frameOf(engine: Engine, values: readonly AnswerValue[]): EngineFrame | undefined {
  return engine.frames.find((f) => f.matches?.(values));
}

function combine(
  model: Model,
  ratings: Effect[],
  own: EngineAdjustment[],
  frame: EngineFrame | undefined,
  change: ((model: Model) => EngineAdjustment[]) | undefined,
  kb: KnowledgeBase,
  position: ReadonlyMap<string, number>,
  body: (ids: readonly string[]) => Body,
): EngineModel {
  const frameEffects = frame?.ratings ?? [];
  const values = Float64Array.from(kb.criteria, (_, c) => 50 + ratings[c]!.effect + (frameEffects[c]?.effect ?? 0));
  const { adjustments, capped } = capStudies([...own, ...(frame?.adjustments ?? []), ...(change ? change(model) : [])]);
  const preconditions = (model.preconditions ?? []).map((precondition) => ({
    id: precondition.id,
    requires: compileCondition(precondition.requires, position),
    condition: precondition.requires,
    reads: readsOf(precondition.requires),
    body: body(precondition.findings),
    failure: precondition.failure,
  }));
  return { id: model.id, model, ratings, frameEffects, values, adjustments, preconditions, capped };
}

/**
 * Counts each study once per model and criterion: where the adjustments that rest on
 * one study (the first reference of their strongest finding) could together move a
 * criterion by more than STUDY_CAP points up, or down, their deltas are scaled to it.
 */
function capStudies(adjustments: EngineAdjustment[]): { adjustments: EngineAdjustment[]; capped: Map<string, Map<number, number>> } {
  const totals = new Map<string, { up: number; down: number }>();
  const key = (a: EngineAdjustment, criterion: number) => `${a.body.references[0] ?? a.id}\u0000${criterion}`;
  for (const a of adjustments) {
    for (const e of a.effects) {
      if (e.criterion < 0) continue;
      const t = totals.get(key(a, e.criterion)) ?? { up: 0, down: 0 };
      if (e.effect > 0) t.up += e.effect;
      else t.down -= e.effect;
      totals.set(key(a, e.criterion), t);
    }
  }
  const capped = new Map<string, Map<number, number>>();
  const out = adjustments.map((a) => {
    let changed = false;
    const effects = a.effects.map((e) => {
      if (e.criterion < 0) return e;
      const t = totals.get(key(a, e.criterion))!;
      const total = e.effect > 0 ? t.up : t.down;
      if (total <= STUDY_CAP) return e;
      changed = true;
      if (!capped.has(a.id)) capped.set(a.id, new Map());
      capped.get(a.id)!.set(e.criterion, e.effect);
      return { ...e, effect: (e.effect * STUDY_CAP) / total };
    });
    return changed ? { ...a, effects } : a;
  });
  return { adjustments: out, capped };
}

/**
 * The cost of change as two adjustments on the score itself, for every organisation
 * other than the municipality's own today: a base, and a ramp read from an answer (more
 * after recent reorganisations), both resting on the change findings.
 */
function changeAdjustments(kb: KnowledgeBase, position: ReadonlyMap<string, number>, body: (ids: readonly string[]) => Body): (model: Model) => EngineAdjustment[] {
  const change = kb.change!;
  const b = body(change.findings);
  const today = position.get(change.today);
  const ramp = change.ramp && position.has(change.ramp.question) ? { question: change.ramp.question, points: sortedPoints(change.ramp.points) } : undefined;
  const rampMax = ramp ? Math.max(...ramp.points.map(([, y]) => y)) : 0;
  const at = ramp ? position.get(ramp.question)! : -1;
  return (model) => {
    // Changing to a model is no change for a municipality that has it today.
    const mine = model.matches && today !== undefined && model.matches.question === change.today ? new Set(model.matches.in) : new Set<string>();
    const other = (values: readonly AnswerValue[]) => today === undefined || !mine.has(String(values[today]));
    const condition: Condition | undefined = mine.size > 0 ? { not: { question: change.today, in: [...mine] } } : undefined;
    const base: EngineAdjustment = {
      id: 'change-cost',
      source: 'change',
      factor: (values) => (other(values) ? 1 : 0),
      condition,
      ramp: undefined,
      reads: [change.today],
      effects: [{ criterion: -1, effect: -change.base, body: b }],
      body: b,
      misfit: undefined,
      rationale: change.rationale,
    };
    if (!ramp || rampMax <= 0) return [base];
    const more: EngineAdjustment = {
      ...base,
      id: 'change-cost-after-reorganisations',
      factor: (values) => {
        const x = values[at];
        return other(values) && typeof x === 'number' ? interpolate(ramp.points, x) / rampMax : 0;
      },
      ramp: { question: ramp.question, points: ramp.points.map(([x, y]) => [x, y / rampMax] as [number, number]) },
      reads: [change.today, ramp.question],
      effects: [{ criterion: -1, effect: -rampMax, body: b }],
    };
    return [base, more];
  };
}

function compositionOf(kb: KnowledgeBase, index: KbIndex, position: ReadonlyMap<string, number>): Composition | undefined {
  const rule = kb.sums[0];
  if (!rule || !rule.questions.every((id) => position.has(id))) return undefined;
  const assumed = rule.questions.map((id) => Number(index.questions.get(id)!.assume ?? rule.total / rule.questions.length));
  return { questions: rule.questions.map((id) => position.get(id)!), total: rule.total, tolerance: rule.tolerance, assumed, draw: compositionSampler(rule, assumed) };
}

/** The rank-order centroid: the mean share of rank r (0-based) of k when every ordering-consistent weighting is equally likely. */
export function rankCentroid(k: number): number[] {
  return Array.from({ length: k }, (_, r) => {
    let sum = 0;
    for (let j = r + 1; j <= k; j++) sum += 1 / j;
    return sum / k;
  });
}

function compileTerm(term: WeightTerm, question: number, bank: Question): EngineTerm {
  if ('linear' in term) {
    const points = sortedPoints(term.linear);
    const sorted = { ...term, linear: points };
    return { question, value: (answer) => termValue(sorted, answer), band: () => 0 };
  }
  if ('rank' in term) {
    const k = bank.options?.length ?? 1;
    const centroid = rankCentroid(k);
    const at = (answer: AnswerValue) => (Array.isArray(answer) ? answer.indexOf(term.rank) : -1);
    return {
      question,
      value: (answer) => {
        const r = at(answer);
        return r >= 0 ? term.total * centroid[r]! : 0;
      },
      band: () => 0,
      rank: { option: term.rank, total: term.total },
    };
  }
  const map = term.map;
  // Neighbours in numeric order for scales; a choice has no order, so no band.
  const keys = Object.keys(map);
  const numeric = keys.every((k) => Number.isFinite(Number(k)));
  const ordered = numeric ? [...keys].sort((a, b) => Number(a) - Number(b)) : [];
  const bands = new Map<string, number>();
  ordered.forEach((key, i) => {
    const here = map[key]!;
    const gaps = [ordered[i - 1], ordered[i + 1]].filter((k): k is string => k !== undefined).map((k) => Math.abs(map[k]! - here));
    bands.set(key, gaps.length > 0 ? Math.min(...gaps) / 2 : 0);
  });
  return { question, value: (answer) => map[String(answer)] ?? 0, band: (answer) => bands.get(String(answer)) ?? 0 };
}

/** Multiple choice with more options than this is bounded on single options only (2^8 subsets would be too many). */
const MAX_SUBSET_OPTIONS = 8;

function gridOf(question: Question, breakpoints: ReadonlySet<number> | undefined): AnswerValue[] {
  const bounds = numericBounds(question);
  if (question.type === 'scale') return [1, 2, 3, 4, 5];
  if (bounds) {
    // Just below and above each breakpoint too, so strict and non-strict tests are both bounded.
    const step = question.type === 'percent' ? 0.01 : 1;
    const points = new Set<number>([bounds.min, bounds.max]);
    if (typeof question.assume === 'number') points.add(question.assume);
    for (const b of breakpoints ?? []) {
      if (!Number.isFinite(b)) continue;
      for (const p of [b - step, b, b + step]) if (p >= bounds.min && p <= bounds.max) points.add(Math.round(p * 100) / 100);
    }
    return [...points].sort((a, b) => a - b);
  }
  if (question.type === 'boolean') return [true, false];
  const options = (question.options ?? []).map((o) => o.value);
  if (question.type === 'choice') return options;
  if (question.type === 'rank') return orderings(options);
  if (options.length <= MAX_SUBSET_OPTIONS) return Array.from({ length: 2 ** options.length }, (_, mask) => options.filter((_, i) => mask & (1 << i)));
  return [[], ...options.map((o) => [o]), options];
}
