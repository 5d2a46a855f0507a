import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGEST_FILE, reviewPath } from '../../scripts/review-digest-lib.mjs';
import { computeOutline, outlineModule } from '../../scripts/review-outline-lib.mjs';
import { REVIEW_OUTLINE } from '../../src/core/review-outline.js';
import nb from '../../src/i18n/nb/report.js';
import { ROOT } from '../helpers/kb.js';

// The outline (src/core/review-outline.ts) locates every citation by the review's chapter and
// paragraph. It is derived from the review's headings; the review lives beside the repository
// (../shared/seeds/…), so where it is absent the committed outline is checked against the
// digest (same number of lines) and for consistency, and where it is present, against the review.
const REVIEW = reviewPath(ROOT);
const review = existsSync(REVIEW) ? readFileSync(REVIEW, 'utf8') : undefined;
const digest = JSON.parse(readFileSync(`${ROOT}${DIGEST_FILE}`, 'utf8')) as { review: { lines: number } };

describe('the review outline', () => {
  it('covers every line of the review once, chapter after chapter, 0 (the preface) to 9', () => {
    const chapters = REVIEW_OUTLINE.chapters;
    expect(chapters.map((c) => c.chapter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(chapters[0]!.from).toBe(1);
    expect(chapters.at(-1)!.to).toBe(REVIEW_OUTLINE.lines);
    for (let i = 1; i < chapters.length; i++) expect(chapters[i]!.from).toBe(chapters[i - 1]!.to + 1);
    for (const c of chapters) {
      expect(c.paragraphs.length).toBeGreaterThan(0);
      for (const p of c.paragraphs) expect(p > c.from && p <= c.to).toBe(true);
      expect([...c.paragraphs].sort((a, b) => a - b)).toEqual(c.paragraphs);
    }
  });

  it('has as many lines as the review the digest was made from', () => {
    expect(REVIEW_OUTLINE.lines).toBe(digest.review.lines);
  });

  it('agrees with domain.md\'s map of the chapters (5: 286–435, 9: 853–875)', () => {
    expect(REVIEW_OUTLINE.chapters[5]).toMatchObject({ from: 286, to: 435 });
    expect(REVIEW_OUTLINE.chapters[9]!.from).toBe(853);
  });

  it.runIf(review !== undefined)('is what the review\'s headings and paragraphs give (npm run outline), and the bokmål chapter titles are the review\'s own', () => {
    const outline = computeOutline(review!);
    expect(readFileSync(`${ROOT}src/core/review-outline.ts`, 'utf8')).toBe(outlineModule(outline));
    for (const c of outline.chapters.slice(1)) expect(nb[`chapter-${c.chapter}` as keyof typeof nb]).toBe(c.title);
  });

  it('finds chapters and paragraphs in a made-up text: numbered list items and the page footer are not headings', () => {
    const text = ['Forord', 'a', '', '1 Bakgrunn', '', 'b', 'c', '', '1. ikke et kapittel', '', '- 21 -', '', '2 Neste', 'd'].join('\n');
    expect(computeOutline(text).chapters).toEqual([
      { chapter: 0, from: 1, to: 3, title: 'Forord', paragraphs: [2] },
      { chapter: 1, from: 4, to: 12, title: 'Bakgrunn', paragraphs: [6, 9] },
      { chapter: 2, from: 13, to: 14, title: 'Neste', paragraphs: [14] },
    ]);
  });
});
