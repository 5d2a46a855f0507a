import type { Engine, EngineModel } from './engine.js';
import type { Body } from './evidence.js';
import type { Robustness } from './robustness.js';
import { INTERVAL_LEVEL, type Estimates, type ModelEstimate } from './score.js';
import type { TippingPoint, UnknownThatMatters } from './tipping.js';
import type { Municipality } from './unknowns.js';
import type { Verdict } from './verdict.js';
import type { Lang } from '../i18n/lang.js';
import type { AnswerValue, Finding, Reference } from '../schema/index.js';
import type { Contribution, EvidenceGap, RankedModel, Reason, ResolvedFinding, ResolvedReference, Result } from '../schema/result.js';

export type { RankedModel, ResolvedFinding, ResolvedReference, Result } from '../schema/result.js';

export interface ResultInput {
  engine: Engine;
  municipality: Municipality;
  answers: { municipality: string; scenario?: string };
  source?: string;
  estimates: Estimates;
  robustness: Robustness;
  /** Model indices in ranking order. */
  order: readonly number[];
  verdict: Verdict;
  /** The index of the model the municipality has today. */
  today: number | undefined;
  tippingPoints: TippingPoint[];
  unknownsThatMatter: UnknownThatMatters[];
  lang: Lang;
}

/** The result contract (orgfit/result@1), one language, every object fresh: nothing is shared between results. */
/** The share of a ramped harm that must apply before it is flagged as a misfit (orgfit's judgement). */
export const MISFIT_SHARE = 0.5;

export function buildResult(input: ResultInput): Result {
  const { engine, municipality, estimates, robustness, order, lang } = input;
  const usedFindings = new Set<string>();
  const cite = (ids: readonly string[]) => ids.forEach((id) => usedFindings.add(id));

  const weights = engine.kb.criteria.map((criterion, c) => {
    cite(criterion.findings);
    const parts = engine.criteria[c]!.terms.map((term) => {
      const value = municipality.values[term.question]!;
      return { question: engine.questions[term.question]!.question.id, value: copy(value), known: municipality.known[term.question]!, adds: round(term.value(value), 4) };
    });
    const point = engine.criteria[c]!.base + parts.reduce((sum, p) => sum + p.adds, 0);
    return { criterion: criterion.id, name: criterion.name[lang], weight: round(estimates.weights[c]!, 4), raw: { point: round(point, 4), base: criterion.weight.base }, answers: parts, findings: [...criterion.findings] };
  });

  const ids = engine.models.map((m) => m.id);
  const ranking = order.map((m, rank): RankedModel => {
    const estimate = estimates.models[m]!;
    const model = estimate.model;
    const acceptability = robustness.models[m]!;
    const criteria = criteriaOf(engine, model, estimate, lang, cite);
    const preconditions = model.preconditions.map((p, i) => {
      cite(p.body.findings);
      const e = estimate.preconditions[i]!;
      return {
        id: p.id,
        status: e.truth === 'yes' ? ('met' as const) : e.truth === 'no' ? ('failed' as const) : ('unknown' as const),
        probability: round(e.probability, 3),
        failure: model.model.preconditions?.[i]?.failure[lang] ?? '',
        reads: [...p.reads],
        findings: [...p.body.findings],
        references: [...p.body.references],
      };
    });
    const { fit, misfit } = reasonsOf(engine, model, estimate, preconditions);
    [...fit, ...misfit].forEach((r) => cite(r.findings));
    const misfits = model.adjustments.flatMap((a, i) => {
      const { probability: p, expected } = estimate.adjustments[i]!;
      // A ramped harm is flagged once at least half of it applies (the ramp's midpoint): at its first
      // step it is only a small minus in the score, and a warning for every municipality would be noise.
      if (!a.misfit || p === 0 || a.source === 'change' || (a.ramp && expected < MISFIT_SHARE)) return [];
      cite(a.body.findings);
      return [{ id: a.id, source: a.source as 'model' | 'frame', text: a.misfit[lang], probability: round(p, 3), findings: [...a.body.findings], references: [...a.body.references] }];
    });
    const change = changeOf(model, estimate, lang, cite);
    const today = input.today;
    const beats: Record<string, number> = {};
    ids.forEach((other, o) => {
      if (o !== m) beats[other] = round(acceptability.beats[o]!, 4);
    });
    return {
      rank: rank + 1,
      model: model.id,
      name: model.model.name[lang],
      builtIn: engine.builtIn.has(model.id),
      score: round(clamp(estimate.score)),
      interval: [round(clamp(estimate.interval[0])), round(clamp(estimate.interval[1]))],
      feasible: estimate.feasible,
      acceptability: {
        ranks: acceptability.ranks.map((x) => round(x, 4)),
        first: round(acceptability.ranks[0]!, 4),
        firstError: round(acceptability.firstError, 4),
        meanRank: round(acceptability.meanRank, 2),
        ...(acceptability.centralWeights ? { centralWeights: Object.fromEntries(engine.criteria.map((c, i) => [c.id, round(acceptability.centralWeights![i]!, 4)])) } : {}),
        ...(acceptability.confidence !== undefined ? { confidence: round(acceptability.confidence, 4) } : {}),
      },
      beats,
      preconditions,
      criteria,
      ...(change ? { change } : {}),
      // An unworkable alternative is no alternative to today: it gets no comparison.
      ...(today !== undefined && today !== m && estimate.feasible ? { versusToday: { gain: round(estimate.score + estimate.change - estimates.models[today]!.score), better: round(acceptability.beatsAfterChange[today]!, 4) } } : {}),
      misfits,
      fit,
      misfit,
      evidenceGaps: gapsOf(engine, criteria),
    };
  });

  const findings: Record<string, ResolvedFinding> = {};
  const usedReferences = new Set<string>();
  for (const id of [...usedFindings].sort()) {
    const f = engine.index.findings.get(id);
    if (!f) continue;
    f.references.forEach((key) => usedReferences.add(key));
    findings[id] = resolvedFinding(f, lang);
  }
  const references: Record<string, ResolvedReference> = {};
  for (const key of [...usedReferences].sort()) {
    const r = engine.index.references.get(key);
    if (r) references[key] = resolvedReference(r, lang);
  }

  const assumptions = engine.questions.flatMap(({ question }, q) =>
    municipality.known[q]
      ? []
      : question.assume !== undefined
        ? [{ question: question.id, text: question.text[lang], assumed: copy(question.assume) }]
        : question.type === 'rank'
          ? [{ question: question.id, text: question.text[lang] }]
          : [],
  );
  const named = [...new Set([...input.tippingPoints.map((t) => t.question), ...input.unknownsThatMatter.map((u) => u.question), ...assumptions.map((a) => a.question)])].sort();
  const questions = Object.fromEntries(
    named.flatMap((id) => {
      const q = engine.index.questions.get(id);
      if (!q) return [];
      return [[id, { label: (q.short ?? q.text)[lang], type: q.type, ...(q.unit ? { unit: q.unit[lang] } : {}), ...(q.options ? { options: Object.fromEntries(q.options.map((o) => [o.value, o.label[lang]])) } : {}) }]];
    }),
  );
  return {
    format: 'orgfit/result@1',
    municipality: input.answers.municipality,
    ...(input.answers.scenario ? { scenario: input.answers.scenario } : {}),
    ...(input.source ? { source: input.source } : {}),
    lang,
    method: {
      kind: 'weighted-additive',
      scale: '0-100',
      interval: { level: INTERVAL_LEVEL },
      robustness: { kind: 'smaa-2', samples: robustness.samples, seed: robustness.seed, adaptive: robustness.adaptive, maxSamples: robustness.maxSamples },
    },
    verdict: { ...input.verdict, models: [...input.verdict.models], thresholds: { ...input.verdict.thresholds } },
    ...(engine.frame
      ? (() => {
          const f = engine.frame;
          cite(f.model.findings);
          return { frame: { model: f.id, name: f.model.name[lang], summary: f.model.summary[lang], findings: [...f.model.findings] } };
        })()
      : {}),
    ...(input.today !== undefined ? { today: engine.models[input.today]!.id } : {}),
    weights,
    assumptions,
    ranking,
    tippingPoints: input.tippingPoints.map((t) => ({ ...t, from: copy(t.from), to: copy(t.to), distance: round(t.distance, 3) })),
    questions,
    unknownsThatMatter: input.unknownsThatMatter.map((u) => ({ question: u.question, changesLeader: round(u.changesLeader, 3), expectedGain: round(u.expectedGain, 2) })),
    answers: Object.fromEntries(engine.questions.map(({ question }, q) => [question.id, { value: copy(municipality.values[q]!), known: municipality.known[q]! }])),
    findings,
    references,
  };
}

function criteriaOf(engine: Engine, model: EngineModel, estimate: ModelEstimate, lang: Lang, cite: (ids: readonly string[]) => void): RankedModel['criteria'] {
  return engine.kb.criteria.map((criterion, c) => {
    const e = estimate.criteria[c]!;
    const performance = model.model.performance[criterion.id];
    const rating = model.ratings[c]!;
    cite(rating.body.findings);
    const contributions: Contribution[] = [
      { kind: 'baseline', value: 50 + rating.effect, ...grade(rating.body), findings: [...rating.body.findings], references: [...rating.body.references], rationale: performance?.rationale[lang] ?? '' },
    ];
    const frameRating = model.frameEffects[c];
    if (frameRating && engine.frame) {
      cite(frameRating.body.findings);
      contributions.push({
        kind: 'frame',
        frame: engine.frame.id,
        value: 50 + frameRating.effect,
        ...grade(frameRating.body),
        findings: [...frameRating.body.findings],
        references: [...frameRating.body.references],
        rationale: engine.frame.model.performance[criterion.id]?.rationale[lang] ?? '',
      });
    }
    model.adjustments.forEach((adjustment, a) => {
      const state = estimate.adjustments[a]!;
      if (state.truth === 'no' || adjustment.source === 'change') return;
      for (const effect of adjustment.effects) {
        if (effect.criterion !== c) continue;
        cite(adjustment.body.findings);
        const stated = model.capped.get(adjustment.id)?.get(c);
        contributions.push({
          kind: 'adjustment',
          id: adjustment.id,
          source: adjustment.source === 'frame' ? 'frame' : 'model',
          delta: effect.effect,
          ...(stated !== undefined ? { stated } : {}),
          applies: state.truth === 'yes' ? 'yes' : 'unknown',
          probability: round(state.probability, 3),
          expected: round(state.expected, 3),
          reads: [...adjustment.reads],
          ...grade(adjustment.body),
          findings: [...adjustment.body.findings],
          references: [...adjustment.body.references],
          rationale: adjustment.rationale[lang],
        });
      }
    });
    return {
      criterion: criterion.id,
      name: criterion.name[lang],
      weight: round(e.weight, 4),
      performance: round(clamp(e.performance)),
      interval: [round(clamp(e.interval[0])), round(clamp(e.interval[1]))],
      points: round(e.points),
      effect: round(e.weight * (e.performance - 50)),
      contributions,
    };
  });
}

/** The cost of changing to this model, when one applies: its expected points, its chance, and the findings behind it. */
function changeOf(model: EngineModel, estimate: ModelEstimate, lang: Lang, cite: (ids: readonly string[]) => void): RankedModel['change'] {
  const parts = model.adjustments.map((a, i) => ({ a, e: estimate.adjustments[i]! })).filter(({ a }) => a.source === 'change');
  if (parts.length === 0 || estimate.change === 0) return undefined;
  const body = parts[0]!.a.body;
  cite(body.findings);
  return { cost: round(-estimate.change), probability: round(Math.max(...parts.map(({ e }) => e.probability)), 3), findings: [...body.findings], references: [...body.references], rationale: parts[0]!.a.rationale[lang] };
}

const grade = (body: Body) => ({ confidence: body.confidence, sd: round(body.sd, 3), studies: body.studies });

/** A reason counts when it moves the score by at least one point: smaller ones are below what the scores can tell apart. */
const REASON_THRESHOLD = 1;
/** The five largest each way: what a reader can take in. */
const REASONS_SHOWN = 5;

/**
 * Why a model fits or misfits this municipality, as contingency tools (OrgCon) report
 * it: adjustments the answers trigger (weighted by their chance of applying), criteria
 * that weigh heavily here and on which the model is strong or weak, failed preconditions.
 */
function reasonsOf(engine: Engine, model: EngineModel, estimate: ModelEstimate, preconditions: RankedModel['preconditions']): { fit: Reason[]; misfit: Reason[] } {
  const reasons: Reason[] = [];
  model.adjustments.forEach((adjustment, a) => {
    const p = estimate.adjustments[a]!.expected;
    if (p === 0) return;
    let effect = 0;
    for (const e of adjustment.effects) effect += (e.criterion < 0 ? 1 : estimate.criteria[e.criterion]!.weight) * e.effect * p;
    if (effect !== 0) reasons.push({ kind: 'adjustment', id: adjustment.id, effect: round(effect), reads: [...adjustment.reads], findings: [...adjustment.body.findings] });
  });
  model.ratings.forEach((rating, c) => {
    const effect = estimate.criteria[c]!.weight * rating.effect;
    if (Math.abs(effect) >= REASON_THRESHOLD) reasons.push({ kind: 'criterion', id: engine.criteria[c]!.id, effect: round(effect), reads: [], findings: [...rating.body.findings] });
  });
  const byEffect = (a: Reason, b: Reason) => Math.abs(b.effect) - Math.abs(a.effect) || (a.id < b.id ? -1 : 1);
  const failed: Reason[] = preconditions.filter((p) => p.status === 'failed').map((p) => ({ kind: 'precondition', id: p.id, effect: 0, reads: [...p.reads], findings: [...p.findings] }));
  return {
    fit: reasons.filter((r) => r.effect > 0).sort(byEffect).slice(0, REASONS_SHOWN),
    misfit: [...failed, ...reasons.filter((r) => r.effect < 0).sort(byEffect).slice(0, REASONS_SHOWN)],
  };
}

/**
 * Thin evidence behind a contribution that matters here (weight ≥ 5 %, or an
 * adjustment that may apply): one study only; only very-low-confidence findings; only
 * research from outside the Nordic countries; only theory, opinion or textbooks.
 * Nearly every finding predates the NAV reform, so that alone is not flagged.
 */
const GAP_WEIGHT = 0.05;
function gapsOf(engine: Engine, criteria: RankedModel['criteria']): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  for (const c of criteria) {
    for (const x of c.contributions) {
      const matters = x.kind === 'adjustment' ? x.probability > 0 : c.weight >= GAP_WEIGHT;
      if (!matters) continue;
      const findings = x.findings.map((id) => engine.index.findings.get(id)).filter((f): f is Finding => f !== undefined);
      const kinds: EvidenceGap['gap'][] = [];
      if (x.studies <= 1) kinds.push('single-study');
      if (findings.every((f) => f.confidence === 'very-low')) kinds.push('very-low-confidence');
      if (findings.every((f) => f.origin === 'elsewhere')) kinds.push('foreign-evidence');
      if (findings.every((f) => f.evidence === 'theory' || f.evidence === 'opinion' || f.evidence === 'textbook')) kinds.push('theory-only');
      for (const gap of kinds) gaps.push(x.kind === 'adjustment' ? { gap, criterion: c.criterion, adjustment: x.id, findings: [...x.findings] } : { gap, criterion: c.criterion, findings: [...x.findings] });
    }
  }
  return gaps;
}

function resolvedFinding(f: Finding, lang: Lang): ResolvedFinding {
  return {
    claim: f.claim[lang],
    confidence: f.confidence,
    evidence: f.evidence,
    origin: f.origin,
    references: [...f.references],
    lines: [...f.lines],
    downgrades: (f.downgrades ?? []).map((d) => ({ concern: d.concern, reason: d.reason[lang] })),
  };
}

function resolvedReference(r: Reference, lang: Lang): ResolvedReference {
  return {
    authors: [...r.authors],
    year: r.year,
    citedAs: [...r.citedAs],
    ...(r.title ? { title: r.title } : {}),
    flags: [...(r.flags ?? [])],
    origin: r.origin,
    ...(r.country ? { country: r.country } : {}),
    kind: r.kind,
    reported: r.summary[lang],
    lines: [...r.lines],
    ...(r.caveat ? { caveat: r.caveat[lang] } : {}),
  };
}

const copy = (value: AnswerValue): AnswerValue => (Array.isArray(value) ? [...value] : value);
const clamp = (n: number) => Math.min(100, Math.max(0, n));
export const round = (n: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f + 0; // + 0 turns -0 into 0
};
