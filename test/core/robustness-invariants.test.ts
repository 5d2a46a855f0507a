import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { expectedScores, tippingPoints, type TippingPoint } from '../../src/core/tipping.js';
import { expectationPoints, municipalityOf } from '../../src/core/unknowns.js';
import type { Model } from '../../src/schema/index.js';
import { answers, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * What SMAA-2 (robustness.ts) and the search for tipping points (tipping.ts) must get right
 * whatever random stream, sample count or cache they use: the bookkeeping of the
 * acceptabilities, and probabilities that follow from the weights alone, worked out by hand.
 * The figures are checked within six Monte Carlo standard errors, never against one stream.
 *
 * The trick that makes them exact: two models whose non-neutral ratings all cite the same
 * high-confidence finding differ by (1 + 0.15·z)·(their weighted effects), and 1 + 0.15·z is
 * positive for any z a sample draws, so which one is ahead depends on the weights alone.
 * The level uncertainty shared by all models cancels in every comparison.
 * Everything is worked out inside the tests (a Stryker mutant is active only while tests run).
 */
const text = (s: string) => ({ nb: s, en: s });
const sure = (id: string, c1: number, c2: number): Model => model(id, c1, c2, ['f-high', 'f-high']);

describe('the bookkeeping of the acceptabilities', () => {
  const run = (seed: number) => {
    const engine = compileEngine(miniKb([model('a', 60, 50), model('b', 50, 55), model('c', 52, 52, ['f-moderate', 'f-moderate'])]));
    return analyseRobustness(engine, municipalityOf(engine, answers({ size: 'dont-know' }).answers), { seed, samples: 3000 });
  };
  it('ranks add up to 1 per model and per rank; mean rank, pairwise wins, errors and central weights agree with them', () => {
    const r = run(9);
    expect(r).toMatchObject({ samples: 3000, seed: 9, adaptive: false });
    const n = r.models.length;
    for (const [m, x] of r.models.entries()) {
      expect(x.ranks.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(x.meanRank).toBeCloseTo(x.ranks.reduce((s, v, k) => s + v * (k + 1), 0), 12);
      expect(x.firstError).toBeCloseTo(Math.sqrt((x.ranks[0]! * (1 - x.ranks[0]!)) / 3000), 12);
      expect(x.beats[m]).toBe(0);
      for (let o = 0; o < n; o++) if (o !== m) expect(x.beats[o]! + r.models[o]!.beats[m]!).toBeCloseTo(1, 12);
      // No cost of change in this knowledge base: the comparison after it is the same.
      expect(x.beatsAfterChange).toEqual(x.beats);
      // Weights are fixed (share known, no ordinal weight rule): the central weights are those, 2/3 and 1/3.
      if (x.ranks[0]! > 0) {
        expect(x.centralWeights![0]).toBeCloseTo(2 / 3, 12);
        expect(x.centralWeights![1]).toBeCloseTo(1 / 3, 12);
      }
      if (x.confidence !== undefined) {
        expect(x.confidence).toBeGreaterThanOrEqual(0);
        expect(x.confidence).toBeLessThanOrEqual(1);
      }
    }
    for (let k = 0; k < n; k++) expect(r.models.reduce((s, x) => s + x.ranks[k]!, 0)).toBeCloseTo(1, 12);
    // The second pass runs for every model first in at least 1 % of the samples, and only for those.
    for (const x of r.models) expect(x.confidence !== undefined).toBe(x.ranks[0]! >= 0.01);
    expect(r.models[0]!.confidence).toBeDefined();
  });
  it('the same seed gives the same figures', () => {
    expect(run(4)).toEqual(run(4));
  });
});

describe('probabilities that follow from the weights alone', () => {
  // a rates c1 60, b rates c2 60, both on f-high: a is ahead exactly when c1 weighs more than c2.
  const ab = () => [sure('a', 60, 50), sure('b', 50, 60)];

  it('an ordinal weight is drawn within half a step of its answer: P(a first) = P(U[2.5, 3.5] < 2.75) = 0.25', () => {
    // c1 weighs 1 + 2·share/100 = 2.75 at share 87.5 (a measured share: no band); c2 weighs 1 + map(level),
    // map 1…5 → 0…4, so 3 at level 3, drawn within ±0.5 (half the step to its neighbours).
    // Central weight of c1 when a is first: the mean of 2.75/(2.75 + u) over u in [2.5, 2.75] = 11·ln(5.5/5.25).
    const kb = miniKb(ab());
    kb.criteria[1]!.weight.terms = [{ question: 'level', map: { '1': 0, '2': 1, '3': 2, '4': 3, '5': 4 } }];
    const engine = compileEngine(kb);
    for (const given of [{ share: 87.5 }, { share: 87.5, size: 'dont-know' }]) {
      // All known (the weights' centres fixed) and with an answer unknown (drawn each sample): the same chance.
      const r = analyseRobustness(engine, municipalityOf(engine, answers(given).answers), { seed: 3, samples: 4000 });
      const [a, b] = r.models;
      const tolerance = 6 * Math.sqrt((0.25 * 0.75) / 4000);
      expect(Math.abs(a!.ranks[0]! - 0.25)).toBeLessThan(tolerance);
      expect(Math.abs(b!.ranks[0]! - 0.75)).toBeLessThan(tolerance);
      expect(a!.centralWeights![0]).toBeCloseTo(11 * Math.log(5.5 / 5.25), 3);
      // Never tied (the weights are continuous): a's wins over b and b's over a add up to 1 without halves.
      expect(a!.beats[1]).toBeCloseTo(a!.ranks[0]!, 12);
    }
  });

  it('a ranking fixes only the order of its weights: c1 ranked first weighs U[0.5, 1]; P(a first) = P(w₁ > 0.8) = 0.4', () => {
    // c1 and c2 weigh only what the ranking of p (c1) and q (c2) gives them, 1 in all: w₁ = max(u, 1 − u), u uniform.
    // a rates c1 60 (+10), b rates c2 90 (+40): a is ahead when 10·w₁ > 40·(1 − w₁), i.e. w₁ > 0.8.
    // Central weights: c1 averages 0.9 where a is first, 0.65 where b is.
    const kb = miniKb([sure('a', 60, 50), sure('b', 50, 90)]);
    kb.questions.push(question('prio', { type: 'rank', assume: undefined, options: ['p', 'q'].map((value) => ({ value, label: text(value) })) }));
    kb.criteria[0]!.weight = { base: 0, terms: [{ question: 'prio', rank: 'p', total: 1 }] };
    kb.criteria[1]!.weight = { base: 0, terms: [{ question: 'prio', rank: 'q', total: 1 }] };
    const engine = compileEngine(kb);
    const r = analyseRobustness(engine, municipalityOf(engine, answers({ prio: ['p', 'q'] }).answers), { seed: 8, samples: 4000 });
    const [a, b] = r.models;
    const tolerance = 6 * Math.sqrt((0.4 * 0.6) / 4000);
    expect(Math.abs(a!.ranks[0]! - 0.4)).toBeLessThan(tolerance);
    expect(a!.centralWeights![0]).toBeCloseTo(0.9, 2);
    expect(b!.centralWeights![0]).toBeCloseTo(0.65, 2);
    expect(a!.centralWeights![0]! + a!.centralWeights![1]!).toBeCloseTo(1, 12);
    // Ranked the other way round, c1 weighs at most 0.5: a is never first.
    const reversed = analyseRobustness(engine, municipalityOf(engine, answers({ prio: ['q', 'p'] }).answers), { seed: 8, samples: 1000 });
    expect(reversed.models[0]!.ranks[0]).toBe(0);
  });

  it('a model whose precondition may fail is first only where it holds: P(first) = P(size ≥ 20), the chance the estimate gives it', () => {
    // d dominates (90 on both, high evidence) but needs 20 FTE; with size unknown it is first in exactly the draws where size ≥ 20.
    const d: Model = { ...sure('d', 90, 90), preconditions: [{ id: 'big', requires: { question: 'size', gte: 20 }, findings: ['f-low'], failure: text('') }] };
    const engine = compileEngine(miniKb([d, sure('w', 55, 55)]));
    const m = municipalityOf(engine, answers({ size: 'dont-know' }).answers);
    const r = analyseRobustness(engine, m, { seed: 6, samples: 4000, skipConfidence: true });
    const p = expectationPoints(engine, m).reduce((s, x) => s + (Number(x.values[engine.position.get('size')!]) >= 20 ? x.weight : 0), 0);
    // The prior's 16 quantile points against its continuous draws: within a quantile's width (1/16) plus 6 errors.
    expect(Math.abs(r.models[0]!.ranks[0]! - p)).toBeLessThan(1 / 16 + 6 * Math.sqrt((p * (1 - p)) / 4000));
    expect(r.models[0]!.ranks[0]! + r.models[1]!.ranks[0]!).toBeCloseTo(1, 12);
    // Where it fails it ranks last, below a model it beats on every criterion.
    expect(r.models[0]!.ranks[1]).toBeCloseTo(1 - r.models[0]!.ranks[0]!, 12);
  });
});

describe('expectedScores (what the searches compare)', () => {
  it('all known: one answer set, the scores by hand (2/3·60 + 1/3·50 and 2/3·50 + 1/3·60), a failed precondition unworkable', () => {
    const d: Model = { ...sure('d', 90, 90), preconditions: [{ id: 'big', requires: { question: 'size', gte: 20 }, findings: ['f-low'], failure: text('') }] };
    const engine = compileEngine(miniKb([sure('a', 60, 50), sure('b', 50, 60), d]));
    const m = municipalityOf(engine, answers({ size: 10 }).answers);
    const { scores, feasible } = expectedScores(engine, expectationPoints(engine, m));
    expect(scores[0]).toBeCloseTo(170 / 3, 12);
    expect(scores[1]).toBeCloseTo(160 / 3, 12);
    expect(scores[2]).toBeCloseTo(90, 12);
    expect(feasible).toEqual([true, true, false]);
    // Size unknown: d can be workable (in some answer sets it is).
    expect(expectedScores(engine, expectationPoints(engine, municipalityOf(engine, answers({ size: 'dont-know' }).answers))).feasible).toEqual([true, true, true]);
  });
});

describe('tipping points', () => {
  // c2 weighs 2 (base 2), c1 1 + 2·share/100: a (c1 60) is ahead of b (c2 60) in every sample exactly when share > 50,
  // tied in every sample at 50, behind below it. At share 70 a is the clear first choice (first in every sample).
  const kb = (): KnowledgeBase => {
    const k = miniKb([sure('a', 60, 50), sure('b', 50, 60)]);
    k.criteria[1]!.weight.base = 2;
    return k;
  };
  const score = (values: Record<string, unknown>, searches = true) => scoreMunicipality(compileEngine(kb()), answers(values), { lang: 'en', seed: 1, samples: 1000, skipSearches: !searches });
  const KINDS: TippingPoint['kind'][] = ['loses-first', 'no-longer-clear', 'keeps-today', 'becomes-clear', 'takes-first'];

  it('share 70: the verdict tips on the share, at 50 or just below, and nowhere above it', () => {
    const result = score({ share: 70 });
    expect(result.verdict).toMatchObject({ kind: 'clear', leader: 'a' });
    const points = result.tippingPoints;
    expect(points.length).toBeGreaterThan(0);
    for (const t of points) {
      // Size and level change no score: only the share can tip the verdict.
      expect(t).toMatchObject({ question: 'share', from: 70, model: t.kind === 'takes-first' ? 'b' : 'a' });
      expect(Number(t.to)).toBeLessThanOrEqual(50);
      expect(t.distance).toBeCloseTo((70 - Number(t.to)) / 100, 12);
      expect(KINDS).toContain(t.kind);
    }
    // The nearest is within the search's resolution near the answer (every fifth percent further out).
    expect(Number(points[0]!.to)).toBeGreaterThanOrEqual(45);
  });

  it('each tipping point really changes the verdict: scored again at its answer, the leader or the kind is what it says', () => {
    for (const t of score({ share: 70 }).tippingPoints) {
      const after = score({ share: t.to }, false).verdict;
      expect(after.leader).toBe(t.leader);
      if (t.kind === 'loses-first' || t.kind === 'takes-first') expect(after.leader).not.toBe('a');
      if (t.kind === 'no-longer-clear') expect(after.kind).not.toBe('clear');
    }
  });

  it('sorted by kind, then by distance; at most two of a kind', () => {
    const points = score({ share: 70 }).tippingPoints;
    for (let i = 1; i < points.length; i++) {
      const [x, y] = [points[i - 1]!, points[i]!];
      expect(KINDS.indexOf(x.kind)).toBeLessThanOrEqual(KINDS.indexOf(y.kind));
      if (x.kind === y.kind) expect(x.distance).toBeLessThanOrEqual(y.distance);
    }
    for (const kind of KINDS) expect(points.filter((t) => t.kind === kind).length).toBeLessThanOrEqual(2);
  });

  it('an unknown answer is not searched, and without a leader there is nothing to tip', () => {
    expect(score({ share: 'dont-know' }).tippingPoints.filter((t) => t.question === 'share')).toEqual([]);
    const engine = compileEngine(kb());
    const m = municipalityOf(engine, answers({ share: 70 }).answers);
    expect(tippingPoints(engine, m, { kind: 'undecided', models: [], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } }, undefined, 1)).toEqual([]);
  });

  it('share 30 (b clear): the tipping points concern b, at 50 or just above', () => {
    const result = score({ share: 30 });
    expect(result.verdict).toMatchObject({ kind: 'clear', leader: 'b' });
    expect(result.tippingPoints.length).toBeGreaterThan(0);
    for (const t of result.tippingPoints) {
      expect(t.question).toBe('share');
      // At 50 the two tie in every sample; the leader by id is then a, so even 50 tips b's verdict.
      expect(Number(t.to)).toBeGreaterThanOrEqual(50);
      expect(Number(t.to)).toBeLessThanOrEqual(55);
    }
  });
});
