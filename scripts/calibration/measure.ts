/*
 * The decision-quality figures: what the engine concludes for each municipality of
 * the panel, and how much of that the answers decide. Pure: the same knowledge base
 * and options give the same report, however the municipalities are shared out among
 * threads (each is measured on its own, and the report is assembled in panel order).
 */
import { BANDS, coverage, municipality, type BandId } from './panel.js';
import { grid, oneStep, withAnswer } from './sweeps.js';
import { seedFor } from './random.js';
import { ENGINE, VERDICT_RULE, evaluate, leaderOf, neutralModels, rankedModels, sweepEvaluator, type KnowledgeBase, type Model, type Verdict } from './engine.js';

export interface CalibrationOptions {
  /** Municipalities in the panel. */
  panel: number;
  seed: number;
  /** Monte Carlo samples per evaluation (the headline verdicts and the equal-ratings test). */
  samples: number;
  /** Samples per evaluation in the influence sweeps (at most `samples`). */
  influenceSamples: number;
}

/**
 * The default run: 2,000 municipalities, 1,000 samples (orgfit score's default) for
 * the headline verdicts, 500 in the influence sweeps, so that the run takes a few
 * minutes on two cores (a sweep is about 170 verdicts per municipality).
 */
export const DEFAULTS: CalibrationOptions = { panel: 2000, seed: 1, samples: 1000, influenceSamples: 500 };

/** What is measured for one municipality; plain data, so that worker threads can send it. */
export interface MunicipalityRecord {
  index: number;
  band: BandId;
  /** The verdict's model: today's organisation when the verdict is to keep it, else the leader. */
  leader: string;
  /** The model that fits best: first in the ranking (most often first), whatever today is. */
  fitLeader: string;
  /** P(first) per ranked model (rankedModels order). */
  firsts: number[];
  kind: Verdict['kind'];
  topSetSize: number;
  /** Point-score gap between the first and second workable model (null with fewer than two). */
  gap: number | null;
  leaderFirst: number;
  /** The model with the highest P(first) (ties: the better ranked). */
  mostOftenFirst: string;
  /** P(first) per ranked model (rankedModels order) with neutral model files. */
  neutralFirst: number[];
  /** Per question (bank order): 1 if the sweep verdict changes somewhere on the question's grid. */
  influence: number[];
  /** Per question: 1 if the leader alone changes somewhere on the grid. */
  leaderInfluence: number[];
  /** Per question: 1 if the leader changes on a one-step change of that answer. */
  oneStep: number[];
  /** Per question: 1 if the verdict's model (today's when it keeps it, else the leader) changes on a one-step change (sweep verdicts). */
  oneStepVerdict: number[];
  /** 1 if the headline verdict changes when only the Monte Carlo seed changes. */
  verdictNoise: number;
  /** The same for the verdict as the sweep computes it (influence samples). */
  sweepNoise: number;
  /** Questions the generator's value was not allowed for (answered by the fallback). */
  replaced: string[];
}

/** Everything a measurement needs, built once per thread. */
export interface Context {
  kb: KnowledgeBase;
  models: readonly Model[];
  /** The ids a result ranks (the organisations), in knowledge-base order. */
  ranked: readonly string[];
  neutral: readonly Model[];
  options: CalibrationOptions;
}

export function context(kb: KnowledgeBase, options: CalibrationOptions): Context {
  return { kb, models: kb.models, ranked: rankedModels(kb), neutral: neutralModels(kb.models), options };
}

const sameVerdict = (a: Verdict, b: Verdict): boolean =>
  a.kind === b.kind && a.leader === b.leader && a.topSet.length === b.topSet.length && a.topSet.every((m) => b.topSet.includes(m));

/** Measures municipality `index` of the panel. */
export function measure(ctx: Context, index: number): MunicipalityRecord {
  const { kb, models, options } = ctx;
  const m = municipality(kb, options.seed, index);
  const seed = seedFor(options.seed, index, 2);

  const headline = evaluate(kb, models, m.answers, { samples: options.samples, seed });
  const workable = headline.ranking.filter((id) => headline.workable[id]);
  const first = workable[0];
  const second = workable[1];
  const gap = first !== undefined && second !== undefined ? headline.scores[first]! - headline.scores[second]! : null;
  let mostOftenFirst = headline.ranking[0]!;
  for (const id of headline.ranking) if (headline.pFirst[id]! > headline.pFirst[mostOftenFirst]!) mostOftenFirst = id;

  // How reproducible the verdict is: the same answers, another Monte Carlo seed.
  const reseeded = evaluate(kb, models, m.answers, { samples: options.samples, seed: seedFor(options.seed, index, 3) });

  const neutral = evaluate(kb, ctx.neutral, m.answers, { samples: options.samples, seed });
  const neutralFirst = ctx.ranked.map((id) => neutral.pFirst[id] ?? 0);

  // Influence: the verdict over each question's grid, against the verdict of the
  // unchanged answers computed the same way (same samples, same random numbers).
  // A change of leader is a change of verdict, and needs no Monte Carlo to see.
  const sweep = sweepEvaluator(kb, models, { samples: options.influenceSamples, seed });
  const base = sweep.verdict(m.answers);
  const leader = leaderOf(kb, models, m.answers);
  const sweepNoise = sameVerdict(base, sweepEvaluator(kb, models, { samples: options.influenceSamples, seed: seedFor(options.seed, index, 4) }).verdict(m.answers)) ? 0 : 1;
  const influence: number[] = [];
  const leaderInfluence: number[] = [];
  for (const q of kb.questions) {
    let verdictMoves = false;
    let leaderMoves = false;
    for (const v of grid(q, m.answers[q.id])) {
      const moved = withAnswer(kb, m.answers, q.id, v);
      if (sweep.leader(moved) !== leader) {
        leaderMoves = verdictMoves = true;
        break;
      }
      if (!verdictMoves && !sameVerdict(base, sweep.verdict(moved))) verdictMoves = true;
    }
    influence.push(verdictMoves ? 1 : 0);
    leaderInfluence.push(leaderMoves ? 1 : 0);
  }

  // Cliffs: the leader after one realistic step of one answer.
  const steps = kb.questions.map((q) => (oneStep(q, m.answers[q.id]).some((v) => leaderOf(kb, models, withAnswer(kb, m.answers, q.id, v)) !== leader) ? 1 : 0));
  const verdictSteps = kb.questions.map((q) => (oneStep(q, m.answers[q.id]).some((v) => sweep.verdict(withAnswer(kb, m.answers, q.id, v)).leader !== base.leader) ? 1 : 0));

  return {
    index,
    band: m.band,
    leader: headline.verdict.leader,
    fitLeader: headline.ranking[0]!,
    firsts: ctx.ranked.map((id) => headline.pFirst[id] ?? 0),
    kind: headline.verdict.kind,
    topSetSize: headline.verdict.topSet.length,
    gap,
    leaderFirst: headline.pFirst[headline.ranking[0]!] ?? 0,
    mostOftenFirst,
    neutralFirst,
    influence,
    leaderInfluence,
    oneStep: steps,
    oneStepVerdict: verdictSteps,
    verdictNoise: sameVerdict(headline.verdict, reseeded.verdict) ? 0 : 1,
    sweepNoise,
    replaced: m.replaced,
  };
}

// ---------------------------------------------------------------------------

const r4 = (n: number) => Math.round(n * 10000) / 10000 + 0;
const share = (count: number, of: number) => (of > 0 ? r4(count / of) : 0);

/** The p-quantile by linear interpolation between order statistics (p in [0, 1]). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
const spread = (values: readonly number[]) => ({ p10: r4(quantile(values, 0.1)), median: r4(quantile(values, 0.5)), p90: r4(quantile(values, 0.9)) });

export interface Report {
  format: 'orgfit/calibration@1';
  panel: number;
  seed: number;
  samples: number;
  influenceSamples: number;
  engine: string;
  method: Record<string, string>;
  models: string[];
  bands: Record<BandId, { label: string; fte: [number, number]; share: number; count: number }>;
  generator: { unknownQuestions: string[]; absentQuestions: string[]; replacedQuestions: string[] };
  verdictKinds: Record<Verdict['kind'], number>;
  topSetSize: Record<string, number>;
  winners: Record<string, number>;
  winnersByBand: Record<BandId, Record<string, number>>;
  /** Share of municipalities for which the model fits best (first in the ranking, whatever today is). */
  fitWinners: Record<string, number>;
  /** Per model: how many municipalities have it as the clear first choice (P(first) >= 0.6), and the highest P(first) any gives it, with that municipality's panel index. */
  bestCase: Record<string, { clearFirstFor: number; highestFirst: number; municipality: number }>;
  clearFirstShare: number;
  medianGap: number;
  gap: { p10: number; median: number; p90: number };
  leaderAcceptability: { p10: number; median: number; p90: number };
  mostOftenFirstNotLeader: number;
  questionInfluence: Record<string, number>;
  leaderInfluence: Record<string, number>;
  verdictSeedNoise: number;
  sweepSeedNoise: number;
  oneStepFlips: Record<BandId, Record<string, number>>;
  /** The same for the verdict's model (today's organisation when the verdict keeps it). */
  oneStepVerdictFlips: Record<BandId, Record<string, number>>;
  verdictCliffIndex: { share: number; band: BandId; question: string };
  cliffIndex: { share: number; band: BandId; question: string };
  equalRatings: Record<string, number>;
  equalRatingsFairShare: number;
}

/** Puts the records (in any order) together into the report. */
export function aggregate(kb: KnowledgeBase, options: CalibrationOptions, unordered: readonly MunicipalityRecord[]): Report {
  const records = [...unordered].sort((a, b) => a.index - b.index);
  const n = records.length;
  const models = rankedModels(kb);
  const questions = kb.questions.map((q) => q.id);
  const count = (pred: (r: MunicipalityRecord) => boolean, of: readonly MunicipalityRecord[] = records) => of.filter(pred).length;
  const winnersOf = (of: readonly MunicipalityRecord[]) => Object.fromEntries(models.map((id) => [id, share(count((r) => r.leader === id, of), of.length)]));
  const byBand = Object.fromEntries(BANDS.map((b) => [b.id, records.filter((r) => r.band === b.id)])) as Record<BandId, MunicipalityRecord[]>;
  const gaps = records.map((r) => r.gap).filter((g): g is number => g !== null);

  const oneStepFlips = Object.fromEntries(
    BANDS.map((b) => [b.id, Object.fromEntries(questions.map((q, i) => [q, share(count((r) => r.oneStep[i] === 1, byBand[b.id]), byBand[b.id].length)]))]),
  ) as Record<BandId, Record<string, number>>;
  let cliff: Report['cliffIndex'] = { share: 0, band: BANDS[0]!.id, question: questions[0]! };
  for (const b of BANDS) for (const q of questions) if (oneStepFlips[b.id][q]! > cliff.share) cliff = { share: oneStepFlips[b.id][q]!, band: b.id, question: q };
  const oneStepVerdictFlips = Object.fromEntries(
    BANDS.map((b) => [b.id, Object.fromEntries(questions.map((q, i) => [q, share(count((r) => r.oneStepVerdict[i] === 1, byBand[b.id]), byBand[b.id].length)]))]),
  ) as Record<BandId, Record<string, number>>;
  let verdictCliff: Report['verdictCliffIndex'] = { share: 0, band: BANDS[0]!.id, question: questions[0]! };
  for (const b of BANDS) for (const q of questions) if (oneStepVerdictFlips[b.id][q]! > verdictCliff.share) verdictCliff = { share: oneStepVerdictFlips[b.id][q]!, band: b.id, question: q };

  const sizes: Record<string, number> = {};
  for (let k = 1; k <= models.length; k++) sizes[String(k)] = share(count((r) => r.topSetSize === k), n);
  const { unknown, absent } = coverage(kb);

  return {
    format: 'orgfit/calibration@1',
    panel: n,
    seed: options.seed,
    samples: options.samples,
    influenceSamples: options.influenceSamples,
    engine: ENGINE,
    method: {
      generator: 'the realistic panel of scripts/calibration/panel.ts: orgfit\'s judgement after decision-review §1.3, not KOSTRA/SSB data; every question answered, no "don\'t know"',
      verdict: VERDICT_RULE,
      headline: `verdicts, winners, gaps and P(first) as orgfit score gives them, at a fixed ${options.samples} Monte Carlo samples per municipality (orgfit score itself stops adaptively, at 2,000 to 40,000), seeded per municipality`,
      questionInfluence:
        `share of the panel whose full verdict (kind, leader or top set) changes for at least one value of the question's grid, all other answers unchanged; ` +
        `every verdict of the sweep, including the one it is compared with, is computed at ${options.influenceSamples} samples with common random numbers (every finding gets the same draw at every grid point, by the engine's fixed draw order); ` +
        'leaderInfluence counts only changes of the leader (point score), as the decision review\'s flip-any did',
      seedNoise:
        `verdictSeedNoise: share of the panel whose headline verdict (${options.samples} samples) changes when only the Monte Carlo seed changes; sweepSeedNoise: the same at the sweep's ${options.influenceSamples} samples. ` +
        'The sweeps do not suffer this as such: with common random numbers a grid point differs from the base only through the answer that moved. ' +
        "But the verdict rule has thresholds (P(first) 0.5, beats 0.75 and 0.25), and a small real shift tips a share estimated near one of them, so part of questionInfluence is the rule's own cliffs; compare leaderInfluence",
      cliffIndex: 'the largest share of one size band whose leader (point score) changes on one realistic step of one answer; oneStepFlips has every band and question',
      verdictCliffIndex: `the same for the verdict's model (today's organisation when the verdict keeps it, else the leader), from the sweep verdicts at ${options.influenceSamples} samples; oneStepVerdictFlips has every band and question`,
      equalRatings: `mean P(first) over the panel (${options.samples} samples) with every rating set to 50, adjustments and preconditions removed, spreads and evidence grades kept; a fair engine gives every model about 1/${models.length}`,
      quantiles: 'p10, median and p90 by linear interpolation; shares rounded to 4 decimals',
    },
    models,
    bands: Object.fromEntries(BANDS.map((b) => [b.id, { label: b.label, fte: b.fte, share: b.share, count: byBand[b.id].length }])) as Report['bands'],
    generator: { unknownQuestions: unknown, absentQuestions: absent, replacedQuestions: [...new Set(records.flatMap((r) => r.replaced))].sort() },
    verdictKinds: {
      keep: share(count((r) => r.kind === 'keep'), n),
      clear: share(count((r) => r.kind === 'clear'), n),
      indistinguishable: share(count((r) => r.kind === 'indistinguishable'), n),
      undecided: share(count((r) => r.kind === 'undecided'), n),
    },
    topSetSize: sizes,
    winners: winnersOf(records),
    winnersByBand: Object.fromEntries(BANDS.map((b) => [b.id, winnersOf(byBand[b.id])])) as Report['winnersByBand'],
    fitWinners: Object.fromEntries(models.map((id) => [id, share(count((r) => r.fitLeader === id), n)])),
    bestCase: Object.fromEntries(
      models.map((id, i) => {
        let best = records[0];
        for (const r of records) if (r.firsts[i]! > best!.firsts[i]!) best = r;
        return [id, { clearFirstFor: share(count((r) => r.firsts[i]! >= 0.6), n), highestFirst: best ? r4(best.firsts[i]!) : 0, municipality: best?.index ?? -1 }];
      }),
    ),
    clearFirstShare: share(count((r) => r.kind === 'clear'), n),
    medianGap: r4(quantile(gaps, 0.5)),
    gap: spread(gaps),
    leaderAcceptability: spread(records.map((r) => r.leaderFirst)),
    mostOftenFirstNotLeader: share(count((r) => r.mostOftenFirst !== r.fitLeader), n),
    questionInfluence: Object.fromEntries(questions.map((q, i) => [q, share(count((r) => r.influence[i] === 1), n)])),
    leaderInfluence: Object.fromEntries(questions.map((q, i) => [q, share(count((r) => r.leaderInfluence[i] === 1), n)])),
    verdictSeedNoise: share(count((r) => r.verdictNoise === 1), n),
    sweepSeedNoise: share(count((r) => r.sweepNoise === 1), n),
    oneStepFlips,
    oneStepVerdictFlips,
    verdictCliffIndex: verdictCliff,
    cliffIndex: cliff,
    equalRatings: Object.fromEntries(models.map((id, i) => [id, n > 0 ? r4(records.reduce((sum, r) => sum + r.neutralFirst[i]!, 0) / n) : 0])),
    equalRatingsFairShare: r4(1 / models.length),
  };
}

/** The whole calibration in this thread. */
export function calibrate(kb: KnowledgeBase, options: CalibrationOptions): Report {
  const ctx = context(kb, options);
  return aggregate(kb, options, Array.from({ length: options.panel }, (_, i) => measure(ctx, i)));
}
