import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REVIEW_LINE_COUNT } from '../../src/core/kb.js';
import { repoKb, ROOT } from '../helpers/kb.js';

const kb = repoKb();
const REVIEW = `${ROOT}../shared/seeds/000_311a2c5179ff8d38.txt`;
const haveReview = existsSync(REVIEW);
const reviewLines = haveReview ? readFileSync(REVIEW, 'utf8').split('\n') : [];
const normalise = (text: string) => text.replace(/\s+/g, ' ');
const reviewText = normalise(reviewLines.join('\n'));
/** The review's text on the given line references, whitespace-normalised. */
const linesText = (refs: readonly (string | number)[]) =>
  normalise(
    refs
      .flatMap((ref) => {
        const [from, to = from] = String(ref).split('-').map(Number) as [number, number?];
        return reviewLines.slice(from - 1, (to ?? from) + 0);
      })
      .join('\n'),
  );

describe('the evidence base is traceable to the review', () => {
  it('the review has the length the line references assume', () => {
    expect.soft(haveReview, `the review is expected at ${REVIEW}`).toBe(true);
    if (haveReview) expect(reviewLines.length).toBeGreaterThanOrEqual(REVIEW_LINE_COUNT);
  });

  it.skipIf(!haveReview).each(kb.references.map((r) => [r.key, r] as const))('%s: its citations, authors and year occur in the review', (_key, reference) => {
    for (const cited of reference.citedAs) expect(reviewText).toContain(normalise(cited));
    // Letters only: the review writes "O`Brien" and "Sosialoghelsedepartementet" where the data has "O'Brien" and "Sosial- og helsedepartementet".
    const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
    for (const author of reference.authors.filter((a) => a !== 'et al.')) {
      expect(letters(reviewText)).toContain(letters(author));
    }
    if (reference.year !== null && !(reference.flags ?? []).includes('unknown-year')) expect(reviewText).toContain(String(reference.year));
  });

  it.skipIf(!haveReview).each(kb.references.map((r) => [r.key, r] as const))('%s: is cited on the lines it gives', (_key, reference) => {
    const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
    const text = letters(linesText(reference.lines));
    // Cited either by surname on those lines, or by one of its exact citation strings.
    const found = (reference.authors[0] !== undefined && text.includes(letters(reference.authors[0]))) || reference.citedAs.some((c) => text.includes(letters(c)));
    expect(found, `${reference.key} on lines ${reference.lines.join(', ')}`).toBe(true);
  });

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

  it('no reference carries a title the review does not state', () => {
    const titled = kb.references.filter((r) => r.title !== undefined);
    for (const r of titled) expect(reviewText).toContain(r.title!);
    expect(titled.map((r) => r.key)).toEqual(['lingas-1998']);
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
