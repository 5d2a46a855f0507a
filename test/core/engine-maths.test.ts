import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import { COMMON_LEVEL_SD } from '../../src/core/evaluate.js';
import { EFFECT_SD } from '../../src/core/evidence.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { inverseNormal } from '../../src/core/random.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { estimate, type Estimates } from '../../src/core/score.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import { answers, finding, miniKb, model } from '../helpers/mini-kb.js';

/*
 * The engine's maths on a knowledge base small enough to work by hand (test/helpers/mini-kb.ts):
 * two criteria weighted 2/3 and 1/3 at share 50, models rated on them, each rating citing one
 * finding of one study. A rating's effect is its distance from 50; its evidence factor has
 * standard deviation EFFECT_SD[grade] (low 0.5, moderate 0.3, high 0.15).
 *
 *   model  c1 (f-low)  c2 (f-moderate)  expected score            score sd (evidence only)
 *   A      60          50               2/3·60 + 1/3·50 = 56.667  2/3·10·0.5 = 3.333
 *   B      50          55               2/3·50 + 1/3·55 = 51.667  1/3·5·0.3  = 0.5
 *   C      50          50               50                        0
 *
 * Every score also carries the level uncertainty shared by all models: per criterion
 * sd COMMON_LEVEL_SD, so √((2/3)² + (1/3)²)·COMMON_LEVEL_SD on the score.
 */
const kb = miniKb([model('a', 60, 50), model('b', 50, 55), model('c', 50, 50)]);
// Compiled once for the sampling tests (of robustness.ts); the estimates below compile their own in beforeEach.
const engine = compileEngine(kb);
const Z80 = inverseNormal(0.9);
const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
const Phi = (x: number) => {
  // Integrate the density: plenty for a test tolerance of 1e-4.
  let sum = 0;
  const lo = -8;
  const steps = 4000;
  const h = (x - lo) / steps;
  for (let i = 0; i < steps; i++) sum += phi(lo + (i + 0.5) * h) * h;
  return sum;
};

describe('point estimates and intervals, by hand', () => {
  // Compiled and worked out in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
  let engine: Engine;
  let e: Estimates;
  beforeEach(() => {
    engine = compileEngine(kb);
    e = estimate(engine, municipalityOf(engine, answers({}).answers));
  });
  it.each([
    ['a', 56.667, Math.sqrt(3.333 ** 2 + (5 / 9) * COMMON_LEVEL_SD ** 2)],
    ['b', 51.667, Math.sqrt(0.5 ** 2 + (5 / 9) * COMMON_LEVEL_SD ** 2)],
    ['c', 50, Math.sqrt((5 / 9) * COMMON_LEVEL_SD ** 2)],
  ])('%s: expected score %d, 80 %% interval ± 1.2816 × its sd', (id, score, sd) => {
    const m = e.models[engine.models.findIndex((x) => x.id === id)]!;
    expect(m.score).toBeCloseTo(score, 2);
    expect(m.interval[0]).toBeCloseTo(score - Z80 * sd, 2);
    expect(m.interval[1]).toBeCloseTo(score + Z80 * sd, 2);
  });

  it('weights are 2/3 and 1/3 at share 50, and the criterion points add up to the score', () => {
    expect(e.weights[0]).toBeCloseTo(2 / 3, 9);
    expect(e.weights[1]).toBeCloseTo(1 / 3, 9);
    for (const m of e.models) expect(m.criteria.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(m.score, 9);
  });

  it('grades map to the stated spreads, and two studies narrow a rating by adequacy', () => {
    const sd = (grade: keyof typeof EFFECT_SD, refs: string[]) => {
      const k = miniKb([model('x', 60, 50, ['f', 'g'])], [finding('f', grade, refs), finding('g', 'low')]);
      return compileEngine(k).models[0]!.ratings[0]!.body.sd;
    };
    expect(sd('low', ['one'])).toBe(0.5);
    expect(sd('very-low', ['one'])).toBe(0.8);
    expect(sd('low', ['one', 'two'])).toBeCloseTo(0.5 * 0.85, 12);
    expect(sd('low', ['one', 'two', 'three', 'four'])).toBeCloseTo(0.5 * 0.75, 12);
  });
});

describe('rank acceptability, against the analytic value', () => {
  // P(A first) = ∫ φ(z) · 1[56.667 + 3.333z > 50] · Φ((56.667 + 3.333z − 51.667) / 0.5) dz: A must beat C (fixed)
  // and B (its own draw); the shared level cancels. Weights are fixed (no ordinal answer feeds them).
  const analytic = (() => {
    let sum = 0;
    const h = 0.002;
    for (let z = -8; z < 8; z += h) {
      const a = 170 / 3 + (10 / 3) * z;
      if (a > 50) sum += phi(z + h / 2) * Phi((a - 155 / 3) / 0.5) * h;
    }
    return sum;
  })();

  it(`A comes first in ${analytic.toFixed(3)} of the cases, within 3 Monte Carlo errors`, () => {
    const r = analyseRobustness(engine, municipalityOf(engine, answers({}).answers), { seed: 7, samples: 20_000 });
    const a = r.models[0]!;
    expect(Math.abs(a.ranks[0]! - analytic)).toBeLessThan(3 * a.firstError + 1e-3);
    // P(A beats C) = Φ(6.667 / 3.333) = Φ(2)
    expect(a.beats[2]).toBeCloseTo(Phi(2), 2);
    // Rank acceptabilities of each model add up to 1, and each rank is taken by exactly one model.
    for (const m of r.models) expect(m.ranks.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    for (let rank = 0; rank < 3; rank++) expect(r.models.reduce((sum, m) => sum + m.ranks[rank]!, 0)).toBeCloseTo(1, 9);
  });

  it('a model that beats every other on every criterion in every case has rank-1 acceptability 1', () => {
    // D rests on high-confidence evidence: even at the draws' extremes (±3.5 sd) its c1 and c2 stay above 69,
    // while A's c1 reaches at most 60 + 10 × 0.5 × 3.5 = 77.5 and its score at most 68.3.
    const k = miniKb([model('a', 60, 50), model('d', 90, 90, ['f-high', 'f-high']), model('c', 50, 50)]);
    const e = compileEngine(k);
    const r = analyseRobustness(e, municipalityOf(e, answers({}).answers), { seed: 3, samples: 5000 });
    expect(r.models[1]!.ranks[0]).toBe(1);
    expect(r.models[1]!.beats).toEqual([1, 0, 1]);
  });

  it('with every rating equal, whatever the grades, every model shares every rank and no first choice is declared', () => {
    const k = miniKb([model('a', 50, 50, ['f-very-low', 'f-very-low']), model('b', 50, 50, ['f-high', 'f-high']), model('c', 50, 50)]);
    const result = scoreMunicipality(compileEngine(k), answers({}), { lang: 'en', seed: 1, samples: 3000 });
    for (const m of result.ranking) expect(m.acceptability.ranks).toEqual([0.3333, 0.3333, 0.3333]);
    expect(result.verdict.kind).toBe('undecided');
    expect([...result.verdict.models].sort()).toEqual(['a', 'b', 'c']);
  });

  it('widening the uncertainty (weaker evidence) never makes the leader surer', () => {
    const firsts = (['high', 'moderate', 'low', 'very-low'] as const).map((grade) => {
      const k = miniKb([model('a', 60, 50, ['f', 'g']), model('b', 50, 55, ['g', 'g']), model('c', 52, 52, ['g', 'g'])], [finding('f', grade), finding('g', 'moderate')]);
      const e = compileEngine(k);
      return analyseRobustness(e, municipalityOf(e, answers({}).answers), { seed: 11, samples: 20_000 }).models[0]!.ranks[0]!;
    });
    for (let i = 1; i < firsts.length; i++) expect(firsts[i]).toBeLessThanOrEqual(firsts[i - 1]! + 0.01);
    expect(firsts[0]).toBeGreaterThan(firsts[3]! + 0.05);
  });

  it('an uncertainty shared by all models on a criterion changes no rank acceptability', () => {
    const run = (commonLevelSd: number) => {
      const e = compileEngine(kb, kb.models, { commonLevelSd });
      return analyseRobustness(e, municipalityOf(e, answers({}).answers), { seed: 5, samples: 10_000 }).models.map((m) => m.ranks);
    };
    const base = run(COMMON_LEVEL_SD);
    for (const sd of [0, 30]) {
      run(sd).forEach((ranks, m) => ranks.forEach((share, r) => expect(share).toBeCloseTo(base[m]![r]!, 3)));
    }
  });
});
