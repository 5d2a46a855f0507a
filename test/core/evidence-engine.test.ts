import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { decide, todayOf } from '../../src/core/decision.js';
import { compileEngine, rankCentroid, STUDY_CAP, type Engine } from '../../src/core/engine.js';
import { bodyOf, EFFECT_SD } from '../../src/core/evidence.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../../src/core/kb.js';
import type { Robustness } from '../../src/core/robustness.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { Adjustment, Confidence, Finding } from '../../src/schema/index.js';
import { finding, miniKb, model, question } from '../helpers/mini-kb.js';
import { runs } from '../helpers/runs.js';

/* The body of evidence behind a rating (GRADE-CERQual in spirit), and the engine's compiled parts. */
const text = (s: string) => ({ nb: s, en: s });
const GRADES: Confidence[] = ['high', 'moderate', 'low', 'very-low'];

describe('bodyOf: the strongest finding sets the spread, more studies narrow it (adequacy)', () => {
  const findings: Finding[] = [
    finding('h1', 'high', ['s1']),
    finding('h1b', 'high', ['s1']),
    finding('l2', 'low', ['s2']),
    finding('m3', 'moderate', ['s3']),
    finding('v4', 'very-low', ['s4', 's5']),
    finding('syn', 'low', ['synthesis']),
  ];
  const kb = miniKb([], findings);
  kb.references = kb.references.map((r) => (r.key === 'synthesis' ? { ...r, kind: 'review-synthesis' } : r));
  // Compiled and worked out in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
  let index: KbIndex;
  beforeEach(() => {
    index = indexKb(kb);
  });
  const slots = new Map(findings.map((f, i) => [f.id, i]));
  const body = (...ids: string[]) => bodyOf(ids, index, (id) => slots.get(id) ?? -1);

  it.each<[string[], Confidence, number, number]>([
    [['h1'], 'high', 0.15, 1],
    [['l2'], 'low', 0.5, 1],
    [['h1', 'h1b'], 'high', 0.15, 1], // one study twice: no adequacy
    [['h1', 'l2'], 'high', 0.15 * 0.85, 2],
    [['l2', 'm3'], 'moderate', 0.3 * 0.85, 2],
    [['h1', 'l2', 'm3'], 'high', 0.15 * 0.75, 3],
    [['v4'], 'very-low', 0.8 * 0.85, 2], // one finding of two studies
    [['h1', 'l2', 'm3', 'v4'], 'high', 0.15 * 0.75, 5],
    [['syn'], 'low', 0.5, 0], // the review's own synthesis is no study
    [['l2', 'syn'], 'low', 0.5, 1],
    [['l2', 'l2'], 'low', 0.5, 1],
  ])('%j: %s, sd %d, %d studies', (ids, confidence, sd, studies) => {
    const b = body(...ids);
    expect(b.confidence).toBe(confidence);
    expect(b.sd).toBeCloseTo(sd, 12);
    expect(b.studies).toBe(studies);
    expect(b.findings).toEqual([...new Set(ids)]);
  });

  it('shared draws: one slot per finding, precision weights 1/sd normalised to unit length', () => {
    const b = body('h1', 'l2');
    expect([...b.draws]).toEqual([0, 2]);
    const p = [1 / 0.15, 1 / 0.5];
    const norm = Math.hypot(...p);
    expect(b.coefficients[0]).toBeCloseTo(p[0]! / norm, 12);
    expect(b.coefficients[1]).toBeCloseTo(p[1]! / norm, 12);
    expect(b.references).toEqual(['s1', 's2']);
    expect(body('v4').references).toEqual(['s4', 's5']);
  });

  it('no known finding: as unsure as evidence gets, moved by no draw', () => {
    const b = body('nope', 'nada');
    expect(b).toMatchObject({ confidence: 'very-low', sd: EFFECT_SD['very-low'], studies: 0, findings: ['nope', 'nada'], references: [] });
    expect(b.draws).toHaveLength(0);
    const unslotted = bodyOf(['h1'], index, () => -1);
    expect(unslotted.draws).toHaveLength(0);
    expect(unslotted.sd).toBe(0.8);
  });

  it('an added corroborating finding never makes a rating less certain', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...GRADES), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 5 }), fc.constantFrom(...GRADES), fc.integer({ min: 0, max: 5 }), (cited, grade, study) => {
        const all = [...cited, [grade, study] as const].map(([g, s], i) => finding(`f${i}`, g, [`s${s}`]));
        const k = miniKb([], all);
        const ix = indexKb(k);
        const slot = (id: string) => all.findIndex((f) => f.id === id);
        const before = bodyOf(all.slice(0, -1).map((f) => f.id), ix, slot);
        const after = bodyOf(all.map((f) => f.id), ix, slot);
        expect(after.sd).toBeLessThanOrEqual(before.sd + 1e-12);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('the study cap: one study moves a criterion by at most 10 points each way', () => {
  const adjustment = (id: string, effects: [string, number][], findings: string[]): Adjustment => ({ id, when: { question: 'level', gte: 4 }, effects: effects.map(([criterion, delta]) => ({ criterion, delta })), findings, rationale: text(id) });
  const findings = [finding('a1', 'low', ['A']), finding('a2', 'moderate', ['A']), finding('b1', 'low', ['B']), finding('f-low', 'low'), finding('f-moderate', 'moderate')];
  const engineOf = (adjustments: Adjustment[]) => compileEngine(miniKb([{ ...model('m', 60, 50), adjustments }], findings)).models[0]!;

  it(`+8 and +6 on c1 from study A: scaled to ${STUDY_CAP}, in proportion (5.714 and 4.286), the stated deltas kept`, () => {
    const m = engineOf([adjustment('x', [['c1', 8]], ['a1']), adjustment('y', [['c1', 6], ['c2', 6]], ['a2'])]);
    expect(m.adjustments[0]!.effects[0]!.effect).toBeCloseTo(80 / 14, 12);
    expect(m.adjustments[1]!.effects[0]!.effect).toBeCloseTo(60 / 14, 12);
    expect(m.adjustments[1]!.effects[1]!.effect).toBe(6);
    expect(m.capped.get('x')?.get(0)).toBe(8);
    expect(m.capped.get('y')?.get(0)).toBe(6);
    expect(m.capped.get('y')?.has(1)).toBe(false);
  });
  it('an adjustment capped on two criteria keeps both stated deltas', () => {
    // Study A: c1 8 + 6 = 14 and c2 8 + 6 = 14, both scaled by 10/14.
    const m = engineOf([adjustment('x', [['c1', 8], ['c2', 8]], ['a1']), adjustment('y', [['c1', 6], ['c2', 6]], ['a2'])]);
    expect(m.adjustments[0]!.effects.map((e) => e.effect)).toEqual([expect.closeTo(80 / 14, 12), expect.closeTo(80 / 14, 12)]);
    expect([...m.capped.get('x')!]).toEqual([[0, 8], [1, 8]]);
    expect([...m.capped.get('y')!]).toEqual([[0, 6], [1, 6]]);
  });
  it('up and down are capped apart; other studies and a total of exactly 10 are not capped', () => {
    const m = engineOf([adjustment('x', [['c1', 8]], ['a1']), adjustment('y', [['c1', -6]], ['a2']), adjustment('z', [['c1', 7]], ['b1']), adjustment('w', [['c2', -4], ['c2', -6]], ['a1'])]);
    expect(m.adjustments.map((a) => a.effects.map((e) => e.effect))).toEqual([[8], [-6], [7], [-4, -6]]);
    expect(m.capped.size).toBe(0);
    const down = engineOf([adjustment('y', [['c1', -6]], ['a2']), adjustment('v', [['c1', -9]], ['a1'])]);
    expect(down.adjustments.map((a) => a.effects[0]!.effect)).toEqual([-4, -6]);
  });
});

describe('rankCentroid (the rank-order centroid weights)', () => {
  it.each([
    [1, [1]],
    [2, [3 / 4, 1 / 4]],
    [3, [11 / 18, 5 / 18, 2 / 18]],
    [4, [25 / 48, 13 / 48, 7 / 48, 3 / 48]],
  ])('%d options: %j', (k, expected) => {
    const c = rankCentroid(k);
    expect(c).toHaveLength(k);
    c.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    expect(c.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('compiled weight rules and the grids an unknown answer is bounded on', () => {
  const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));
  const kb: KnowledgeBase = miniKb([{ ...model('m', 60, 50), adjustments: [{ id: 'big', when: { question: 'size', gte: 20 }, effects: [{ criterion: 'c1', delta: 5 }], findings: ['f-low'], rationale: text('') }] }]);
  kb.questions.push(
    question('yes', { type: 'boolean', assume: true }),
    question('pick', { type: 'choice', assume: 'a', options: options('a', 'b', 'c') }),
    question('few', { type: 'multi', assume: [], options: options('a', 'b') }),
    question('lots', { type: 'multi', assume: [], options: options(...'abcdefghi') }),
    question('order', { type: 'rank', assume: undefined, options: options('a', 'b', 'c') }),
  );
  kb.criteria[1]!.weight.terms = [{ question: 'level', map: { '1': 0, '2': 1, '3': 2, '4': 4, '5': 4 } }, { question: 'pick', map: { a: 1, b: 3 } }, { question: 'order', rank: 'b', total: 6 }];
  let engine: Engine;
  beforeEach(() => {
    engine = compileEngine(kb);
  });
  const grid = (id: string) => engine.questions[engine.position.get(id)!]!.grid;

  it('a scale: half the step to the nearest neighbouring answer; a choice has no order, so no band', () => {
    const [level, pick, order] = engine.criteria[1]!.terms;
    expect([1, 2, 3, 4, 5].map((v) => level!.band(v))).toEqual([0.5, 0.5, 0.5, 0, 0]);
    expect([1, 2, 3, 4, 5].map((v) => level!.value(v))).toEqual([0, 1, 2, 4, 4]);
    expect(level!.band(9)).toBe(0);
    expect(['a', 'b', 'c'].map((v) => [pick!.value(v), pick!.band(v)])).toEqual([[1, 0], [3, 0], [0, 0]]);
    // A ranking: the option's place gives total × the rank-order centroid (11/18, 5/18, 2/18 of 6).
    expect(order!.value(['b', 'a', 'c'])).toBeCloseTo(6 * 11 / 18, 12);
    expect(order!.value(['a', 'c', 'b'])).toBeCloseTo(6 * 2 / 18, 12);
    expect(order!.value('dont-know')).toBe(0);
    expect(order!.rank).toEqual({ option: 'b', total: 6 });
  });
  it('a linear rule: no band (a measured share leaves no room)', () => {
    const [share] = engine.criteria[0]!.terms;
    expect(share!.value(25)).toBe(0.5);
    expect(share!.band(25)).toBe(0);
  });
  it.each<[string, unknown[]]>([
    ['size', [1, 10, 19, 20, 21, 100]], // ends, assume, and either side of the condition's 20
    ['share', [0, 0.01, 50, 99.99, 100]], // ends and assume; the weight rule's points 0 and 100, a hundredth inside
    ['level', [1, 2, 3, 4, 5]],
    ['yes', [true, false]],
    ['pick', ['a', 'b', 'c']],
    ['few', [[], ['a'], ['b'], ['a', 'b']]],
    ['order', [['a', 'b', 'c'], ['a', 'c', 'b'], ['b', 'a', 'c'], ['b', 'c', 'a'], ['c', 'a', 'b'], ['c', 'b', 'a']]],
  ])('%s: %j', (id, expected) => expect(grid(id)).toEqual(expected));
  it('more than 8 options: none, each alone, and all', () => {
    const g = grid('lots');
    expect(g).toHaveLength(11);
    expect(g[0]).toEqual([]);
    expect(g[1]).toEqual(['a']);
    expect(g[10]).toEqual([...'abcdefghi']);
  });
});

describe('decide: the order shown and today', () => {
  const kb = miniKb([
    { ...model('a', 50, 50), matches: { question: 'now', in: ['a-ish'] } },
    { ...model('b', 50, 50), matches: { question: 'now', in: ['b-ish', 'bee'] } },
    model('c', 50, 50),
    model('d', 50, 50),
  ]);
  kb.questions.push(question('now', { type: 'choice', assume: 'other', options: [{ value: 'a-ish', label: text('') }, { value: 'b-ish', label: text('') }, { value: 'bee', label: text('') }, { value: 'other', label: text('') }] }));
  const engine = compileEngine(kb);
  const robustness = (firsts: number[], samples = 1000): Robustness => ({
    samples,
    seed: 1,
    adaptive: false,
    maxSamples: samples,
    models: firsts.map((first) => ({ ranks: [first, 0, 0, 0], firstError: 0, meanRank: 1, beats: [0.5, 0.5, 0.5, 0.5], beatsAfterChange: [0.9, 0.9, 0.9, 0.9] })),
  });
  const ids = (order: number[]) => order.map((m) => engine.models[m]!.id);

  it('workable models first, then most often first, then by score, then by id', () => {
    const m = municipalityOf(engine, { now: 'other' });
    expect(ids(decide(engine, m, robustness([0.2, 0.5, 0.2, 0.1]), [60, 50, 70, 80], [true, true, true, false]).order)).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(decide(engine, m, robustness([0.25, 0.25, 0.25, 0.25]), [50, 50, 50, 50], [true, true, true, true]).order)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(decide(engine, m, robustness([0.25, 0.25, 0.25, 0.25]), [50, 50, 50, 50], [false, true, false, true]).order)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('today: the organisation whose `matches` the known answer meets', () => {
    expect(todayOf(engine, municipalityOf(engine, { now: 'bee' }))).toBe(1);
    expect(todayOf(engine, municipalityOf(engine, { now: 'a-ish' }))).toBe(0);
    expect(todayOf(engine, municipalityOf(engine, { now: 'other' }))).toBeUndefined();
    expect(todayOf(engine, municipalityOf(engine, { now: 'dont-know' }))).toBeUndefined();
  });
  it('without samples nothing tells the models apart: every workable one is in the top set', () => {
    const m = municipalityOf(engine, { now: 'other' });
    const { verdict } = decide(engine, m, robustness([0, 0, 0, 0], 0), [60, 50, 70, 80], [true, true, true, false]);
    expect(verdict).toEqual({ kind: 'undecided', leader: 'c', models: ['c', 'a', 'b'], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
    expect(decide(engine, m, robustness([0, 0, 0, 0], 0), [1, 1, 1, 1], [false, false, false, false]).verdict).toEqual({ kind: 'undecided', models: [], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
  });
  it('a leader first in 70 % without today is the clear first choice', () => {
    const m = municipalityOf(engine, { now: 'other' });
    expect(decide(engine, m, robustness([0.7, 0.2, 0.1, 0]), [50, 50, 50, 50], [true, true, true, true]).verdict).toStrictEqual({ kind: 'clear', leader: 'a', models: ['a'], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
  });
  it('without samples every workable model is in the top set, even when the (empty) figures say nobody beats the leader; no workable model, no leader at all', () => {
    const m = municipalityOf(engine, { now: 'other' });
    const r = robustness([0, 0, 0, 0], 0);
    for (const x of r.models) x.beats = [0, 0, 0, 0];
    expect(decide(engine, m, r, [60, 50, 70, 80], [true, true, true, false]).verdict).toStrictEqual({ kind: 'undecided', leader: 'c', models: ['c', 'a', 'b'], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
    expect(decide(engine, m, r, [1, 1, 1, 1], [false, false, false, false]).verdict).toStrictEqual({ kind: 'undecided', models: [], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
  });
  it("today unknown is no today, even when the assumed answer would match an organisation", () => {
    const k = structuredClone(kb);
    k.questions.find((q) => q.id === 'now')!.assume = 'bee';
    const e = compileEngine(k);
    expect(todayOf(e, municipalityOf(e, { now: 'dont-know' }))).toBeUndefined();
    expect(todayOf(e, municipalityOf(e, { now: 'bee' }))).toBe(1);
  });
  it('ties on everything are ordered by id, whatever order the models are listed in', () => {
    const e = compileEngine(miniKb(['d', 'c', 'b', 'a'].map((id) => model(id, 50, 50))));
    const order = decide(e, municipalityOf(e, {}), robustness([0.25, 0.25, 0.25, 0.25]), [50, 50, 50, 50], [true, true, true, true]).order;
    expect(order.map((i) => e.models[i]!.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('the verdict reads how often each model beats the leader, and today after the change cost', () => {
    const m = municipalityOf(engine, { now: 'bee' });
    const r = robustness([0.5, 0.3, 0.2, 0]);
    r.models[1]!.beats[0] = 0.3; // b beats the leader a in 30 %
    r.models[2]!.beats[0] = 0.2;
    r.models[3]!.beats[0] = 0.1;
    r.models[0]!.beatsAfterChange[1] = 0.85; // a beats today's b, change paid, in 85 %
    r.models[2]!.beatsAfterChange[1] = 0.1;
    r.models[3]!.beatsAfterChange[1] = 0.1;
    const { verdict, today } = decide(engine, m, r, [55, 52, 51, 50], [true, true, true, true]);
    expect(today).toBe(1);
    expect(verdict).toMatchObject({ kind: 'indistinguishable', leader: 'a', models: ['a', 'b'] });
    r.models[0]!.beatsAfterChange[1] = 0.75;
    expect(decide(engine, m, r, [55, 52, 51, 50], [true, true, true, true]).verdict).toMatchObject({ kind: 'keep', leader: 'b', models: ['b'] });
  });
});

