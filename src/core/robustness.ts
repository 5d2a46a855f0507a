import { evaluate, holds, possibleValues, type ResolvedAnswer, type ResolvedAnswers } from './conditions.js';
import type { KbIndex, KnowledgeBase } from './kb.js';
import { seededRandom } from './random.js';
import { DELTA_UNCERTAINTY, SPREAD_FACTOR, strongest, type Scoring } from './score.js';
import { termValue } from './weights.js';
import type { AnswerValue, Finding, Model } from '../schema/index.js';

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

  // Precompute what does not change between samples.
  const unknown = [...answers.entries()].filter(([, a]) => !a.known).map(([id]) => ({ id, values: possibleValues(index.questions.get(id)!) ?? [] }));
  const baselines = order.map((model) =>
    criteria.map((c) => {
      const p = model.performance[c.id];
      if (!p) return { value: 50, spread: 50 };
      return { value: p.value, spread: p.spread * SPREAD_FACTOR[strongest(findings(p.findings))] };
    }),
  );
  const adjustments = order.map((model) =>
    (model.adjustments ?? []).map((a) => ({
      when: a.when,
      effects: a.effects.map((e) => ({ index: criteria.findIndex((c) => c.id === e.criterion), delta: e.delta })),
      wobble: DELTA_UNCERTAINTY[strongest(findings(a.findings))],
      fixed: evaluate(a.when, answers, index).truth,
    })),
  );

  const n = order.length;
  const firstCount = new Array<number>(n).fill(0);
  const rankSum = new Array<number>(n).fill(0);
  const beats = new Array<number>(n).fill(0);
  const pairwise = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const scores = new Array<number>(n).fill(0);
  const weights = new Array<number>(criteria.length).fill(0);
  const perf = new Array<number>(criteria.length).fill(0);
  const sampled = new Map<string, ResolvedAnswer>(answers);
  const ranks = new Array<number>(n).fill(0);
  const idx = Array.from({ length: n }, (_, i) => i);

  for (let s = 0; s < options.samples; s++) {
    for (const q of unknown) {
      if (q.values.length === 0) continue;
      const value: AnswerValue = q.values[Math.floor(random() * q.values.length)]!;
      sampled.set(q.id, { value, known: true });
    }
    let total = 0;
    criteria.forEach((c, i) => {
      let w = c.weight.base;
      for (const term of c.weight.terms) {
        const a = sampled.get(term.question);
        if (a) w += termValue(term, a.value);
      }
      weights[i] = w;
      total += w;
    });
    for (let m = 0; m < n; m++) {
      const open = openPreconditions[m]!;
      if (open.length > 0) feasible[m] = feasibleAtPoint[m]! && open.every((c) => holds(c, sampled));
      const base = baselines[m]!;
      for (let i = 0; i < base.length; i++) perf[i] = base[i]!.value + (2 * random() - 1) * base[i]!.spread;
      for (const a of adjustments[m]!) {
        const applies = a.fixed === 'unknown' ? holds(a.when, sampled) : a.fixed === 'yes';
        if (!applies) continue;
        for (const e of a.effects) {
          if (e.index >= 0) perf[e.index]! += e.delta * (1 + (2 * random() - 1) * a.wobble);
        }
      }
      let sum = 0;
      for (let i = 0; i < criteria.length; i++) sum += weights[i]! * Math.min(100, Math.max(0, perf[i]!));
      scores[m] = total > 0 ? sum / total : 50;
    }
    idx.sort((a, b) => (feasible[a] !== feasible[b] ? (feasible[a] ? -1 : 1) : scores[b]! - scores[a]! || a - b));
    idx.forEach((m, rank) => {
      ranks[m] = rank;
      rankSum[m]! += rank + 1;
    });
    firstCount[idx[0]!]!++;
    for (let m = 0; m + 1 < n; m++) if (ranks[m]! < ranks[m + 1]!) beats[m]!++;
    for (let a = 0; a < n; a++) {
      const row = pairwise[a]!;
      for (let b = 0; b < n; b++) if (ranks[a]! < ranks[b]!) row[b]!++;
    }
  }

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
