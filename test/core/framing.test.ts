import { describe, expect, it } from 'vitest';
import { compileEngine, rankCentroid, STUDY_CAP } from '../../src/core/engine.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { estimate } from '../../src/core/score.js';
import { municipalityOf } from '../../src/core/unknowns.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import type { Model } from '../../src/schema/index.js';
import { answers, miniKb, model, question } from '../helpers/mini-kb.js';

const text = (s: string) => ({ nb: s, en: s });

/** The mini knowledge base with a frame question, today's organisation and a ranking of priorities. */
function framedKb(models: Model[]): KnowledgeBase {
  const kb = miniKb(models);
  return {
    ...kb,
    questions: [
      ...kb.questions,
      question('frame', { type: 'choice', dontKnow: false, assume: undefined, options: [{ value: 'office', label: text('office') }, { value: 'agency', label: text('agency') }] }),
      question('today', { type: 'choice', dontKnow: true, assume: 'other', options: ['a', 'b', 'other'].map((value) => ({ value, label: text(value) })) }),
      question('priorities', { type: 'rank', dontKnow: true, assume: undefined, options: ['p', 'q'].map((value) => ({ value, label: text(value) })) }),
    ],
    change: { today: 'today', base: 2, ramp: { question: 'level', points: [[1, 0], [5, 4]] }, findings: ['f-low'], rationale: text('change costs') },
  };
}
const frame: Model = { ...model('agency-frame', 50, 40), kind: 'frame', matches: { question: 'frame', in: ['agency'] } };
const a: Model = { ...model('a', 60, 50), matches: { question: 'today', in: ['a'] } };
const b: Model = { ...model('b', 50, 60), matches: { question: 'today', in: ['b'] } };
const run = (kb: KnowledgeBase, values: Record<string, unknown>) => scoreMunicipality(compileEngine(kb), answers({ frame: 'office', today: 'other', priorities: ['p', 'q'], ...values }), { lang: 'en', seed: 1, samples: 4000, skipSearches: true });

describe('frames', () => {
  const kb = framedKb([a, b, frame]);
  it('a frame is never ranked; its ratings apply to every organisation within it, as their own contributions', () => {
    const inside = run(kb, { frame: 'agency' });
    expect(inside.ranking.map((r) => r.model).sort()).toEqual(['a', 'b']);
    expect(inside.frame?.model).toBe('agency-frame');
    // The frame rates c2 at 40: ten points off every organisation's c2, weighted 1/3.
    const outside = run(kb, { frame: 'office' });
    for (const id of ['a', 'b']) {
      const i = inside.ranking.find((r) => r.model === id)!;
      const o = outside.ranking.find((r) => r.model === id)!;
      expect(o.score - i.score).toBeCloseTo(10 / 3, 1);
      expect(i.criteria[1]!.contributions.some((x) => x.kind === 'frame' && x.value === 40)).toBe(true);
    }
    expect(outside.frame).toBeUndefined();
  });
});

describe("today's organisation and the cost of change", () => {
  const kb = framedKb([a, b, frame]);
  it('every other organisation pays the cost of change (base 2, plus the ramp on level), and gains are read against today', () => {
    const result = run(kb, { today: 'a', level: 3 });
    expect(result.today).toBe('a');
    const bRank = result.ranking.find((r) => r.model === 'b')!;
    // level 3 on the ramp [[1, 0], [5, 4]] adds 2: the cost is 2 + 2 = 4 points.
    expect(bRank.change?.cost).toBeCloseTo(4, 6);
    expect(result.ranking.find((r) => r.model === 'a')!.change).toBeUndefined();
    // The gain against today is the fit's difference with the cost paid.
    expect(bRank.versusToday?.gain).toBeCloseTo(bRank.score - 4 - result.ranking.find((r) => r.model === 'a')!.score, 1);
  });
  it('the cost of change decides only whether to leave today: the scores and the rank acceptabilities are the fit, whatever today is', () => {
    const fromA = run(kb, { today: 'a', level: 5 });
    const fromB = run(kb, { today: 'b', level: 5 });
    const view = (r: typeof fromA) => r.ranking.map((m) => [m.model, m.score, m.acceptability.first]);
    expect(view(fromA)).toEqual(view(fromB));
    // … while P(better than today) pays it: b beats a less often once the change is paid for.
    const bFromA = fromA.ranking.find((r) => r.model === 'b')!;
    const aFromB = fromB.ranking.find((r) => r.model === 'a')!;
    expect(bFromA.versusToday!.better).toBeLessThanOrEqual(bFromA.beats.a!);
    expect(aFromB.versusToday!.better).toBeLessThan(aFromB.beats.b!);
  });
  it('keeps what the municipality has when nothing is clearly better', () => {
    // a (60/50) against b (50/60) at weights 2/3 and 1/3: a is ahead; with a today, keep it.
    expect(run(kb, { today: 'a' }).verdict.kind).toBe('keep');
    // With b today, a must beat b by more than the cost in 80 % of cases to be worth the change.
    const fromB = run(kb, { today: 'b', level: 1 });
    expect(['keep', 'clear']).toContain(fromB.verdict.kind);
    expect(fromB.ranking.find((r) => r.model === 'a')!.versusToday!.better).toBeGreaterThan(0.5);
  });
  it("with today unknown, no organisation is spared the cost and nothing is compared with today", () => {
    const result = run(kb, { today: 'dont-know' });
    expect(result.today).toBeUndefined();
    for (const r of result.ranking) expect(r.versusToday).toBeUndefined();
    expect(result.verdict.kind).not.toBe('keep');
  });
});

describe('ramps, misfits and the study cap', () => {
  it('a ramp scales an adjustment along an answer instead of a cliff at one cut-off', () => {
    const ramped: Model = { ...a, adjustments: [{ id: 'small', ramp: { question: 'size', points: [[4, 1], [15, 0]] }, effects: [{ criterion: 'c1', delta: -6 }], findings: ['f-low'], rationale: text('small offices') }] };
    const kb = framedKb([ramped, b]);
    const engine = compileEngine(kb);
    const c1 = (size: number) => estimate(engine, municipalityOf(engine, answers({ size, frame: 'office', today: 'other', priorities: ['p', 'q'] }).answers)).models[0]!.criteria[0]!.performance;
    expect(c1(4)).toBeCloseTo(54, 9);
    expect(c1(9.5)).toBeCloseTo(57, 9);
    expect(c1(15)).toBeCloseTo(60, 9);
    expect(c1(30)).toBeCloseTo(60, 9);
  });
  it('a documented harm is flagged as a misfit, not only averaged into the score', () => {
    const harmed: Model = { ...a, adjustments: [{ id: 'weak', when: { question: 'level', lte: 2 }, effects: [{ criterion: 'c1', delta: -5 }], findings: ['f-low'], rationale: text('weak'), misfit: text('paralyses where cooperation is weak') }] };
    const result = run(framedKb([harmed, b]), { level: 1 });
    expect(result.ranking.find((r) => r.model === 'a')!.misfits).toMatchObject([{ id: 'weak', text: 'paralyses where cooperation is weak', probability: 1 }]);
    expect(run(framedKb([harmed, b]), { level: 4 }).ranking.find((r) => r.model === 'a')!.misfits).toEqual([]);
  });
  it(`one study moves a criterion by at most ${STUDY_CAP} points each way, however many adjustments cite it`, () => {
    const stacked: Model = {
      ...a,
      adjustments: ['x', 'y', 'z'].map((id) => ({ id, when: { question: 'level', gte: 1 }, effects: [{ criterion: 'c1', delta: -8 }], findings: ['f-low'], rationale: text(id) })),
    };
    const result = run(framedKb([stacked, b]), {});
    const c1 = result.ranking.find((r) => r.model === 'a')!.criteria[0]!;
    expect(c1.performance).toBeCloseTo(60 - STUDY_CAP, 6);
    const capped = c1.contributions.filter((x) => x.kind === 'adjustment');
    expect(capped.map((x) => x.kind === 'adjustment' && x.stated)).toEqual([-8, -8, -8]);
  });
});

describe('ranked priorities', () => {
  it('the rank-order centroid: 3/4 and 1/4 for two, 11/18, 5/18 and 2/18 for three', () => {
    expect(rankCentroid(2)).toEqual([0.75, 0.25]);
    rankCentroid(3).forEach((w, i) => expect(w).toBeCloseTo([11 / 18, 5 / 18, 2 / 18][i]!, 12));
  });
  it('a ranking weighs its criteria by the centroid; putting the other first moves the weight', () => {
    const kb = framedKb([a, b]);
    kb.criteria = kb.criteria.map((c) => ({ ...c, weight: { base: 0, terms: [{ question: 'priorities', rank: c.id === 'c1' ? 'p' : 'q', total: 4 }] } }));
    const engine = compileEngine(kb);
    const weights = (priorities: string[]) => estimate(engine, municipalityOf(engine, answers({ priorities, frame: 'office', today: 'other' }).answers)).weights;
    expect(weights(['p', 'q'])).toEqual([0.75, 0.25]);
    expect(weights(['q', 'p'])).toEqual([0.25, 0.75]);
    // Unknown: every order is as likely, so the weights are even.
    weights(['dont-know' as string]).forEach((w) => expect(w).toBeGreaterThan(0));
  });
});
