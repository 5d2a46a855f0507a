import { describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { seededRandom } from '../../src/core/random.js';
import { analyseInStages, analyseRobustness, MAX_SAMPLES, MIN_SAMPLES, type Robustness } from '../../src/core/robustness.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Model } from '../../src/schema/index.js';
import { answers, miniKb, model } from '../helpers/mini-kb.js';

/*
 * The parts of SMAA-2 (robustness.ts) checked exactly, on designs where what happens in
 * every single sample can be worked out outside the engine:
 *
 * - one finding decides: a rates c1 60 on f-very-low (evidence sd 0.8, one study), b is
 *   neutral (50, 50). a's score less b's is w₁·10·(1 + 0.8·z), z the normal of f-very-low's
 *   slot in the sample: a is ahead exactly when z > −1.25, whatever the weights. The
 *   evidence of sample s is the stream seededRandom(seed) from draw s·(findings + criteria)
 *   on (the findings' normals, then the shared level's), so the count of samples in which a
 *   is first can be replayed here, sample by sample.
 * - the weights decide: two models on the same high-confidence finding, one ahead on c1,
 *   one on c2, by the same amount: which is ahead depends on the weights alone.
 * - identical models: every sample an exact tie.
 *
 * Everything runs inside the tests (a Stryker mutant is active only while tests run).
 */
const text = (s: string) => ({ nb: s, en: s });
const sure = (id: string, c1: number, c2: number): Model => model(id, c1, c2, ['f-high', 'f-high']);

/** a (c1 60 on f-very-low) and b (neutral): a first exactly when 1 + 0.8·z > 0. */
const oneFinding = (): Engine => compileEngine(miniKb([model('a', 60, 50, ['f-very-low', 'f-moderate']), model('b', 50, 50)]));

/** How many of the first `n` samples of `seed` have a first, replayed from the evidence stream. */
function replayed(engine: Engine, seed: number, n: number): number {
  const findings = engine.findings.length;
  const criteria = engine.criteria.length;
  const slot = engine.models[0]!.ratings[0]!.body.draws[0]!;
  const sd = engine.models[0]!.ratings[0]!.body.sd;
  const z = new Float64Array(findings);
  let count = 0;
  for (let s = 0; s < n; s++) {
    seededRandom(seed, s * (findings + criteria)).normals(z);
    if (1 + sd * z[slot]! > 0) count++;
  }
  return count;
}

describe('sample by sample: the evidence stream, the tally and the second pass', () => {
  it('the design: one study of very low certainty (sd 0.8) in its own slot, four findings, two criteria', () => {
    const engine = oneFinding();
    expect(engine.findings.length).toBe(4);
    expect(engine.criteria.length).toBe(2);
    expect(engine.models[0]!.ratings[0]).toMatchObject({ criterion: 0, effect: 10 });
    expect(engine.models[0]!.ratings[0]!.body.sd).toBeCloseTo(0.8, 12);
    expect(Array.from(engine.models[0]!.ratings[0]!.body.coefficients)).toEqual([1]);
  });

  it.each([
    [1, 600],
    [5, 2000],
    [5, 2600],
    [77, 2251],
  ])('seed %i, %i samples (kept draws, then the stream beyond them): the counts replayed exactly', (seed, n) => {
    const engine = oneFinding();
    const first = replayed(engine, seed, n);
    expect(first).toBeGreaterThan(0.8 * n);
    expect(first).toBeLessThan(n);
    const r = analyseRobustness(engine, municipalityOf(engine, answers({}).answers), { seed, samples: n });
    expect(r).toMatchObject({ samples: n, seed, adaptive: false, maxSamples: MAX_SAMPLES });
    const [a, b] = r.models;
    const p = first / n;
    expect(a!.ranks).toEqual([p, (n - first) / n]);
    expect(b!.ranks).toEqual([(n - first) / n, p]);
    expect(a!.beats).toEqual([0, p]);
    expect(b!.beats).toEqual([(n - first) / n, 0]);
    expect(a!.beatsAfterChange).toEqual(a!.beats);
    expect(b!.beatsAfterChange).toEqual(b!.beats);
    expect(a!.meanRank).toBeCloseTo(1 + (n - first) / n, 12);
    expect(b!.meanRank).toBeCloseTo(1 + p, 12);
    expect(a!.firstError).toBeCloseTo(Math.sqrt((p * (1 - p)) / n), 14);
    expect(b!.firstError).toBeCloseTo(Math.sqrt((p * (1 - p)) / n), 14);
    // The weights are fixed (share known, no band): the central weights are 2/3 and 1/3 for both.
    for (const x of r.models) {
      expect(x.centralWeights![0]).toBeCloseTo(2 / 3, 12);
      expect(x.centralWeights![1]).toBeCloseTo(1 / 3, 12);
    }
    // The second pass: the same evidence (the first min(2000, n) samples), the weights held: the same counts.
    const held = Math.min(2000, n);
    const firstHeld = replayed(engine, seed, held);
    expect(a!.confidence).toBe(firstHeld / held);
    expect(b!.confidence).toBe((held - firstHeld) / held);
  });

  it('whatever was drawn before: other seeds, shorter and longer runs on the same engine give the same figures', () => {
    const engine = oneFinding();
    const m = municipalityOf(engine, answers({}).answers);
    const fresh = (seed: number, samples: number) => analyseRobustness(oneFinding(), municipalityOf(oneFinding(), answers({}).answers), { seed, samples });
    const expected = fresh(3, 2300);
    // A short run keeps only the first few hundred samples' draws; then six other seeds push seed 3 out of the kept ones.
    expect(analyseRobustness(engine, m, { seed: 3, samples: 100 }).models[0]!.ranks[0]).toBe(replayed(engine, 3, 100) / 100);
    expect(analyseRobustness(engine, m, { seed: 3, samples: 2300 })).toEqual(expected);
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const n = 300 + seed;
      expect(analyseRobustness(engine, m, { seed, samples: n, skipConfidence: true }).models[0]!.ranks[0]).toBe(replayed(engine, seed, n) / n);
    }
    expect(analyseRobustness(engine, m, { seed: 3, samples: 2300 })).toEqual(expected);
    expect(analyseRobustness(engine, m, { seed: 3, samples: 700 }).models[0]!.ranks[0]).toBe(replayed(engine, 3, 700) / 700);
  });

  it.each([
    ['all known (the weights fixed once)', {}],
    ['size unknown (an integer: evaluated afresh every sample)', { size: 'dont-know' }],
    ['the level unknown (a scale: evaluations kept per drawn answer)', { level: 'dont-know' }],
    ['the share unknown (the weights drawn every sample)', { share: 'dont-know' }],
    ['everything unknown', { share: 'dont-know', size: 'dont-know', level: 'dont-know' }],
  ])('%s: the answers are drawn from a stream of their own, so the evidence and the counts stay the same', (_, given) => {
    const engine = oneFinding();
    const n = 2100;
    const r = analyseRobustness(engine, municipalityOf(engine, answers(given).answers), { seed: 21, samples: n, skipConfidence: true });
    expect(r.models[0]!.ranks[0]).toBe(replayed(engine, 21, n) / n);
    expect(r.models[0]!.confidence).toBeUndefined();
  });
});

describe('ties count half', () => {
  it('two identical models tie in every sample: half of each rank, beats ½, central weights the weights, a dominated third last', () => {
    const engine = compileEngine(miniKb([model('a', 60, 50), model('b', 60, 50), model('c', 40, 40, ['f-high', 'f-high'])]));
    const r = analyseRobustness(engine, municipalityOf(engine, answers({}).answers), { seed: 2, samples: 500 });
    const [a, b, c] = r.models;
    for (const x of [a!, b!]) {
      expect(x.ranks).toEqual([0.5, 0.5, 0]);
      expect(x.meanRank).toBe(1.5);
      expect(x.firstError).toBeCloseTo(Math.sqrt(0.25 / 500), 14);
      expect(x.centralWeights![0]).toBeCloseTo(2 / 3, 12);
      expect(x.centralWeights![1]).toBeCloseTo(1 / 3, 12);
      // Held at its central weights it still ties in every sample: half the time first.
      expect(x.confidence).toBe(0.5);
    }
    expect(a!.beats).toEqual([0, 0.5, 1]);
    expect(b!.beats).toEqual([0.5, 0, 1]);
    expect(c).toMatchObject({ ranks: [0, 0, 1], meanRank: 3, beats: [0, 0, 0], firstError: 0 });
    expect(c!.centralWeights).toBeUndefined();
    expect(c!.confidence).toBeUndefined();
  });

  it('three identical models: a third of every rank each, mean rank 2', () => {
    const engine = compileEngine(miniKb([model('a', 55, 45), model('b', 55, 45), model('c', 55, 45)]));
    const r = analyseRobustness(engine, municipalityOf(engine, answers({ share: 'dont-know' }).answers), { seed: 4, samples: 300 });
    for (const [m, x] of r.models.entries()) {
      for (const share of x.ranks) expect(share).toBeCloseTo(1 / 3, 12);
      expect(x.meanRank).toBeCloseTo(2, 12);
      expect(x.beats.filter((_, o) => o !== m)).toEqual([0.5, 0.5]);
      expect(x.confidence).toBeCloseTo(1 / 3, 12);
      // The weights drawn: the central weights are their mean over all samples (each credited a third) and add up to 1.
      expect(x.centralWeights![0]! + x.centralWeights![1]!).toBeCloseTo(1, 12);
    }
    expect(r.models[0]!.centralWeights![0]).toBeCloseTo(r.models[1]!.centralWeights![0]!, 12);
    expect(r.models[0]!.centralWeights![0]).toBeCloseTo(r.models[2]!.centralWeights![0]!, 12);
  });

  it('a model that fails its precondition ranks after the workable ones, even above them on score; two failing tie by score', () => {
    const big = { preconditions: [{ id: 'big', requires: { question: 'size', gte: 20 }, findings: ['f-low'], failure: text('') }] };
    const engine = compileEngine(miniKb([{ ...sure('d', 90, 90), ...big }, { ...sure('e', 90, 90), ...big }, sure('w', 40, 40), sure('v', 45, 45)]));
    const r = analyseRobustness(engine, municipalityOf(engine, answers({ size: 10 }).answers), { seed: 1, samples: 200 });
    const [d, e, w, v] = r.models;
    expect(v!.ranks).toEqual([1, 0, 0, 0]);
    expect(w!.ranks).toEqual([0, 1, 0, 0]);
    expect(d!.ranks).toEqual([0, 0, 0.5, 0.5]);
    expect(e!.ranks).toEqual([0, 0, 0.5, 0.5]);
    expect(d!.beats).toEqual([0, 0.5, 0, 0]);
    expect(w!.beats).toEqual([1, 1, 0, 0]);
    expect(v!.beats).toEqual([1, 1, 1, 0]);
    expect(v!.confidence).toBe(1);
    expect(w!.confidence).toBeUndefined();
  });
});

describe('the weights decide: ordinal bands and the confidence factors', () => {
  // c1 weighs 1 + 2·share/100 (W, no band), c2 1 + map(level): 3 at level 3, drawn uniformly within ±0.5.
  // a (c1 +10) is ahead of b (c2 +10) exactly when W > u, u ~ U[2.5, 3.5]: P(a first) = W − 2.5.
  const banded = (): KnowledgeBase => {
    const kb = miniKb([sure('a', 60, 50), sure('b', 50, 60)]);
    kb.criteria[1]!.weight.terms = [{ question: 'level', map: { '1': 0, '2': 1, '3': 2, '4': 3, '5': 4 } }];
    return kb;
  };

  it('share 90 (W 2.8): P(a first) 0.3; held at its central weights each model wins every sample (confidence 1)', () => {
    const engine = compileEngine(banded());
    const r = analyseRobustness(engine, municipalityOf(engine, answers({ share: 90 }).answers), { seed: 12, samples: 3000 });
    const [a, b] = r.models;
    expect(Math.abs(a!.ranks[0]! - 0.3)).toBeLessThan(6 * Math.sqrt(0.21 / 3000));
    expect(a!.ranks[0]! + b!.ranks[0]!).toBe(1);
    // a's central c1 weight: the mean of 2.8/(2.8 + u) over u in [2.5, 2.8], above ½; b's below ½.
    expect(a!.centralWeights![0]).toBeGreaterThan(0.5);
    expect(a!.centralWeights![0]).toBeCloseTo((2.8 / 0.3) * Math.log(5.6 / 5.3), 2);
    expect(b!.centralWeights![0]).toBeLessThan(0.5);
    expect(b!.centralWeights![0]).toBeCloseTo((2.8 / 0.7) * Math.log(6.3 / 5.6), 2);
    expect(a!.confidence).toBe(1);
    expect(b!.confidence).toBe(1);
    const skipped = analyseRobustness(engine, municipalityOf(engine, answers({ share: 90 }).answers), { seed: 12, samples: 3000, skipConfidence: true });
    expect(skipped.models.map((x) => x.confidence)).toEqual([undefined, undefined]);
    expect(skipped.models.map((x) => x.ranks)).toEqual(r.models.map((x) => x.ranks));
  });

  it('no samples: every share 0, nothing first, no second pass', () => {
    const engine = compileEngine(banded());
    const r = analyseRobustness(engine, municipalityOf(engine, answers({ share: 90 }).answers), { seed: 12, samples: 0 });
    expect(r.samples).toBe(0);
    for (const x of r.models) {
      expect(x).toMatchObject({ ranks: [0, 0], beats: [0, 0], firstError: 0, meanRank: 0 });
      expect(x.centralWeights).toBeUndefined();
      expect(x.confidence).toBeUndefined();
    }
  });

  describe('the stopping rule: at least 2,000 samples, then batches of 1,000 until settled, at most maxSamples', () => {
    const adaptive = (share: number, seed: number, maxSamples?: number): Robustness => {
      const engine = compileEngine(banded());
      return analyseRobustness(engine, municipalityOf(engine, answers({ share }).answers), { seed, skipConfidence: true, ...(maxSamples ? { maxSamples } : {}) });
    };

    it('one model first in every sample: settled after the first 2,000 (every share known to ±0.25 points)', () => {
      const engine = compileEngine(miniKb([sure('a', 60, 50), sure('b', 50, 60)]));
      const r = analyseRobustness(engine, municipalityOf(engine, answers({ share: 50 }).answers), { seed: 1 });
      expect(MIN_SAMPLES).toBe(2000);
      expect(r).toMatchObject({ samples: MIN_SAMPLES, adaptive: true, maxSamples: MAX_SAMPLES });
      expect(r.models[0]!.ranks).toEqual([1, 0]);
    });

    it('P(a first) 0.15 (share 82.5): the verdict decided beyond 2.6 errors at 2,000 samples, though not to ±0.25 points', () => {
      const r = adaptive(82.5, 3);
      expect(r.samples).toBe(2000);
      expect(Math.abs(r.models[0]!.ranks[0]! - 0.15)).toBeLessThan(0.04);
    });

    it('P(a first) 0.35 (share 92.5): b leads with 0.65, not known to 0.01 at 2,000 samples (error 0.0107), decided at 3,000', () => {
      const r = adaptive(92.5, 5);
      expect(r.samples).toBe(3000);
      expect(Math.abs(r.models[0]!.ranks[0]! - 0.35)).toBeLessThan(0.04);
    });

    it('P(a first) 0.25 (share 87.5): a beats the leader in about TOP_SET of the samples: never decided, stopped at the cap', () => {
      expect(adaptive(87.5, 7, 4500).samples).toBe(4500);
      expect(adaptive(87.5, 7, 2500)).toMatchObject({ samples: 2500, maxSamples: 2500, adaptive: true });
    });

    it('a tie in every sample: who leads is never settled; the cap is reached by whole batches and a last short one', () => {
      const engine = compileEngine(miniKb([model('a', 60, 50), model('b', 60, 50)]));
      const m = municipalityOf(engine, answers({}).answers);
      expect(analyseRobustness(engine, m, { seed: 1, maxSamples: 4500, skipConfidence: true }).samples).toBe(4500);
      expect(analyseRobustness(engine, m, { seed: 1, maxSamples: 1500, skipConfidence: true }).samples).toBe(1500);
      expect(analyseRobustness(engine, m, { seed: 1, maxSamples: 3000, skipConfidence: true }).samples).toBe(3000);
    });

    it('a fixed count is drawn in full, whatever the figures', () => {
      const engine = compileEngine(miniKb([sure('a', 60, 50), sure('b', 50, 60)]));
      const r = analyseRobustness(engine, municipalityOf(engine, answers({ share: 50 }).answers), { seed: 1, samples: 2700 });
      expect(r).toMatchObject({ samples: 2700, adaptive: false });
    });
  });
});

describe('analyseInStages: a short analysis that stops at the first stage its test accepts', () => {
  it('the figures of a stage are those of a plain analysis of as many samples (the same streams), without the second pass', () => {
    const engine = oneFinding();
    const m = municipalityOf(engine, answers({ share: 'dont-know' }).answers);
    const seen: Robustness[] = [];
    const r = analyseInStages(engine, m, 9, [250, 500, 1000], (x) => (seen.push(x), false));
    expect(seen.map((x) => x.samples)).toEqual([250, 500]);
    expect(r).toMatchObject({ samples: 1000, seed: 9, adaptive: false, maxSamples: 1000 });
    for (const x of [...seen, r]) {
      const plain = analyseRobustness(engine, m, { seed: 9, samples: x.samples, skipConfidence: true });
      expect(x.models).toEqual(plain.models);
      expect(x.maxSamples).toBe(1000);
      expect(x.models[0]!.ranks[0]).toBe(replayed(engine, 9, x.samples) / x.samples);
    }
  });

  it('stops where the test accepts; the last stage is returned without asking', () => {
    const engine = oneFinding();
    const m = municipalityOf(engine, answers({}).answers);
    let asked = 0;
    const early = analyseInStages(engine, m, 4, [250, 500, 1000], () => (asked++, true));
    expect(asked).toBe(1);
    expect(early.samples).toBe(250);
    expect(early.models[0]!.ranks[0]).toBe(replayed(engine, 4, 250) / 250);
    const second = analyseInStages(engine, m, 4, [100, 300, 900], (x) => x.samples >= 300);
    expect(second).toMatchObject({ samples: 300, maxSamples: 900 });
    const one = analyseInStages(engine, m, 4, [400], () => {
      throw new Error('not asked at the last stage');
    });
    expect(one.samples).toBe(400);
  });

  it('no stages: no samples', () => {
    const engine = oneFinding();
    const r = analyseInStages(engine, municipalityOf(engine, answers({}).answers), 4, [], () => true);
    expect(r).toMatchObject({ samples: 0, maxSamples: 0, adaptive: false, seed: 4 });
    expect(r.models.map((x) => x.ranks)).toEqual([[0, 0], [0, 0]]);
  });
});
