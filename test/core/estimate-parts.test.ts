import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import { COMMON_LEVEL_SD, meanScore, normalise, performanceSds, scoreSd, weightedSum } from '../../src/core/evaluate.js';
import { inverseNormal } from '../../src/core/random.js';
import { estimate } from '../../src/core/score.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Adjustment, Model } from '../../src/schema/index.js';
import { answers, miniKb, model } from '../helpers/mini-kb.js';

/** One criterion's performance spread (performanceSds fills every criterion's). */
function performanceSd(model: Parameters<typeof performanceSds>[0], criterion: number, factors: Float64Array, commonLevelSd: number, bound = false): number {
  const out = new Float64Array(criterion + 1);
  performanceSds(model, factors, out, commonLevelSd, bound);
  return out[criterion]!;
}

/*
 * What estimate() (src/core/score.ts) says about each adjustment and precondition, the
 * expected weights and performances, and the criterion intervals, on the mini knowledge
 * base (test/helpers/mini-kb.ts): c1 weighs 1 + 2·share/100, c2 weighs 1; a rating's effect
 * is its distance from 50, its evidence sd EFFECT_SD[grade] (high 0.15, moderate 0.3,
 * low 0.5); the shared level σL = 10/1.645; Z = Φ⁻¹(0.9).
 *
 * Everything is worked out inside the tests: under `npm run mutation` a mutant is active
 * only while tests run, not while the file is collected.
 */
const Z = inverseNormal(0.9);
const L2 = COMMON_LEVEL_SD ** 2;
const text = (s: string) => ({ nb: s, en: s });
const adj = (id: string, over: Partial<Adjustment>, criterion: string, delta: number, finding: string): Adjustment => ({ id, effects: [{ criterion, delta }], findings: [finding], rationale: text(id), ...over });
const ramp = (question: string, points: [number, number][]) => ({ question, points });

/*
 * Model a (c1 60, c2 50) with share 50 (weights 2/3, 1/3), level 3, size unknown:
 *   k-yes       level ≥ 3: known, holds                          yes      P 1      E 1
 *   k-no        level ≥ 4: known, fails                          no       0        0
 *   u           size ≥ 20: open                                  unknown  p        p
 *   u-and       level ≥ 3 and size ≥ 20: open (level holds)      unknown  p        p
 *   no-ramp-u   level ≥ 4, ramped on size: surely not (level)    no       0        0
 *   ramp-u      ramped on size 0 → 100: open                     unknown  1        E[size]/100
 *   any-ramp-k  level ≥ 3 or size ≥ 20 (holds), ramp on share    yes      1        0.5
 *   ramp-zero   ramp on share from 60: known, 0 at 50            no       0        0
 * where p = P(size ≥ 20) over the prior's support (the point estimate averages over it).
 */
const a: Model = {
  ...model('a', 60, 50),
  adjustments: [
    adj('k-yes', { when: { question: 'level', gte: 3 } }, 'c1', 2, 'f-high'),
    adj('k-no', { when: { question: 'level', gte: 4 } }, 'c1', 2, 'f-high'),
    adj('u', { when: { question: 'size', gte: 20 } }, 'c2', 3, 'f-moderate'),
    adj('u-and', { when: { all: [{ question: 'level', gte: 3 }, { question: 'size', gte: 20 }] } }, 'c2', 1, 'f-moderate'),
    adj('no-ramp-u', { when: { question: 'level', gte: 4 }, ramp: ramp('size', [[0, 0], [100, 1]]) }, 'c2', 1, 'f-moderate'),
    adj('ramp-u', { ramp: ramp('size', [[0, 0], [100, 1]]) }, 'c1', 1, 'f-low'),
    adj('any-ramp-k', { when: { any: [{ question: 'level', gte: 3 }, { question: 'size', gte: 20 }] }, ramp: ramp('share', [[0, 0], [100, 1]]) }, 'c1', 1, 'f-low'),
    adj('ramp-zero', { ramp: ramp('share', [[60, 0], [100, 1]]) }, 'c1', 1, 'f-low'),
  ],
  preconditions: [
    { id: 'p-open', requires: { question: 'size', gte: 20 }, findings: ['f-low'], failure: text('small') },
    { id: 'p-met', requires: { question: 'level', gte: 3 }, findings: ['f-low'], failure: text('low') },
  ],
};
const b: Model = { ...model('b', 70, 70), preconditions: [{ id: 'p-fail', requires: { question: 'level', gte: 4 }, findings: ['f-low'], failure: text('low') }] };

function run(values: Record<string, unknown>) {
  const engine = compileEngine(miniKb([a, b]));
  const support = engine.questions[engine.position.get('size')!]!.prior.support;
  const p = support.reduce((sum, s) => sum + (Number(s.value) >= 20 ? s.weight : 0), 0);
  const meanSize = support.reduce((sum, s) => sum + s.weight * Number(s.value), 0);
  return { e: estimate(engine, municipalityOf(engine, answers(values).answers)), p, meanSize, engine };
}

describe('adjustments: truth, chance of applying, expected share', () => {
  it('each as in the table', () => {
    const { e, p, meanSize } = run({ size: 'dont-know', level: 3 });
    // A real chance between 0 and 1, or the table would not tell "unknown" from "yes" or "no".
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.95);
    const rows = e.models[0]!.adjustments.map((x) => [x.id, x.truth, x.probability, x.expected]);
    expect(rows).toEqual([
      ['k-yes', 'yes', 1, 1],
      ['k-no', 'no', 0, 0],
      ['u', 'unknown', expect.closeTo(p, 12), expect.closeTo(p, 12)],
      ['u-and', 'unknown', expect.closeTo(p, 12), expect.closeTo(p, 12)],
      ['no-ramp-u', 'no', 0, 0],
      ['ramp-u', 'unknown', expect.closeTo(1, 12), expect.closeTo(meanSize / 100, 12)],
      ['any-ramp-k', 'yes', expect.closeTo(1, 12), expect.closeTo(0.5, 12)],
      ['ramp-zero', 'no', 0, 0],
    ]);
  });
  it('all known (size 30): a truth from the answers alone, a ramp at its share', () => {
    const { e } = run({ size: 30, level: 3 });
    expect(e.models[0]!.adjustments.map((x) => [x.id, x.truth, x.expected])).toEqual([
      ['k-yes', 'yes', 1],
      ['k-no', 'no', 0],
      ['u', 'yes', 1],
      ['u-and', 'yes', 1],
      ['no-ramp-u', 'no', 0],
      ['ramp-u', 'yes', expect.closeTo(0.3, 12)],
      ['any-ramp-k', 'yes', expect.closeTo(0.5, 12)],
      ['ramp-zero', 'no', 0],
    ]);
  });
});

describe('preconditions and workability', () => {
  it('an open precondition has the chance it holds; a met one 1; a failed one 0 and makes the model unworkable', () => {
    const { e, p } = run({ size: 'dont-know', level: 3 });
    const [ma, mb] = e.models;
    expect(ma!.preconditions).toEqual([
      { id: 'p-open', truth: 'unknown', probability: expect.closeTo(p, 12) },
      { id: 'p-met', truth: 'yes', probability: expect.closeTo(1, 12) },
    ]);
    expect(ma!.feasible).toBe(true);
    expect(mb!.preconditions).toEqual([{ id: 'p-fail', truth: 'no', probability: 0 }]);
    expect(mb!.feasible).toBe(false);
  });
  it('answers that give an adjustment the same share but a precondition another truth are evaluated apart (the evaluations are kept by both)', () => {
    // size ≥ 20 switches the adjustment, size ≥ 30 the precondition: at size 25 and 33 the shares agree, the truths do not.
    const c: Model = { ...model('c', 60, 50), adjustments: [adj('u20', { when: { question: 'size', gte: 20 } }, 'c2', 3, 'f-moderate')], preconditions: [{ id: 'p30', requires: { question: 'size', gte: 30 }, findings: ['f-low'], failure: text('small') }] };
    const engine = compileEngine(miniKb([c]));
    const support = engine.questions[engine.position.get('size')!]!.prior.support;
    const chance = (at: number) => support.reduce((sum, s) => sum + (Number(s.value) >= at ? s.weight : 0), 0);
    expect(chance(30)).toBeGreaterThan(0.05);
    expect(chance(20) - chance(30)).toBeGreaterThan(0.05);
    const e = estimate(engine, municipalityOf(engine, answers({ size: 'dont-know', level: 3 }).answers)).models[0]!;
    expect(e.adjustments.map((x) => [x.id, x.probability])).toEqual([['u20', expect.closeTo(chance(20), 12)]]);
    expect(e.preconditions.map((x) => [x.id, x.probability])).toEqual([['p30', expect.closeTo(chance(30), 12)]]);
  });
  it('at level 4 every precondition of b holds and it is workable', () => {
    const { e } = run({ size: 'dont-know', level: 4 });
    expect(e.models[1]!.preconditions).toEqual([{ id: 'p-fail', truth: 'yes', probability: 1 }]);
    expect(e.models[1]!.feasible).toBe(true);
  });
});

describe('expected performance, weights and points', () => {
  it('size unknown: c1 60 + 2 + E[size]/100 + 0.5, c2 50 + 3p + p; weights 2/3 and 1/3; points weight × performance', () => {
    const { e, p, meanSize } = run({ size: 'dont-know', level: 3 });
    const c1 = 62.5 + meanSize / 100;
    const c2 = 50 + 4 * p;
    const [x, y] = e.models[0]!.criteria;
    expect(x!.performance).toBeCloseTo(c1, 9);
    expect(y!.performance).toBeCloseTo(c2, 9);
    expect(x!.weight).toBeCloseTo(2 / 3, 12);
    expect(y!.weight).toBeCloseTo(1 / 3, 12);
    expect(x!.points).toBeCloseTo((2 / 3) * c1, 9);
    expect(y!.points).toBeCloseTo(c2 / 3, 9);
    expect(e.models[0]!.score).toBeCloseTo((2 * c1 + c2) / 3, 9);
    expect(e.models[0]!.change).toBe(0);
  });
  it('share unknown: the expected weight of c1 is the mean of (1 + 2s/100) / (2 + 2s/100) over the share\'s prior', () => {
    const { engine } = run({});
    const support = engine.questions[engine.position.get('share')!]!.prior.support;
    const w1 = support.reduce((sum, s) => sum + s.weight * (1 + (2 * Number(s.value)) / 100) / (2 + (2 * Number(s.value)) / 100), 0);
    const e = estimate(engine, municipalityOf(engine, answers({ share: 'dont-know', size: 30 }).answers));
    expect(e.weights[0]).toBeCloseTo(w1, 12);
    expect(e.weights[1]).toBeCloseTo(1 - w1, 12);
    expect(e.models[1]!.criteria[0]!.weight).toBeCloseTo(w1, 12);
    // b rates 70 and 70: whatever the weights, its score is 70.
    expect(e.models[1]!.score).toBeCloseTo(70, 12);
  });
});

describe('criterion intervals over every combination (the exact extremes)', () => {
  const big: Model = { ...model('m', 60, 50), adjustments: [adj('big', { when: { question: 'size', gte: 20 } }, 'c1', 9, 'f-high')] };
  const interval = (size: unknown) => {
    const engine = compileEngine(miniKb([big]));
    return estimate(engine, municipalityOf(engine, answers({ size }).answers)).models[0]!.criteria;
  };
  it('all known: c1 60 ± Z·√(σL² + (10·0.5)²), c2 (rated 50, no effect) 50 ± Z·σL', () => {
    const [c1, c2] = interval(10);
    const half = Z * Math.sqrt(L2 + 25);
    expect(c1!.interval[0]).toBeCloseTo(60 - half, 9);
    expect(c1!.interval[1]).toBeCloseTo(60 + half, 9);
    expect(c2!.interval[0]).toBeCloseTo(50 - Z * COMMON_LEVEL_SD, 9);
    expect(c2!.interval[1]).toBeCloseTo(50 + Z * COMMON_LEVEL_SD, 9);
  });
  it('size unknown: from 60 − Z·√(σL² + 25) (the adjustment off) to 69 + Z·√(σL² + 25 + (9·0.15)²) (on)', () => {
    const [c1, c2] = interval('dont-know');
    expect(c1!.interval[0]).toBeCloseTo(60 - Z * Math.sqrt(L2 + 25), 9);
    expect(c1!.interval[1]).toBeCloseTo(69 + Z * Math.sqrt(L2 + 25 + 1.35 ** 2), 9);
    expect(c2!.interval[0]).toBeCloseTo(50 - Z * COMMON_LEVEL_SD, 9);
    expect(c2!.interval[1]).toBeCloseTo(50 + Z * COMMON_LEVEL_SD, 9);
  });
});

describe('evaluate.ts, one part at a time', () => {
  it('normalise: weights over their total; all zero, equal weights', () => {
    const w = Float64Array.from([1, 3]);
    normalise(w, 4);
    expect([...w]).toEqual([0.25, 0.75]);
    const zero = new Float64Array(4);
    normalise(zero, 0);
    expect([...zero]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('weightedSum and meanScore: 0.25·40 + 0.75·80 = 70; model a at 2/3, 1/3 with no adjustment 56.667, with k-yes (+2 on c1) 58', () => {
    expect(weightedSum(Float64Array.from([0.25, 0.75]), Float64Array.from([40, 80]))).toBe(70);
    const m = compileEngine(miniKb([a])).models[0]!;
    const weights = Float64Array.from([2 / 3, 1 / 3]);
    const factors = new Float64Array(m.adjustments.length);
    const perf = new Float64Array(2);
    expect(meanScore(m, weights, factors, perf)).toBeCloseTo(170 / 3, 12);
    factors[0] = 1;
    expect(meanScore(m, weights, factors, perf)).toBeCloseTo(58, 12);
    expect([...perf]).toEqual([62, 50]);
  });
  it('a rating on two findings of two studies: sd 0.15·0.85, shared out over both draws with unit weight (the score sd is as for one)', () => {
    // c1 70 on f-high and f-low: 2/3 · 20 · 0.1275 = 1.7; c2 50 has no effect.
    const two: Model = { ...model('t', 70, 50), performance: { c1: { value: 70, findings: ['f-high', 'f-low'], rationale: text('') }, c2: { value: 50, findings: ['f-moderate'], rationale: text('') } } };
    const engine = compileEngine(miniKb([two]));
    const m = engine.models[0]!;
    const byFinding = new Float64Array(engine.findings.length);
    const sd = scoreSd(m, Float64Array.from([2 / 3, 1 / 3]), new Float64Array(0), byFinding, COMMON_LEVEL_SD);
    expect(sd).toBeCloseTo(Math.sqrt(1.7 ** 2 + (5 / 9) * L2), 12);
    expect([...byFinding].every((x) => x === 0)).toBe(true);
    // The criterion's own: √(σL² + (20·0.1275)²).
    expect(performanceSd(m, 0, new Float64Array(0), COMMON_LEVEL_SD)).toBeCloseTo(Math.sqrt(L2 + 2.55 ** 2), 12);
    expect(performanceSd(m, 1, new Float64Array(0), COMMON_LEVEL_SD)).toBeCloseTo(COMMON_LEVEL_SD, 12);
  });
  it('effects on one finding with opposite signs cancel in the spread, but not in the bound', () => {
    // c1 rated 60 on f-high (+10) and an adjustment −4 on f-high: (10 − 4)·0.15 = 0.9; the bound (10 + 4)·0.15 = 2.1.
    const m = compileEngine(miniKb([{ ...model('m', 60, 50, ['f-high', 'f-moderate']), adjustments: [adj('minus', { when: { question: 'level', gte: 3 } }, 'c1', -4, 'f-high')] }])).models[0]!;
    const on = Float64Array.from([1]);
    expect(performanceSd(m, 0, on, COMMON_LEVEL_SD)).toBeCloseTo(Math.sqrt(L2 + 0.81), 12);
    expect(performanceSd(m, 0, on, COMMON_LEVEL_SD, true)).toBeCloseTo(Math.sqrt(L2 + 4.41), 12);
    // Off: the rating alone, 10·0.15.
    expect(performanceSd(m, 0, Float64Array.from([0]), COMMON_LEVEL_SD)).toBeCloseTo(Math.sqrt(L2 + 2.25), 12);
    // And the score: 2/3 · (10 − 4) · 0.15 = 0.6.
    expect(scoreSd(m, Float64Array.from([2 / 3, 1 / 3]), on, new Float64Array(4), COMMON_LEVEL_SD)).toBeCloseTo(Math.sqrt(0.36 + (5 / 9) * L2), 12);
  });
  it('every criterion in one walk: performanceSds, by hand, spread and bound', () => {
    // c1 rated 60 on f-high (+10, sd 0.15), −4 on f-high from level 3; c2 rated 50 (no effect), +6 on f-low (sd 0.5) from level 4.
    const m = compileEngine(miniKb([{ ...model('m', 60, 50, ['f-high', 'f-moderate']), adjustments: [adj('minus', { when: { question: 'level', gte: 3 } }, 'c1', -4, 'f-high'), adj('plus', { when: { question: 'level', gte: 4 } }, 'c2', 6, 'f-low')] }])).models[0]!;
    const at = (factors: number[], bound = false) => {
      const out = new Float64Array(2);
      performanceSds(m, Float64Array.from(factors), out, COMMON_LEVEL_SD, bound);
      return [...out];
    };
    const close = (got: number[], want: number[]) => want.forEach((w, c) => expect(got[c]).toBeCloseTo(w, 12));
    // Both on: c1 (10 − 4)·0.15 = 0.9, c2 6·0.5 = 3.
    close(at([1, 1]), [Math.sqrt(L2 + 0.81), Math.sqrt(L2 + 9)]);
    // The bound: c1 (10 + 4)·0.15 = 2.1.
    close(at([1, 1], true), [Math.sqrt(L2 + 4.41), Math.sqrt(L2 + 9)]);
    // The first off, the second at half its ramp: c1 10·0.15 = 1.5, c2 3·0.5 = 1.5.
    close(at([0, 0.5]), [Math.sqrt(L2 + 2.25), Math.sqrt(L2 + 2.25)]);
  });
  it('the cost of change is no part of the score sd', () => {
    const kb = miniKb([model('a', 60, 50)]);
    kb.questions.push({ ...kb.questions[2]!, id: 'today', type: 'choice', assume: 'x', options: [{ value: 'x', label: text('x') }] });
    kb.change = { today: 'today', base: 2, findings: ['f-low'], rationale: text('change') };
    const m = compileEngine(kb).models[0]!;
    expect(m.adjustments.map((x) => x.id)).toEqual(['change-cost']);
    expect(scoreSd(m, Float64Array.from([2 / 3, 1 / 3]), Float64Array.from([1]), new Float64Array(4), COMMON_LEVEL_SD)).toBeCloseTo(Math.sqrt((10 / 3) ** 2 + (5 / 9) * L2), 12);
  });
});

describe('compiling parts a model or rule may leave out', () => {
  it('a criterion the model does not rate counts as 50, on no evidence (the least sure there is), moved by no draw', () => {
    const partial: Model = { ...model('p', 60, 50), performance: { c1: { value: 60, findings: ['f-low'], rationale: text('') } } };
    const engine = compileEngine(miniKb([partial]));
    const m = engine.models[0]!;
    expect([...m.values]).toEqual([60, 50]);
    expect(m.ratings[1]).toMatchObject({ criterion: 1, effect: 0 });
    expect(m.ratings[1]!.body).toMatchObject({ findings: [], studies: 0, sd: 0.8 });
    const e = estimate(engine, municipalityOf(engine, answers({}).answers));
    expect(e.models[0]!.score).toBeCloseTo(170 / 3, 12);
  });
  it('a weight rule on a question the bank does not hold adds nothing', () => {
    const kb = miniKb([model('a', 60, 50)]);
    kb.criteria[1]!.weight.terms = [{ question: 'ghost', linear: [[0, 0], [100, 5]] }];
    const engine = compileEngine(kb);
    expect(engine.criteria[1]!.terms).toEqual([]);
    expect(estimate(engine, municipalityOf(engine, answers({}).answers)).weights).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(1 / 3, 12)]);
  });
});
