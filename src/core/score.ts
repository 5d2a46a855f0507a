import { evaluate, type ResolvedAnswer, type ResolvedAnswers, type Truth } from './conditions.js';
import type { KbIndex, KnowledgeBase } from './kb.js';
import { rawWeight, type RawWeight } from './weights.js';
import { DONT_KNOW } from '../schema/answers.js';
import type { AnswerValue, Confidence, Finding, Model } from '../schema/index.js';

/**
 * How much weaker evidence widens a model's stated spread. A performance value
 * resting on very-low-confidence findings is twice as uncertain as one resting on
 * high-confidence findings (GRADE-CERQual grades, see seeds/findings.yaml).
 */
export const SPREAD_FACTOR: Record<Confidence, number> = { high: 1, moderate: 1.25, low: 1.6, 'very-low': 2 };
/** The share of an adjustment's delta that may be wrong, by the grade of its evidence. */
export const DELTA_UNCERTAINTY: Record<Confidence, number> = { high: 0.2, moderate: 0.35, low: 0.5, 'very-low': 0.75 };
const CONFIDENCE_ORDER: Confidence[] = ['high', 'moderate', 'low', 'very-low'];

export type Interval = [number, number];

export interface BaselineContribution {
  kind: 'baseline';
  value: number;
  /** ± points after the evidence grade widened the model's stated spread. */
  spread: number;
  confidence: Confidence;
  findings: string[];
  references: string[];
}

export interface AdjustmentContribution {
  kind: 'adjustment';
  id: string;
  delta: number;
  /** 'yes' when the answers meet the condition; 'unknown' when a "don't know" leaves it open. */
  applies: 'yes' | 'unknown';
  /** Whether the point estimate counts it (the assumed answers meet the condition). */
  counted: boolean;
  reads: string[];
  confidence: Confidence;
  findings: string[];
  references: string[];
}

export type Contribution = BaselineContribution | AdjustmentContribution;

export interface CriterionScore {
  criterion: string;
  /** Normalised weight (the weights of all criteria add up to 1). */
  weight: number;
  /** The model's performance on the criterion after adjustments, 0–100. */
  performance: number;
  interval: Interval;
  /** weight × performance: this criterion's share of the score. */
  points: number;
  /** weight × (performance − 50): how much the criterion lifts (+) or lowers (−) the score against neutral. */
  effect: number;
  contributions: Contribution[];
}

export interface PreconditionResult {
  id: string;
  status: 'met' | 'failed' | 'unknown';
  reads: string[];
  findings: string[];
  references: string[];
}

export type ReasonKind = 'adjustment' | 'criterion' | 'precondition';
/** Why a model fits or misfits this municipality, with the finding behind it. */
export interface Reason {
  kind: ReasonKind;
  id: string;
  /** Points the reason moves the score (0 for preconditions). */
  effect: number;
  reads: string[];
  findings: string[];
}

/**
 * Thin evidence behind a contribution: one study only; only very-low-confidence
 * findings; only research from outside the Nordic countries; only theory, opinion
 * or textbooks (nothing observed in social services). Nearly every finding is
 * downgraded for predating the NAV reform, so that alone is not flagged here.
 */
export type GapKind = 'single-study' | 'very-low-confidence' | 'foreign-evidence' | 'theory-only';
export interface EvidenceGap {
  gap: GapKind;
  /** The criterion, or the criterion/adjustment pair, the gap concerns. */
  criterion: string;
  adjustment?: string;
  findings: string[];
}

export interface ModelScore {
  model: string;
  score: number;
  interval: Interval;
  /** false when a precondition fails: the model is ranked after every workable one. */
  feasible: boolean;
  preconditions: PreconditionResult[];
  criteria: CriterionScore[];
  fit: Reason[];
  misfit: Reason[];
  evidenceGaps: EvidenceGap[];
}

export interface WeightResult extends RawWeight {
  /** Normalised point weight. */
  weight: number;
}

export interface Scoring {
  weights: WeightResult[];
  /** Best first: workable models by score, then the ones whose preconditions fail. */
  ranking: ModelScore[];
  /** Questions answered "don't know", with the value assumed for the point estimate. */
  assumptions: { question: string; value: AnswerValue }[];
}

/**
 * Resolves raw answers against the question bank: "don't know" and missing optional
 * answers take the question's `assume` value and are marked unknown.
 */
export function resolveAnswers(answers: Readonly<Record<string, AnswerValue | null>>, index: KbIndex): Map<string, ResolvedAnswer> {
  const resolved = new Map<string, ResolvedAnswer>();
  for (const question of [...index.questions.values()]) {
    const given = answers[question.id];
    if (given === undefined || given === null || given === DONT_KNOW) {
      if (question.assume !== undefined) resolved.set(question.id, { value: question.assume, known: false });
    } else {
      resolved.set(question.id, { value: given, known: true });
    }
  }
  return resolved;
}

const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f + 0; // + 0 turns -0 into 0
};
const clamp = (n: number) => Math.min(100, Math.max(0, n));

/**
 * The grade of the weakest finding behind a contribution. A rating rests on all of
 * its findings together, so it is no surer than the least sure of them; grading by
 * the strongest would let a general, well-graded citation narrow the uncertainty of
 * a value that really rests on theory.
 */
export function weakest(findings: readonly Finding[]): Confidence {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, CONFIDENCE_ORDER.indexOf(f.confidence));
  return findings.length === 0 ? 'very-low' : CONFIDENCE_ORDER[worst]!;
}

/** Reference keys behind a set of findings, in citation order, without repeats. */
export function referencesOf(findingIds: readonly string[], index: KbIndex): string[] {
  const keys: string[] = [];
  for (const id of findingIds) for (const key of index.findings.get(id)?.references ?? []) if (!keys.includes(key)) keys.push(key);
  return keys;
}

const findingsOf = (ids: readonly string[], index: KbIndex): Finding[] =>
  ids.map((id) => index.findings.get(id)).filter((f): f is Finding => f !== undefined);

/**
 * min (or max) of Σ wᵢvᵢ / Σ wᵢ over the box lowᵢ ≤ wᵢ ≤ highᵢ. The optimum of a
 * linear-fractional function over a box puts the criteria with the lowest values at
 * their highest weight and the rest at their lowest, so trying every threshold in
 * value order is exact.
 */
export function extremeAverage(values: readonly number[], low: readonly number[], high: readonly number[], mode: 'min' | 'max'): number {
  if (low.every((w, i) => w === high[i])) {
    // No weight is uncertain: the box is a point (the common case).
    let num = 0;
    let den = 0;
    for (let i = 0; i < values.length; i++) {
      num += low[i]! * values[i]!;
      den += low[i]!;
    }
    return den > 0 ? num / den : 50;
  }
  const order = values.map((_, i) => i).sort((a, b) => (mode === 'min' ? values[a]! - values[b]! : values[b]! - values[a]!));
  // Threshold k: the first k criteria (in value order) at their high weight, the rest low.
  // Start with all low and move one criterion at a time to high: O(n) after the sort.
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    num += low[i]! * values[i]!;
    den += low[i]!;
  }
  let best = den > 0 ? num / den : mode === 'min' ? Infinity : -Infinity;
  for (const i of order) {
    num += (high[i]! - low[i]!) * values[i]!;
    den += high[i]! - low[i]!;
    if (den <= 0) continue;
    const ratio = num / den;
    best = mode === 'min' ? Math.min(best, ratio) : Math.max(best, ratio);
  }
  return Number.isFinite(best) ? best : 50;
}

/**
 * Scores every model for one municipality: a transparent additive value model.
 * Each model's score depends only on its own file and the answers, never on the
 * other models, so adding or removing a model cannot reorder the rest.
 *
 * @example
 * const scoring = scoreModels(kb, index, resolveAnswers(answers.answers, index));
 * scoring.ranking[0].model; // e.g. 'specialised'
 */
export function scoreModels(kb: KnowledgeBase, index: KbIndex, answers: ResolvedAnswers, models: readonly Model[] = kb.models): Scoring {
  const raw = kb.criteria.map((criterion) => rawWeight(criterion, answers, index));
  const total = raw.reduce((sum, w) => sum + w.point, 0);
  const weights: WeightResult[] = raw.map((w) => ({ ...w, weight: total > 0 ? w.point / total : 1 / raw.length }));

  const scored = models.map((model) => scoreModel(model, weights, kb.criteria, answers, index));
  const ranking = [...scored].sort(compareScores);
  const assumptions = [...answers.entries()]
    .filter(([, a]) => !a.known)
    .map(([question, a]) => ({ question, value: a.value }));
  return { weights, ranking, assumptions };
}

export function compareScores(a: ModelScore, b: ModelScore): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  return b.score - a.score || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0);
}

interface AdjustmentState {
  id: string;
  truth: Truth;
  point: boolean;
  reads: string[];
  findings: string[];
  confidence: Confidence;
  references: string[];
}

interface Evidence {
  confidence: Confidence;
  references: string[];
}
/** What a model's citations resolve to; it depends only on the model and the knowledge base, so it is worked out once. */
const evidenceCache = new WeakMap<object, Evidence>();
function evidenceOf(cited: { findings: string[] }, index: KbIndex): Evidence {
  let evidence = evidenceCache.get(cited);
  if (!evidence) {
    evidence = { confidence: weakest(findingsOf(cited.findings, index)), references: referencesOf(cited.findings, index) };
    evidenceCache.set(cited, evidence);
  }
  return evidence;
}

interface Step {
  performance: Model['performance'][string] | undefined;
  evidence: Evidence | undefined;
  /** The adjustments (by index) that move this criterion, in file order. */
  effects: { adjustment: number; delta: number }[];
}
const planCache = new WeakMap<Model, { criteria: readonly unknown[]; steps: Step[] }>();
/** Per criterion, in the order of the weights (the knowledge base's order): the model's rating and the adjustments that move it. */
function planOf(model: Model, weights: readonly WeightResult[], criteria: readonly unknown[], index: KbIndex): Step[] {
  const cached = planCache.get(model);
  if (cached && cached.criteria === criteria) return cached.steps;
  const steps = weights.map((w) => {
    const performance = model.performance[w.criterion];
    const effects: Step['effects'] = [];
    (model.adjustments ?? []).forEach((adjustment, a) => {
      for (const effect of adjustment.effects) if (effect.criterion === w.criterion) effects.push({ adjustment: a, delta: effect.delta });
    });
    return { performance, evidence: performance ? evidenceOf(performance, index) : undefined, effects };
  });
  planCache.set(model, { criteria, steps });
  return steps;
}

function scoreModel(model: Model, weights: readonly WeightResult[], criteriaList: readonly unknown[], answers: ResolvedAnswers, index: KbIndex): ModelScore {
  const adjustments: (AdjustmentState & { effects: { criterion: string; delta: number }[] })[] = (model.adjustments ?? []).map((adjustment) => {
    const evaluation = evaluate(adjustment.when, answers, index);
    return {
      id: adjustment.id,
      truth: evaluation.truth,
      point: evaluation.point,
      reads: evaluation.reads,
      findings: adjustment.findings,
      confidence: evidenceOf(adjustment, index).confidence,
      references: evidenceOf(adjustment, index).references,
      effects: adjustment.effects,
    };
  });

  const plan = planOf(model, weights, criteriaList, index);
  const criteria: CriterionScore[] = weights.map((w, i) => {
    const step = plan[i]!;
    const performance = step.performance;
    if (!performance) {
      // The validator requires every criterion; a model missing one is scored neutral, visibly uncertain.
      return { criterion: w.criterion, weight: w.weight, performance: 50, interval: [0, 100], points: w.weight * 50, effect: 0, contributions: [] };
    }
    const { confidence, references } = step.evidence!;
    const spread = performance.spread * SPREAD_FACTOR[confidence];
    let point = performance.value;
    let low = performance.value - spread;
    let high = performance.value + spread;
    const contributions: Contribution[] = [
      { kind: 'baseline', value: performance.value, spread: round(spread), confidence, findings: performance.findings, references },
    ];
    for (const { adjustment: a, delta } of step.effects) {
      const adjustment = adjustments[a]!;
      if (adjustment.truth === 'no') continue;
      const wobble = Math.abs(delta) * DELTA_UNCERTAINTY[adjustment.confidence];
      if (adjustment.truth === 'yes') {
        point += delta;
        low += delta - wobble;
        high += delta + wobble;
      } else {
        if (adjustment.point) point += delta;
        low += Math.min(0, delta - wobble);
        high += Math.max(0, delta + wobble);
      }
      contributions.push({
        kind: 'adjustment',
        id: adjustment.id,
        delta,
        applies: adjustment.truth === 'yes' ? 'yes' : 'unknown',
        counted: adjustment.truth === 'yes' || adjustment.point,
        reads: adjustment.reads,
        confidence: adjustment.confidence,
        findings: adjustment.findings,
        references: adjustment.references,
      });
    }
    const value = clamp(point);
    return {
      criterion: w.criterion,
      weight: w.weight,
      performance: value,
      interval: [clamp(Math.min(low, value)), clamp(Math.max(high, value))],
      points: w.weight * value,
      effect: w.weight * (value - 50),
      contributions,
    };
  });

  const score = criteria.reduce((sum, c) => sum + c.points, 0);
  const { low, high } = scoreInterval(score, criteria, weights);

  const preconditions: PreconditionResult[] = (model.preconditions ?? []).map((precondition) => {
    const evaluation = evaluate(precondition.requires, answers, index);
    const status = evaluation.truth === 'yes' ? 'met' : evaluation.truth === 'no' ? 'failed' : 'unknown';
    return { id: precondition.id, status, reads: evaluation.reads, findings: precondition.findings, references: evidenceOf(precondition, index).references };
  });
  const feasible = preconditions.every((p) => p.status !== 'failed');

  const { fit, misfit } = fitAndMisfit(criteria, adjustments, preconditions);
  const gaps = evidenceGaps(criteria, index);
  return {
    model: model.id,
    score: round(score),
    interval: [round(low), round(high)],
    feasible,
    preconditions,
    criteria: roundInPlace(criteria),
    fit,
    misfit,
    evidenceGaps: gaps,
  };
}

/** Rounds the reported numbers of criterion scores this function created (no copies: they are many). */
function roundInPlace(criteria: CriterionScore[]): CriterionScore[] {
  for (const c of criteria) {
    c.weight = round(c.weight, 4);
    c.performance = round(c.performance);
    c.interval[0] = round(c.interval[0]);
    c.interval[1] = round(c.interval[1]);
    c.points = round(c.points);
    c.effect = round(c.effect);
  }
  return criteria;
}

/**
 * The interval around a score. Errors in the criteria's performance are taken as
 * independent and combined in quadrature (root of the sum of squares of
 * weight × distance to the criterion's bound); the uncertainty in the weights that
 * "don't know" answers leave is the exact extreme over the box of possible weights.
 * Both only grow when an answer becomes unknown, so a "don't know" never narrows it.
 */
export function scoreInterval(score: number, criteria: readonly CriterionScore[], weights: readonly WeightResult[]): { low: number; high: number } {
  let down = 0;
  let up = 0;
  for (const c of criteria) {
    down += (c.weight * (c.performance - c.interval[0])) ** 2;
    up += (c.weight * (c.interval[1] - c.performance)) ** 2;
  }
  const values = criteria.map((c) => c.performance);
  const lowWeights = weights.map((w) => w.low);
  const highWeights = weights.map((w) => w.high);
  const weightDown = Math.max(0, score - extremeAverage(values, lowWeights, highWeights, 'min'));
  const weightUp = Math.max(0, extremeAverage(values, lowWeights, highWeights, 'max') - score);
  return {
    low: clamp(score - Math.sqrt(down + weightDown ** 2)),
    high: clamp(score + Math.sqrt(up + weightUp ** 2)),
  };
}

/**
 * The answers that make a model fit or misfit this municipality, as contingency
 * tools (OrgCon) report them: adjustments the answers trigger, criteria that weigh
 * heavily here and on which the model is strong or weak, and failed preconditions.
 */
function fitAndMisfit(criteria: CriterionScore[], adjustments: (AdjustmentState & { effects: { criterion: string; delta: number }[] })[], preconditions: PreconditionResult[]): { fit: Reason[]; misfit: Reason[] } {
  const reasons: Reason[] = [];
  const weightOf = (criterion: string) => {
    for (const c of criteria) if (c.criterion === criterion) return c.weight;
    return 0;
  };
  for (const adjustment of adjustments) {
    if (!adjustment.point || adjustment.truth === 'no') continue;
    let effect = 0;
    for (const e of adjustment.effects) effect += weightOf(e.criterion) * e.delta;
    if (effect !== 0) reasons.push({ kind: 'adjustment', id: adjustment.id, effect: round(effect), reads: adjustment.reads, findings: adjustment.findings });
  }
  for (const c of criteria) {
    const baseline = c.contributions.find((x): x is BaselineContribution => x.kind === 'baseline');
    if (!baseline) continue;
    const effect = c.weight * (baseline.value - 50);
    if (Math.abs(effect) >= 1) reasons.push({ kind: 'criterion', id: c.criterion, effect: round(effect), reads: [], findings: baseline.findings });
  }
  const byEffect = (a: Reason, b: Reason) => Math.abs(b.effect) - Math.abs(a.effect) || (a.id < b.id ? -1 : 1);
  const failed: Reason[] = preconditions
    .filter((p) => p.status === 'failed')
    .map((p) => ({ kind: 'precondition', id: p.id, effect: 0, reads: p.reads, findings: p.findings }));
  return {
    fit: reasons.filter((r) => r.effect > 0).sort(byEffect).slice(0, 5),
    misfit: [...failed, ...reasons.filter((r) => r.effect < 0).sort(byEffect).slice(0, 5)],
  };
}

const gapCache = new WeakMap<readonly string[], GapKind[]>();
/** The kinds of thin evidence behind a set of findings; fixed by the findings, so cached. */
function gapKinds(ids: readonly string[], references: readonly string[], index: KbIndex): GapKind[] {
  let kinds = gapCache.get(ids);
  if (!kinds) {
    const findings = findingsOf(ids, index);
    kinds = [];
    if (references.length === 1) kinds.push('single-study');
    if (findings.every((f) => f.confidence === 'very-low')) kinds.push('very-low-confidence');
    if (findings.every((f) => f.origin === 'elsewhere')) kinds.push('foreign-evidence');
    if (findings.every((f) => f.evidence === 'theory' || f.evidence === 'opinion' || f.evidence === 'textbook')) kinds.push('theory-only');
    gapCache.set(ids, kinds);
  }
  return kinds;
}

/** Contributions that matter here (weight ≥ 5 % or an adjustment that counts) but rest on thin evidence. */
function evidenceGaps(criteria: CriterionScore[], index: KbIndex): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  for (const c of criteria) {
    for (const contribution of c.contributions) {
      const matters = contribution.kind === 'baseline' ? c.weight >= 0.05 : contribution.counted;
      if (!matters) continue;
      const kinds = gapKinds(contribution.findings, contribution.references, index);
      for (const gap of kinds) {
        gaps.push(
          contribution.kind === 'adjustment'
            ? { gap, criterion: c.criterion, adjustment: contribution.id, findings: contribution.findings }
            : { gap, criterion: c.criterion, findings: contribution.findings },
        );
      }
    }
  }
  return gaps;
}
