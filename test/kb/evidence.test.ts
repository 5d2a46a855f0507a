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
import type { Confidence, EvidenceKind, Finding, Reference } from '../../src/schema/index.js';
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

const GRADES: readonly Confidence[] = ['very-low', 'low', 'moderate', 'high'];
const rank = (grade: Confidence) => GRADES.indexOf(grade);
const byId = new Map(kb.findings.map((f) => [f.id, f]));
/** Designs that are not studies: a finding of one of these cannot back another. */
const NOT_A_STUDY: readonly EvidenceKind[] = ['theory', 'textbook', 'opinion', 'review-synthesis'];
/** The works a finding rests on, leaving out the review's own entry (nesvag-2005), which is not a study. */
const studies = (f: Finding) => f.references.filter((key) => key !== 'nesvag-2005');
const single = (f: Finding) => studies(f).length <= 1;

interface Ceiling {
  /** The design, as the test's name says it. */
  design: string;
  applies: (f: Finding) => boolean;
  /** The highest grade the design allows on its own. */
  ceiling: Confidence;
  /** Where a finding says which studies back it (backedBy), the design allows one grade more. */
  liftedByBacking: boolean;
  why: string;
}

/**
 * The highest grade (GRADE-CERQual) each design of evidence allows on its own; the weakest
 * design that applies to a finding decides. The one stated reason for grading a finding above
 * its design is `backedBy`: findings from studies in the review that back it, which allow one
 * grade more (and never more than the best of them, checked below).
 */
const CEILINGS: readonly Ceiling[] = [
  { design: 'any finding', applies: () => true, ceiling: 'moderate', liftedByBacking: false, why: 'the review reports every study in one to five sentences, without its method' },
  { design: 'theory', applies: (f) => f.evidence === 'theory', ceiling: 'very-low', liftedByBacking: true, why: 'a conceptual model, not a study of social services' },
  { design: 'a textbook', applies: (f) => f.evidence === 'textbook', ceiling: 'very-low', liftedByBacking: true, why: 'a textbook restating theory' },
  { design: 'an opinion', applies: (f) => f.evidence === 'opinion', ceiling: 'very-low', liftedByBacking: true, why: 'a position or a practitioner’s report, not a study' },
  { design: 'the review author’s own synthesis', applies: (f) => f.evidence === 'review-synthesis', ceiling: 'low', liftedByBacking: true, why: 'the author’s reading or statement, with no cited study behind it' },
  { design: 'a single case study', applies: (f) => f.evidence === 'case-study' && single(f), ceiling: 'low', liftedByBacking: false, why: 'one or two offices, or one organisation' },
  { design: 'a single action research project', applies: (f) => f.evidence === 'action-research' && single(f), ceiling: 'low', liftedByBacking: false, why: 'one project, reported briefly' },
  { design: 'a single thesis', applies: (f) => f.evidence === 'thesis' && single(f), ceiling: 'low', liftedByBacking: false, why: 'one thesis, reported briefly' },
  { design: 'a single analysis whose method is not stated', applies: (f) => f.evidence === 'analysis' && single(f), ceiling: 'low', liftedByBacking: false, why: 'one work whose method the review does not give' },
  { design: 'a single evaluation or comparative study', applies: (f) => (f.evidence === 'evaluation' || f.evidence === 'comparative-study') && single(f), ceiling: 'low', liftedByBacking: false, why: 'one evaluation of one programme, reported briefly' },
];

/** The grade a design allows a finding: its ceiling, or one grade more where the finding is backed and the design allows that. */
function allowed(f: Finding, rule: Ceiling): Confidence {
  const lift = rule.liftedByBacking && (f.backedBy?.length ?? 0) > 0 ? 1 : 0;
  return GRADES[Math.min(rank(rule.ceiling) + lift, rank('moderate'))]!;
}

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

  it('findings below high confidence say why', () => {
    for (const f of kb.findings) if (f.confidence !== 'high') expect(f.downgrades?.length, f.id).toBeGreaterThan(0);
  });

  describe('no finding is graded higher than its weakest design allows without a stated reason', () => {
    it.each(CEILINGS.map((rule) => [rule.design, rule] as const))('%s', (_design, rule) => {
      const over = kb.findings
        .filter((f) => rule.applies(f) && rank(f.confidence) > rank(allowed(f, rule)))
        .map((f) => `${f.id}: ${f.confidence}, but ${rule.design} allows ${allowed(f, rule)} (${rule.why})`);
      expect(over).toEqual([]);
    });

    it.each(kb.findings.filter((f) => f.backedBy).map((f) => [f.id, f] as const))('%s: backed only by other findings from studies, none graded below it', (_id, f) => {
      for (const id of f.backedBy ?? []) {
        const backer = byId.get(id);
        expect(backer, `${f.id} is backed by ${id}, which does not exist`).toBeDefined();
        expect(id, `${f.id} backs itself`).not.toBe(f.id);
        expect(NOT_A_STUDY, `${f.id} is backed by ${id}, whose design (${backer?.evidence}) is not a study`).not.toContain(backer?.evidence);
      }
      // Lifted one grade at most, and never above the best of what backs it.
      const best = Math.max(...(f.backedBy ?? []).map((id) => rank(byId.get(id)?.confidence ?? 'very-low')));
      expect(rank(f.confidence), `${f.id} is graded above the findings that back it`).toBeLessThanOrEqual(best);
    });
  });

  it('a finding\'s evidence is the design of one of its references, and its origin theirs (or mixed where they differ)', () => {
    const byKey = new Map(kb.references.map((r) => [r.key, r]));
    for (const f of kb.findings) {
      const cited = f.references.map((key) => byKey.get(key)!);
      expect(cited.map((r) => r.kind), `${f.id}: evidence ${f.evidence}`).toContain(f.evidence);
      // The review's own entry counts only for the author's own synthesis; beside the works it builds on, theirs is the origin.
      const sources = f.evidence === 'review-synthesis' ? cited : cited.filter((r) => r.kind !== 'review-synthesis');
      const origins = new Set(sources.map((r) => r.origin));
      expect(f.origin, `${f.id}: its references are from ${[...origins].join(', ')}`).toBe(origins.size === 1 ? [...origins][0] : 'mixed');
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
