import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { analyseRobustness, MAX_SAMPLES, MIN_SAMPLES } from '../../src/core/robustness.js';
import { estimate } from '../../src/core/score.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Model } from '../../src/schema/index.js';
import { answers, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * SMAA-2's figures (src/core/robustness.ts) where they are known exactly: ties, a model
 * that dominates, an unworkable model, the adaptive stopping rule, and the cost of change
 * against today's organisation. Weights are fixed at 2/3 and 1/3 (test/helpers/mini-kb.ts).
 */
const text = (s: string) => ({ nb: s, en: s });
const run = (kb: KnowledgeBase, values: Record<string, unknown> = {}, options: { samples?: number; maxSamples?: number; skipConfidence?: boolean } = {}) => {
  const engine = compileEngine(kb);
  return analyseRobustness(engine, municipalityOf(engine, answers(values).answers), { seed: 2, ...options });
};

describe('exact figures', () => {
  it('three models with every rating 50 tie in every case: each takes every rank a third of the time, beats each other half the time', () => {
    const r = run(miniKb([model('a', 50, 50), model('b', 50, 50), model('c', 50, 50)]), {}, { samples: 999 });
    for (const [m, entry] of r.models.entries()) {
      expect(entry.ranks).toEqual([1 / 3, 1 / 3, 1 / 3].map((x) => expect.closeTo(x, 12)));
      expect(entry.meanRank).toBeCloseTo(2, 12);
      entry.beats.forEach((b, o) => expect(b).toBe(o === m ? 0 : 0.5));
      // Central weights: the mean weights when first, ties sharing the credit: the fixed 2/3 and 1/3.
      expect(entry.centralWeights![0]).toBeCloseTo(2 / 3, 12);
      expect(entry.centralWeights![1]).toBeCloseTo(1 / 3, 12);
      expect(entry.firstError).toBeCloseTo(Math.sqrt((1 / 3) * (2 / 3) / 999), 12);
    }
    expect(r).toMatchObject({ samples: 999, seed: 2, adaptive: false });
  });

  it('a model that beats the others in every case: ranks [1, 0, 0], mean rank 1, no error, confidence 1; one never first has no central weights', () => {
    const r = run(miniKb([model('d', 90, 90, ['f-high', 'f-high']), model('b', 55, 50), model('c', 40, 40, ['f-high', 'f-high'])]), {}, { samples: 2000 });
    const [d, b, c] = r.models;
    expect(d).toMatchObject({ ranks: [1, 0, 0], meanRank: 1, firstError: 0, beats: [0, 1, 1], confidence: 1 });
    expect(d!.centralWeights![0]).toBeCloseTo(2 / 3, 12);
    expect(b!.ranks[0]).toBe(0);
    expect(b!.centralWeights).toBeUndefined();
    expect(b!.confidence).toBeUndefined();
    expect(c!.ranks).toEqual([0, 0, 1]);
    expect(c!.meanRank).toBe(3);
    // b − c = 13.33 + 1.67 z_low + 1.5 z_high: positive even with both draws at the table's cut, −3.5.
    expect(b!.beats[2]).toBe(1);
    expect(c!.beats).toEqual([0, 0, 0]);
  });

  it('without the second pass, no confidence factors', () => {
    const r = run(miniKb([model('d', 90, 90, ['f-high', 'f-high']), model('b', 55, 50)]), {}, { samples: 500, skipConfidence: true });
    expect(r.models[0]!.confidence).toBeUndefined();
    expect(r.models[0]!.centralWeights).toBeDefined();
  });

  it('a model whose precondition fails ranks after every workable one, whatever its score', () => {
    const strong: Model = { ...model('s', 95, 95, ['f-high', 'f-high']), preconditions: [{ id: 'big-enough', requires: { question: 'size', gte: 20 }, findings: ['f-low'], failure: text('') }] };
    const r = run(miniKb([strong, model('w', 50, 50), model('v', 40, 40, ['f-high', 'f-high'])]), { size: 10 }, { samples: 500 });
    expect(r.models[0]!.ranks).toEqual([0, 0, 1]);
    expect(r.models[0]!.beats).toEqual([0, 0, 0]);
    expect(r.models[1]!.ranks[0]).toBe(1);
    expect(r.models[2]!.beats[0]).toBe(1);
    const met = run(miniKb([strong, model('w', 50, 50), model('v', 40, 40, ['f-high', 'f-high'])]), { size: 30 }, { samples: 500 });
    expect(met.models[0]!.ranks[0]).toBe(1);
  });
});

describe('adaptive sampling', () => {
  it(`a decided case stops at the minimum, ${MIN_SAMPLES} samples`, () => {
    const r = run(miniKb([model('d', 90, 90, ['f-high', 'f-high']), model('c', 45, 45)]));
    expect(r).toMatchObject({ samples: MIN_SAMPLES, adaptive: true, maxSamples: MAX_SAMPLES });
  });
  it('exact ties are never decided: sampling goes on until each P(first) of 1/3 is known to ±0.0025, i.e. 36,000 samples (n ≥ (2/9)/0.0025² = 35,556, in batches of 1,000)', () => {
    const r = run(miniKb([model('a', 50, 50), model('b', 50, 50), model('c', 50, 50)]), {}, { skipConfidence: true });
    expect(r.samples).toBe(36_000);
  });
  it('two models tied: 40,000 (the cap) is reached first: P = 1/2 needs 40,000 for ±0.0025', () => {
    expect(run(miniKb([model('a', 50, 50), model('b', 50, 50)]), {}, { skipConfidence: true }).samples).toBe(40_000);
    expect(run(miniKb([model('a', 50, 50), model('b', 50, 50)]), {}, { skipConfidence: true, maxSamples: 4500 }).samples).toBe(4500);
  });
  it('a fixed count is used as given', () => {
    expect(run(miniKb([model('a', 50, 50), model('b', 60, 50)]), {}, { samples: 1234 })).toMatchObject({ samples: 1234, adaptive: false });
  });
});

describe('the cost of change, paid only against today', () => {
  // Today (t) and an alternative a one point better (c2 53 against 50, so 1/3 · 3 = +1), all on the one high finding.
  // Changing costs 2, plus a ramp on size from 0 (0 points) to 50 (4 points): at size 10, 0.8 more: 2.8 in all.
  const kb = miniKb([{ ...model('t', 50, 50, ['f-high', 'f-high']), matches: { question: 'now', in: ['t'] } }, { ...model('a', 50, 53, ['f-high', 'f-high']), matches: { question: 'now', in: ['a'] } }]);
  kb.questions.push(question('now', { type: 'choice', assume: 't', dontKnow: true, options: [{ value: 't', label: text('t') }, { value: 'a', label: text('a') }] }));
  kb.change = { today: 'now', base: 2, ramp: { question: 'size', points: [[0, 0], [50, 4]] }, findings: ['f-high'], rationale: text('change') };
  // Compiled and worked out in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
  let engine: Engine;
  beforeEach(() => {
    engine = compileEngine(kb);
  });

  it('the expected cost: 0 for today, −2.8 for the alternative; the fit is not changed by it', () => {
    const e = estimate(engine, municipalityOf(engine, answers({ now: 't' }).answers));
    expect(e.models.map((m) => m.change)).toEqual([0, expect.closeTo(-2.8, 12)]);
    expect(e.models[1]!.score - e.models[0]!.score).toBeCloseTo(1, 12);
  });

  it('a beats t on fit in every case, but never once the change is paid: keep what you have', () => {
    const result = scoreMunicipality(engine, answers({ now: 't' }), { lang: 'en', seed: 1, samples: 2000, skipSearches: true });
    const a = result.ranking.find((m) => m.model === 'a')!;
    expect(result.ranking[0]!.model).toBe('a');
    expect(a.beats.t).toBe(1);
    expect(a.versusToday).toEqual({ gain: -1.8, better: 0 });
    expect(a.change).toMatchObject({ cost: 2.8, probability: 1, findings: ['f-high'] });
    expect(result.ranking.find((m) => m.model === 't')!.change).toBeUndefined();
    expect(result.verdict).toMatchObject({ kind: 'keep', leader: 't', models: ['t'] });
    expect(result.today).toBe('t');
  });

  it('with today unknown, no organisation is spared the cost and nothing is compared with today', () => {
    const e = estimate(engine, municipalityOf(engine, answers({ now: 'dont-know' }).answers));
    // "now" is t with chance 2/3 (the assumed option weighs twice): a pays in 2/3 of the cases, t in 1/3.
    expect(e.models[0]!.change).toBeCloseTo(-2.8 / 3, 9);
    expect(e.models[1]!.change).toBeCloseTo((-2.8 * 2) / 3, 9);
    const result = scoreMunicipality(engine, answers({ now: 'dont-know' }), { lang: 'en', seed: 1, samples: 500, skipSearches: true });
    expect(result.today).toBeUndefined();
    for (const m of result.ranking) expect(m.versusToday).toBeUndefined();
  });
});
