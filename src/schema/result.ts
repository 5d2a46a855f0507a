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

export const Baseline = z.strictObject({
  kind: z.literal('baseline'),
  /** The model's stated rating, 0–100. */
  value: z.number(),
  /** ± points after the evidence grade widened the model's stated spread. */
  spread: z.number(),
  /** The grade of the weakest finding behind it. */
  confidence: Confidence,
  findings: Ids,
  references: Ids,
  rationale: z.string(),
});

export const AdjustmentContribution = z.strictObject({
  kind: z.literal('adjustment'),
  id: z.string(),
  delta: z.number(),
  /** "unknown" when a "don't know" answer leaves the condition open. */
  applies: z.enum(['yes', 'unknown']),
  /** Whether the point estimate counts it (the assumed answers meet the condition). */
  counted: z.boolean(),
  /** The questions its condition read. */
  reads: Ids,
  confidence: Confidence,
  findings: Ids,
  references: Ids,
  rationale: z.string(),
});

export const Contribution = z.discriminatedUnion('kind', [Baseline, AdjustmentContribution]);

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
  rank: z.int().check(z.positive()),
  model: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  score: z.number().check(z.gte(0), z.lte(100)),
  interval: Interval,
  /** false when a precondition fails: ranked after every workable model. */
  feasible: z.boolean(),
  robustness: z.strictObject({
    first: z.number().check(z.gte(0), z.lte(1)),
    meanRank: z.number(),
    beatsNext: z.optional(z.number()),
    separation: z.optional(z.enum(['clear', 'likely', 'uncertain'])),
    beats: z.record(z.string(), z.number()),
  }),
  preconditions: z.array(
    z.strictObject({
      id: z.string(),
      status: z.enum(['met', 'failed', 'unknown']),
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
      /** Normalised weight; the weights of all criteria add up to 1. */
      weight: z.number(),
      performance: z.number(),
      interval: Interval,
      /** weight × performance: this criterion's share of the score. */
      points: z.number(),
      /** weight × (performance − 50): how much it lifts (+) or lowers (−) the score. */
      effect: z.number(),
      contributions: z.array(Contribution),
    }),
  ),
  fit: z.array(Reason),
  misfit: z.array(Reason),
  evidenceGaps: z.array(EvidenceGap),
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
  method: z.strictObject({ kind: z.literal('weighted-additive'), scale: z.literal('0-100'), samples: z.int(), seed: z.int() }),
  weights: z.array(
    z.strictObject({
      criterion: z.string(),
      name: z.string(),
      weight: z.number(),
      raw: z.strictObject({ point: z.number(), low: z.number(), high: z.number(), base: z.number() }),
      answers: z.array(z.strictObject({ question: z.string(), value: AnswerValue, known: z.boolean(), adds: z.number() })),
      findings: Ids,
    }),
  ),
  assumptions: z.array(z.strictObject({ question: z.string(), text: z.string(), assumed: AnswerValue })),
  /** Best first. */
  ranking: z.array(RankedModel),
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
