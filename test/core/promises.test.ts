import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import { COMMON_LEVEL_SD } from '../../src/core/evaluate.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { inverseNormal } from '../../src/core/random.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { estimate } from '../../src/core/score.js';
import type { Result } from '../../src/core/result.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Adjustment, Model } from '../../src/schema/index.js';
import { answers, defaultFindings, miniKb, model } from '../helpers/mini-kb.js';

/*
 * Four promises of the README's "How the scoring works", each with the test that fails
 * when one line of src/core breaks it (issue 7: four such one-line changes once left the
 * whole suite green). scripts/mutation-named.mjs applies each change and runs its test.
 *
 * The knowledge base is test/helpers/mini-kb.ts: criteria c1 and c2 weighted 2/3 and 1/3
 * (share 50), a rating's effect is its distance from 50, its evidence factor has sd
 * EFFECT_SD[grade] (high 0.15, moderate 0.3, low 0.5, very low 0.8) and every score
 * carries the shared level: √(5/9)·σL with σL = 10/1.645. Each effect stays below the cap of
 * 10 points per study and criterion (STUDY_CAP), so none is scaled down.
 */
const Z80 = inverseNormal(0.9);
const LEVEL_VARIANCE = (5 / 9) * COMMON_LEVEL_SD ** 2;
const text = (s: string) => ({ nb: s, en: s });
const adjustment = (id: string, when: Adjustment['when'], effects: [string, number][], findings: string[], extra: Partial<Adjustment> = {}): Adjustment => ({
  id,
  when,
  effects: effects.map(([criterion, delta]) => ({ criterion, delta })),
  findings,
  rationale: text(id),
  ...extra,
});
const withAdjustments = (m: Model, adjustments: Adjustment[]): Model => ({ ...m, adjustments });

describe('(a) weaker evidence, wider spread', () => {
  // Model x rates c1 70 on one finding of the given grade and c2 50 (no effect, so no spread of its own):
  // score 2/3·70 + 1/3·50 = 63.333, evidence sd 2/3 · 20 · EFFECT_SD[grade].
  const table = [
    ['high', 2],
    ['moderate', 4],
    ['low', 6.6667],
    ['very-low', 10.6667],
  ] as const;
  it.each(table)('a rating of 70 on %s evidence: 80 %% interval 63.333 ± 1.2816 · √(%d² + 5/9 · σL²)', (grade, evidenceSd) => {
    const kb = miniKb([model('x', 70, 50, [`f-${grade}`, 'f-moderate'])]);
    const engine = compileEngine(kb);
    const [x] = estimate(engine, municipalityOf(engine, answers({}).answers)).models;
    const half = Z80 * Math.sqrt(evidenceSd ** 2 + LEVEL_VARIANCE);
    expect(x!.score).toBeCloseTo(63.333, 2);
    expect(x!.interval[0]).toBeCloseTo(63.333 - half, 2);
    expect(x!.interval[1]).toBeCloseTo(63.333 + half, 2);
  });
});

describe('(b) a "don\'t know" widens the interval to every adjustment it may trigger', () => {
  // Model a: c1 60 (low), c2 50; an adjustment +9 on c1 (high evidence) for an office of at least 20 FTE.
  const big = adjustment('big-office', { question: 'size', gte: 20 }, [['c1', 9]], ['f-high']);
  const kb = miniKb([withAdjustments(model('a', 60, 50), [big])]);
  // Compiled and worked out in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
  let engine: Engine;
  beforeEach(() => {
    engine = compileEngine(kb);
  });
  const interval = (size: unknown) => estimate(engine, municipalityOf(engine, answers({ size }).answers)).models[0]!.interval;
  // Without the adjustment: 56.667 ± Z·√(3.333² + level); with it: 2/3·69 + 1/3·50 = 62.667 ± Z·√((2/3)²(5² + 1.35²) + level).
  const without = [56.667 - Z80 * Math.sqrt((10 / 3) ** 2 + LEVEL_VARIANCE), 56.667 + Z80 * Math.sqrt((10 / 3) ** 2 + LEVEL_VARIANCE)];
  const withIt = 62.667 + Z80 * Math.sqrt((4 / 9) * (5 ** 2 + 1.35 ** 2) + LEVEL_VARIANCE);

  it('known small office: the interval of the rating alone', () => {
    const [low, high] = interval(10);
    expect(low).toBeCloseTo(without[0]!, 2);
    expect(high).toBeCloseTo(without[1]!, 2);
  });

  it('size unknown (assumed 10 FTE): the interval reaches up to where the big-office adjustment applies in full', () => {
    const [low, high] = interval('dont-know');
    expect(low).toBeCloseTo(without[0]!, 2);
    expect(high).toBeCloseTo(withIt, 2);
  });
});

describe('(c) a "don\'t know" is drawn in the robustness samples', () => {
  // a: 50/50, +9 on c1 for an office of at least 20 FTE (score 50, or 56 with it); b: 53/53. All on the one
  // high finding, so a − b is 3 + 0.45z or −3 − 0.45z: a is first exactly when the adjustment applies
  // (a draw of z beyond 6.7 sd never comes). Size unknown: its prior is triangular on a log scale from 2 to
  // 50 with its mode at 10, rounded to whole FTE, so P(size ≥ 20) = P(x ≥ ln 19.5) = (ln 50 − ln 19.5)² / ((ln 50 − ln 2)(ln 50 − ln 10)).
  const pBig = Math.log(50 / 19.5) ** 2 / (Math.log(50 / 2) * Math.log(50 / 10));
  const big = adjustment('big-office', { question: 'size', gte: 20 }, [['c1', 9]], ['f-high']);
  const kb = miniKb([withAdjustments(model('a', 50, 50, ['f-high', 'f-high']), [big]), model('b', 53, 53, ['f-high', 'f-high'])]);
  // Compiled once: these sampling tests are for robustness.ts (20,000 samples; compiled per test they would run for every mutant of engine.ts).
  const engine = compileEngine(kb);
  const first = (size: unknown) => analyseRobustness(engine, municipalityOf(engine, answers({ size }).answers), { seed: 5, samples: 20_000, skipConfidence: true }).models[0]!;

  it(`size unknown: a comes first in P(size ≥ 20) = ${pBig.toFixed(3)} of the cases, within 3 Monte Carlo errors`, () => {
    const a = first('dont-know');
    expect(Math.abs(a.ranks[0]! - pBig)).toBeLessThan(3 * a.firstError);
  });

  it('size known: a is first always (30 FTE) or never (10 FTE)', () => {
    expect(first(30).ranks[0]).toBe(1);
    expect(first(10).ranks[0]).toBe(0);
  });
});

describe('(d) the fit and misfit explanations give every reason that matters, largest first', () => {
  // r: c1 80 → 2/3 · 30 = +20, c2 65 → 1/3 · 15 = +5; with level ≥ 4 (answered 5): c2 +6 → +2, c1 −3 → −2, c2 −9 → −3.
  const r = withAdjustments(model('r', 80, 65), [
    adjustment('teams', { question: 'level', gte: 4 }, [['c2', 6]], ['f-high']),
    adjustment('harm', { question: 'level', gte: 4 }, [['c1', -3]], ['f-moderate'], { misfit: text('harm') }),
    adjustment('harm2', { question: 'level', gte: 4 }, [['c2', -9]], ['f-low']),
  ]);
  let reasons: Result['ranking'][number];
  beforeEach(() => {
    const result = scoreMunicipality(compileEngine(miniKb([r, model('o', 50, 50)], defaultFindings())), answers({ level: 5 }), { lang: 'en', seed: 1, samples: 200, skipSearches: true });
    reasons = result.ranking.find((m) => m.model === 'r')!;
  });
  const brief = (list: typeof reasons.fit) => list.map((x) => [x.kind, x.id, x.effect]);

  it('fit: c1 +20, c2 +5, teams +2', () => {
    expect(brief(reasons.fit)).toEqual([
      ['criterion', 'c1', 20],
      ['criterion', 'c2', 5],
      ['adjustment', 'teams', 2],
    ]);
  });

  it('misfit: harm2 −3, harm −2', () => {
    expect(brief(reasons.misfit)).toEqual([
      ['adjustment', 'harm2', -3],
      ['adjustment', 'harm', -2],
    ]);
  });
});

