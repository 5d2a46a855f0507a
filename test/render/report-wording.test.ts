import { describe, expect, it } from 'vitest';
import { buildReport, REVIEW_KEY } from '../../src/core/report.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import type { Result } from '../../src/core/result.js';
import { scoredFile } from '../../src/core/summary.js';
import type { Lang } from '../../src/i18n/lang.js';
import { renderReportMd } from '../../src/render/report-md.js';
import { findingsSources } from '../../src/render/report-words.js';
import { firstSentence } from '../../src/render/text.js';
import { keyMessage, shareText } from '../../src/render/verdict.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

const kb = repoKb();
const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
const score = (name: string, lang: Lang, samples = 200) => scoreMunicipality(repoEngine(), example(name), { lang, seed: 1, samples, source: `seeds/examples/${name}.yaml` });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("the key message follows the verdict's certainty, in GRADE's words", () => {
  const base = score('fjordby', 'en');
  /** The result with a clear verdict for its first-ranked model, first in `first` of the cases, every contribution of `confidence`. */
  const variant = (kind: Result['verdict']['kind'], confidence: 'high' | 'moderate' | 'low' | 'very-low', first = 0.95): Result => {
    const r = clone(base);
    const leader = r.ranking[0]!;
    r.verdict = { ...r.verdict, kind, leader: leader.model, models: kind === 'indistinguishable' ? [leader.model, r.ranking[1]!.model] : [leader.model] };
    r.today = undefined;
    leader.acceptability.first = first;
    // Enough samples that a share is said to the percentage point.
    r.method.robustness.samples = 100_000;
    for (const c of leader.criteria) for (const x of c.contributions) x.confidence = confidence;
    for (const a of Object.values(r.answers)) a.known = true;
    return r;
  };
  const said = (r: Result) => keyMessage(scoredFile(r), 'en');

  it('high: "is"; moderate: "probably"; low: "may"; very low: "very uncertain whether"', () => {
    const name = base.ranking[0]!.name;
    expect(said(variant('clear', 'high'))).toBe(`${name} is the best fit. It comes first in 95% of the plausible cases.`);
    expect(said(variant('clear', 'moderate'))).toMatch(new RegExp(`^${name} is probably the best fit\\.`));
    expect(said(variant('clear', 'low'))).toMatch(new RegExp(`^${name} may be the best fit\\.`));
    expect(said(variant('clear', 'very-low'))).toMatch(new RegExp(`^It is very uncertain whether ${name} is the best fit\\.`));
    // Below 9 in 10 a clear verdict is one level less sure, and says what a clear first choice needs.
    expect(said(variant('clear', 'high', 0.7))).toBe(`${name} is probably the best fit. It comes first in 70% of the plausible cases (a clear first choice needs 60%).`);
  });

  it('keeping today and several models alike are worded by certainty too', () => {
    const keep = variant('keep', 'low');
    keep.today = keep.ranking[0]!.model;
    expect(said(keep)).toMatch(/^Keeping today’s .+ may be best: no model is clearly better\. Today’s organisation comes first in 95% of the plausible cases\.$/);
    // No clear first takes two levels: from high evidence, low.
    expect(said(variant('indistinguishable', 'high'))).toMatch(/^These may fit about equally well, and the evidence cannot tell them apart: .+, .+\. Each beats the leader in at least 25% of the plausible cases\.$/);
  });

  it('in bokmål as in English', () => {
    const r = variant('clear', 'low');
    expect(keyMessage(scoredFile(r), 'nb')).toMatch(/ kan være best egnet\. Den kommer først i 95\s% av de plausible tilfellene\.$/);
  });

  it('without a robustness analysis there is no verdict, and it says so', () => {
    const r = score('fjordby', 'en', 0);
    expect(said(r)).toBe('The robustness analysis was not run (--samples 0), so there is no verdict: nothing says how sure any order is, and the models are listed by their expected scores.');
  });
});

describe('a report without a robustness analysis shows no shares of cases it never drew', () => {
  const results = ['bygdvik', 'fjordby'].map((name) => score(name, 'en', 0));
  const text = renderReportMd(buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang: 'en' }), { lang: 'en', version: '0.0.0' });

  it('no "0%" share, no mean rank of 0, no rank acceptability, no verdict that the evidence does not decide', () => {
    expect(shareText(0.5, 0, 'en')).toBe('–');
    expect(text).not.toMatch(/\(0%\)|0% → 0%|share of 0 plausible|better in 0%/);
    expect(text).not.toContain('the evidence does not decide');
    expect(text).not.toContain('rank acceptability');
    expect(text).toContain('no verdict (no robustness analysis)');
    expect(text).toContain('The robustness analysis (SMAA-2) was not run for this report (--samples 0)');
  });
});

describe('the words of findings and sources', () => {
  it("a first sentence ends neither at an abbreviation's full stop nor inside brackets", () => {
    expect(firstSentence('Those left with the generalist tasks were dissatisfied (Fehn et al. 1999). Others were not.')).toBe('Those left with the generalist tasks were dissatisfied (Fehn et al. 1999).');
    expect(firstSentence('Brukerne var fornøyde (Fehn mfl. 1999). Andre ikke.')).toBe('Brukerne var fornøyde (Fehn mfl. 1999).');
    expect(firstSentence('Tjenesten ble bl.a. delt i to. Så kom NAV.')).toBe('Tjenesten ble bl.a. delt i to.');
    expect(firstSentence('Hvordan? Slik. Og mer.', 9)).toBe('Hvordan? Slik.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    // A full stop followed by a small letter ends nothing ("ca. halvparten").
    expect(firstSentence('Det gjelder ca. halvparten. Resten ikke.')).toBe('Det gjelder ca. halvparten.');
  });

  it('the sources of several findings name each work once, in the order first cited', () => {
    const r = score('bygdvik', 'en');
    const findings = Object.keys(r.findings).filter((id) => (r.findings[id]!.references.length ?? 0) > 0);
    const [a, b] = findings;
    const once = findingsSources(r, [a!, b!, a!], 'en');
    expect(once).toBe(findingsSources(r, [a!, b!], 'en'));
    const parts = once.split('; ');
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('the open question on residual categories keeps each harm a sentence of its own ("?." never)', () => {
    for (const lang of ['nb', 'en'] as const) {
      const text = renderReportMd(buildReport({ results: [score('bygdvik', lang)], sections: kb.sections, questions: kb.questions, review, lang }), { lang, version: '0.0.0' });
      expect(text).not.toMatch(/\?\./);
      expect(text).not.toMatch(/\(Fehn (et al|mfl)$/m);
    }
  });
});
