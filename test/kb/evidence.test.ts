import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  citedIn,
  computeDigest,
  DIGEST_FILE,
  DIGEST_FORMAT,
  letters,
  lineChecksum,
  lineSpan,
  linesText,
  namedAuthors,
  normalise,
  reviewPath,
  serialiseDigest,
  type LineRef,
  type ReferenceFacts,
  type ReviewDigest,
} from '../../scripts/review-digest-lib.mjs';
import { REVIEW_LINE_COUNT } from '../../src/core/kb.js';
import type { Reference } from '../../src/schema/index.js';
import { repoKb, ROOT } from '../helpers/kb.js';

const kb = repoKb();
// The review is not part of the repository (it lives beside it, at ../shared/seeds/…): a clone
// has only the committed digest, which stands in for it. ORGFIT_REVIEW points elsewhere, or
// at nothing to try the clone's case.
const REVIEW = reviewPath(ROOT);
const review = existsSync(REVIEW) ? readFileSync(REVIEW, 'utf8') : undefined;
const digestText = readFileSync(`${ROOT}${DIGEST_FILE}`, 'utf8');
const digest = JSON.parse(digestText) as ReviewDigest;
const eachReference = kb.references.map((r) => [r.key, r] as const);

/** One thing the review must contain for a reference, and how it is compared (as the digest records it). */
interface Need {
  kind: 'citedAs' | 'authors' | 'year';
  text: string;
}

/** Its citation strings, its named authors, and its year unless the review leaves the year open. */
function needs(reference: Reference): Need[] {
  const yearKnown = reference.year !== null && !(reference.flags ?? []).includes('unknown-year');
  return [
    ...reference.citedAs.map((text) => ({ kind: 'citedAs' as const, text })),
    ...namedAuthors(reference).map((text) => ({ kind: 'authors' as const, text })),
    ...(yearKnown ? [{ kind: 'year' as const, text: String(reference.year) }] : []),
  ];
}

type Titled = Reference & { title: string };
const hasTitle = (reference: Reference): reference is Titled => reference.title !== undefined;

/** Where the reference checks look: the review itself, or the digest standing in for it. */
interface Source {
  lineCount: number;
  occurs(reference: Reference, need: Need): boolean;
  citedOnItsLines(reference: Reference): boolean;
  statesTitle(reference: Titled): boolean;
}

function reviewSource(text: string): Source {
  const lines = text.split('\n');
  const normalised = normalise(text);
  const lettersOnly = letters(normalised);
  return {
    lineCount: lines.length,
    occurs: (_reference, need) =>
      need.kind === 'authors' ? lettersOnly.includes(letters(need.text)) : normalised.includes(need.kind === 'citedAs' ? normalise(need.text) : need.text),
    citedOnItsLines: (reference) => citedIn(linesText(lines, reference.lines), reference),
    statesTitle: (reference) => normalised.includes(reference.title),
  };
}

/** A digest that does not know what is asked has not been regenerated since the references changed. */
const stale = (what: string) => `the review digest has no entry for ${what}: it is stale, run npm run digest where the review is`;

function digestSource(d: ReviewDigest): Source {
  const factsOf = (reference: Reference): ReferenceFacts | undefined => {
    const facts = d.references[reference.key];
    expect(facts, stale(`reference ${reference.key}`)).toBeDefined();
    return facts;
  };
  const found = (where: LineRef[] | undefined, what: string) => {
    expect(where, stale(what)).toBeDefined();
    return (where ?? []).length > 0;
  };
  return {
    lineCount: d.review.lines,
    occurs: (reference, need) => found(factsOf(reference)?.[need.kind][need.text], `${reference.key}'s ${need.kind} "${need.text}"`),
    // The digest says per line reference; the review checks them together, and a reference is cited if any of them cites it.
    citedOnItsLines: (reference) => {
      const facts = factsOf(reference);
      const cited = reference.lines.map((ref) => facts?.lines[String(ref)]);
      expect(cited, stale(`${reference.key}'s lines ${reference.lines.join(', ')}`)).not.toContain(undefined);
      return cited.includes(true);
    },
    statesTitle: (reference) => found(factsOf(reference)?.title?.[reference.title], `${reference.key}'s title "${reference.title}"`),
  };
}

/** The checks that need the review's text, the same whichever source stands for it. */
function referenceChecks(source: Source) {
  it('the review has the length the line references assume', () => {
    expect(source.lineCount).toBeGreaterThanOrEqual(REVIEW_LINE_COUNT);
  });

  it.each(eachReference)('%s: its citations, authors and year occur in the review', (_key, reference) => {
    for (const need of needs(reference)) expect(source.occurs(reference, need), `${reference.key}: ${need.kind} "${need.text}"`).toBe(true);
  });

  it.each(eachReference)('%s: is cited on the lines it gives', (_key, reference) => {
    // Cited either by surname on those lines, or by one of its exact citation strings.
    expect(source.citedOnItsLines(reference), `${reference.key} on lines ${reference.lines.join(', ')}`).toBe(true);
  });

  it('no reference carries a title the review does not state', () => {
    const titled = kb.references.filter(hasTitle);
    for (const r of titled) expect(source.statesTitle(r), `${r.key}: "${r.title}"`).toBe(true);
    expect(titled.map((r) => r.key)).toEqual(['lingas-1998']);
  });
}

if (review !== undefined) {
  describe('the evidence base is traceable to the review: checked against the review itself', () => {
    referenceChecks(reviewSource(review));
  });
} else {
  describe(`the evidence base is traceable to the review: checked against ${DIGEST_FILE}, as the review is not at ${REVIEW}`, () => {
    referenceChecks(digestSource(digest));
  });
}

/** Every occurrence a digest's facts give, as line references. */
const occurrenceRefs = (facts: ReferenceFacts): LineRef[] =>
  [facts.citedAs, facts.authors, facts.year, facts.title ?? {}].flatMap((map) => Object.values(map).flat());

/** The lines a line reference covers, within a review of the given length. */
function spanLines(ref: LineRef, lineCount: number): number[] {
  const [from, to] = lineSpan(ref);
  const lines: number[] = [];
  for (let line = Math.max(1, from); line <= Math.min(to, lineCount); line++) lines.push(line);
  return lines;
}

describe(`the committed review digest (${DIGEST_FILE})${review === undefined ? ': proved fresh only where the review is present' : ''}`, () => {
  it('is whole: every line it speaks of has a checksum, and it has no others', () => {
    expect(digest.format).toBe(DIGEST_FORMAT);
    const spoken = new Set(
      Object.values(digest.references).flatMap((facts) =>
        [...occurrenceRefs(facts), ...Object.keys(facts.lines)].flatMap((ref) => spanLines(ref, digest.review.lines)),
      ),
    );
    expect([...spoken].filter((line) => !/^[0-9a-f]{16}$/.test(digest.lineChecksums[String(line)] ?? ''))).toEqual([]);
    expect(Object.keys(digest.lineChecksums).filter((line) => !spoken.has(Number(line)))).toEqual([]);
  });

  if (review === undefined) return;
  const reviewLines = review.split('\n');
  const fresh = computeDigest(review, kb.references);

  it('was made from this review', () => {
    const sha256 = createHash('sha256').update(review, 'utf8').digest('hex');
    expect(digest.review, 'the review digest was made from another review: run npm run digest').toEqual({ lines: reviewLines.length, sha256 });
  });

  it('has the checksum of every line it involves as the review has it', () => {
    const changed = Object.entries(digest.lineChecksums).filter(([line, sum]) => lineChecksum(reviewLines[Number(line) - 1] ?? '') !== sum);
    expect(changed.map(([line]) => line), 'review lines changed since the digest was made: run npm run digest').toEqual([]);
  });

  it('is exactly what npm run digest makes from the review and the current references', () => {
    expect(digest, 'the review digest is stale: run npm run digest').toEqual(fresh);
    // Equal as data is not enough: the file is deterministic, so a hand-formatted one is stale too.
    expect(digestText === serialiseDigest(fresh), 'the review digest is not as npm run digest writes it: run npm run digest').toBe(true);
  });

  // The digest is only as good as its line numbers: check them against the review without computeDigest().
  it.each(eachReference)('%s: every place the digest gives is a place in the review where it occurs', (key, reference) => {
    const facts = fresh.references[key];
    if (facts === undefined) throw new Error(`computeDigest() left out ${key}`);
    const on = (ref: LineRef) => normalise(linesText(reviewLines, [ref]));
    const checks: [string, Record<string, LineRef[]>, (ref: LineRef, text: string) => boolean][] = [
      ['citation', facts.citedAs, (ref, text) => on(ref).includes(normalise(text))],
      ['author', facts.authors, (ref, text) => letters(on(ref)).includes(letters(text))],
      ['year', facts.year, (ref, text) => on(ref).includes(text)],
      ['title', facts.title ?? {}, (ref, text) => on(ref).includes(text)],
    ];
    for (const [what, map, occursOn] of checks) {
      for (const [text, refs] of Object.entries(map)) {
        for (const ref of refs) expect(occursOn(ref, text), `${key}: ${what} "${text}" on line ${ref}`).toBe(true);
        // …and none of them is missed: it is recorded somewhere exactly when the review has it.
        const anywhere = occursOn(`1-${reviewLines.length}`, text);
        expect(refs.length > 0, `${key}: ${what} "${text}" ${anywhere ? 'occurs in the review but the digest has no place' : 'has a place in the digest but not in the review'}`).toBe(anywhere);
      }
    }
    expect(Object.keys(facts.lines).sort(), `${key}: the digest speaks of exactly the lines it gives`).toEqual(reference.lines.map(String).sort());
  });
});

describe('the evidence base is traceable to the review', () => {
  it('every reference key is cited by at least one finding', () => {
    const cited = new Set(kb.findings.flatMap((f) => f.references));
    expect(kb.references.map((r) => r.key).filter((key) => !cited.has(key))).toEqual([]);
  });

  it('every finding is used by a criterion, question or model, or deliberately listed as context', () => {
    const used = new Set<string>([
      ...kb.criteria.flatMap((c) => c.findings),
      ...kb.questions.flatMap((q) => q.feeds),
      ...kb.models.flatMap((m) => [
        ...m.findings,
        ...Object.values(m.performance).flatMap((p) => p.findings),
        ...(m.adjustments ?? []).flatMap((a) => a.findings),
        ...(m.preconditions ?? []).flatMap((p) => p.findings),
      ]),
    ]);
    const unused = kb.findings.filter((f) => f.use === 'scoring' && !used.has(f.id)).map((f) => f.id);
    expect(unused).toEqual([]);
    const contextCited = kb.findings.filter((f) => f.use === 'context' && used.has(f.id)).map((f) => f.id);
    expect(contextCited).toEqual([]);
  });

  it('findings below high confidence say why, and no finding claims more than the review supports', () => {
    for (const f of kb.findings) {
      if (f.confidence !== 'high') expect(f.downgrades?.length, f.id).toBeGreaterThan(0);
      // A single study of one or two offices cannot be more than low confidence.
      if (f.evidence === 'case-study' && f.references.length === 1) expect(['low', 'very-low'], f.id).toContain(f.confidence);
      if (['opinion', 'theory', 'textbook'].includes(f.evidence)) expect(['low', 'very-low'], f.id).toContain(f.confidence);
    }
  });

  it('citations the review leaves open stay flagged, not guessed', () => {
    const byKey = new Map(kb.references.map((r) => [r.key, r]));
    for (const r of kb.references.filter((r) => r.year === null)) {
      expect(r.flags ?? [], r.key).toContain('unknown-year');
    }
    expect(byKey.get('banerjee-undated')?.year).toBeNull();
    expect(byKey.get('baum-undated')?.flags).toContain('uncertain-author');
  });
});
