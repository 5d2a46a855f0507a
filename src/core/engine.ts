import { breakpointsOf, compileCondition, readsOf, type CompiledCondition } from './conditions.js';
import { bodyOf, type Body } from './evidence.js';
import { COMMON_LEVEL_SD } from './evaluate.js';
import { indexKb, numericBounds, type KbIndex, type KnowledgeBase } from './kb.js';
import { compositionSampler, priorOf, type Prior } from './priors.js';
import { sortedPoints, termValue } from './weights.js';
import type { AnswerValue, Condition, Model, Question, WeightTerm } from '../schema/index.js';

/**
 * Everything about a knowledge base and a set of models that does not depend on a
 * municipality's answers, worked out once: the question bank with its priors and the
 * points where answers change anything, the weight rules, and every model's ratings
 * and adjustments with the evidence behind them. Scoring many municipalities reuses
 * one engine; nothing is cached anywhere else.
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
  models: readonly EngineModel[];
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
   * range's ends and the points where a condition or weight rule changes (numbers), or
   * every value (scales, choices, yes/no, small multiple choices).
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
}

/** One claimed effect on one criterion: a rating's distance from 50, or an adjustment's delta. */
export interface Effect {
  criterion: number;
  effect: number;
  body: Body;
}

export interface EngineAdjustment {
  id: string;
  when: CompiledCondition;
  condition: Condition;
  reads: readonly string[];
  effects: readonly Effect[];
  body: Body;
}

export interface EnginePrecondition {
  id: string;
  requires: CompiledCondition;
  condition: Condition;
  reads: readonly string[];
  body: Body;
}

export interface EngineModel {
  id: string;
  model: Model;
  /** One per criterion, in the criteria's order. */
  ratings: readonly Effect[];
  /** The stated rating per criterion (50 where a model lacks one: the validator forbids that). */
  values: Float64Array;
  adjustments: readonly EngineAdjustment[];
  preconditions: readonly EnginePrecondition[];
}

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

  // Where conditions and weight rules change, per question: the grid an unknown answer is bounded on.
  const breakpoints = new Map<string, Set<number>>();
  const conditions = models.flatMap((m) => [...(m.adjustments ?? []).map((a) => a.when), ...(m.preconditions ?? []).map((p) => p.requires)]);
  for (const condition of conditions) breakpointsOf(condition, breakpoints);
  for (const criterion of kb.criteria) {
    for (const term of criterion.weight.terms) {
      if (!('linear' in term)) continue;
      let set = breakpoints.get(term.question);
      if (!set) breakpoints.set(term.question, (set = new Set()));
      for (const [x] of term.linear) set.add(x);
    }
  }
  const questions = kb.questions.map((question) => ({ question, prior: priorOf(question), grid: gridOf(question, breakpoints.get(question.id)) }));

  const criteria = kb.criteria.map((criterion) => ({
    id: criterion.id,
    base: criterion.weight.base,
    terms: criterion.weight.terms.filter((term) => position.has(term.question)).map((term) => compileTerm(term, position.get(term.question)!)),
  }));
  const criterionIndex = new Map(kb.criteria.map((c, i) => [c.id, i]));

  const compiled = models.map((model): EngineModel => {
    const values = new Float64Array(kb.criteria.length).fill(50);
    const ratings = kb.criteria.map((criterion, c): Effect => {
      const performance = model.performance[criterion.id];
      values[c] = performance?.value ?? 50;
      return { criterion: c, effect: values[c]! - 50, body: bodyOf(performance?.findings ?? [], index, slot) };
    });
    const adjustments = (model.adjustments ?? []).map((adjustment) => {
      const body = bodyOf(adjustment.findings, index, slot);
      return {
        id: adjustment.id,
        when: compileCondition(adjustment.when, position),
        condition: adjustment.when,
        reads: readsOf(adjustment.when),
        effects: adjustment.effects.filter((e) => criterionIndex.has(e.criterion)).map((e) => ({ criterion: criterionIndex.get(e.criterion)!, effect: e.delta, body })),
        body,
      };
    });
    const preconditions = (model.preconditions ?? []).map((precondition) => ({
      id: precondition.id,
      requires: compileCondition(precondition.requires, position),
      condition: precondition.requires,
      reads: readsOf(precondition.requires),
      body: bodyOf(precondition.findings, index, slot),
    }));
    return { id: model.id, model, ratings, values, adjustments, preconditions };
  });

  const rule = kb.sums[0];
  const composition =
    rule && rule.questions.every((id) => position.has(id))
      ? (() => {
          const assumed = rule.questions.map((id) => Number(index.questions.get(id)!.assume ?? rule.total / rule.questions.length));
          return { questions: rule.questions.map((id) => position.get(id)!), total: rule.total, tolerance: rule.tolerance, assumed, draw: compositionSampler(rule, assumed) };
        })()
      : undefined;

  return { kb, index, questions, position, composition, criteria, models: compiled, findings, builtIn: new Set(kb.models.map((m) => m.id)), commonLevelSd: options.commonLevelSd ?? COMMON_LEVEL_SD };
}

function compileTerm(term: WeightTerm, question: number): EngineTerm {
  if ('linear' in term) {
    const points = sortedPoints(term.linear);
    return { question, value: (answer) => termValue({ ...term, linear: points }, answer), band: () => 0 };
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
    for (const b of breakpoints ?? []) for (const p of [b - step, b, b + step]) if (p >= bounds.min && p <= bounds.max) points.add(Math.round(p * 100) / 100);
    return [...points].sort((a, b) => a - b);
  }
  if (question.type === 'boolean') return [true, false];
  const options = (question.options ?? []).map((o) => o.value);
  if (question.type === 'choice') return options;
  if (options.length <= MAX_SUBSET_OPTIONS) return Array.from({ length: 2 ** options.length }, (_, mask) => options.filter((_, i) => mask & (1 << i)));
  return [[], ...options.map((o) => [o]), options];
}
