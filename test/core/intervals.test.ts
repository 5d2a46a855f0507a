import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { COMMON_LEVEL_SD } from '../../src/core/evaluate.js';
import { inverseNormal } from '../../src/core/random.js';
import { estimate, type ModelEstimate } from '../../src/core/score.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Adjustment, AnswerValue, Model } from '../../src/schema/index.js';
import { answers, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * The interval when there are too many answer combinations to try (score.ts, boxInterval and
 * upperSd: more than 4096 bounding points). The mini knowledge base (test/helpers/mini-kb.ts)
 * gets `pad` scale questions that feed nothing; answered "don't know", each has 5 grid values,
 * so six of them give 5⁶ = 15 625 combinations and the box bound is used, five of them
 * 5⁵ = 3125 and the exact extremes over every combination are used. They change no score.
 *
 * Mini knowledge base: c1 weighs 1 + 2·share/100 (1 to 3), c2 weighs 1; a rating's effect is its
 * distance from 50, its evidence sd EFFECT_SD[grade] (high 0.15, moderate 0.3, low 0.5, very
 * low 0.8); one finding per effect, so its shared-draw coefficient is 1. Z = Φ⁻¹(0.9), σL = 10/1.645.
 */
const Z = inverseNormal(0.9);
const L2 = COMMON_LEVEL_SD ** 2;
const text = (s: string) => ({ nb: s, en: s });

function padded(models: Model[], pad: number): KnowledgeBase {
  const kb = miniKb(models);
  for (let i = 1; i <= pad; i++) kb.questions.push(question(`p${i}`, { type: 'scale', assume: 3, low: text('low'), high: text('high') }));
  return kb;
}
const padAnswers = (pad: number): Record<string, AnswerValue> => Object.fromEntries(Array.from({ length: pad }, (_, i) => [`p${i + 1}`, 'dont-know']));

function estimated(kb: KnowledgeBase, pad: number, given: Record<string, unknown>): ModelEstimate[] {
  const engine = compileEngine(kb);
  return estimate(engine, municipalityOf(engine, answers({ ...padAnswers(pad), ...given }).answers)).models;
}

describe('the box bound (too many combinations), every relevant answer known', () => {
  // Weights fixed at 2 and 1 (share 50): the box is a point, the largest share of c1 is
  // 2 / (2 + 3 − 2) = 2/3 and of c2 1 / (1 + 3 − 1) = 1/3, so the bound is the exact interval:
  // a (60 low, 50 moderate): 56.667 ± Z·√((2/3·10·0.5)² + (4/9 + 1/9)·σL²).
  // Worked out inside each test: under `npm run mutation` a mutant is active only while tests run.
  const both = () => estimated(padded([model('a', 60, 50), model('n', 40, 50)], 6), 6, {});
  it('a: 56.667 ± Z·√(3.333² + 5/9·σL²), the same as the exact interval', () => {
    const [a] = both();
    const half = Z * Math.sqrt((10 / 3) ** 2 + (5 / 9) * L2);
    expect(a!.score).toBeCloseTo(170 / 3, 9);
    expect(a!.interval[0]).toBeCloseTo(170 / 3 - half, 9);
    expect(a!.interval[1]).toBeCloseTo(170 / 3 + half, 9);
  });
  it('n (40 on c1): 43.333 ± the same half-width (the spread counts an effect at its size, whatever its sign)', () => {
    const [, n] = both();
    const half = Z * Math.sqrt((10 / 3) ** 2 + (5 / 9) * L2);
    expect(n!.score).toBeCloseTo(130 / 3, 9);
    expect(n!.interval[0]).toBeCloseTo(130 / 3 - half, 9);
    expect(n!.interval[1]).toBeCloseTo(130 / 3 + half, 9);
  });
  it('criterion intervals: c1 60 ± Z·√(σL² + (10·0.5)²), c2 (no effect) 50 ± Z·σL', () => {
    const [a, n] = both();
    const c1 = Z * Math.sqrt(L2 + 25);
    expect(a!.criteria[0]!.interval[0]).toBeCloseTo(60 - c1, 9);
    expect(a!.criteria[0]!.interval[1]).toBeCloseTo(60 + c1, 9);
    expect(a!.criteria[1]!.interval[0]).toBeCloseTo(50 - Z * COMMON_LEVEL_SD, 9);
    expect(a!.criteria[1]!.interval[1]).toBeCloseTo(50 + Z * COMMON_LEVEL_SD, 9);
    expect(n!.criteria[0]!.interval[0]).toBeCloseTo(40 - c1, 9);
    expect(n!.criteria[0]!.interval[1]).toBeCloseTo(40 + c1, 9);
  });
  it('equals the exact interval over the 3125 combinations of five unknown padding questions', () => {
    const [a, n] = both();
    const exact = estimated(padded([model('a', 60, 50), model('n', 40, 50)], 5), 5, {});
    exact.forEach((m, i) => {
      const box = [a, n][i]!;
      expect(box.interval[0]).toBeCloseTo(m.interval[0], 9);
      expect(box.interval[1]).toBeCloseTo(m.interval[1], 9);
      m.criteria.forEach((c, k) => {
        expect(box.criteria[k]!.interval[0]).toBeCloseTo(c.interval[0], 9);
        expect(box.criteria[k]!.interval[1]).toBeCloseTo(c.interval[1], 9);
      });
    });
  });
});

describe('the box bound with the share (and so the weights) unknown', () => {
  // share on its grid 0–100: c1 weighs 1 to 3, c2 1. Largest shares: c1 3 / (3 + 2 − 1) = 0.75,
  // c2 1 / (1 + 2 − 1) = 0.5 (total of the low weights 2).
  // a (60, 50): lowest mean at c1's least weight (60 + 50) / 2 = 55, highest (3·60 + 50) / 4 = 57.5.
  // n (40, 50): lowest (3·40 + 50) / 4 = 42.5, highest (40 + 50) / 2 = 45.
  // sd bound: √((0.75·10·0.5)² + (0.75² + 0.5²)·σL²) = √(14.0625 + 0.8125·σL²), both models.
  const both = () => estimated(padded([model('a', 60, 50), model('n', 40, 50)], 6), 6, { share: 'dont-know' });
  const sd = Math.sqrt(14.0625 + 0.8125 * L2);
  it('a: [55 − Z·sd, 57.5 + Z·sd]', () => {
    const [a] = both();
    expect(a!.interval[0]).toBeCloseTo(55 - Z * sd, 9);
    expect(a!.interval[1]).toBeCloseTo(57.5 + Z * sd, 9);
    expect(a!.score).toBeGreaterThan(55);
    expect(a!.score).toBeLessThan(57.5);
  });
  it('n: [42.5 − Z·sd, 45 + Z·sd]', () => {
    const [, n] = both();
    expect(n!.interval[0]).toBeCloseTo(42.5 - Z * sd, 9);
    expect(n!.interval[1]).toBeCloseTo(45 + Z * sd, 9);
  });
  it('is never narrower than the exact interval over every combination (five padding questions)', () => {
    const [a, n] = both();
    const exact = estimated(padded([model('a', 60, 50), model('n', 40, 50)], 5), 5, { share: 'dont-know' });
    exact.forEach((m, i) => {
      const box = [a, n][i]!;
      expect(box.interval[0]).toBeLessThanOrEqual(m.interval[0] + 1e-9);
      expect(box.interval[1]).toBeGreaterThanOrEqual(m.interval[1] - 1e-9);
      // and not absurdly wider: the weight box is the same, only the spread is bounded above.
      expect(m.interval[0] - box.interval[0]).toBeLessThan(2);
    });
  });
});

describe('the box bound with adjustments: fixed, open, off, on a ramp, and the cost of change', () => {
  const adj = (id: string, over: Partial<Adjustment>, effects: [string, number][], findings: string[]): Adjustment => ({
    id,
    effects: effects.map(([criterion, delta]) => ({ criterion, delta })),
    findings,
    rationale: text(id),
    ...over,
  });
  // Model a (c1 60 low, c2 50 moderate), share 50 (weights 2 and 1), level 3, size unknown:
  //   fixed  level ≥ 3 (known, holds)      c1 +6 (high)       always applies:   c1 66 at both ends
  //   open   size ≥ 20 (size unknown)      c2 −8 (very low)   none to all:      c2 −8 … 0
  //   off    level ≥ 4 (known, fails)      c1 +9 (moderate)   never:            nothing, no spread
  //   ramp   ramp on share (known, 0.5)    c2 +4 (high)       a ramp: none to all, c2 0 … +4
  //   the cost of change (base 2, f-low): on the score itself, no part of the fit or its spread.
  // perf low [66, 42], high [66, 54]; weights fixed: mean (2·66 + 42)/3 = 58 to (2·66 + 54)/3 = 62.
  // Spread (shares 2/3, 1/3), by finding: f-low 2/3·10·0.5 = 3.3333; f-high 2/3·6·0.15 + 1/3·4·0.15
  // = 0.6 + 0.2 = 0.8; f-very-low 1/3·8·0.8 = 2.1333; sd = √(3.3333² + 0.8² + 2.1333² + 5/9·σL²).
  const a: Model = {
    ...model('a', 60, 50),
    adjustments: [
      adj('fixed', { when: { question: 'level', gte: 3 } }, [['c1', 6]], ['f-high']),
      adj('open', { when: { question: 'size', gte: 20 } }, [['c2', -8]], ['f-very-low']),
      adj('off', { when: { question: 'level', gte: 4 } }, [['c1', 9]], ['f-moderate']),
      adj('ramp', { ramp: { question: 'share', points: [[0, 0], [100, 1]] } }, [['c2', 4]], ['f-high']),
    ],
  };
  const run = () => {
    const kb = padded([a], 6);
    kb.questions.push(question('today', { type: 'choice', dontKnow: false, assume: undefined, options: ['x', 'other'].map((value) => ({ value, label: text(value) })) }));
    kb.change = { today: 'today', base: 2, findings: ['f-low'], rationale: text('change') };
    return estimated(kb, 6, { size: 'dont-know', today: 'other' })[0]!;
  };
  it('the score interval: [58 − Z·sd, 62 + Z·sd]', () => {
    const e = run();
    const sd = Math.sqrt((10 / 3) ** 2 + 0.8 ** 2 + (32 / 15) ** 2 + (5 / 9) * L2);
    expect(e!.interval[0]).toBeCloseTo(58 - Z * sd, 9);
    expect(e!.interval[1]).toBeCloseTo(62 + Z * sd, 9);
    // The cost of change is the expected change, not part of the score: 2 points, surely.
    expect(e!.change).toBeCloseTo(-2, 12);
  });
  it('criterion intervals: every effect that may apply at its full size in the spread', () => {
    const e = run();
    // c1: 66 ± Z·√(σL² + (10·0.5)² + (6·0.15)²); c2: 42 − Z·√(σL² + (8·0.8)² + (4·0.15)²) to 54 + the same.
    const c1 = Z * Math.sqrt(L2 + 25 + 0.81);
    const c2 = Z * Math.sqrt(L2 + 40.96 + 0.36);
    expect(e!.criteria[0]!.interval[0]).toBeCloseTo(66 - c1, 9);
    expect(e!.criteria[0]!.interval[1]).toBeCloseTo(66 + c1, 9);
    expect(e!.criteria[1]!.interval[0]).toBeCloseTo(42 - c2, 9);
    expect(e!.criteria[1]!.interval[1]).toBeCloseTo(54 + c2, 9);
  });
  it('the truths the bound reads: fixed yes, open unknown, off no, the ramp yes (known), the cost yes', () => {
    const e = run();
    expect(e!.adjustments.map((x) => [x.id, x.truth])).toEqual([
      ['fixed', 'yes'],
      ['open', 'unknown'],
      ['off', 'no'],
      ['ramp', 'yes'],
      ['change-cost', 'yes'],
    ]);
    // The ramp gives half its effect at share 50; the expected performance on c2 is inside its bound.
    expect(e!.adjustments[3]!.expected).toBeCloseTo(0.5, 12);
    expect(e!.criteria[0]!.performance).toBeCloseTo(66, 9);
  });
});
