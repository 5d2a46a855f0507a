import * as z from 'zod/mini';
import { Concern, Confidence } from './evidence.js';
import { LineRef } from './common.js';
import { Result, TippingPoint, UnknownThatMatters } from './result.js';

/*
 * The report contract (orgfit/report@1): the content of `orgfit report`, built once by
 * src/core/report.ts from the results and put into every format by a renderer
 * (src/render/report-*.ts). `report --format json` prints it as it is; the published JSON
 * Schema is `orgfit schema --kind report`. It holds ids and data, no sentences: the
 * renderers say them in the reader's language.
 */

const AnswerValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]);
const Ids = z.array(z.string());
const Share = z.number().check(z.gte(0), z.lte(1));

/** GRADE's four levels of certainty (⊕⊕⊕⊕ high … ⊕◯◯◯ very low). */
export const Certainty = Confidence;

/**
 * Where a range of the review's lines is in the review as a reader has it: its chapter
 * (0 for the preface) and the paragraphs of that chapter, counted from 1 (the review has
 * no numbered sections below its chapters). A range across a chapter break names the
 * chapter it starts in and ends in.
 */
export const Location = z.strictObject({
  lines: LineRef,
  chapter: z.int().check(z.gte(0)),
  paragraphs: z.tuple([z.int(), z.int()]),
  /** When the range runs into a later chapter. */
  toChapter: z.optional(z.int()),
});

export const ProfileItem = z.strictObject({
  question: z.string(),
  /** The question as the reader knows it (its short form when it has one). */
  label: z.string(),
  type: z.string(),
  /** The options' labels by value, and the unit of a number, to say the answer with. */
  options: z.optional(z.record(z.string(), z.string())),
  unit: z.optional(z.string()),
  value: AnswerValue,
  /** false: answered "don't know"; `value` is then what orgfit assumed at its centre. */
  known: z.boolean(),
});

/** A note under a model's table: one finding and the reason for each of its downgrades. */
export const Footnote = z.strictObject({
  /** 1-based within the model's table. */
  number: z.int().check(z.positive()),
  finding: z.string(),
  downgrades: z.array(z.strictObject({ concern: Concern, reason: z.string() })),
});

/** One row of a model's summary-of-findings table: a criterion, what it does to the score, and how sure that is. */
export const EvidenceRow = z.strictObject({
  criterion: z.string(),
  name: z.string(),
  weight: z.number(),
  /** Points it lifts (+) or lowers (−) the score against neutral (weight × (performance − 50)). */
  effect: z.number(),
  /** carries: lifts the score by half a point or more; holds-back: lowers it so; neutral: neither. */
  direction: z.enum(['carries', 'holds-back', 'neutral']),
  /** The lowest certainty among the findings behind the criterion's contributions that apply here. */
  certainty: Certainty,
  /** Distinct studies behind the contributions. */
  studies: z.int(),
  findings: Ids,
  references: Ids,
  /** The footnote of each finding (null for a finding with no downgrade), in the order of `findings`. */
  footnotes: z.array(z.nullable(z.int())),
});

export const ModelEvidence = z.strictObject({
  model: z.string(),
  rows: z.array(EvidenceRow),
  footnotes: z.array(Footnote),
});

/** The review's three open questions (chapter 9), and what this municipality's answers say about each. */
export const OpenQuestion = z.strictObject({
  id: z.enum(['npm-or-learning', 'tasks-without-fragmenting', 'nav-and-residual-categories']),
  /** Where the question is in the review. */
  lines: LineRef,
  /** answered: the answers lean one way; open: they do not, or the answers needed are "don't know". */
  status: z.enum(['answered', 'open']),
  /** Which way the answers lean (absent when open). */
  lean: z.optional(z.enum(['control', 'learning', 'specialise', 'integrate', 'residual-at-risk', 'residual-served'])),
  /** The answers it is read from. */
  facts: z.array(z.strictObject({ question: z.string(), value: AnswerValue, known: z.boolean() })),
  /** The criterion the question turns on here, and the workable model that does best on it. */
  criterion: z.string(),
  best: z.optional(z.string()),
  /** The frame's documented harms that apply here (the third question). */
  misfits: Ids,
});

export const ReportFile = z.strictObject({
  summary: z.strictObject({
    verdict: z.enum(['keep', 'clear', 'indistinguishable', 'undecided']),
    /** How sure the verdict is, in GRADE's words, with the reasons it is not higher. */
    certainty: Certainty,
    /** How sure the evidence that carries the leader's score is: where the verdict's certainty starts (GRADE). */
    evidence: Certainty,
    downgrades: z.array(z.enum(['not-clear', 'no-clear-first', 'evidence-undecided', 'many-unknowns', 'thin-evidence', 'keep-narrow'])),
    leader: z.optional(z.string()),
    /** The headline figures: how often the leader is first, its score and interval, against today, and the share of answers not known. */
    headline: z.strictObject({
      first: z.optional(Share),
      score: z.optional(z.number()),
      interval: z.optional(z.tuple([z.number(), z.number()])),
      gain: z.optional(z.number()),
      better: z.optional(Share),
      unknown: z.int(),
      questions: z.int(),
    }),
    /** What would change the verdict: the nearest tipping points and the unknown answers that matter, most first. */
    tipping: z.array(TippingPoint),
    unknowns: z.array(UnknownThatMatters),
  }),
  profile: z.array(z.strictObject({ section: z.string(), title: z.string(), items: z.array(ProfileItem) })),
  evidence: z.array(ModelEvidence),
  openQuestions: z.array(OpenQuestion),
  result: Result,
});

/** A contribution whose points moved between two files, and the changed answers it reads. */
export const Moved = z.strictObject({
  model: z.string(),
  criterion: z.string(),
  /** weight: the criterion's weight moved (the priorities); the others are its contributions. */
  kind: z.enum(['weight', 'baseline', 'frame', 'adjustment']),
  id: z.optional(z.string()),
  before: z.number(),
  after: z.number(),
  delta: z.number(),
  reads: Ids,
});

export const Pair = z.strictObject({
  /** Indices into `files`. */
  from: z.int(),
  to: z.int(),
  answers: z.array(
    z.strictObject({
      question: z.string(),
      label: z.string(),
      type: z.string(),
      options: z.optional(z.record(z.string(), z.string())),
      unit: z.optional(z.string()),
      before: z.strictObject({ value: AnswerValue, known: z.boolean() }),
      after: z.strictObject({ value: AnswerValue, known: z.boolean() }),
    }),
  ),
  models: z.array(
    z.strictObject({
      model: z.string(),
      score: z.tuple([z.number(), z.number()]),
      delta: z.number(),
      first: z.tuple([Share, Share]),
      firstDelta: z.number(),
    }),
  ),
  /** The contributions that moved most, most first. */
  moved: z.array(Moved),
  verdict: z.tuple([z.string(), z.string()]),
});

export const Comparison = z.strictObject({
  /** Every model of any file, in the order of the first file's ranking; null where a file does not rank it. */
  matrix: z.array(z.strictObject({ model: z.string(), name: z.string(), scores: z.array(z.nullable(z.number())), first: z.array(z.nullable(Share)) })),
  /** The first file against each of the others (the first is the base: today, or the reference municipality). */
  pairs: z.array(Pair),
});

export const BibliographyEntry = z.strictObject({
  key: z.string(),
  /** true for the review itself, which is the source of every other entry. */
  review: z.boolean(),
  authors: Ids,
  year: z.nullable(z.int()),
  title: z.optional(z.string()),
  citedAs: Ids,
  flags: Ids,
  reported: z.string(),
  caveat: z.optional(z.string()),
  locations: z.array(Location),
});

export const Report = z.strictObject({
  format: z.literal('orgfit/report@1'),
  lang: z.enum(['nb', 'en']),
  files: z.array(ReportFile),
  comparison: z.optional(Comparison),
  /** The review first, then every work cited in the files, by author and year. */
  bibliography: z.array(BibliographyEntry),
  /** Every line range the files and the bibliography cite, located by chapter and paragraph. */
  locations: z.record(z.string(), Location),
});

export type Report = z.infer<typeof Report>;
export type ReportFile = z.infer<typeof ReportFile>;
export type EvidenceRow = z.infer<typeof EvidenceRow>;
export type ModelEvidence = z.infer<typeof ModelEvidence>;
export type OpenQuestion = z.infer<typeof OpenQuestion>;
export type Pair = z.infer<typeof Pair>;
export type Moved = z.infer<typeof Moved>;
export type Comparison = z.infer<typeof Comparison>;
export type BibliographyEntry = z.infer<typeof BibliographyEntry>;
export type Location = z.infer<typeof Location>;
export type ProfileItem = z.infer<typeof ProfileItem>;
