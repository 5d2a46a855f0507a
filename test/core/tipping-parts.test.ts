import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/decision.js';
import { compileEngine, type Engine } from '../../src/core/engine.js';
import { type KnowledgeBase } from '../../src/core/kb.js';
import { seededRandom } from '../../src/core/random.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { estimate } from '../../src/core/score.js';
import { expectedScores, tippingPoints, unknownsThatMatter, withAnswer } from '../../src/core/tipping.js';
import { drawAnswers, expectationPoints, municipalityOf, type Municipality } from '../../src/core/unknowns.js';
import type { Adjustment, AnswerValue, Model } from '../../src/schema/index.js';
import { answers, defaultFindings, finding, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * The searches of tipping.ts, part by part, on the mini knowledge base
 * (test/helpers/mini-kb.ts): c1 weighs 1 + 2·share/100 and c2 weighs 1, so at share 50 the
 * weights are 2/3 and 1/3 and a model's expected score is (2·c1 + c2)/3.
 *
 * The tipping-point designs change one model by an adjustment that applies from level 4
 * on: the municipality answers level 3, so the smallest change that can matter is 3 → 4
 * (a quarter of the scale), and what the change does is worked out by hand below.
 *
 * Everything runs inside the tests (a Stryker mutant is active only while tests run).
 */
const text = (s: string) => ({ nb: s, en: s });
const fromLevel4 = (id: string, criterion: string, delta: number, finding = 'f-high'): Adjustment => ({ id, when: { question: 'level', gte: 4 }, effects: [{ criterion, delta }], findings: [finding], rationale: text(id) });
const withAdjustment = (m: Model, adjustment: Adjustment): Model => ({ ...m, adjustments: [...(m.adjustments ?? []), adjustment] });
const sure = (id: string, c1: number, c2: number) => model(id, c1, c2, ['f-high', 'f-high']);

/** Everything the pipeline hands tippingPoints: the verdict of a full analysis and the runner-up. */
function situation(models: Model[], values: Record<string, unknown> = {}, kb: KnowledgeBase = miniKb(models)) {
  const engine = compileEngine(kb);
  const municipality = municipalityOf(engine, answers(values).answers);
  const estimates = estimate(engine, municipality);
  const scores = estimates.models.map((m) => m.score);
  const feasible = estimates.models.map((m) => m.feasible);
  const robustness = analyseRobustness(engine, municipality, { seed: 1, samples: 2000 });
  const { order, verdict } = decide(engine, municipality, robustness, scores, feasible);
  const runnerUp = order[1] !== undefined && feasible[order[1]] ? engine.models[order[1]]!.id : undefined;
  return { engine, municipality, verdict, runnerUp, scores };
}

describe('expectedScores: the expected score of every model over weighted answer sets', () => {
  const engine = compileEngine(miniKb([model('a', 60, 50), model('b', 50, 80), model('c', 50, 50, undefined, { preconditions: [{ id: 'p', requires: { question: 'level', gte: 4 }, findings: ['f-low'], failure: text('low') }] })]));
  const at = (values: Record<string, unknown>) => municipalityOf(engine, answers(values).answers).values;

  it('one set of answers, weight 1: the weighted sum of the ratings, by hand', () => {
    const { scores, feasible } = expectedScores(engine, [{ values: at({}), weight: 1 }]);
    expect(scores[0]).toBeCloseTo((2 * 60 + 50) / 3, 12);
    expect(scores[1]).toBeCloseTo((2 * 50 + 80) / 3, 12);
    expect(scores[2]).toBeCloseTo(50, 12);
    expect(feasible).toEqual([true, true, false]);
  });

  it('two sets, weights ¼ and ¾: the weighted mean of the scores at each', () => {
    // share 0: weights ½, ½; share 100: weights ¾, ¼.
    const { scores } = expectedScores(engine, [
      { values: at({ share: 0 }), weight: 0.25 },
      { values: at({ share: 100 }), weight: 0.75 },
    ]);
    expect(scores[0]).toBeCloseTo(0.25 * 55 + 0.75 * 57.5, 12);
    expect(scores[1]).toBeCloseTo(0.25 * 65 + 0.75 * (0.75 * 50 + 0.25 * 80), 12);
  });

  it('a model is workable when its conditions hold in at least one set', () => {
    expect(expectedScores(engine, [{ values: at({ level: 3 }), weight: 0.5 }, { values: at({ level: 2 }), weight: 0.5 }]).feasible[2]).toBe(false);
    expect(expectedScores(engine, [{ values: at({ level: 3 }), weight: 0.5 }, { values: at({ level: 4 }), weight: 0.5 }]).feasible[2]).toBe(true);
    expect(expectedScores(engine, [{ values: at({ level: 5 }), weight: 0.5 }, { values: at({ level: 1 }), weight: 0.5 }]).feasible[2]).toBe(true);
  });

  it('no sets: every score 0, nothing workable', () => {
    expect(expectedScores(engine, [])).toEqual({ scores: [0, 0, 0], feasible: [false, false, false] });
  });

  it.each([
    ['share unknown', { share: 'dont-know' }],
    ['level unknown', { level: 'dont-know' }],
    ['share and level unknown', { share: 'dont-know', level: 'dont-know' }],
    ['nothing unknown', {}],
  ])('%s: with the municipality (what reads no unknown answer worked out once) the very same figures as without', (_, values) => {
    const adjusted = compileEngine(
      miniKb([
        withAdjustment(model('a', 60, 50), fromLevel4('up', 'c1', 5)),
        withAdjustment(model('b', 50, 80), { id: 'ramped', ramp: { question: 'share', points: [[0, 0], [100, 1]] }, effects: [{ criterion: 'c2', delta: -6 }], findings: ['f-low'], rationale: text('r') }),
        model('c', 50, 50, undefined, { preconditions: [{ id: 'p', requires: { question: 'level', gte: 4 }, findings: ['f-low'], failure: text('low') }] }),
      ]),
    );
    const municipality = municipalityOf(adjusted, answers(values).answers);
    const points = expectationPoints(adjusted, municipality, 64);
    expect(expectedScores(adjusted, points, municipality)).toEqual(expectedScores(adjusted, points));
  });

  it('an unknown level: the adjustment from level 4 counts with the prior chance of level 4 or 5', () => {
    const adjusted = compileEngine(miniKb([withAdjustment(model('a', 60, 50), fromLevel4('up', 'c1', 6))]));
    const municipality = municipalityOf(adjusted, answers({ level: 'dont-know' }).answers);
    const support = adjusted.questions[adjusted.position.get('level')!]!.prior.support;
    const p = support.reduce((sum, s) => sum + (Number(s.value) >= 4 ? s.weight : 0), 0);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const { scores } = expectedScores(adjusted, expectationPoints(adjusted, municipality, 64), municipality);
    expect(scores[0]).toBeCloseTo((2 * 60 + 50) / 3 + p * (2 / 3) * 6, 10);
  });
});

describe('withAnswer: the answers with one of them changed', () => {
  const mixKb = (): KnowledgeBase => {
    const kb = miniKb([model('a', 60, 50)]);
    const share = (id: string, assume: number) => question(id, { type: 'percent', assume, prior: { low: 10, high: 60, why: text('j') } });
    return { ...kb, questions: [...kb.questions, share('t1', 50), share('t2', 30), share('t3', 20)], sums: [{ id: 'mix', questions: ['t1', 't2', 't3'], total: 100, tolerance: 1, message: text('100') }] };
  };
  const mix = (values: Record<string, unknown>) => {
    const engine = compileEngine(mixKb());
    return { engine, municipality: municipalityOf(engine, answers(values).answers) };
  };
  const valuesOf = (engine: Engine, m: Municipality, ids: string[]) => ids.map((id) => m.values[engine.position.get(id)!]);

  it('an answer outside the mix: that value, now known, and nothing else changed', () => {
    const engine = compileEngine(miniKb([model('a', 60, 50)]));
    const municipality = municipalityOf(engine, answers({ level: 'dont-know' }).answers);
    const level = engine.position.get('level')!;
    const changed = withAnswer(engine, municipality, level, 5);
    expect(changed.values[level]).toBe(5);
    expect(changed.known[level]).toBe(true);
    expect(changed.unknown).toEqual([]);
    expect(changed.openMix).toBe(false);
    expect(changed.values.filter((_, q) => q !== level)).toEqual(municipality.values.filter((_, q) => q !== level));
    // The municipality itself is untouched.
    expect(municipality.known[level]).toBe(false);
    expect(municipality.unknown).toEqual([level]);
  });

  it('a share of a known mix: the other shares make room in proportion, to a tenth', () => {
    const { engine, municipality } = mix({ t1: 50, t2: 30, t3: 20 });
    const changed = withAnswer(engine, municipality, engine.position.get('t1')!, 70);
    expect(valuesOf(engine, changed, ['t1', 't2', 't3'])).toEqual([70, 18, 12]);
    expect(changed.openMix).toBe(false);
    const thirds = withAnswer(engine, municipality, engine.position.get('t1')!, 0);
    expect(valuesOf(engine, thirds, ['t1', 't2', 't3'])).toEqual([0, 60, 40]);
    const odd = withAnswer(engine, municipality, engine.position.get('t2')!, 33);
    // 67 shared 50 : 20 → 47.857… and 19.142…, rounded to a tenth.
    expect(valuesOf(engine, odd, ['t1', 't2', 't3'])).toEqual([47.9, 33, 19.1]);
  });

  it('the other shares all 0: what is left is split equally', () => {
    const { engine, municipality } = mix({ t1: 100, t2: 0, t3: 0 });
    const changed = withAnswer(engine, municipality, engine.position.get('t1')!, 40);
    expect(valuesOf(engine, changed, ['t1', 't2', 't3'])).toEqual([40, 30, 30]);
  });

  it('with a share unknown, the known ones stay while they fit, and make room only when they no longer do', () => {
    const { engine, municipality } = mix({ t1: 50, t2: 30, t3: 'dont-know' });
    expect(municipality.openMix).toBe(true);
    const fits = withAnswer(engine, municipality, engine.position.get('t1')!, 60);
    expect(valuesOf(engine, fits, ['t1', 't2'])).toEqual([60, 30]);
    expect(fits.openMix).toBe(true);
    const tight = withAnswer(engine, municipality, engine.position.get('t1')!, 80);
    expect(valuesOf(engine, tight, ['t1', 't2'])).toEqual([80, 20]);
  });

  it('answering the unknown share closes the mix, and moves no other share', () => {
    const { engine, municipality } = mix({ t1: 50, t2: 30, t3: 'dont-know' });
    const t3 = engine.position.get('t3')!;
    const closed = withAnswer(engine, municipality, t3, 20);
    expect(closed.openMix).toBe(false);
    expect(closed.known[t3]).toBe(true);
    expect(valuesOf(engine, closed, ['t1', 't2', 't3'])).toEqual([50, 30, 20]);
  });
});

describe('tippingPoints: the smallest changes of a known answer that change the verdict', () => {
  // a (60, 50) against b (55, 50): 170/3 against 160/3; from level 4, b rates c1 65 and scores 180/3.
  const overtaking = () => [sure('a', 60, 50), withAdjustment(sure('b', 55, 50), fromLevel4('b-up', 'c1', 10))];

  it('the design: a is the clear first choice at level 3, b at level 4', () => {
    const now = situation(overtaking());
    expect(now.scores[0]).toBeCloseTo(170 / 3, 10);
    expect(now.scores[1]).toBeCloseTo(160 / 3, 10);
    expect(now.verdict).toMatchObject({ kind: 'clear', leader: 'a' });
    expect(now.runnerUp).toBe('b');
    const after = situation(overtaking(), { level: 4 });
    expect(after.scores[1]).toBeCloseTo(60, 10);
    expect(after.verdict).toMatchObject({ kind: 'clear', leader: 'b' });
  });

  it('no-longer-clear: one study moves a rating by at most STUDY_CAP (10) points, so with +30 from level 4 b only draws level with a (the same finding, the same draws: a tie in every sample), and a stays first by its place, no longer clearly', () => {
    const { engine, municipality, verdict, runnerUp } = situation([sure('a', 60, 50), withAdjustment(sure('b', 50, 50), fromLevel4('b-up', 'c1', 30))]);
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual([{ model: 'a', kind: 'no-longer-clear', question: 'level', from: 3, to: 4, leader: 'a', distance: 0.25 }]);
  });

  it('level 3 → 4 puts the runner-up first: takes-first, a quarter of the scale; no other answer tips it', () => {
    const { engine, municipality, verdict, runnerUp } = situation(overtaking());
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual([{ model: 'b', kind: 'takes-first', question: 'level', from: 3, to: 4, leader: 'b', distance: 0.25 }]);
  });

  it('with no runner-up named, the same change is one where the leader loses first place', () => {
    const { engine, municipality, verdict } = situation(overtaking());
    expect(tippingPoints(engine, municipality, verdict, undefined, 1)).toEqual([{ model: 'a', kind: 'loses-first', question: 'level', from: 3, to: 4, leader: 'b', distance: 0.25 }]);
  });

  it('two models alike until level 4, which lifts the leader by 10 on c1: becomes-clear', () => {
    const { engine, municipality, verdict, runnerUp } = situation([withAdjustment(sure('a', 60, 50), fromLevel4('a-up', 'c1', 10)), sure('b', 60, 50)]);
    expect(verdict.kind).not.toBe('clear');
    expect(verdict.leader).toBe('a');
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual([{ model: 'a', kind: 'becomes-clear', question: 'level', from: 3, to: 4, leader: 'a', distance: 0.25 }]);
  });

  it('at most `limit` of each kind, nearest first; a count is measured on a log scale (10 → 20 of 1–100)', () => {
    // b also gains 10 on c1 from size 20 on (another study): size 10 → 20 tips it too, and is nearer.
    const fromSize20: Adjustment = { id: 'b-big', when: { question: 'size', gte: 20 }, effects: [{ criterion: 'c1', delta: 10 }], findings: ['f-moderate'], rationale: text('big') };
    const { engine, municipality, verdict, runnerUp } = situation([sure('a', 60, 50), withAdjustment(withAdjustment(sure('b', 55, 50), fromLevel4('b-up', 'c1', 10)), fromSize20)]);
    const sizeDistance = Math.log(21 / 11) / Math.log(101 / 2);
    const both = tippingPoints(engine, municipality, verdict, runnerUp, 1, 2);
    expect(both.map((t) => [t.question, t.to, t.kind])).toEqual([
      ['size', 20, 'takes-first'],
      ['level', 4, 'takes-first'],
    ]);
    expect(both[0]!.distance).toBeCloseTo(sizeDistance, 12);
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1, 1).map((t) => [t.question, t.to])).toEqual([['size', 20]]);
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual(both);
  });

  it('the nearest candidates are checked, whichever question they belong to: a tipping change of the last question searched is found before 17 farther ones of the questions before it', () => {
    // Seventeen scales, each lifting b by 4 on c1 from level 4: a's margin of 10/3 falls to 2/3 (less than half, a
    // candidate at a quarter of the scale) and a stays clearly first. Size 10 → 11 lifts b by 10: b leads, a change of
    // log(12/11)/log(101/2), the nearest of all. Only 16 candidates are checked; the search stops once it has them,
    // and they must be the nearest 16, not the first 16 met question by question.
    const scales = Array.from({ length: 17 }, (_, k) => `l${String(k + 1).padStart(2, '0')}`);
    const lift = (id: string, gte: number, delta: number, finding: string, on = id): Adjustment => ({ id: `b-${id}`, when: { question: on, gte }, effects: [{ criterion: 'c1', delta }], findings: [finding], rationale: text(id) });
    // Each scale's lift from a study of its own: one study's effects on a criterion are capped together (STUDY_CAP).
    const b = [...scales.map((id) => lift(id, 4, 4, `f-${id}`)), lift('size', 11, 10, 'f-moderate')].reduce(withAdjustment, sure('b', 55, 50));
    const kb = miniKb([sure('a', 60, 50), b], [...defaultFindings(), ...scales.map((id) => finding(`f-${id}`, 'high'))]);
    const wide: KnowledgeBase = { ...kb, questions: [...scales.map((id) => question(id, { type: 'scale', assume: 3, low: text('low'), high: text('high') })), ...kb.questions] };
    const { engine, municipality, verdict, runnerUp } = situation(wide.models, Object.fromEntries(scales.map((id) => [id, 3])), wide);
    expect(verdict).toMatchObject({ kind: 'clear', leader: 'a' });
    expect(situation(wide.models, { ...Object.fromEntries(scales.map((id) => [id, 3])), l17: 4 }, wide).verdict).toMatchObject({ kind: 'clear', leader: 'a' });
    const found = tippingPoints(engine, municipality, verdict, runnerUp, 1);
    expect(found).toEqual([{ model: 'b', kind: 'takes-first', question: 'size', from: 10, to: 11, leader: 'b', distance: expect.closeTo(Math.log(12 / 11) / Math.log(101 / 2), 12) }]);
  });

  it("a change after which nothing is clearly better than today's organisation: keeps-today", () => {
    // Today the municipality has a (60, 50); b (70, 50, the same finding) is better by 20/3 less a cost of change of 2,
    // so clearly better. From level 4, b loses 10 on c1: it ties with a in every sample and costs 2 more: keep a.
    const kb = miniKb([{ ...sure('a', 60, 50), matches: { question: 'today', in: ['a'] } }, withAdjustment({ ...sure('b', 70, 50), matches: { question: 'today', in: ['b'] } }, fromLevel4('b-down', 'c1', -10))]);
    const withToday: KnowledgeBase = {
      ...kb,
      questions: [...kb.questions, question('today', { type: 'choice', dontKnow: true, assume: 'other', options: ['a', 'b', 'other'].map((value) => ({ value, label: text(value) })) })],
      change: { today: 'today', base: 2, findings: ['f-moderate'], rationale: text('change costs') },
    };
    const { engine, municipality, verdict, runnerUp } = situation(withToday.models, { today: 'a' }, withToday);
    expect(verdict).toMatchObject({ kind: 'clear', leader: 'b' });
    expect(situation(withToday.models, { today: 'a', level: 4 }, withToday).verdict).toMatchObject({ kind: 'keep', leader: 'a' });
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual([{ model: 'b', kind: 'keeps-today', question: 'level', from: 3, to: 4, leader: 'a', distance: 0.25 }]);
  });

  it('an answer that is not known is not searched (its own uncertainty is in the verdict already)', () => {
    const { engine, municipality, verdict, runnerUp } = situation(overtaking(), { level: 'dont-know' });
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1).map((t) => t.question)).not.toContain('level');
  });

  it('nothing any answer changes: no tipping point; no leader: none either', () => {
    const { engine, municipality, verdict, runnerUp } = situation([sure('a', 60, 50), sure('b', 50, 50)]);
    expect(tippingPoints(engine, municipality, verdict, runnerUp, 1)).toEqual([]);
    expect(tippingPoints(engine, municipality, { ...verdict, leader: undefined }, runnerUp, 1)).toEqual([]);
  });

  it('a weight that moves with a share: the first share at which the rival leads, searched outward from the answer', () => {
    // a (60, 50) against b (50, 70): a − b = (10·w₁ − 20)/(w₁ + 1) with w₁ = 1 + share/50, level at share 50.
    // From share 90, down: every whole percent to 80, then every fifth; a leads while share > 50.
    const { engine, municipality, verdict, runnerUp } = situation([sure('a', 60, 50), sure('b', 50, 70)], { share: 90 });
    expect(verdict.leader).toBe('a');
    const found = tippingPoints(engine, municipality, verdict, runnerUp, 1);
    expect(found.length).toBeGreaterThan(0);
    const first = found[0]!;
    expect(first).toMatchObject({ question: 'share', from: 90, leader: 'b' });
    expect(Number(first.to)).toBeLessThanOrEqual(50);
    expect(Number(first.to)).toBeGreaterThanOrEqual(40);
    expect(first.distance).toBeCloseTo((90 - Number(first.to)) / 100, 12);
  });
});

describe('unknownsThatMatter: what knowing a "don\'t know" would change', () => {
  // From level 4, b rates c1 65: b 60 against a's 56.7, so knowing a level of 4 or 5 puts b first, by 10/3 points.
  const models = () => [sure('a', 60, 50), withAdjustment(sure('b', 55, 50), fromLevel4('b-up', 'c1', 10))];

  it('level unknown: the leader changes in the draws of level 4 or 5, each a gain of 10/3 points, replayed draw by draw', () => {
    const engine = compileEngine(miniKb(models()));
    const municipality = municipalityOf(engine, answers({ level: 'dont-know', size: 'dont-know' }).answers);
    const level = engine.position.get('level')!;
    const random = seededRandom(1000 + level);
    const scratch: AnswerValue[] = [...municipality.values];
    let high = 0;
    for (let k = 0; k < 32; k++) {
      drawAnswers(engine, municipality, random, scratch);
      if (Number(scratch[level]) >= 4) high++;
    }
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(32);
    const found = unknownsThatMatter(engine, municipality);
    expect(found.map((u) => u.question)).toEqual(['level', 'size']);
    expect(found[0]!.changesLeader).toBe(high / 32);
    expect(found[0]!.expectedGain).toBeCloseTo(((10 / 3) * high) / 32, 10);
    // size is read by nothing: knowing it changes nothing.
    expect(found[1]).toEqual({ question: 'size', changesLeader: 0, expectedGain: 0 });
  });

  it('every answer known: nothing to value', () => {
    const engine = compileEngine(miniKb(models()));
    expect(unknownsThatMatter(engine, municipalityOf(engine, answers({}).answers))).toEqual([]);
  });

  it('no workable model: nothing to value', () => {
    const never = { preconditions: [{ id: 'p', requires: { question: 'size', gte: 1000 }, findings: ['f-low'], failure: text('never') }] };
    const engine = compileEngine(miniKb([model('a', 60, 50, undefined, never)]));
    expect(unknownsThatMatter(engine, municipalityOf(engine, answers({ level: 'dont-know' }).answers))).toEqual([]);
  });

  it('ties in value are ordered by the question id', () => {
    const engine = compileEngine(miniKb([sure('a', 60, 50), sure('b', 50, 50)]));
    const found = unknownsThatMatter(engine, municipalityOf(engine, answers({ size: 'dont-know', level: 'dont-know', share: 'dont-know' }).answers));
    expect(found.map((u) => u.question)).toEqual(['level', 'share', 'size']);
    expect(found.every((u) => u.changesLeader === 0)).toBe(true);
  });
});
