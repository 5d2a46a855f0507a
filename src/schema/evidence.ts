import * as z from 'zod/mini';
import { Id, Lines, Origin, Text, FILE_FORMATS } from './common.js';

/**
 * How the review says a cited work was produced. Ordered from the strongest
 * kind of evidence to the weakest; the scoring engine widens uncertainty
 * along this order (see confidence below, which is what it actually reads).
 */
export const EvidenceKind = z.enum([
  'multi-site-evaluation', // an evaluation across many sites or programmes
  'large-survey', // a survey of many practitioners or offices
  'evaluation', // an evaluation of one programme or trial
  'comparative-study', // compares countries or systems
  'case-study', // one or two offices, a single organisation
  'action-research',
  'thesis', // master's or doctoral thesis, when the review says no more
  'analysis', // a scholarly analysis or article whose method the review does not state
  'review-synthesis', // the review author's own synthesis, reading or statement, citing no work for it (reference nesvag-2005)
  'theory', // organisation theory, a conceptual model
  'textbook',
  'opinion', // a position, a critique, a practitioner's report
  'policy-document', // a government report, consultation paper, law
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** GRADE-CERQual confidence in a review finding. */
export const Confidence = z.enum(['high', 'moderate', 'low', 'very-low']);
export type Confidence = z.infer<typeof Confidence>;

/** The four CERQual components a downgrade is stated against. */
export const Concern = z.enum(['methodological-limitations', 'relevance', 'adequacy', 'coherence']);
export type Concern = z.infer<typeof Concern>;

/** Peculiarities of a citation in the review that we keep rather than guess away. */
export const CitationFlag = z.enum([
  'op-cit', // cited as "op.cit." somewhere, year taken from an earlier citation
  'op-cit-unresolved', // cited only as "op.cit.", with no earlier full citation to take a year from
  'unknown-year', // the review prints no year or "19??"
  'uncertain-author', // the review itself marks the author with "?"
  'spelling-variant', // the review spells the name in more than one way
  'secondary', // reported second-hand (e.g. a seminar reported in another work)
  'quoted', // the review quotes the work directly
]);
export type CitationFlag = z.infer<typeof CitationFlag>;

export const Reference = z.strictObject({
  key: Id,
  /**
   * Author surnames exactly as the review gives them (plus "et al." where it says
   * "m.fl."/"et.al."); empty when the review names no author or issuer.
   */
  authors: z.array(z.string().check(z.minLength(1))),
  /** null when the review gives no usable year. */
  year: z.nullable(z.int().check(z.gte(1900), z.lte(2006))),
  /** The exact citation strings as printed in the review, e.g. "Helgøy 2003"; each must occur in its text. */
  citedAs: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** Review lines where the work is cited or discussed. */
  lines: Lines,
  flags: z.optional(z.array(CitationFlag)),
  /** Only where the review itself states the title. */
  title: z.optional(z.string()),
  origin: Origin,
  /** Country or region, as the review states it, in English (e.g. "UK", "Australia"). */
  country: z.optional(z.string()),
  kind: EvidenceKind,
  /** What the review reports of the work, paraphrased. */
  summary: Text,
  /** Where the review is vague or odd about this work, say so. */
  caveat: z.optional(Text),
});
export type Reference = z.infer<typeof Reference>;

export const Downgrade = z.strictObject({
  concern: Concern,
  reason: Text,
});
export type Downgrade = z.infer<typeof Downgrade>;

export const Finding = z.strictObject({
  id: Id,
  /** One claim the review makes or reports, paraphrased. */
  claim: Text,
  references: z.array(Id).check(z.minLength(1)),
  lines: Lines,
  evidence: EvidenceKind,
  origin: Origin,
  confidence: Confidence,
  /** Why the confidence is below high; required unless confidence is high. */
  downgrades: z.optional(z.array(Downgrade)),
  /**
   * Findings of the review, from studies rather than theory or opinion, that back this one
   * where its own design is theory, a textbook, an opinion or the review author's synthesis:
   * the stated reason why it may be graded above what its design allows on its own. The
   * ceilings for each design are the table in test/kb/evidence.test.ts.
   */
  backedBy: z.optional(z.array(Id).check(z.minLength(1))),
  /** Why the finding holds, where the review suggests it. */
  mechanism: z.optional(Text),
  /** When it does not hold or holds more strongly, where the review suggests it. */
  moderators: z.optional(z.array(Text)),
  /** "scoring": read by a criterion, question or model; "context": background, deliberately not scored. */
  use: z.enum(['scoring', 'context']),
  caveat: z.optional(Text),
});
export type Finding = z.infer<typeof Finding>;

export const ReferencesFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.references),
  references: z.array(Reference),
});
export type ReferencesFile = z.infer<typeof ReferencesFile>;

export const FindingsFile = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.literal(FILE_FORMATS.findings),
  findings: z.array(Finding),
});
export type FindingsFile = z.infer<typeof FindingsFile>;
