import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { seededRandom } from '../../src/core/random.js';
import { unknownsThatMatter, withAnswer } from '../../src/core/tipping.js';
import { boundingPoints, drawAnswers, expectationPoints, municipalityOf } from '../../src/core/unknowns.js';
import type { AnswerValue } from '../../src/schema/index.js';
import { miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * How unknown answers are handled (src/core/unknowns.ts): what is assumed, which answer
 * sets the point estimate averages over and the interval must cover, and how the task mix
 * stays within its sum rule. Questions of test/helpers/mini-kb.ts, plus a mix of three shares.
 */
const text = (s: string) => ({ nb: s, en: s });
function mixKb(): KnowledgeBase {
  const kb = miniKb([{ ...model('a', 60, 50), adjustments: [{ id: 'big', when: { question: 'size', gte: 20 }, effects: [{ criterion: 'c1', delta: 5 }], findings: ['f-high'], rationale: text('') }] }, model('b', 55, 52)]);
  kb.questions.push(
    question('x', { type: 'percent', assume: 50 }),
    question('y', { type: 'percent', assume: 30 }),
    question('z', { type: 'percent', assume: 20 }),
    question('flag', { type: 'boolean', assume: undefined, dontKnow: false, required: false }),
    question('tags', { type: 'multi', assume: undefined, dontKnow: false, required: false, options: [{ value: 'p', label: text('p') }] }),
  );
  kb.sums = [{ id: 'mix', questions: ['x', 'y', 'z'], total: 100, tolerance: 1, message: text('') }];
  kb.criteria[1]!.weight.terms = [{ question: 'y', linear: [[0, 0], [100, 3]] }];
  return kb;
}
// Compiled and worked out in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
let engine: Engine;
beforeEach(() => {
  engine = compileEngine(mixKb());
});
const at = (id: string) => engine.position.get(id)!;
const full = (values: Record<string, AnswerValue | null>) => municipalityOf(engine, { share: 50, size: 10, level: 3, x: 50, y: 30, z: 20, ...values });

describe('municipalityOf', () => {
  it('a "don\'t know" holds the assumed value and is listed as unknown; the task mix is flagged as open, not listed', () => {
    const m = full({ size: 'dont-know', y: 'dont-know' });
    expect(m.values[at('size')]).toBe(10);
    expect(m.known[at('size')]).toBe(false);
    expect(m.unknown).toEqual([at('size'), at('flag'), at('tags')]);
    expect(m.openMix).toBe(true);
    expect(m.values[at('y')]).toBe(30);
  });
  it('an optional question left out, without assume: false for yes/no, none for a multiple choice, 0 for others', () => {
    const m = full({ flag: null });
    expect([m.values[at('flag')], m.values[at('tags')], m.known[at('flag')]]).toEqual([false, [], false]);
    expect(full({ flag: true, tags: ['p'] }).unknown).toEqual([]);
    expect(full({ flag: true, tags: ['p'] }).openMix).toBe(false);
  });
});

describe('expectationPoints and boundingPoints', () => {
  const known: Record<string, AnswerValue> = { flag: true, tags: ['p'] };
  it('all known: one point, weight 1', () => {
    const m = full({ ...known });
    expect(expectationPoints(engine, m)).toEqual([{ values: m.values, weight: 1 }]);
    expect(boundingPoints(engine, m, 100)).toEqual([m.values]);
  });
  it('size unknown: its prior support (16 quantiles, equal ones merged), weights adding to 1; the interval its grid', () => {
    const m = full({ ...known, size: 'dont-know' });
    const points = expectationPoints(engine, m);
    expect(points.map((p) => [p.values[at('size')], p.weight])).toEqual(engine.questions[at('size')]!.prior.support.map((s) => [s.value, s.weight]));
    expect(points.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    expect(boundingPoints(engine, m, 100)!.map((v) => v[at('size')])).toEqual([1, 10, 19, 20, 21, 100]);
  });
  it('two unknowns: every combination, probabilities multiplied; beyond the limit, fixed draws of equal weight, or no points at all', () => {
    const m = full({ ...known, size: 'dont-know', level: 'dont-know' });
    const points = expectationPoints(engine, m);
    const sizes = engine.questions[at('size')]!.prior.support.length;
    expect(points).toHaveLength(sizes * 5);
    expect(points[0]!.weight).toBeCloseTo(engine.questions[at('size')]!.prior.support[0]!.weight * (1 / 9), 12);
    expect(boundingPoints(engine, m, 100)).toHaveLength(6 * 5);
    expect(boundingPoints(engine, m, 29)).toBeUndefined();
    const drawn = expectationPoints(engine, m, 10);
    expect(drawn).toHaveLength(10);
    for (const p of drawn) expect(p.weight).toBe(0.1);
    expect(expectationPoints(engine, m, 10)).toEqual(drawn);
  });
  it('an open task mix: every point adds up; one open share takes exactly what the others leave', () => {
    const one = full({ ...known, z: 'dont-know' });
    expect(expectationPoints(engine, one).map((p) => [p.values[at('x')], p.values[at('y')], p.values[at('z')], p.weight])).toEqual([[50, 30, 20, 1]]);
    const two = full({ ...known, y: 'dont-know', z: 'dont-know' });
    const points = expectationPoints(engine, two);
    expect(points).toHaveLength(64);
    for (const p of points) expect(Number(p.values[at('y')]) + Number(p.values[at('z')])).toBeCloseTo(50, 0);
    for (const values of boundingPoints(engine, two, 10_000)!) {
      const sum = Number(values[at('x')]) + Number(values[at('y')]) + Number(values[at('z')]);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});

describe('drawAnswers', () => {
  it('keeps known answers, draws unknown ones from their priors, and the open mix so that it adds up', () => {
    const m = full({ flag: true, tags: ['p'], size: 'dont-know', x: 'dont-know', y: 'dont-know' });
    const random = seededRandom(3);
    const into = [...m.values];
    const sizes = new Set<AnswerValue>();
    for (let i = 0; i < 200; i++) {
      drawAnswers(engine, m, random, into);
      expect(into[at('share')]).toBe(50);
      expect(into[at('z')]).toBe(20);
      expect(Number(into[at('x')]) + Number(into[at('y')])).toBeCloseTo(80, 0);
      sizes.add(into[at('size')]!);
    }
    expect(sizes.size).toBeGreaterThan(5);
  });
});

describe('withAnswer (a tipping point changes one answer; the other known task shares make room in proportion)', () => {
  const shares = (m: ReturnType<typeof full>) => ['x', 'y', 'z'].map((id) => m.values[at(id)]);
  it.each<[Record<string, AnswerValue>, string, number, AnswerValue[]]>([
    [{ x: 50, y: 30, z: 20 }, 'x', 60, [60, 24, 16]],
    [{ x: 50, y: 30, z: 20 }, 'y', 10, [64.3, 10, 25.7]],
    [{ x: 50, y: 30, z: 20 }, 'x', 100, [100, 0, 0]],
    [{ x: 100, y: 0, z: 0 }, 'x', 40, [40, 30, 30]],
    // z unknown: it takes what x and y leave (bug: y was stretched to 40, leaving z nothing), unless they no longer fit.
    [{ x: 50, y: 30, z: 'dont-know' }, 'x', 60, [60, 30, 20]],
    [{ x: 50, y: 30, z: 'dont-know' }, 'x', 40, [40, 30, 20]],
    [{ x: 50, y: 30, z: 'dont-know' }, 'x', 80, [80, 20, 20]],
  ])('%j, %s → %d: %j', (given, id, value, expected) => {
    const m = withAnswer(engine, full({ flag: true, tags: ['p'], ...given }), at(id), value);
    expect(shares(m)).toEqual(expected);
    expect(m.known[at(id)]).toBe(true);
  });
  it('an unknown answer made known leaves the unknowns and the open mix', () => {
    const m = full({ flag: true, tags: ['p'], size: 'dont-know', z: 'dont-know' });
    const sized = withAnswer(engine, m, at('size'), 30);
    expect(sized.unknown).toEqual([]);
    expect(sized.values[at('size')]).toBe(30);
    expect(sized.openMix).toBe(true);
    expect(withAnswer(engine, m, at('z'), 20).openMix).toBe(false);
  });
});

describe('unknownsThatMatter', () => {
  it('an unknown that decides the leader is valued; a known municipality has none', () => {
    const m = full({ flag: true, tags: ['p'], size: 'dont-know' });
    const found = unknownsThatMatter(engine, m);
    expect(found.map((u) => u.question)).toEqual(['size']);
    expect(found[0]!.changesLeader).toBeGreaterThanOrEqual(0);
    expect(found[0]!.changesLeader).toBeLessThanOrEqual(1);
    expect(found[0]!.expectedGain).toBeGreaterThanOrEqual(0);
    expect(unknownsThatMatter(engine, full({ flag: true, tags: ['p'] }))).toEqual([]);
  });
});

describe('the task mix on the bounding grid (mixAxis), worked out by hand', () => {
  // Grids: x [0, 50, 100] (ends, assume), y [0, 0.01, 30, 99.99, 100] (its weight rule's points 0 and 100,
  // a hundredth inside), z [0, 20, 100]. The sum rule: 100 ± 1.
  const known: Record<string, AnswerValue> = { flag: true, tags: ['p'] };
  const mixOf = (values: Record<string, AnswerValue>) => boundingPoints(engine, full({ ...known, ...values }), 10_000)!.map((v) => ['x', 'y', 'z'].map((id) => v[at(id)]));
  it('x known 50: y on its grid up to 51 (0, 0.01, 30); z on its grid within 49–51, or at 49, 51 and exactly 50 − y', () => {
    expect(mixOf({ y: 'dont-know', z: 'dont-know' })).toEqual([
      [50, 0, 49], [50, 0, 51], [50, 0, 50],
      [50, 0.01, 48.99], [50, 0.01, 50.99], [50, 0.01, 49.99],
      [50, 30, 20], [50, 30, 19], [50, 30, 21],
    ]);
  });
  it('x known 100: the rest 0 to 1; a share below 0 is never tried', () => {
    // y 0: z 0 (on its grid), 1; y 0.01: z 0 (0.01 is within the rule), 0.99 (−0.01, the exact rest, is left out).
    expect(mixOf({ x: 100, y: 'dont-know', z: 'dont-know' })).toEqual([[100, 0, 0], [100, 0, 1], [100, 0.01, 0], [100, 0.01, 0.99]]);
  });
  it('one open share: its grid values within the rule and the rule\'s ends', () => {
    // x 50 and y 30 known: z within 19–21: 20 on its grid, then 19 and 21.
    expect(mixOf({ z: 'dont-know' })).toEqual([[50, 30, 20], [50, 30, 19], [50, 30, 21]]);
  });
  it('the limit counts every combination: at exactly the limit the points are still listed', () => {
    const m = full({ ...known, size: 'dont-know' });
    expect(boundingPoints(engine, m, 6)).toHaveLength(6);
    expect(boundingPoints(engine, m, 5)).toBeUndefined();
    const support = engine.questions[at('size')]!.prior.support;
    expect(expectationPoints(engine, m, support.length).map((p) => p.values[at('size')])).toEqual(support.map((s) => s.value));
  });
});

describe('expectationPoints when the support cannot be listed, and the weights of the mix', () => {
  it('two open shares: 64 fixed draws of weight 1/64', () => {
    const points = expectationPoints(engine, full({ flag: true, tags: ['p'], y: 'dont-know', z: 'dont-know' }));
    for (const p of points) expect(p.weight).toBe(1 / 64);
    expect(new Set(points.map((p) => p.values[at('y')])).size).toBeGreaterThan(10);
  });
  it('a ranking of 7 options (5040 orderings, more than the 720 listed): 2048 draws of weight 1/2048, known answers kept', () => {
    const kb = miniKb([model('a', 60, 50)]);
    kb.questions.push(question('order', { type: 'rank', assume: undefined, options: [...'abcdefg'].map((value) => ({ value, label: text(value) })) }));
    const e = compileEngine(kb);
    const m = municipalityOf(e, { share: 40, size: 10, level: 3, order: 'dont-know' });
    const points = expectationPoints(e, m);
    expect(points).toHaveLength(2048);
    for (const p of points.slice(0, 50)) {
      expect(p.weight).toBe(1 / 2048);
      expect(p.values.slice(0, 3)).toEqual([40, 10, 3]);
      expect([...(p.values[3] as string[])].sort()).toEqual([...'abcdefg']);
    }
  });
});

describe('drawAnswers and municipalityOf, the parts a draw must not lose', () => {
  it('every known answer is copied into the draw, whatever it held before', () => {
    const m = full({ flag: true, tags: ['p'], size: 'dont-know' });
    const into: AnswerValue[] = m.values.map(() => 'stale');
    drawAnswers(engine, m, seededRandom(1), into);
    expect(into.filter((_, q) => q !== at('size'))).toEqual(m.values.filter((_, q) => q !== at('size')));
  });
  it('a task mix fully known is never drawn; an open one is, and each open share varies', () => {
    const closed = full({ flag: true, tags: ['p'], size: 'dont-know' });
    const open = full({ flag: true, tags: ['p'], x: 'dont-know', y: 'dont-know' });
    const random = seededRandom(4);
    const into = [...closed.values];
    const xs = new Set<AnswerValue>();
    for (let i = 0; i < 50; i++) {
      drawAnswers(engine, closed, random, into);
      expect([into[at('x')], into[at('y')], into[at('z')]]).toEqual([50, 30, 20]);
      drawAnswers(engine, open, random, into);
      xs.add(into[at('x')]!);
    }
    expect(xs.size).toBeGreaterThan(10);
  });
  it('without a sum rule no mix is ever open', () => {
    const e = compileEngine(miniKb([model('a', 60, 50)]));
    expect(municipalityOf(e, { share: 50, size: 10, level: 3 }).openMix).toBe(false);
    expect(municipalityOf(e, { share: 'dont-know', size: 10, level: 3 }).openMix).toBe(false);
  });
});
