import * as z from 'zod/mini';
import { CitationFlag, Concern, Confidence, EvidenceKind } from './evidence.js';
import { LineRef, Origin } from './common.js';

/*
 * The result contract (orgfit/result@1): what `score --format json` prints. Like the
 * input files, it is one zod schema that gives the TypeScript types, a published JSON
 * Schema (`orgfit schema --kind result`) and a check that the tests run on real output.
 */

const AnswerValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
const Interval = z.tuple([z.number(), z.number()]);
const Ids = z.array(z.string());

const Share = z.number().check(z.gte(0), z.lte(1));
const Grade = { confidence: Confidence, sd: z.number(), studies: z.int() };

export const Baseline = z.strictObject({
  kind: z.literal('baseline'),
  /** The model's stated rating, 0–100 (50: neither helps nor hurts). */
  value: z.number(),
  /** The grade of the strongest finding behind it. */
  confidence: Grade.confidence,
  /** Standard deviation of the factor on its effect (value − 50), from its body of evidence. */
  sd: Grade.sd,
  /** Distinct studies behind it. */
  studies: Grade.studies,
  findings: Ids,
  references: Ids,
  rationale: z.string(),
});

/** One of the frame's ratings (a NAV office, say), applied to every organisation scored within it. */
export const FrameContribution = z.strictObject({
  kind: z.literal('frame'),
  frame: z.string(),
  /** The frame's rating, 0–100; its distance from 50 is added to the organisation's. */
  value: z.number(),
  confidence: Grade.confidence,
  sd: Grade.sd,
  studies: Grade.studies,
  findings: Ids,
  references: Ids,
  rationale: z.string(),
});

export const AdjustmentContribution = z.strictObject({
  kind: z.literal('adjustment'),
  id: z.string(),
  /** The model's own adjustment, or its frame's. */
  source: z.enum(['model', 'frame']),
  delta: z.number(),
  /** The delta as the model file states it, when counting each study once (STUDY_CAP) made it smaller. */
  stated: z.optional(z.number()),
  /** "unknown" when a "don't know" answer leaves the condition open. */
  applies: z.enum(['yes', 'unknown']),
  /** The chance it applies, given what orgfit assumes about unknown answers (1 when known). */
  probability: Share,
  /** The expected share of the delta that counts: its chance of applying times its ramp. */
  expected: Share,
  /** The questions its condition read. */
  reads: Ids,
  confidence: Grade.confidence,
  sd: Grade.sd,
  studies: Grade.studies,
  findings: Ids,
  references: Ids,
  rationale: z.string(),
});

export const Contribution = z.discriminatedUnion('kind', [Baseline, FrameContribution, AdjustmentContribution]);

export const Reason = z.strictObject({
  kind: z.enum(['adjustment', 'criterion', 'precondition']),
  id: z.string(),
  /** Points the reason moves the score (0 for preconditions). */
  effect: z.number(),
  reads: Ids,
  findings: Ids,
});

export const EvidenceGap = z.strictObject({
  gap: z.enum(['single-study', 'very-low-confidence', 'foreign-evidence', 'theory-only']),
  criterion: z.string(),
  adjustment: z.optional(z.string()),
  findings: Ids,
});

export const RankedModel = z.strictObject({
  /** Place in the ranking: by how often the model comes first, then by expected score. */
  rank: z.int().check(z.positive()),
  model: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  /** The expected score, 0–100. */
  score: z.number().check(z.gte(0), z.lte(100)),
  /** The 80 % interval of the score (see method.interval). */
  interval: Interval,
  /** false when a precondition surely fails: ranked after every workable model. */
  feasible: z.boolean(),
  /** SMAA-2 rank acceptability: the share of plausible cases in which the model takes each rank. */
  acceptability: z.strictObject({
    /** ranks[0] is the share of cases in which it is first, ranks[1] second, … */
    ranks: z.array(Share),
    first: Share,
    /** Monte Carlo standard error of `first`. */
    firstError: z.number(),
    meanRank: z.number(),
    /** The mean weights of the cases in which it is first: the priorities under which it wins. */
    centralWeights: z.optional(z.record(z.string(), z.number())),
    /** The share of cases it is first in when the weights are its central weights (SMAA-2 confidence factor). */
    confidence: z.optional(Share),
  }),
  /** The share of plausible cases in which it ranks above each other model (pairwise winning index). */
  beats: z.record(z.string(), Share),
  preconditions: z.array(
    z.strictObject({
      id: z.string(),
      status: z.enum(['met', 'failed', 'unknown']),
      /** The chance it is met, given what orgfit assumes about unknown answers. */
      probability: Share,
      failure: z.string(),
      reads: Ids,
      findings: Ids,
      references: Ids,
    }),
  ),
  criteria: z.array(
    z.strictObject({
      criterion: z.string(),
      name: z.string(),
      /** Expected normalised weight; the weights of all criteria add up to 1. */
      weight: z.number(),
      /** Expected performance after adjustments, 0–100. */
      performance: z.number(),
      /** The 80 % interval of the performance. */
      interval: Interval,
      /** Expected weight × performance: this criterion's share of the score (they add up to it). */
      points: z.number(),
      /** weight × (performance − 50): how much it lifts (+) or lowers (−) the score against neutral. */
      effect: z.number(),
      contributions: z.array(Contribution),
    }),
  ),
  /** What changing to this model costs, in points of the score (absent for today's organisation, or when no cost applies). */
  change: z.optional(
    z.strictObject({ cost: z.number(), probability: Share, findings: Ids, references: Ids, rationale: z.string() }),
  ),
  /**
   * Against what the municipality has today (absent for today's organisation itself, or when that is not known):
   * the gain in points once the cost of the change is paid (score − change.cost − today's score), and how often the
   * model, change cost paid, beats today's organisation. The score and the ranking are the fit alone.
   */
  versusToday: z.optional(z.strictObject({ gain: z.number(), better: Share })),
  /** Documented harms under this municipality's conditions, for the manager to resolve (never averaged away). */
  misfits: z.array(z.strictObject({ id: z.string(), source: z.enum(['model', 'frame']), text: z.string(), probability: Share, findings: Ids, references: Ids })),
  fit: z.array(Reason),
  misfit: z.array(Reason),
  evidenceGaps: z.array(EvidenceGap),
});

export const Verdict = z.strictObject({
  /**
   * keep: today's organisation is most often first, or nothing beats it in `thresholds.clearlyBetter` of the cases;
   * clear: one model first in at least `thresholds.clearFirst` of the cases; indistinguishable: a named top set;
   * undecided: every workable model is in it.
   */
  kind: z.enum(['keep', 'clear', 'indistinguishable', 'undecided']),
  leader: z.optional(z.string()),
  /** The leader and the models that beat it in at least `thresholds.topSet` of the cases (keep: today's organisation). */
  models: Ids,
  thresholds: z.strictObject({ clearFirst: Share, topSet: Share, clearlyBetter: Share }),
});

export const TippingPoint = z.strictObject({
  model: z.string(),
  /** loses-first: another model would lead; no-longer-clear / becomes-clear: the leader's verdict would change; takes-first: the runner-up would lead. */
  kind: z.enum(['loses-first', 'no-longer-clear', 'keeps-today', 'becomes-clear', 'takes-first']),
  question: z.string(),
  from: AnswerValue,
  to: AnswerValue,
  /** Who is first (by expected score) after the change. */
  leader: z.string(),
  /** The size of the change as a share of the question's range. */
  distance: z.number(),
});

export const UnknownThatMatters = z.strictObject({
  question: z.string(),
  /** The chance that knowing the answer would put another model first. */
  changesLeader: Share,
  /** Expected points gained by the first choice if the answer were known. */
  expectedGain: z.number(),
});

export const ResolvedFinding = z.strictObject({
  claim: z.string(),
  confidence: Confidence,
  evidence: EvidenceKind,
  origin: Origin,
  references: Ids,
  lines: z.array(LineRef),
  downgrades: z.array(z.strictObject({ concern: Concern, reason: z.string() })),
});

export const ResolvedReference = z.strictObject({
  authors: z.array(z.string()),
  year: z.nullable(z.int()),
  citedAs: z.array(z.string()),
  title: z.optional(z.string()),
  flags: z.array(CitationFlag),
  origin: Origin,
  country: z.optional(z.string()),
  kind: EvidenceKind,
  /** What the review reports of the work. */
  reported: z.string(),
  /** The review's lines where the work is cited. */
  lines: z.array(LineRef),
  caveat: z.optional(z.string()),
});

export const Result = z.strictObject({
  format: z.literal('orgfit/result@1'),
  municipality: z.string(),
  scenario: z.optional(z.string()),
  /** The answers file, as named on the command line. */
  source: z.optional(z.string()),
  lang: z.enum(['nb', 'en']),
  method: z.strictObject({
    kind: z.literal('weighted-additive'),
    scale: z.literal('0-100'),
    /** Every interval: the score lies within it with this probability given the evidence, whatever the unknown answers are. */
    interval: z.strictObject({ level: Share }),
    /** SMAA-2 over the evidence, the unknown answers and the weights the answers leave open. */
    robustness: z.strictObject({ kind: z.literal('smaa-2'), samples: z.int(), seed: z.int(), adaptive: z.boolean(), maxSamples: z.int() }),
  }),
  verdict: Verdict,
  /** The frame the organisations are scored within (a NAV office, say); absent for a stand-alone office. */
  frame: z.optional(z.strictObject({ model: z.string(), name: z.string(), summary: z.string(), findings: Ids })),
  /** The model the municipality has today, when its answers say so. */
  today: z.optional(z.string()),
  weights: z.array(
    z.strictObject({
      criterion: z.string(),
      name: z.string(),
      weight: z.number(),
      raw: z.strictObject({ point: z.number(), base: z.number() }),
      answers: z.array(z.strictObject({ question: z.string(), value: AnswerValue, known: z.boolean(), adds: z.number() })),
      findings: Ids,
    }),
  ),
  /** Questions answered "don't know": what orgfit assumes (the centre of the prior it draws from). */
  /** Every "don't know": the value orgfit assumes at its centre, or none for a ranking (every order is taken as equally likely). */
  assumptions: z.array(z.strictObject({ question: z.string(), text: z.string(), assumed: z.optional(AnswerValue) })),
  /** Most often first, first. */
  ranking: z.array(RankedModel),
  /** The smallest single-answer changes that would change who is first. */
  tippingPoints: z.array(TippingPoint),
  /** The questions the tipping points, the unknowns and the assumptions name: how to say them and their answers. */
  questions: z.record(
    z.string(),
    z.strictObject({ label: z.string(), type: z.string(), unit: z.optional(z.string()), options: z.optional(z.record(z.string(), z.string())) }),
  ),
  /** The "don't know" answers that would most change the verdict if known, most first. */
  unknownsThatMatter: z.array(UnknownThatMatters),
  /** Every answer the scoring used, as given or (for "don't know") as assumed. */
  answers: z.record(z.string(), z.strictObject({ value: AnswerValue, known: z.boolean() })),
  /** Every finding cited anywhere above, resolved. */
  findings: z.record(z.string(), ResolvedFinding),
  /** Every reference those findings rest on, resolved. */
  references: z.record(z.string(), ResolvedReference),
});

/** Several results, in the order of the answers files. */
export const Results = z.strictObject({
  format: z.literal('orgfit/results@1'),
  results: z.array(Result),
});

export type Result = z.infer<typeof Result>;
export type RankedModel = z.infer<typeof RankedModel>;
export type ResolvedFinding = z.infer<typeof ResolvedFinding>;
export type ResolvedReference = z.infer<typeof ResolvedReference>;
export type Verdict = z.infer<typeof Verdict>;
export type Contribution = z.infer<typeof Contribution>;
export type Reason = z.infer<typeof Reason>;
export type EvidenceGap = z.infer<typeof EvidenceGap>;
export type FrameContribution = z.infer<typeof FrameContribution>;
