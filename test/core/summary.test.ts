import { describe, expect, it } from 'vitest';
import { buildReport, REVIEW_KEY } from '../../src/core/report.js';
import type { Result } from '../../src/core/result.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { scoredFile, summaryOf } from '../../src/core/summary.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

// The verdict's summary is built once in the core and said by `score` and `report` alike.
const kb = repoKb();
const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
const EXAMPLES = ['bergen-vest', 'bydel-nord', 'bygdvik', 'elvestad', 'fjellvik', 'fjordby'];
const score = (name: string) => scoreMunicipality(repoEngine(), example(name), { lang: 'nb', seed: 1, samples: 200, source: `${name}.yaml` });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the verdict summary (src/core/summary.ts)', () => {
  const results = EXAMPLES.map(score);

  it('is the very summary the report carries, for every example', () => {
    const report = buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang: 'nb' });
    results.forEach((result, i) => {
      expect(scoredFile(result)).toEqual({ summary: report.files[i]!.summary, result });
    });
  });

  // Hand-made cases on one result: the verdict and the leader's figures are set, everything else is held.
  const base = clone(results[EXAMPLES.indexOf('bydel-nord')]!);
  const leader = base.ranking[0]!;
  const third = Math.floor(Object.values(base.answers).length / 3);
  /** The result with the verdict naming the first-ranked model, its P(first) set, and every contribution's certainty set. */
  const variant = (kind: Result['verdict']['kind'], first: number, confidence: 'high' | 'low' = 'high', unknown = 0): Result => {
    const r = clone(base);
    r.verdict = { ...r.verdict, kind, leader: leader.model, models: [leader.model] };
    r.ranking[0]!.acceptability.first = first;
    for (const c of r.ranking[0]!.criteria) for (const x of c.contributions) x.confidence = confidence;
    const answers = Object.values(r.answers);
    answers.forEach((a, i) => (a.known = i >= unknown));
    return r;
  };

  it('grades a clear verdict high only at 9 in 10 or more; below that one level down (moderate)', () => {
    expect(summaryOf(variant('clear', 0.95))).toMatchObject({ certainty: 'high', downgrades: [] });
    expect(summaryOf(variant('clear', 0.9))).toMatchObject({ certainty: 'high', downgrades: [] });
    expect(summaryOf(variant('clear', 0.89))).toMatchObject({ certainty: 'moderate', downgrades: ['not-clear'] });
  });

  it('takes two levels for no clear first (high → low), three for an undecided evidence base (high → very low)', () => {
    expect(summaryOf(variant('indistinguishable', 0.5))).toMatchObject({ certainty: 'low', downgrades: ['no-clear-first'] });
    expect(summaryOf(variant('undecided', 0.3))).toMatchObject({ certainty: 'very-low', downgrades: ['evidence-undecided'] });
  });

  it('keeps today\'s organisation surely only when it is also first in at least 6 in 10', () => {
    expect(summaryOf(variant('keep', 0.6))).toMatchObject({ certainty: 'high', downgrades: [] });
    expect(summaryOf(variant('keep', 0.59))).toMatchObject({ certainty: 'moderate', downgrades: ['keep-narrow'] });
  });

  it('adds one level for more than a third "don\'t know", and starts from the certainty of the evidence that carries the leader', () => {
    // ⌊n/3⌋ unknown answers are not more than a third; one more is.
    expect(summaryOf(variant('clear', 0.95, 'high', third))).toMatchObject({ certainty: 'high', downgrades: [] });
    expect(summaryOf(variant('clear', 0.95, 'high', third + 1))).toMatchObject({ certainty: 'moderate', downgrades: ['many-unknowns'] });
    // Every contribution of the leader low: the verdict can be no surer than low (GRADE), whatever the figures say.
    expect(summaryOf(variant('clear', 0.95, 'low'))).toMatchObject({ certainty: 'low', evidence: 'low', downgrades: ['thin-evidence'] });
    // From low, one more level for the unknowns: very low.
    expect(summaryOf(variant('clear', 0.95, 'low', third + 1))).toMatchObject({ certainty: 'very-low', downgrades: ['many-unknowns', 'thin-evidence'] });
    // Low evidence and three levels for the undecided evidence base are capped at very low.
    expect(summaryOf(variant('undecided', 0.3, 'low', third + 1))).toMatchObject({ certainty: 'very-low', downgrades: ['evidence-undecided', 'many-unknowns', 'thin-evidence'] });
  });

  it('counts the answers and those not known, and shows at most three tipping points', () => {
    const s = summaryOf(variant('clear', 0.95, 'high', third + 1));
    expect(s.headline.questions).toBe(Object.values(base.answers).length);
    expect(s.headline.unknown).toBe(third + 1);
    expect(s.headline.first).toBe(0.95);
    expect(s.tipping.length).toBeLessThanOrEqual(3);
    expect(s.tipping).toEqual(base.tippingPoints.slice(0, 3));
  });
});
