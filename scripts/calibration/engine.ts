/*
 * The calibration's one door into orgfit. Everything the calibration knows about the
 * engine (src/) is in this file: how to load the knowledge base, how to score a
 * municipality, what a verdict is, how to check an answers set and how to neutralise
 * the model files. The rest of scripts/calibration/ imports only from here.
 *
 * When the engine is rewritten, rewrite this file: keep the exported names and
 * types, and the figures are measured the same way before and after.
 *
 * Today's engine (the `main` of 2026-12) gives a ranking by point score with
 * P(first) and pairwise "beats" shares, but no verdict. The verdict is derived here
 * by the decision review's rule R1 (see `verdictOf`); an engine that states its own
 * verdict should return that instead.
 */
import { kbSources } from '../../src/build/compile.js';
import { answerProblem, checkAnswers } from '../../src/core/integrity.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { resolveAnswers, scoreModels } from '../../src/core/score.js';
import { loadKnowledgeBase } from '../../src/validate/knowledge-base.js';
import type { AnswerValue, AnswersFile, Model, Question, SumRule } from '../../src/schema/index.js';

export type { AnswerValue, KnowledgeBase, Model, Question, SumRule };
/** One municipality's answers: question id → value (the calibration never answers "don't know"). */
export type Answers = Record<string, AnswerValue>;

/** What the engine concludes for one municipality. */
export interface Verdict {
  /** 'clear': one model is named; 'indistinguishable': a top set, smaller than all workable models; 'undecided': every workable model is in the top set. */
  kind: 'clear' | 'indistinguishable' | 'undecided';
  /** The model the engine puts first (workable before not workable). */
  leader: string;
  /** The models the engine cannot tell apart from the leader, leader first ([leader] when clear). */
  topSet: string[];
}

export interface Evaluation {
  /** Model ids, best first, workable before not workable. */
  ranking: string[];
  /** Point scores 0–100. */
  scores: Record<string, number>;
  workable: Record<string, boolean>;
  /** Share of Monte Carlo samples in which the model comes first. */
  pFirst: Record<string, number>;
  /** Share of samples in which the row model ranks above the column model. */
  beats: Record<string, Record<string, number>>;
  /** Per model, the share of samples at each rank (1 first); today's engine does not give it. */
  rankAcceptability?: Record<string, number[]>;
  verdict: Verdict;
}

export interface EvaluateOptions {
  samples: number;
  seed: number;
}

/** A short description of the engine and of where the verdict comes from, printed with the figures. */
export const ENGINE =
  'orgfit engine without a verdict of its own (ranking by point score, P(first) and pairwise beats from analyseRobustness); verdict derived by rule R1 in scripts/calibration/engine.ts';

/** The verdict rule, in words, for the report. */
export const VERDICT_RULE =
  "R1: 'clear' if the leader (rank 1, workable) has P(first) >= 0.5 and beats every other workable model in >= 75 % of samples; " +
  "otherwise the top set is the leader plus every workable model that beats the leader in >= 25 % of samples: 'indistinguishable' if the set is smaller than all workable models, 'undecided' if it holds them all";

/** Loads and validates the knowledge base (seeds/ and models/) of a checkout, as the build does. */
export function loadKb(root: string): KnowledgeBase {
  const base = root.endsWith('/') ? root : `${root}/`;
  const { kb, results } = loadKnowledgeBase(kbSources(base));
  if (!kb) {
    const problems = results.flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`));
    throw new Error(`the knowledge base is invalid:\n${problems.join('\n')}`);
  }
  return kb;
}

const indexes = new WeakMap<KnowledgeBase, KbIndex>();
function indexOf(kb: KnowledgeBase): KbIndex {
  let index = indexes.get(kb);
  if (!index) {
    index = indexKb(kb);
    indexes.set(kb, index);
  }
  return index;
}

/** Whether the answers validator accepts this value for the question. */
export function validAnswer(question: Question, value: AnswerValue): boolean {
  return answerProblem(question, value) === undefined;
}

/** Problems the answers validator finds in an answers set (rule ids with the question); empty when valid. */
export function answerProblems(kb: KnowledgeBase, answers: Answers): string[] {
  return checkAnswers(answers, kb, indexOf(kb)).map((issue) => `${issue.rule} ${issue.path.join('.')}`);
}

/**
 * The decision review's rule R1 (section 5), for an engine that states no verdict.
 * The one place that decides what the engine "says"; replace it by the engine's own
 * verdict once it has one.
 */
export function verdictOf(ranking: readonly string[], workable: Readonly<Record<string, boolean>>, pFirst: Readonly<Record<string, number>>, beats: Readonly<Record<string, Readonly<Record<string, number>>>>): Verdict {
  const candidates = ranking.filter((m) => workable[m]);
  // No workable model at all: nothing can be recommended.
  if (candidates.length === 0) return { kind: 'undecided', leader: ranking[0]!, topSet: [...ranking] };
  const leader = candidates[0]!;
  const others = candidates.slice(1);
  const clear = (pFirst[leader] ?? 0) >= 0.5 && others.every((m) => (beats[leader]?.[m] ?? 0) >= 0.75);
  if (clear) return { kind: 'clear', leader, topSet: [leader] };
  const topSet = [leader, ...others.filter((m) => (beats[m]?.[leader] ?? 0) >= 0.25)];
  return { kind: topSet.length < candidates.length ? 'indistinguishable' : 'undecided', leader, topSet };
}

const answersFile = (answers: Answers): AnswersFile => ({ format: 'orgfit/answers@1', municipality: 'calibration', answers });

/**
 * Scores one municipality exactly as `orgfit score` does (scoreMunicipality, with the
 * given samples and seed), and derives the verdict.
 */
export function evaluate(kb: KnowledgeBase, models: readonly Model[], answers: Answers, options: EvaluateOptions): Evaluation {
  const result = scoreMunicipality(kb, models, answersFile(answers), { lang: 'en', samples: options.samples, seed: options.seed });
  const ranking = result.ranking.map((r) => r.model);
  const scores: Record<string, number> = {};
  const workable: Record<string, boolean> = {};
  const pFirst: Record<string, number> = {};
  const beats: Record<string, Record<string, number>> = {};
  for (const r of result.ranking) {
    scores[r.model] = r.score;
    workable[r.model] = r.feasible;
    pFirst[r.model] = r.robustness.first;
    beats[r.model] = r.robustness.beats;
  }
  return { ranking, scores, workable, pFirst, beats, verdict: verdictOf(ranking, workable, pFirst, beats) };
}

/**
 * Today's engine deals its random numbers out model by model, in the order of the
 * ranking it is given, and per model one number for each rating and one for each
 * effect of an adjustment that applies. So when an answer reorders the models or
 * switches an adjustment on, every later model gets other draws, and a verdict can
 * change by the luck of the draw alone. Two changes make the draws stay put:
 *  - the ranking handed to the Monte Carlo is in the fixed order of `models`;
 *  - each adjustment gets a twin that applies exactly when it does not, with the same
 *    effects at delta 0. Every model then uses the same count of numbers whatever
 *    the answers; the twins add 0 to every score, interval and sample.
 */
const padCache = new WeakMap<readonly Model[], Model[]>();
function padded(models: readonly Model[]): Model[] {
  let out = padCache.get(models);
  if (!out) {
    out = models.map((model) => ({
      ...model,
      adjustments: (model.adjustments ?? []).flatMap((a) => [a, { ...a, id: `${a.id}-off`, when: { not: a.when }, effects: a.effects.map((e) => ({ ...e, delta: 0 })) }]),
    }));
    padCache.set(models, out);
  }
  return out;
}

/** Verdicts for sweeps: many answer sets that differ in one answer. */
export interface SweepEvaluator {
  /** The model the engine puts first for these answers (no Monte Carlo). */
  leader(answers: Answers): string;
  verdict(answers: Answers): Verdict;
}

/**
 * A verdict function for sweeps. It uses the same verdict rule and the same Monte
 * Carlo as `evaluate`, but skips building the full result, and it uses common random
 * numbers (see `padded`): for fully known answers, model m's rating c gets the same
 * draw in sample s whatever the answers, so a verdict changes because an answer
 * moved, not because the draws were dealt out afresh. The shares are statistically
 * those of `evaluate`, not bit-identical to them. `leader` then `verdict` on the same
 * answers object scores them once.
 */
export function sweepEvaluator(kb: KnowledgeBase, models: readonly Model[], options: EvaluateOptions): SweepEvaluator {
  const index = indexOf(kb);
  const twins = padded(models);
  const position = new Map(models.map((m, i) => [m.id, i]));
  let last: { answers: Answers; resolved: ReturnType<typeof resolveAnswers>; scoring: ReturnType<typeof scoreModels> } | undefined;
  const scored = (answers: Answers) => {
    if (last?.answers !== answers) {
      const resolved = resolveAnswers(answers, index);
      last = { answers, resolved, scoring: scoreModels(kb, index, resolved, twins) };
    }
    return last;
  };
  return {
    leader: (answers) => scored(answers).scoring.ranking[0]!.model,
    verdict: (answers) => {
      const { resolved, scoring } = scored(answers);
      const fixedOrder = { ...scoring, ranking: [...scoring.ranking].sort((a, b) => position.get(a.model)! - position.get(b.model)!) };
      const robustness = analyseRobustness(kb, index, resolved, fixedOrder, twins, options);
      const ranking = scoring.ranking.map((r) => r.model);
      const workable: Record<string, boolean> = {};
      for (const r of scoring.ranking) workable[r.model] = r.feasible;
      const pFirst: Record<string, number> = {};
      const beats: Record<string, Record<string, number>> = {};
      for (const r of robustness.models) {
        pFirst[r.model] = r.first;
        beats[r.model] = r.beats;
      }
      return verdictOf(ranking, workable, pFirst, beats);
    },
  };
}

/** The model the engine puts first, without the Monte Carlo (today: the best workable point score). */
export function leaderOf(kb: KnowledgeBase, models: readonly Model[], answers: Answers): string {
  const index = indexOf(kb);
  return scoreModels(kb, index, resolveAnswers(answers, index), models).ranking[0]!.model;
}

/**
 * The models with every rating set to 50, their adjustments and preconditions removed,
 * and their spreads and evidence (hence the grades that widen the spreads) kept. A fair
 * engine puts each of n such models first in about 1/n of the samples.
 */
export function neutralModels(models: readonly Model[]): Model[] {
  return models.map((model) => ({
    ...model,
    performance: Object.fromEntries(Object.entries(model.performance).map(([criterion, p]) => [criterion, { ...p, value: 50 }])),
    adjustments: [],
    preconditions: [],
  }));
}
