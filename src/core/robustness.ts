import { evaluate, holds, possibleValues, type ResolvedAnswer, type ResolvedAnswers } from './conditions.js';
import type { KbIndex, KnowledgeBase } from './kb.js';
import { seededRandom } from './random.js';
import { DELTA_UNCERTAINTY, SPREAD_FACTOR, weakest, type Scoring } from './score.js';
import { termValue } from './weights.js';
import type { AnswerValue, Condition, Finding, Model, WeightTerm } from '../schema/index.js';

export interface Robustness {
  samples: number;
  seed: number;
  models: {
    model: string;
    /** Share of samples in which the model ranks first among the workable models. */
    first: number;
    meanRank: number;
    /** Share of samples in which it beats the model ranked just below it (absent for the last). */
    beatsNext?: number;
    /** How clearly it is ahead of the next model. */
    separation?: 'clear' | 'likely' | 'uncertain';
    /** Share of samples in which it ranks above each other model. */
    beats: Record<string, number>;
  }[];
}

/**
 * Monte Carlo sensitivity analysis. Each sample draws every "don't know" answer
 * uniformly from the values the question allows (which moves both weights and
 * conditional adjustments), and every model's performance uniformly within its
 * evidence-widened spread; then ranks the models. Deterministic for a given seed.
 */
export function analyseRobustness(
  kb: KnowledgeBase,
  index: KbIndex,
  answers: ResolvedAnswers,
  scoring: Scoring,
  models: readonly Model[],
  options: { samples: number; seed: number },
): Robustness {
  if (options.samples <= 0) {
    // No analysis asked for: every share is unknown, reported as 0 with the samples count 0.
    return {
      samples: 0,
      seed: options.seed,
      models: scoring.ranking.map((r, m, all) => ({
        model: r.model,
        first: 0,
        meanRank: 0,
        beats: {},
        ...(m + 1 < all.length ? { beatsNext: 0, separation: 'uncertain' as const } : {}),
      })),
    };
  }
  const random = seededRandom(options.seed);
  const byId = new Map(models.map((m) => [m.id, m]));
  const order = scoring.ranking.map((r) => byId.get(r.model)!).filter(Boolean);
  const feasibleAtPoint = scoring.ranking.map((r) => r.feasible);
  // Preconditions a "don't know" leaves open are decided afresh in every sample.
  const openPreconditions = order.map((model) =>
    (model.preconditions ?? []).filter((p) => evaluate(p.requires, answers, index).truth === 'unknown').map((p) => p.requires),
  );
  const feasible = [...feasibleAtPoint];
  const criteria = kb.criteria;
  const findings = (ids: string[]) => ids.map((id) => index.findings.get(id)).filter((f): f is Finding => !!f);

  // Precompute what does not change between samples: only "don't know" answers move
  // weights and conditions, so everything else is worked out once.
  const unknown = [...answers.entries()].filter(([, a]) => !a.known).map(([id]) => ({ id, values: possibleValues(index.questions.get(id)!) ?? [] }));
  const unknownIds = new Set(unknown.map((q) => q.id));
  const fixedWeight = new Float64Array(criteria.length);
  const variableTerms = criteria.map((c, i) => {
    let w = c.weight.base;
    const variable: WeightTerm[] = [];
    for (const term of c.weight.terms) {
      const a = answers.get(term.question);
      if (unknownIds.has(term.question)) variable.push(term);
      else if (a) w += termValue(term, a.value);
    }
    fixedWeight[i] = w;
    return variable;
  });
  const baselines = order.map((model) => {
    const value = new Float64Array(criteria.length);
    const spread = new Float64Array(criteria.length);
    criteria.forEach((c, i) => {
      const p = model.performance[c.id];
      value[i] = p ? p.value : 50;
      spread[i] = p ? p.spread * SPREAD_FACTOR[weakest(findings(p.findings))] : 50;
    });
    return { value, spread };
  });
  /** An adjustment's effects, flattened: criterion index, delta, share of the delta that may be wrong. */
  type Effects = { index: number; delta: number; wobble: number }[];
  const flatten = (a: NonNullable<Model['adjustments']>[number]): Effects => {
    const wobble = DELTA_UNCERTAINTY[weakest(findings(a.findings))];
    return a.effects.map((e) => ({ index: criteria.findIndex((c) => c.id === e.criterion), delta: e.delta, wobble })).filter((e) => e.index >= 0);
  };
  const fixedEffects: Effects[] = [];
  const openAdjustments: { when: Condition; effects: Effects }[][] = [];
  order.forEach((model) => {
    const fixed: Effects = [];
    const open: { when: Condition; effects: Effects }[] = [];
    for (const a of model.adjustments ?? []) {
      const truth = evaluate(a.when, answers, index).truth;
      if (truth === 'yes') fixed.push(...flatten(a));
      else if (truth === 'unknown') open.push({ when: a.when, effects: flatten(a) });
    }
    fixedEffects.push(fixed);
    openAdjustments.push(open);
  });

  const n = order.length;
  const firstCount = new Array<number>(n).fill(0);
  const rankSum = new Array<number>(n).fill(0);
  const beats = new Array<number>(n).fill(0);
  const pairwise = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const scores = new Float64Array(n);
  const weights = new Float64Array(fixedWeight);
  const perf = new Float64Array(criteria.length);
  const sampled = new Map<string, ResolvedAnswer>(answers);
  const ranks = new Int32Array(n);
  const idx = Array.from({ length: n }, (_, i) => i);
  const byRank = (a: number, b: number) => (feasible[a] !== feasible[b] ? (feasible[a] ? -1 : 1) : scores[b]! - scores[a]! || a - b);
  let total = fixedWeight.reduce((sum, w) => sum + w, 0);

  // One sample per call: a small hot function is compiled early by V8's baseline
  // compiler, where one long loop would run interpreted until on-stack replacement.
  const sample = (): void => {
    if (unknown.length > 0) {
      for (const q of unknown) {
        if (q.values.length === 0) continue;
        const value: AnswerValue = q.values[Math.floor(random() * q.values.length)]!;
        sampled.set(q.id, { value, known: true });
      }
      total = 0;
      for (let i = 0; i < criteria.length; i++) {
        let w = fixedWeight[i]!;
        for (const term of variableTerms[i]!) w += termValue(term, sampled.get(term.question)!.value);
        weights[i] = w;
        total += w;
      }
    }
    for (let m = 0; m < n; m++) {
      const open = openPreconditions[m]!;
      if (open.length > 0) feasible[m] = feasibleAtPoint[m]! && open.every((c) => holds(c, sampled));
      const { value, spread } = baselines[m]!;
      for (let i = 0; i < perf.length; i++) perf[i] = value[i]! + (2 * random() - 1) * spread[i]!;
      for (const e of fixedEffects[m]!) perf[e.index]! += e.delta * (1 + (2 * random() - 1) * e.wobble);
      for (const a of openAdjustments[m]!) {
        if (!holds(a.when, sampled)) continue;
        for (const e of a.effects) perf[e.index]! += e.delta * (1 + (2 * random() - 1) * e.wobble);
      }
      let sum = 0;
      for (let i = 0; i < perf.length; i++) {
        const p = perf[i]!;
        sum += weights[i]! * (p < 0 ? 0 : p > 100 ? 100 : p);
      }
      scores[m] = total > 0 ? sum / total : 50;
    }
    idx.sort(byRank);
    for (let rank = 0; rank < n; rank++) {
      const m = idx[rank]!;
      ranks[m] = rank;
      rankSum[m]! += rank + 1;
    }
    firstCount[idx[0]!]!++;
    for (let a = 0; a < n; a++) {
      const row = pairwise[a]!;
      const ra = ranks[a]!;
      if (a + 1 < n && ra < ranks[a + 1]!) beats[a]!++;
      for (let b = 0; b < n; b++) if (ra < ranks[b]!) row[b]!++;
    }
  };
  for (let s = 0; s < options.samples; s++) sample();

  const share = (count: number) => Math.round((count / Math.max(1, options.samples)) * 1000) / 1000;
  return {
    samples: options.samples,
    seed: options.seed,
    models: order.map((model, m) => {
      const against: Record<string, number> = {};
      order.forEach((other, o) => {
        if (o !== m) against[other.id] = share(pairwise[m]![o]!);
      });
      const entry: Robustness['models'][number] = { model: model.id, first: share(firstCount[m]!), meanRank: Math.round((rankSum[m]! / Math.max(1, options.samples)) * 100) / 100, beats: against };
      if (m + 1 < n) {
        entry.beatsNext = share(beats[m]!);
        entry.separation = entry.beatsNext >= 0.95 ? 'clear' : entry.beatsNext >= 0.75 ? 'likely' : 'uncertain';
      }
      return entry;
    }),
  };
}
