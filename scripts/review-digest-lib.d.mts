// Types for review-digest-lib.mjs, which stays plain JavaScript so that `npm run digest` needs no build.

/** A review line (`333`) or an inclusive range of them (`"330-349"`), 1-based. */
export type LineRef = number | string;

/** The fields of a reference whose truth the review decides (a Reference from seeds/references.yaml fits). */
export interface DigestInput {
  readonly key: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly citedAs: readonly string[];
  readonly lines: readonly LineRef[];
  readonly title?: string | undefined;
}

/** Each string looked for, and where it occurs (empty when it does not). */
export type Occurrences = Record<string, LineRef[]>;

export interface ReferenceFacts {
  /** Each citation string, matched whitespace-normalised. */
  citedAs: Occurrences;
  /** Each named author (not "et al."), matched letters only. */
  authors: Occurrences;
  /** The year, when the reference has one. */
  year: Occurrences;
  /** Only for a reference with a title. */
  title?: Occurrences;
  /** For each of the reference's own line references: is it cited there? */
  lines: Record<string, boolean>;
}

export interface ReviewDigest {
  format: 'orgfit/review-digest@1';
  about: string;
  review: { lines: number; sha256: string };
  references: Record<string, ReferenceFacts>;
  /** For every line the digest involves: the first 16 hex digits of the sha256 of its text. */
  lineChecksums: Record<string, string>;
}

export const DIGEST_FORMAT: 'orgfit/review-digest@1';
export const DIGEST_FILE: string;
export function reviewPath(root: string, env?: Record<string, string | undefined>): string;
export function normalise(text: string): string;
export function letters(text: string): string;
export function lineSpan(ref: LineRef): [number, number];
export function linesText(reviewLines: readonly string[], refs: readonly LineRef[]): string;
export function namedAuthors(reference: Pick<DigestInput, 'authors'>): string[];
export function citedIn(text: string, reference: Pick<DigestInput, 'authors' | 'citedAs'>): boolean;
export function lineChecksum(line: string): string;
export function computeDigest(reviewText: string, references: readonly DigestInput[]): ReviewDigest;
export function serialiseDigest(digest: ReviewDigest): string;
