import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositionSampler, DEFAULT_CONCENTRATION, orderings, priorOf, priorSampler, triangular } from '../../src/core/priors.js';
import { seededRandom } from '../../src/core/random.js';
import type { Question, SumRule } from '../../src/schema/index.js';
import { question } from '../helpers/mini-kb.js';
import { repoKb } from '../helpers/kb.js';
import { runs } from '../helpers/runs.js';

/*
 * The priors of "don't know" (src/core/priors.ts): what orgfit assumes about an unknown
 * answer, for the point estimate (the support, with weights) and the samples (the sampler).
 */
const text = (s: string) => ({ nb: s, en: s });
const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));
const supportOf = (q: Question) => priorOf(q).support.map(({ value, weight }) => [value, Number(weight.toFixed(6))]);
const frequencies = (q: Question, draws = 20_000, seed = 3) => {
  const sample = priorSampler(q);
  const random = seededRandom(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const key = JSON.stringify(sample(random));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].map(([k, n]) => [k, n / draws]));
};
/** Four standard errors of a share p estimated from n draws. */
const tolerance = (p: number, n = 20_000) => 4 * Math.sqrt((p * (1 - p)) / n) + 1e-9;

describe('triangular (inverse distribution function)', () => {
  it.each([
    [0, 10, 5, 0, 0],
    [0, 10, 5, 0.5, 5],
    [0, 10, 5, 1, 10],
    [0, 10, 5, 0.125, 2.5], // √(0.125 · 10 · 5)
    [0, 10, 5, 0.875, 7.5], // 10 − √(0.125 · 10 · 5)
    [0, 10, 0, 0.75, 5], // mode at the left end: 10 − √(0.25 · 10 · 10)
    [0, 10, 10, 0.25, 5], // mode at the right end: √(0.25 · 10 · 10)
    [2, 8, 4, 1 / 3, 4], // the mode is the 1/3 quantile here ((4 − 2) / (8 − 2))
    [5, 5, 5, 0.3, 5], // a point
    [5, 3, 4, 0.3, 5], // an empty range gives its lower end
  ])('a=%d b=%d mode=%d: u=%d ↦ %d', (a, b, c, u, x) => expect(triangular(a, b, c, u)).toBeCloseTo(x, 9));
  it('is increasing in u and stays within [a, b]', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, width, m, u, v) => {
        const b = a + width;
        const c = a + m * width;
        const [x, y] = [triangular(a, b, c, Math.min(u, v)), triangular(a, b, c, Math.max(u, v))];
        expect(x).toBeLessThanOrEqual(y + 1e-9);
        expect(x).toBeGreaterThanOrEqual(a - 1e-9);
        expect(y).toBeLessThanOrEqual(b + 1e-9);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('orderings', () => {
  it.each([
    [[], [[]]],
    [['a'], [['a']]],
    [['a', 'b'], [['a', 'b'], ['b', 'a']]],
    [['a', 'b', 'c'], [['a', 'b', 'c'], ['a', 'c', 'b'], ['b', 'a', 'c'], ['b', 'c', 'a'], ['c', 'a', 'b'], ['c', 'b', 'a']]],
  ])('%j → %j', (given, expected) => expect(orderings(given)).toEqual(expected));
  it('five options: 120 distinct orderings, each of all five', () => {
    const all = orderings(['a', 'b', 'c', 'd', 'e']);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((o) => o.join())).size).toBe(120);
    for (const o of all) expect([...o].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('discrete priors: the support the point estimate averages over, and the sampler that draws from it', () => {
  const cases: [string, Question, [unknown, number][]][] = [
    ['a scale weighted 1, 2, 3, 2, 1 around assume 3', question('s', { type: 'scale', assume: 3 }), [[1, 1 / 9], [2, 2 / 9], [3, 3 / 9], [4, 2 / 9], [5, 1 / 9]]],
    ['a scale around assume 5: 0, 0, 1, 2, 3', question('s', { type: 'scale', assume: 5 }), [[3, 1 / 6], [4, 2 / 6], [5, 3 / 6]]],
    ['a scale with weights for 1–3: 4 and 5 keep their default (3 − distance from assume 2: 1 and 0)', question('s', { type: 'scale', assume: 2, prior: { weights: { '1': 1, '2': 1, '3': 2 }, why: text('') } }), [[1, 0.2], [2, 0.2], [3, 0.4], [4, 0.2]]],
    ['yes/no: the assumed answer twice as likely', question('b', { type: 'boolean', assume: false }), [[true, 1 / 3], [false, 2 / 3]]],
    ['a choice: the assumed option twice as likely as each other', question('c', { type: 'choice', assume: 'y', options: options('x', 'y', 'z') }), [['x', 0.25], ['y', 0.5], ['z', 0.25]]],
    ['a choice with weights, one of them zero', question('c', { type: 'choice', assume: 'x', options: options('x', 'y', 'z'), prior: { weights: { x: 3, y: 0 }, why: text('') } }), [['x', 0.75], ['z', 0.25]]],
    ['a multiple choice: an assumed option applies with chance 0.7, another 0.2', question('m', { type: 'multi', assume: ['a'], options: options('a', 'b') }), [[[], 0.24], [['a'], 0.56], [['b'], 0.06], [['a', 'b'], 0.14]]],
  ];
  it.each(cases)('%s', (_name, q, expected) => {
    expect(supportOf(q)).toEqual(expected.map(([v, w]) => [v, Number(w.toFixed(6))]));
    const seen = frequencies(q);
    for (const [value, weight] of expected) expect(Math.abs((seen.get(JSON.stringify(value)) ?? 0) - weight)).toBeLessThan(tolerance(weight));
  });
  it('a ranking: every order equally likely, in the support and in the draws', () => {
    const q = question('r', { type: 'rank', assume: undefined, options: options('a', 'b', 'c') });
    expect(supportOf(q)).toEqual(orderings(['a', 'b', 'c']).map((o) => [o, Number((1 / 6).toFixed(6))]));
    const seen = frequencies(q);
    expect(seen.size).toBe(6);
    for (const share of seen.values()) expect(Math.abs(share - 1 / 6)).toBeLessThan(tolerance(1 / 6));
  });
  it('more than 8 options of a multiple choice, or 7 to rank: no support (the point estimate draws instead)', () => {
    expect(priorOf(question('m', { type: 'multi', assume: [], options: options(...'abcdefghi') })).support).toEqual([]);
    expect(priorOf(question('r', { type: 'rank', assume: undefined, options: options(...'abcdefg') })).support).toEqual([]);
    expect(priorOf(question('m', { type: 'multi', assume: [], options: options(...'abcdefgh') })).support).toHaveLength(256);
  });
});

describe('numeric priors', () => {
  it('a percent: triangular from low to high with its peak at assume, to one decimal; the support is 16 equally likely quantiles', () => {
    const q = question('p', { type: 'percent', assume: 50, prior: { low: 20, high: 80, why: text('') } });
    // Quantile (k + 0.5)/16 of the symmetric triangle on [20, 80]: 20 + √(u · 60 · 30) below the mode.
    const expected = Array.from({ length: 16 }, (_, k) => {
      const u = (k + 0.5) / 16;
      const x = u < 0.5 ? 20 + Math.sqrt(u * 1800) : 80 - Math.sqrt((1 - u) * 1800);
      return [Math.round(x * 10) / 10, 0.0625];
    });
    expect(supportOf(q)).toEqual(expected);
    const sample = priorSampler(q);
    const random = seededRandom(1);
    const xs = Array.from({ length: 20_000 }, () => sample(random) as number);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(20);
      expect(x).toBeLessThanOrEqual(80);
      expect(Math.round(x * 10) / 10).toBe(x);
    }
    // Mean 50, variance (a² + b² + c² − ab − ac − bc)/18 = 150.
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 50)).toBeLessThan(4 * Math.sqrt(150 / 20_000));
  });
  it('a count on a log scale: the median is √(low · high) when assume sits there, and draws are whole numbers within [low, high]', () => {
    const q = question('n', { type: 'integer', min: 1, max: 2000, assume: 20, prior: { low: 5, high: 80, scale: 'log', why: text('') } });
    const sample = priorSampler(q);
    const random = seededRandom(8);
    const xs = Array.from({ length: 20_000 }, () => sample(random) as number);
    for (const x of xs) {
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(5);
      expect(x).toBeLessThanOrEqual(80);
    }
    const below = xs.filter((x) => x < 20).length / xs.length;
    const at = xs.filter((x) => x === 20).length / xs.length;
    expect(below).toBeLessThan(0.5);
    expect(below + at).toBeGreaterThan(0.5);
    // On the log scale: P(x < 10) = P(ln x < ln 9.5) = (ln 9.5 − ln 5)² / ((ln 80 − ln 5)(ln 20 − ln 5)).
    const p = Math.log(9.5 / 5) ** 2 / (Math.log(16) * Math.log(4));
    expect(Math.abs(xs.filter((x) => x < 10).length / xs.length - p)).toBeLessThan(tolerance(p));
  });
  it('without a stated range a number spreads over all of its bounds; a range is cut to the bounds and always holds assume', () => {
    const draw = (q: Question) => {
      const sample = priorSampler(q);
      const random = seededRandom(4);
      const xs = Array.from({ length: 5000 }, () => sample(random) as number);
      return [Math.min(...xs), Math.max(...xs)];
    };
    const [lo, hi] = draw(question('p', { type: 'percent', assume: 10, prior: undefined }));
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(90);
    const [lo2, hi2] = draw(question('n', { type: 'integer', min: 1, max: 10, assume: 9, prior: { low: 0, high: 5, why: text('') } }));
    expect(lo2).toBeGreaterThanOrEqual(1);
    expect(hi2).toBe(9);
  });
  it('a scale draws from its discrete weights, never a fraction', () => {
    const seen = frequencies(question('s', { type: 'scale', assume: 1 }));
    expect([...seen.keys()].sort()).toEqual(['1', '2', '3']);
    expect(Math.abs(seen.get('1')! - 0.5)).toBeLessThan(tolerance(0.5));
  });
});

describe('compositionSampler (an unknown task mix, drawn jointly so it always adds up)', () => {
  const rule: SumRule = { id: 'mix', questions: ['x', 'y', 'z'], total: 100, tolerance: 1, message: text('') };
  it('known shares stay as given; the unknown ones share what is left, each to one decimal', () => {
    const draw = compositionSampler(rule, [50, 30, 20]);
    const random = seededRandom(6);
    for (let i = 0; i < 500; i++) {
      const [x, y, z] = draw([40, undefined, undefined], random);
      expect(x).toBe(40);
      expect(Math.abs(y! + z! - 60)).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(Math.round(y! * 10) / 10).toBe(y);
    }
    expect(draw([40, 35, undefined], random)).toEqual([40, 35, 25]);
    expect(draw([70, 50, undefined], random)).toEqual([70, 50, 0]);
  });
  it(`the Dirichlet is centred on the assumed proportions, with concentration ${DEFAULT_CONCENTRATION} unless the rule says otherwise`, () => {
    const mean = (r: SumRule, n = 4000) => {
      const draw = compositionSampler(r, [50, 30, 20]);
      const random = seededRandom(11);
      const sums = [0, 0, 0];
      const squares = [0, 0, 0];
      for (let i = 0; i < n; i++) draw([undefined, undefined, undefined], random).forEach((s, j) => ((sums[j]! += s), (squares[j]! += s * s)));
      return { mean: sums.map((s) => s / n), variance: squares.map((s, j) => s / n - (sums[j]! / n) ** 2) };
    };
    const { mean: m, variance: v } = mean(rule);
    // Dirichlet(20 · (0.5, 0.3, 0.2)): mean 100 p, variance 100² p(1 − p)/(20 + 1).
    [50, 30, 20].forEach((p, j) => {
      expect(Math.abs(m[j]! - p)).toBeLessThan(1);
      expect(v[j]! / ((p * (100 - p)) / 21)).toBeGreaterThan(0.85);
      expect(v[j]! / ((p * (100 - p)) / 21)).toBeLessThan(1.15);
    });
    const sure = mean({ ...rule, concentration: 200 }).variance;
    expect(sure[0]! / ((50 * 50) / 201)).toBeGreaterThan(0.85);
    expect(sure[0]! / ((50 * 50) / 201)).toBeLessThan(1.15);
  });
});

describe('every question of the bank', () => {
  it.each(repoKb().questions.filter((q) => q.dontKnow).map((q) => [q.id, q] as const))('%s: the support is a probability distribution, centred near assume', (_id, q) => {
    const { support } = priorOf(q);
    if (support.length === 0) return;
    expect(support.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 9);
    for (const p of support) expect(p.weight).toBeGreaterThan(0);
  });
});
