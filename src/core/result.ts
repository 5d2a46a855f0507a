import type { KbIndex, KnowledgeBase } from './kb.js';
import type { Robustness } from './robustness.js';
import type { Contribution, Scoring } from './score.js';
import type { RankedModel, ResolvedFinding, ResolvedReference, Result } from '../schema/result.js';
import type { Lang } from '../i18n/lang.js';
import type { AnswerValue, Finding, Model, Reference } from '../schema/index.js';

export type { RankedModel, ResolvedFinding, ResolvedReference, Result } from '../schema/result.js';

export interface ResultInput {
  kb: KnowledgeBase;
  index: KbIndex;
  models: readonly Model[];
  answers: { municipality: string; scenario?: string; values: Readonly<Record<string, AnswerValue | null>> };
  /** The answers after "don't know" was resolved, in question-bank order. */
  resolved: ReadonlyMap<string, { value: AnswerValue; known: boolean }>;
  source?: string;
  scoring: Scoring;
  robustness: Robustness;
  lang: Lang;
}

export function buildResult({ kb, index, models, answers, resolved, source, scoring, robustness, lang }: ResultInput): Result {
  const modelById = new Map(models.map((m) => [m.id, m]));
  const builtIn = new Set(kb.models.map((m) => m.id));
  const robustBy = new Map(robustness.models.map((r) => [r.model, r]));
  const usedFindings = new Set<string>();
  const cite = (ids: readonly string[]) => ids.forEach((id) => usedFindings.add(id));

  const weights = scoring.weights.map((w) => {
    const criterion = index.criteria.get(w.criterion)!;
    cite(criterion.findings);
    return {
      criterion: w.criterion,
      name: criterion.name[lang],
      weight: round(w.weight, 4),
      raw: { point: round(w.point, 4), low: round(w.low, 4), high: round(w.high, 4), base: w.base },
      answers: w.parts.map((p) => ({ question: p.question, value: p.value, known: p.known, adds: round(p.adds, 4) })),
      findings: criterion.findings,
    };
  });

  const ranking: RankedModel[] = scoring.ranking.map((score, i) => {
    const model = modelById.get(score.model)!;
    const r = robustBy.get(score.model);
    const rationaleOf = (c: Contribution, criterion: string): string => {
      if (c.kind === 'baseline') return model.performance[criterion]?.rationale[lang] ?? '';
      return model.adjustments?.find((a) => a.id === c.id)?.rationale[lang] ?? '';
    };
    score.preconditions.forEach((p) => cite(p.findings));
    score.fit.forEach((f) => cite(f.findings));
    score.misfit.forEach((f) => cite(f.findings));
    return {
      rank: i + 1,
      model: score.model,
      name: model.name[lang],
      builtIn: builtIn.has(score.model),
      score: score.score,
      interval: score.interval,
      feasible: score.feasible,
      robustness: r
        ? { first: r.first, meanRank: r.meanRank, ...(r.beatsNext !== undefined ? { beatsNext: r.beatsNext, separation: r.separation! } : {}), beats: r.beats }
        : { first: 0, meanRank: 0, beats: {} },
      preconditions: score.preconditions.map((p) => ({
        ...p,
        failure: model.preconditions?.find((x) => x.id === p.id)?.failure[lang] ?? '',
      })),
      criteria: score.criteria.map((c) => ({
        criterion: c.criterion,
        name: index.criteria.get(c.criterion)?.name[lang] ?? c.criterion,
        weight: c.weight,
        performance: c.performance,
        interval: c.interval,
        points: c.points,
        effect: c.effect,
        contributions: c.contributions.map((x) => {
          cite(x.findings);
          return { ...x, rationale: rationaleOf(x, c.criterion) };
        }),
      })),
      fit: score.fit,
      misfit: score.misfit,
      evidenceGaps: score.evidenceGaps,
    };
  });

  const findings: Record<string, ResolvedFinding> = {};
  const usedReferences = new Set<string>();
  for (const id of [...usedFindings].sort()) {
    const f = index.findings.get(id);
    if (!f) continue;
    f.references.forEach((key) => usedReferences.add(key));
    findings[id] = resolvedFinding(f, lang);
  }
  const references: Record<string, ResolvedReference> = {};
  for (const key of [...usedReferences].sort()) {
    const r = index.references.get(key);
    if (r) references[key] = resolvedReference(r, lang);
  }

  return {
    format: 'orgfit/result@1',
    municipality: answers.municipality,
    ...(answers.scenario ? { scenario: answers.scenario } : {}),
    ...(source ? { source } : {}),
    lang,
    method: { kind: 'weighted-additive', scale: '0-100', samples: robustness.samples, seed: robustness.seed },
    weights,
    assumptions: scoring.assumptions.map((a) => ({ question: a.question, text: index.questions.get(a.question)?.text[lang] ?? a.question, assumed: a.value })),
    ranking,
    answers: Object.fromEntries([...resolved].map(([id, a]) => [id, { value: a.value, known: a.known }])),
    findings,
    references,
  };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits + 0;

// A finding or reference reads the same in every result of a language: resolve it once.
const findingCache = { nb: new WeakMap<Finding, ResolvedFinding>(), en: new WeakMap<Finding, ResolvedFinding>() };
const referenceCache = { nb: new WeakMap<Reference, ResolvedReference>(), en: new WeakMap<Reference, ResolvedReference>() };

function resolvedFinding(f: Finding, lang: Lang): ResolvedFinding {
  let resolved = findingCache[lang].get(f);
  if (!resolved) {
    resolved = {
      claim: f.claim[lang],
      confidence: f.confidence,
      evidence: f.evidence,
      origin: f.origin,
      references: f.references,
      lines: f.lines,
      downgrades: (f.downgrades ?? []).map((d) => ({ concern: d.concern, reason: d.reason[lang] })),
    };
    findingCache[lang].set(f, resolved);
  }
  return resolved;
}

function resolvedReference(r: Reference, lang: Lang): ResolvedReference {
  let resolved = referenceCache[lang].get(r);
  if (!resolved) {
    resolved = {
      authors: r.authors,
      year: r.year,
      citedAs: r.citedAs,
      ...(r.title ? { title: r.title } : {}),
      flags: r.flags ?? [],
      origin: r.origin,
      ...(r.country ? { country: r.country } : {}),
      kind: r.kind,
      reported: r.summary[lang],
      lines: r.lines,
      ...(r.caveat ? { caveat: r.caveat[lang] } : {}),
    };
    referenceCache[lang].set(r, resolved);
  }
  return resolved;
}
