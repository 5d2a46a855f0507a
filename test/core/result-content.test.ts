import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { MISFIT_SHARE, round, type Result } from '../../src/core/result.js';
import type { Adjustment, Finding, Model } from '../../src/schema/index.js';
import { answers, defaultFindings, finding, miniKb, model } from '../helpers/mini-kb.js';

/*
 * What the result says about each model (src/core/result.ts), on the tiny knowledge base
 * of test/helpers/mini-kb.ts (c1 weighs 2/3, c2 1/3): contributions, misfits, evidence
 * gaps, reasons, assumptions, and the findings and references it resolves.
 */
const text = (s: string) => ({ nb: `${s} (nb)`, en: s });
const adjustment = (id: string, over: Partial<Adjustment>): Adjustment => ({ id, effects: [{ criterion: 'c1', delta: 4 }], findings: ['f-high'], rationale: text(id), ...over });
const score = (kb: KnowledgeBase, values: Record<string, unknown>, lang: 'en' | 'nb' = 'en') => scoreMunicipality(compileEngine(kb), answers(values), { lang, seed: 1, samples: 300, skipSearches: true });

describe('misfits', () => {
  const m: Model = {
    ...model('m', 60, 50),
    adjustments: [
      adjustment('sure-harm', { when: { question: 'level', lte: 2 }, effects: [{ criterion: 'c1', delta: -4 }], misfit: text('harm') }),
      adjustment('ramped-harm', { ramp: { question: 'share', points: [[0, 0], [100, 1]] }, effects: [{ criterion: 'c2', delta: -6 }], misfit: text('ramped') }),
      adjustment('quiet-harm', { when: { question: 'level', lte: 2 }, effects: [{ criterion: 'c2', delta: -2 }] }),
    ],
  };
  const kb = miniKb([m]);
  const misfits = (values: Record<string, unknown>) => score(kb, values).ranking[0]!.misfits.map((x) => [x.id, x.probability]);

  it.each<[string, Record<string, unknown>, [string, number][]]>([
    ['level 2 applies the harm; a ramp at 40 % of its way is not flagged', { level: 2, share: 40 }, [['sure-harm', 1]]],
    [`a ramp flagged from ${MISFIT_SHARE * 100} % of its way`, { level: 3, share: 50 }, [['ramped-harm', 1]]],
    ['neither', { level: 3, share: 49 }, []],
    ['level unknown (assumed 3): flagged with the chance it applies, 3/9 (scale weights 1, 2, 3, 2, 1)', { level: 'dont-know', share: 10 }, [['sure-harm', 0.333]]],
  ])('%s', (_name, values, expected) => expect(misfits(values)).toEqual(expected));

  it('the misfit carries its text in the chosen language, its source and its evidence', () => {
    expect(score(kb, { level: 1 }, 'nb').ranking[0]!.misfits[0]).toEqual({ id: 'sure-harm', source: 'model', text: 'harm (nb)', probability: 1, findings: ['f-high'], references: ['f-high-study'] });
  });
});

describe('contributions of a criterion', () => {
  const m: Model = {
    ...model('m', 60, 50),
    adjustments: [
      adjustment('applies', { when: { question: 'level', gte: 3 }, effects: [{ criterion: 'c1', delta: 4 }] }),
      adjustment('open', { when: { question: 'size', gte: 20 }, effects: [{ criterion: 'c1', delta: -3 }], findings: ['f-moderate'] }),
      // On another study: with 'applies' it could move c1 by 13 points, and the study cap would scale both.
      adjustment('never', { when: { question: 'level', gte: 5 }, effects: [{ criterion: 'c1', delta: 9 }], findings: ['f-very-low'] }),
    ],
  };
  // Scored in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
  let result: Result;
  let c1: Result['ranking'][number]['criteria'][number];
  beforeEach(() => {
    result = score(miniKb([m]), { level: 3, size: 'dont-know' });
    c1 = result.ranking[0]!.criteria[0]!;
  });

  it('the rating, then each adjustment that applies or may apply (not those that surely do not)', () => {
    expect(c1.contributions.map((x) => [x.kind, 'id' in x ? x.id : '', 'applies' in x ? x.applies : ''])).toEqual([
      ['baseline', '', ''],
      ['adjustment', 'applies', 'yes'],
      ['adjustment', 'open', 'unknown'],
    ]);
    expect(c1.contributions[0]).toMatchObject({ kind: 'baseline', value: 60, confidence: 'low', sd: 0.5, studies: 1, findings: ['f-low'], references: ['f-low-study'], rationale: 'c1' });
    expect(c1.contributions[1]).toMatchObject({ delta: 4, probability: 1, expected: 1, confidence: 'high', sd: 0.15, reads: ['level'] });
    expect(c1.contributions[2]).toMatchObject({ delta: -3, reads: ['size'], confidence: 'moderate' });
  });

  it('the criterion: its weight, expected performance, points and effect', () => {
    const p = (c1.contributions[2] as { probability: number }).probability;
    // Expected performance: 60 + 4 − 3 · P(size ≥ 20); points: 2/3 of it; effect: 2/3 · (performance − 50).
    expect(c1.weight).toBe(0.6667);
    expect(c1.performance).toBeCloseTo(64 - 3 * p, 1);
    expect(c1.points).toBeCloseTo((2 / 3) * (64 - 3 * p), 1);
    expect(c1.effect).toBeCloseTo((2 / 3) * (14 - 3 * p), 1);
    expect(p).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.3);
  });
});

describe('evidence gaps', () => {
  const findings: Finding[] = [
    ...defaultFindings(),
    { ...finding('foreign-theory', 'very-low'), origin: 'elsewhere', evidence: 'theory' },
    { ...finding('two-studies', 'moderate', ['s1', 's2']) },
  ];
  const m: Model = {
    ...model('m', 70, 60, ['foreign-theory', 'two-studies']),
    adjustments: [adjustment('maybe', { when: { question: 'size', gte: 20 }, findings: ['f-low'] }), adjustment('never', { when: { question: 'level', gte: 5 }, findings: ['foreign-theory'] })],
  };
  it('a contribution that matters, on thin evidence: one study, very low, foreign, theory; an adjustment that cannot apply is not looked at', () => {
    const gaps = score(miniKb([m], findings), { size: 'dont-know', level: 3 }).ranking[0]!.evidenceGaps;
    expect(gaps).toEqual([
      { gap: 'single-study', criterion: 'c1', findings: ['foreign-theory'] },
      { gap: 'very-low-confidence', criterion: 'c1', findings: ['foreign-theory'] },
      { gap: 'foreign-evidence', criterion: 'c1', findings: ['foreign-theory'] },
      { gap: 'theory-only', criterion: 'c1', findings: ['foreign-theory'] },
      { gap: 'single-study', criterion: 'c1', adjustment: 'maybe', findings: ['f-low'] },
    ]);
  });
  it('a criterion weighing under 5 % is not looked at', () => {
    const kb = miniKb([m], findings);
    // c1 weighs 1 + 2·share/100, c2 1: at share 0 still 1/2 each, so make c2 weigh nothing.
    kb.criteria[1]!.weight = { base: 0, terms: [] };
    kb.criteria[0]!.weight = { base: 1, terms: [] };
    const gaps = score(kb, { size: 10 }).ranking[0]!.evidenceGaps;
    expect(gaps.every((g) => g.criterion === 'c1')).toBe(true);
    const kb2 = miniKb([model('m', 70, 60, ['two-studies', 'foreign-theory'])], findings);
    kb2.criteria[1]!.weight = { base: 0.04, terms: [] };
    kb2.criteria[0]!.weight = { base: 0.96, terms: [] };
    expect(score(kb2, {}).ranking[0]!.evidenceGaps).toEqual([]);
  });
});

describe('the result as a whole', () => {
  const kb = miniKb([model('a', 60, 50), model('b', 50, 55)]);
  let result: Result;
  beforeEach(() => {
    result = score(kb, { size: 'dont-know', level: 'dont-know' }, 'nb');
  });

  it('lists the assumptions for unknown answers, with what is assumed', () => {
    expect(result.assumptions).toEqual([
      { question: 'size', text: 'size', assumed: 10 },
      { question: 'level', text: 'level', assumed: 3 },
    ]);
    expect(Object.keys(result.questions).sort()).toEqual(['level', 'size']);
    expect(result.answers.size).toEqual({ value: 10, known: false });
    expect(result.answers.share).toEqual({ value: 50, known: true });
  });

  it('resolves exactly the findings it cites, and their references', () => {
    expect(Object.keys(result.findings)).toEqual(['f-low', 'f-moderate']);
    expect(Object.keys(result.references)).toEqual(['f-low-study', 'f-moderate-study']);
    expect(result.findings['f-low']).toMatchObject({ confidence: 'low', references: ['f-low-study'], downgrades: [{ concern: 'adequacy', reason: 'one study' }] });
    expect(result.references['f-low-study']).toMatchObject({ authors: ['f-low-study'], year: 2000, kind: 'case-study', reported: 'f-low-study' });
  });

  it('weights: each criterion with its raw parts at the answers given', () => {
    expect(result.weights).toEqual([
      { criterion: 'c1', name: 'c1', weight: 0.6667, raw: { point: 2, base: 1 }, answers: [{ question: 'share', value: 50, known: true, adds: 1 }], findings: ['f-low'] },
      { criterion: 'c2', name: 'c2', weight: 0.3333, raw: { point: 1, base: 1 }, answers: [], findings: ['f-low'] },
    ]);
  });

  it('each model: rank, scores to two decimals, the ranks, P(first), pairwise wins', () => {
    const [first, second] = result.ranking;
    expect([first!.rank, first!.model, second!.rank, second!.model]).toEqual([1, 'a', 2, 'b']);
    expect(first!.score).toBe(56.67);
    expect(second!.score).toBe(51.67);
    expect(first!.acceptability.first).toBe(first!.acceptability.ranks[0]);
    expect(first!.beats.b! + second!.beats.a!).toBeCloseTo(1, 3);
    expect(first!.builtIn).toBe(true);
    expect(result.method).toMatchObject({ kind: 'weighted-additive', scale: '0-100', interval: { level: 0.8 }, robustness: { kind: 'smaa-2', samples: 300, seed: 1, adaptive: false } });
  });

  it('round: digits, and never −0', () => {
    expect(round(56.666666)).toBe(56.67);
    expect(round(0.666666, 4)).toBe(0.6667);
    expect(Object.is(round(-0.0001), 0)).toBe(true);
  });
});
