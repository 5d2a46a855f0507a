import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { answers, miniKb, model } from '../helpers/mini-kb.js';

/*
 * scoreMunicipality (src/core/pipeline.ts) passes what it is given to each step: the
 * sample count and seed to the robustness analysis, the municipality, scenario and source
 * to the result, and leaves out the searches when asked or when nothing was sampled.
 * Built in each test (beforeEach): a StrykerJS mutant is active only while tests run.
 */
let engine: Engine;
beforeEach(() => {
  // a is strong on c1, b on c2: at share 50 (c1 weighs 2/3) a leads, 60 to 53.3; at share 0 (half each) b would, 57.5 to 55.
  // A "don't know" on size leaves one unknown to search.
  engine = compileEngine(miniKb([model('a', 70, 40, ['f-high', 'f-high']), model('b', 45, 70, ['f-high', 'f-high']), model('c', 40, 40, ['f-high', 'f-high'])]));
});
const file = (values: Record<string, unknown> = {}, scenario?: string) => ({ ...answers({ size: 'dont-know', ...values }), ...(scenario ? { scenario } : {}) });

describe('scoreMunicipality', () => {
  it('a fixed sample count and the seed reach the robustness analysis; without a count it is adaptive', () => {
    const fixed = scoreMunicipality(engine, file(), { lang: 'en', seed: 9, samples: 250, skipSearches: true });
    expect(fixed.method.robustness).toMatchObject({ samples: 250, seed: 9, adaptive: false });
    const adaptive = scoreMunicipality(engine, file(), { lang: 'en', seed: 9, skipSearches: true });
    expect(adaptive.method.robustness.adaptive).toBe(true);
    expect(adaptive.method.robustness.samples).toBeGreaterThanOrEqual(2000);
  });

  it('skipConfidence leaves out the confidence factors and nothing else: the rest of the result is the same', () => {
    const full = scoreMunicipality(engine, file(), { lang: 'en', seed: 3, samples: 400 });
    const lean = scoreMunicipality(engine, file(), { lang: 'en', seed: 3, samples: 400, skipConfidence: true });
    expect(full.ranking.some((m) => m.acceptability.confidence !== undefined)).toBe(true);
    expect(lean.ranking.every((m) => m.acceptability.confidence === undefined)).toBe(true);
    const withoutConfidence = structuredClone(full);
    for (const m of withoutConfidence.ranking) delete m.acceptability.confidence;
    expect(lean).toEqual(withoutConfidence);
  });

  it('the ranking is by score: the leader first, every model ranked', () => {
    const r = scoreMunicipality(engine, file(), { lang: 'en', seed: 1, samples: 200, skipSearches: true });
    expect(r.ranking.map((m) => m.model)).toEqual(['a', 'b', 'c']);
    expect(r.ranking[0]!.score).toBeCloseTo((2 / 3) * 70 + (1 / 3) * 40, 1);
    expect(r.verdict.leader).toBe('a');
  });

  it('the municipality, scenario and source reach the result; without them there are none', () => {
    const r = scoreMunicipality(engine, file({}, 'etter'), { lang: 'nb', seed: 1, samples: 0, source: 'mini.yaml' });
    expect([r.municipality, r.scenario, r.source, r.lang]).toEqual(['Mini', 'etter', 'mini.yaml', 'nb']);
    const bare = scoreMunicipality(engine, file(), { lang: 'en', seed: 1, samples: 0 });
    expect(bare).not.toHaveProperty('scenario');
    expect(bare).not.toHaveProperty('source');
  });

  it('the searches run unless left out; with no samples there are no tipping points, though the unknowns that matter are still searched', () => {
    const searched = scoreMunicipality(engine, file(), { lang: 'en', seed: 1, samples: 300 });
    expect(searched.unknownsThatMatter.map((u) => u.question)).toEqual(['size']);
    expect(searched.tippingPoints.length).toBeGreaterThan(0);
    expect(searched.tippingPoints.some((t) => t.question === 'share')).toBe(true);
    expect(searched.tippingPoints.every((t) => ['a', 'b'].includes(t.model))).toBe(true);
    const skipped = scoreMunicipality(engine, file(), { lang: 'en', seed: 1, samples: 300, skipSearches: true });
    expect(skipped.tippingPoints).toEqual([]);
    expect(skipped.unknownsThatMatter).toEqual([]);
    const unsampled = scoreMunicipality(engine, file(), { lang: 'en', seed: 1, samples: 0 });
    expect(unsampled.tippingPoints).toEqual([]);
    expect(unsampled.unknownsThatMatter.map((u) => u.question)).toEqual(['size']);
  });
});
