/*
 * The calibration's one door into orgfit. Everything the calibration knows about the
 * engine (src/) is in this file: how to load the knowledge base, how to score a
 * municipality, what a verdict is, how to check an answers set and how to neutralise
 * the model files. The rest of scripts/calibration/ imports only from here.
 *
 * When the engine is rewritten, rewrite this file: keep the exported names and
 * types, and the figures are measured the same way before and after.
 *
 * The engine (v2) states its own verdict (keep / clear / indistinguishable / undecided)
 * from SMAA-2 rank acceptabilities; this adapter passes it through.
 */
import { kbSources } from '../../src/build/compile.js';
import { decide } from '../../src/core/decision.js';
import { compileEngine, frameOf, withinFrame, type Engine } from '../../src/core/engine.js';
import { answerProblem, checkAnswers } from '../../src/core/integrity.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { expectedScores } from '../../src/core/tipping.js';
import { expectationPoints, municipalityOf } from '../../src/core/unknowns.js';
import { loadKnowledgeBase } from '../../src/validate/knowledge-base.js';
import type { AnswerValue, AnswersFile, Model, Question, SumRule } from '../../src/schema/index.js';

export type { AnswerValue, KnowledgeBase, Model, Question, SumRule };
/** One municipality's answers: question id → value (the calibration never answers "don't know"). */
export type Answers = Record<string, AnswerValue>;

/** What the engine concludes for one municipality. */
export interface Verdict {
  /** 'keep': today's organisation; 'clear': one model is named; 'indistinguishable': a top set, smaller than all workable models; 'undecided': every workable model is in the top set. */
  kind: 'keep' | 'clear' | 'indistinguishable' | 'undecided';
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
export const ENGINE = "orgfit engine v2 (src/core: one uncertainty model, SMAA-2 rank acceptabilities, the engine's own verdict)";

/** The verdict rule, in words, for the report. */
export const VERDICT_RULE =
  "the engine's own (src/core/verdict.ts): 'keep' when today's organisation is most often first or nothing beats it in >= 80 % of samples; 'clear' when the leader is first in >= 60 % of samples; " +
  "otherwise the top set is the leader plus every workable model that beats it in >= 25 % of samples: 'indistinguishable' if smaller than all workable models, 'undecided' if it holds them all";

/** The models a result ranks: the organisations (frames are the setting they are scored in, never ranked). */
export function rankedModels(kb: KnowledgeBase): string[] {
  return kb.models.filter((m) => m.kind !== 'frame').map((m) => m.id);
}

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

const answersFile = (answers: Answers): AnswersFile => ({ format: 'orgfit/answers@1', municipality: 'calibration', answers });

const engines = new WeakMap<KnowledgeBase, WeakMap<readonly Model[], Engine>>();
function engineOf(kb: KnowledgeBase, models: readonly Model[]): Engine {
  let byModels = engines.get(kb);
  if (!byModels) engines.set(kb, (byModels = new WeakMap()));
  let engine = byModels.get(models);
  if (!engine) byModels.set(models, (engine = compileEngine(kb, models)));
  return engine;
}

/** Scores one municipality exactly as `orgfit score` does (with the given samples and seed, without the searches). */
export function evaluate(kb: KnowledgeBase, models: readonly Model[], answers: Answers, options: EvaluateOptions): Evaluation {
  const result = scoreMunicipality(engineOf(kb, models), answersFile(answers), { lang: 'en', samples: options.samples, seed: options.seed, skipSearches: true });
  const ranking = result.ranking.map((r) => r.model);
  const scores: Record<string, number> = {};
  const workable: Record<string, boolean> = {};
  const pFirst: Record<string, number> = {};
  const beats: Record<string, Record<string, number>> = {};
  const rankAcceptability: Record<string, number[]> = {};
  for (const r of result.ranking) {
    scores[r.model] = r.score;
    workable[r.model] = r.feasible;
    pFirst[r.model] = r.acceptability.first;
    beats[r.model] = r.beats;
    rankAcceptability[r.model] = r.acceptability.ranks;
  }
  const v = result.verdict;
  return { ranking, scores, workable, pFirst, beats, rankAcceptability, verdict: { kind: v.kind, leader: v.leader ?? ranking[0]!, topSet: [...v.models] } };
}

/** Verdicts for sweeps: many answer sets that differ in one answer. */
export interface SweepEvaluator {
  /** The model first by expected score (no Monte Carlo). */
  leader(answers: Answers): string;
  verdict(answers: Answers): Verdict;
}

/**
 * A verdict function for sweeps: the engine's own analysis without building the full
 * result. The engine draws one number per finding in a fixed order, so the draws are
 * common random numbers across answer sets by construction: a verdict changes because
 * an answer moved, not because the draws were dealt out afresh.
 */
export function sweepEvaluator(kb: KnowledgeBase, models: readonly Model[], options: EvaluateOptions): SweepEvaluator {
  const engine = engineOf(kb, models);
  return {
    leader: (answers) => leaderOf(kb, models, answers),
    verdict: (answers) => {
      const framed = framedFor(engine, answers);
      const municipality = municipalityOf(framed, answers);
      const robustness = analyseRobustness(framed, municipality, { seed: options.seed, samples: options.samples, skipConfidence: true });
      const { scores, feasible } = expectedScores(framed, expectationPoints(framed, municipality, 64));
      const v = decide(framed, municipality, robustness, scores, feasible).verdict;
      return { kind: v.kind, leader: v.leader ?? framed.models[0]!.id, topSet: [...v.models] };
    },
  };
}

function framedFor(engine: Engine, answers: Answers): Engine {
  return withinFrame(engine, frameOf(engine, engine.questions.map(({ question }) => answers[question.id] ?? null!)));
}

/** The model first by expected score among the workable ones (no Monte Carlo). */
export function leaderOf(kb: KnowledgeBase, models: readonly Model[], answers: Answers): string {
  const framed = framedFor(engineOf(kb, models), answers);
  const { scores, feasible } = expectedScores(framed, expectationPoints(framed, municipalityOf(framed, answers), 64));
  let best = -1;
  scores.forEach((s, i) => {
    if (feasible[i] && (best < 0 || s > scores[best]!)) best = i;
  });
  return framed.models[best < 0 ? 0 : best]!.id;
}

/**
 * The models with every rating set to 50, their adjustments and preconditions removed,
 * and their evidence (hence the grades) kept. A fair engine puts each of n such models
 * first in about 1/n of the samples.
 */
export function neutralModels(models: readonly Model[]): Model[] {
  return models.map((model) => ({
    ...model,
    performance: Object.fromEntries(Object.entries(model.performance).map(([criterion, p]) => [criterion, { ...p, value: 50 }])),
    adjustments: [],
    preconditions: [],
  }));
}
