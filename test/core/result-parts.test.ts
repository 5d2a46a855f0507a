import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine, withinFrame, frameOf, type Engine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { buildResult, MISFIT_SHARE, round, type ResultInput } from '../../src/core/result.js';
import type { Acceptability, Robustness } from '../../src/core/robustness.js';
import { estimate, type Estimates } from '../../src/core/score.js';
import { municipalityOf, type Municipality } from '../../src/core/unknowns.js';
import type { Adjustment, Model } from '../../src/schema/index.js';
import { answers, finding, miniKb, model, question, reference } from '../helpers/mini-kb.js';

/*
 * buildResult (src/core/result.ts) unit by unit: the estimates and the robustness figures
 * are given (the real point estimate of a small design, with numbers set by hand where a
 * rule is under test: clamping, rounding, thresholds), so every field of the result can be
 * checked against what went in. Everything is built inside the tests (beforeEach): a
 * StrykerJS mutant is active only while tests run.
 */
const text = (s: string) => ({ nb: `${s} (nb)`, en: s });
const adjustment = (id: string, over: Partial<Adjustment>): Adjustment => ({ id, effects: [{ criterion: 'c1', delta: 4 }], findings: ['f-high'], rationale: text(`${id} because`), ...over });

function designKb(): KnowledgeBase {
  const kb = miniKb([]);
  kb.findings.push(
    { ...finding('f-foreign', 'very-low', ['far-away']), origin: 'elsewhere', evidence: 'theory' },
    { ...finding('f-two', 'moderate', ['two-a', 'two-b']) },
  );
  kb.references = [...new Set(kb.findings.flatMap((f) => f.references))].map(reference);
  const far = kb.references.find((r) => r.key === 'far-away')!;
  Object.assign(far, { title: 'A far study', country: 'Australia', caveat: text('read with care'), flags: ['secondary'] });
  kb.questions.push(
    question('today', { type: 'choice', dontKnow: true, assume: 'other', short: text('today short'), options: ['a', 'b', 'other'].map((value) => ({ value, label: text(`org ${value}`) })) }),
    question('priorities', { type: 'rank', dontKnow: true, assume: undefined, options: ['p', 'q'].map((value) => ({ value, label: text(value) })) }),
    question('staff', { type: 'integer', min: 0, max: 500, assume: 40, unit: text('FTE') }),
  );
  kb.change = { today: 'today', base: 2, findings: ['f-low'], rationale: text('changing costs') };
  const a: Model = {
    ...model('a', 70, 55, ['f-high', 'f-two']),
    matches: { question: 'today', in: ['a'] },
    adjustments: [
      adjustment('a-yes', { when: { question: 'level', gte: 3 }, effects: [{ criterion: 'c1', delta: 4 }, { criterion: 'c2', delta: -2 }] }),
      adjustment('a-maybe', { when: { question: 'size', gte: 20 }, effects: [{ criterion: 'c2', delta: -3 }], findings: ['f-foreign'], misfit: text('too small') }),
      adjustment('a-never', { when: { question: 'level', gte: 5 }, effects: [{ criterion: 'c1', delta: 9 }], misfit: text('never shown') }),
      adjustment('a-ramp', { ramp: { question: 'share', points: [[0, 0], [100, 1]] }, effects: [{ criterion: 'c2', delta: -6 }], findings: ['f-moderate'], misfit: text('ramped') }),
    ],
    preconditions: [
      { id: 'a-met', requires: { question: 'level', gte: 1 }, findings: ['f-low'], failure: text('needs a level') },
      { id: 'a-open', requires: { question: 'size', lte: 20 }, findings: ['f-moderate'], failure: text('too big') },
    ],
  };
  const b: Model = {
    ...model('b', 40, 60, ['f-high', 'f-moderate']),
    matches: { question: 'today', in: ['b'] },
    preconditions: [{ id: 'b-fails', requires: { question: 'level', lte: 2 }, findings: ['f-low'], failure: text('needs a low level') }],
  };
  a.name = text('a');
  b.name = text('b');
  kb.models = [a, b];
  return kb;
}

let kb: KnowledgeBase;
let engine: Engine;
let municipality: Municipality;
let estimates: Estimates;
const given = { share: 50, size: 'dont-know', level: 3, today: 'b', priorities: ['q', 'p'], staff: 'dont-know' };

function acceptability(over: Partial<Acceptability>): Acceptability {
  return { ranks: [0.61234, 0.38766], firstError: 0.0123456, meanRank: 1.38766, beats: [0, 0.612345], beatsAfterChange: [0, 0.55555], ...over };
}
const robustness = (): Robustness => ({
  samples: 1234,
  seed: 7,
  adaptive: true,
  maxSamples: 40_000,
  models: [acceptability({ centralWeights: [0.712345, 0.287655], confidence: 0.876543 }), acceptability({ ranks: [0.38766, 0.61234], beats: [0.387655, 0], beatsAfterChange: [0.44444, 0], meanRank: 1.61234 })],
});

function input(over: Partial<ResultInput> = {}): ResultInput {
  return {
    engine,
    municipality,
    answers: { municipality: 'Testvik', scenario: 'i dag' },
    source: 'testvik.yaml',
    estimates,
    robustness: robustness(),
    order: [0, 1],
    verdict: { kind: 'indistinguishable', leader: 'a', models: ['a', 'b'], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } },
    today: 1,
    tippingPoints: [],
    unknownsThatMatter: [],
    lang: 'en',
    ...over,
  };
}

beforeEach(() => {
  kb = designKb();
  const base = compileEngine(kb);
  const known = municipalityOf(base, answers(given).answers);
  engine = withinFrame(base, frameOf(base, known.values.map((v, q) => (known.known[q] ? v : null!))));
  municipality = municipalityOf(engine, answers(given).answers);
  estimates = estimate(engine, municipality);
});

describe('the head of the result', () => {
  it('format, municipality, scenario, source, language, method and verdict, copied', () => {
    const r = buildResult(input());
    expect(r.format).toBe('orgfit/result@1');
    expect(r.municipality).toBe('Testvik');
    expect(r.scenario).toBe('i dag');
    expect(r.source).toBe('testvik.yaml');
    expect(r.lang).toBe('en');
    expect(r.method).toEqual({ kind: 'weighted-additive', scale: '0-100', interval: { level: 0.8 }, robustness: { kind: 'smaa-2', samples: 1234, seed: 7, adaptive: true, maxSamples: 40_000 } });
    expect(r.verdict).toEqual({ kind: 'indistinguishable', leader: 'a', models: ['a', 'b'], thresholds: { clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 } });
    expect(r.today).toBe('b');
    expect(r.frame).toBeUndefined();
  });

  it('without a scenario, a source or today, those keys are absent; the verdict is a copy, not the object given', () => {
    const verdict = input().verdict;
    const r = buildResult(input({ answers: { municipality: 'X' }, source: undefined, today: undefined, verdict }));
    expect(Object.keys(r)).not.toContain('scenario');
    expect(Object.keys(r)).not.toContain('source');
    expect(Object.keys(r)).not.toContain('today');
    expect(r.verdict).not.toBe(verdict);
    expect(r.verdict.models).not.toBe(verdict.models);
    expect(r.verdict.thresholds).not.toBe(verdict.thresholds);
    expect(r.ranking.every((m) => m.versusToday === undefined)).toBe(true);
  });

  it('the weights: each criterion\'s normalised weight, its raw point and base, the answers that feed it and their part', () => {
    const r = buildResult(input());
    expect(r.weights).toEqual([
      { criterion: 'c1', name: 'c1', weight: round(estimates.weights[0]!, 4), raw: { point: 2, base: 1 }, answers: [{ question: 'share', value: 50, known: true, adds: 1 }], findings: ['f-low'] },
      { criterion: 'c2', name: 'c2', weight: round(estimates.weights[1]!, 4), raw: { point: 1, base: 1 }, answers: [], findings: ['f-low'] },
    ]);
    expect(r.weights[0]!.weight).toBe(0.6667);
  });

  it('the assumptions: every unknown answer with what is assumed (a list copied); a ranking without an assumption named alone', () => {
    const r = buildResult(input());
    expect(r.assumptions).toEqual([
      { question: 'size', text: 'size', assumed: 10 },
      { question: 'staff', text: 'staff', assumed: 40 },
    ]);
    const open = municipalityOf(engine, answers({ ...given, priorities: 'dont-know' }).answers);
    expect(buildResult(input({ municipality: open })).assumptions).toEqual([
      { question: 'size', text: 'size', assumed: 10 },
      { question: 'priorities', text: 'priorities' },
      { question: 'staff', text: 'staff', assumed: 40 },
    ]);
  });

  it('the answers, every one with whether it was known; lists are copies', () => {
    const r = buildResult(input());
    expect(r.answers).toEqual({
      share: { value: 50, known: true },
      size: { value: 10, known: false },
      level: { value: 3, known: true },
      today: { value: 'b', known: true },
      priorities: { value: ['q', 'p'], known: true },
      staff: { value: 40, known: false },
    });
    expect(r.answers.priorities!.value).not.toBe(municipality.values[engine.position.get('priorities')!]);
  });

  it('tipping points rounded to three places, unknowns that matter to three and two, and every question they name described', () => {
    const r = buildResult(
      input({
        tippingPoints: [{ model: 'a', kind: 'loses-first', question: 'today', from: 'b', to: 'a', leader: 'b', distance: 0.123456 }],
        unknownsThatMatter: [{ question: 'staff', changesLeader: 0.33333, expectedGain: 1.23456 }],
      }),
    );
    expect(r.tippingPoints).toEqual([{ model: 'a', kind: 'loses-first', question: 'today', from: 'b', to: 'a', leader: 'b', distance: 0.123 }]);
    expect(r.unknownsThatMatter).toEqual([{ question: 'staff', changesLeader: 0.333, expectedGain: 1.23 }]);
    expect(r.questions).toEqual({
      size: { label: 'size', type: 'integer' },
      staff: { label: 'staff', type: 'integer', unit: 'FTE' },
      today: { label: 'today short', type: 'choice', options: { a: 'org a', b: 'org b', other: 'org other' } },
    });
    expect(Object.keys(r.questions)).toEqual(['size', 'staff', 'today']);
  });
});

describe('a ranked model', () => {
  it('rank, id, name in the language, built in, score and interval rounded and held to 0–100, workability', () => {
    estimates.models[0]!.score = 100.004;
    estimates.models[0]!.interval = [-0.5, 104];
    estimates.models[1]!.score = 43.216;
    estimates.models[1]!.interval = [30.004, 55.555];
    const r = buildResult(input({ lang: 'nb', order: [1, 0] }));
    expect(r.ranking.map((m) => [m.rank, m.model, m.name, m.builtIn, m.score, m.interval, m.feasible])).toEqual([
      [1, 'b', 'b (nb)', true, 43.22, [30, 55.56], estimates.models[1]!.feasible],
      [2, 'a', 'a (nb)', true, 100, [0, 100], estimates.models[0]!.feasible],
    ]);
  });

  it('acceptability rounded: ranks and first to four places, its error to four, mean rank to two; central weights and confidence only where drawn', () => {
    const [a, b] = buildResult(input()).ranking;
    expect(a!.acceptability).toEqual({ ranks: [0.6123, 0.3877], first: 0.6123, firstError: 0.0123, meanRank: 1.39, centralWeights: { c1: 0.7123, c2: 0.2877 }, confidence: 0.8765 });
    expect(b!.acceptability).toEqual({ ranks: [0.3877, 0.6123], first: 0.3877, firstError: 0.0123, meanRank: 1.61 });
    expect(a!.beats).toEqual({ b: 0.6123 });
    expect(b!.beats).toEqual({ a: 0.3877 });
  });

  it('against today: the gain with the cost of change paid, and how often it is better; none for today itself or an unworkable model', () => {
    estimates.models[0]!.feasible = true;
    const [a, b] = buildResult(input()).ranking;
    expect(a!.versusToday).toEqual({ gain: round(estimates.models[0]!.score + estimates.models[0]!.change - estimates.models[1]!.score), better: 0.5556 });
    expect(estimates.models[0]!.change).toBeLessThan(0);
    expect(b!.versusToday).toBeUndefined();
    estimates.models[0]!.feasible = false;
    expect(buildResult(input()).ranking[0]!.versusToday).toBeUndefined();
  });

  it('the cost of change: its points, its chance, its evidence and rationale; none where nothing is paid', () => {
    const [a, b] = buildResult(input()).ranking;
    expect(a!.change).toEqual({ cost: round(-estimates.models[0]!.change), probability: 1, findings: ['f-low'], references: ['f-low-study'], rationale: 'changing costs' });
    expect(a!.change!.cost).toBe(2);
    expect(b!.change).toBeUndefined();
    expect(Object.keys(b!)).not.toContain('change');
  });

  it('preconditions: met, failed or unknown, with their chance, failure text, what they read and their evidence', () => {
    const [a, b] = buildResult(input()).ranking;
    expect(a!.preconditions).toEqual([
      { id: 'a-met', status: 'met', probability: 1, failure: 'needs a level', reads: ['level'], findings: ['f-low'], references: ['f-low-study'] },
      { id: 'a-open', status: 'unknown', probability: round(estimates.models[0]!.preconditions[1]!.probability, 3), failure: 'too big', reads: ['size'], findings: ['f-moderate'], references: ['f-moderate-study'] },
    ]);
    expect(a!.preconditions[1]!.probability).toBeGreaterThan(0);
    expect(a!.preconditions[1]!.probability).toBeLessThan(1);
    expect(b!.preconditions).toEqual([{ id: 'b-fails', status: 'failed', probability: 0, failure: 'needs a low level', reads: ['level'], findings: ['f-low'], references: ['f-low-study'] }]);
  });

  it('misfits: an adjustment with a misfit text that may apply; a ramp only from half its way; never the cost of change', () => {
    const misfits = () => buildResult(input()).ranking[0]!.misfits;
    const p = round(estimates.models[0]!.adjustments[1]!.probability, 3);
    expect(misfits()).toEqual([
      { id: 'a-maybe', source: 'model', text: 'too small', probability: p, findings: ['f-foreign'], references: ['far-away'] },
      { id: 'a-ramp', source: 'model', text: 'ramped', probability: 1, findings: ['f-moderate'], references: ['f-moderate-study'] },
    ]);
    estimates.models[0]!.adjustments[3]!.expected = MISFIT_SHARE - 0.001;
    expect(misfits().map((m) => m.id)).toEqual(['a-maybe']);
    estimates.models[0]!.adjustments[3]!.expected = MISFIT_SHARE;
    expect(misfits().map((m) => m.id)).toEqual(['a-maybe', 'a-ramp']);
    estimates.models[0]!.adjustments[1]!.probability = 0;
    expect(misfits().map((m) => m.id)).toEqual(['a-ramp']);
  });

  it('each criterion: weight, performance and interval held to 0–100, points, effect, and its contributions in order', () => {
    const e = estimates.models[0]!.criteria[1]!;
    e.performance = 101;
    e.interval = [-3, 120];
    const c2 = buildResult(input()).ranking[0]!.criteria[1]!;
    expect(c2).toMatchObject({ criterion: 'c2', name: 'c2', weight: round(e.weight, 4), performance: 100, interval: [0, 100], points: round(e.points), effect: round(e.weight * (101 - 50)) });
    // On c1, a-yes (4) and a-never (9) cite one study for 13 points: the study cap (10) scales them, and the contribution says what was stated.
    expect(buildResult(input()).ranking[0]!.criteria[0]!.contributions[1]).toMatchObject({ id: 'a-yes', delta: 4 * (10 / 13), stated: 4 });
    expect(c2.contributions[1]).toMatchObject({ id: 'a-yes', delta: -2 });
    expect(c2.contributions[1]).not.toHaveProperty('stated');
    expect(c2.contributions.map((x) => [x.kind, 'id' in x ? x.id : '', x.kind === 'adjustment' ? x.applies : ''])).toEqual([
      ['baseline', '', ''],
      ['adjustment', 'a-yes', 'yes'],
      ['adjustment', 'a-maybe', 'unknown'],
      ['adjustment', 'a-ramp', 'yes'],
    ]);
  });

  it('a rating\'s contribution: its value, grade and evidence, and its rationale in the language', () => {
    const baseline = buildResult(input({ lang: 'nb' })).ranking[0]!.criteria[0]!.contributions[0]!;
    const body = engine.models[0]!.ratings[0]!.body;
    expect(baseline).toEqual({ kind: 'baseline', value: 70, confidence: body.confidence, sd: round(body.sd, 3), studies: body.studies, findings: ['f-high'], references: ['f-high-study'], rationale: 'c1' });
  });

  it('an adjustment\'s contribution: delta, whether it applies, its chance and expected share, what it reads, its grade and evidence', () => {
    const c2 = buildResult(input()).ranking[0]!.criteria[1]!;
    const maybe = c2.contributions[2]!;
    const state = estimates.models[0]!.adjustments[1]!;
    const body = engine.models[0]!.adjustments[1]!.body;
    expect(maybe).toEqual({ kind: 'adjustment', id: 'a-maybe', source: 'model', delta: -3, applies: 'unknown', probability: round(state.probability, 3), expected: round(state.expected, 3), reads: ['size'], confidence: 'very-low', sd: round(body.sd, 3), studies: 1, findings: ['f-foreign'], references: ['far-away'], rationale: 'a-maybe because' });
    // An adjustment that surely does not apply, and the cost of change, are not contributions.
    const all = buildResult(input()).ranking[0]!.criteria.flatMap((c) => c.contributions.map((x) => ('id' in x ? x.id : x.kind)));
    expect(all).not.toContain('a-never');
    expect(all.some((id) => String(id).startsWith('change'))).toBe(false);
  });

  it('fit and misfit: adjustments by their expected effect, criteria by weight times rating, failed preconditions first among the misfits', () => {
    const [a, b] = buildResult(input()).ranking;
    const w = estimates.models[0]!.criteria.map((c) => c.weight);
    const adj = estimates.models[0]!.adjustments;
    // a-yes and a-never cite one study for 4 + 9 points on c1: the study cap (10) scales them, so the reason is the capped effect.
    const capped = engine.models[0]!.adjustments[0]!.effects;
    expect(capped.map((e) => e.effect)).toEqual([4 * (10 / 13), -2]);
    expect(a!.fit).toEqual([
      { kind: 'criterion', id: 'c1', effect: round(w[0]! * 20), reads: [], findings: ['f-high'] },
      { kind: 'criterion', id: 'c2', effect: round(w[1]! * 5), reads: [], findings: ['f-two'] },
      { kind: 'adjustment', id: 'a-yes', effect: round((w[0]! * 4 * (10 / 13) - w[1]! * 2) * adj[0]!.expected), reads: ['level'], findings: ['f-high'] },
    ]);
    // The cost of change is a reason too (a score-level effect: weight 1), though never a misfit warning or a contribution.
    expect(a!.misfit).toEqual([
      { kind: 'adjustment', id: 'change-cost', effect: -2, reads: ['today'], findings: ['f-low'] },
      { kind: 'adjustment', id: 'a-ramp', effect: round(-w[1]! * 6 * adj[3]!.expected), reads: ['share'], findings: ['f-moderate'] },
      { kind: 'adjustment', id: 'a-maybe', effect: round(-w[1]! * 3 * adj[1]!.expected), reads: ['size'], findings: ['f-foreign'] },
    ]);
    expect(b!.misfit[0]).toEqual({ kind: 'precondition', id: 'b-fails', effect: 0, reads: ['level'], findings: ['f-low'] });
    expect(b!.misfit[1]).toEqual({ kind: 'criterion', id: 'c1', effect: round(-w[0]! * 10), reads: [], findings: ['f-high'] });
    expect(b!.fit).toEqual([{ kind: 'criterion', id: 'c2', effect: round(w[1]! * 10), reads: [], findings: ['f-moderate'] }]);
  });

  it('a rating that moves the score by less than one point is no reason; at one point it is', () => {
    const w = () => estimates.models[0]!.criteria[1]!.weight;
    estimates.models[0]!.criteria[1]!.weight = 1 / 5 - 1e-9; // 5 points of rating × 0.2 = 1
    expect(buildResult(input()).ranking[0]!.fit.map((r) => r.id)).not.toContain('c2');
    estimates.models[0]!.criteria[1]!.weight = 1 / 5;
    expect(w() * 5).toBe(1);
    expect(buildResult(input()).ranking[0]!.fit.map((r) => r.id)).toContain('c2');
  });

  it('the five largest reasons each way, ties by id', () => {
    const many: Model = {
      ...model('many', 50, 50),
      adjustments: ['e', 'd', 'c', 'b', 'a', 'f'].map((id, i) => adjustment(`up-${id}`, { when: { question: 'level', gte: 1 }, effects: [{ criterion: 'c1', delta: i < 2 ? 3 : 1 }], findings: [`f-${['high', 'moderate', 'low', 'very-low', 'high', 'moderate'][i]}`] })),
    };
    const r = scoreMunicipality(compileEngine(miniKb([many])), answers({}), { lang: 'en', seed: 1, samples: 0, skipSearches: true });
    expect(r.ranking[0]!.fit.map((x) => x.id)).toEqual(['up-d', 'up-e', 'up-a', 'up-b', 'up-c']);
  });

  it('evidence gaps: where a contribution that matters rests on one study, very-low certainty, foreign research or theory only', () => {
    const [a, b] = buildResult(input()).ranking;
    expect(a!.evidenceGaps).toEqual([
      { gap: 'single-study', criterion: 'c1', findings: ['f-high'] },
      { gap: 'single-study', criterion: 'c1', adjustment: 'a-yes', findings: ['f-high'] },
      { gap: 'single-study', criterion: 'c2', adjustment: 'a-yes', findings: ['f-high'] },
      { gap: 'single-study', criterion: 'c2', adjustment: 'a-maybe', findings: ['f-foreign'] },
      { gap: 'very-low-confidence', criterion: 'c2', adjustment: 'a-maybe', findings: ['f-foreign'] },
      { gap: 'foreign-evidence', criterion: 'c2', adjustment: 'a-maybe', findings: ['f-foreign'] },
      { gap: 'theory-only', criterion: 'c2', adjustment: 'a-maybe', findings: ['f-foreign'] },
      { gap: 'single-study', criterion: 'c2', adjustment: 'a-ramp', findings: ['f-moderate'] },
    ]);
    expect(b!.evidenceGaps).toEqual([
      { gap: 'single-study', criterion: 'c1', findings: ['f-high'] },
      { gap: 'single-study', criterion: 'c2', findings: ['f-moderate'] },
    ]);
  });

  it('a criterion weighing under 5 % has no gaps for its rating; at 5 % it has', () => {
    estimates.models[1]!.criteria[1]!.weight = 0.0499;
    expect(buildResult(input()).ranking[1]!.evidenceGaps.map((g) => g.criterion)).toEqual(['c1']);
    estimates.models[1]!.criteria[1]!.weight = 0.05;
    expect(buildResult(input()).ranking[1]!.evidenceGaps.map((g) => g.criterion)).toEqual(['c1', 'c2']);
  });
});

describe('the findings and references cited', () => {
  it('every finding cited anywhere in the result, resolved in the language, sorted; and the references they name', () => {
    const r = buildResult(input({ lang: 'nb' }));
    expect(Object.keys(r.findings)).toEqual(['f-foreign', 'f-high', 'f-low', 'f-moderate', 'f-two']);
    expect(r.findings['f-low']).toEqual({ claim: 'f-low', confidence: 'low', evidence: 'case-study', origin: 'norway', references: ['f-low-study'], lines: [1], downgrades: [{ concern: 'adequacy', reason: 'one study' }] });
    expect(r.findings['f-high']!.downgrades).toEqual([]);
    expect(Object.keys(r.references)).toEqual(['f-high-study', 'f-low-study', 'f-moderate-study', 'far-away', 'two-a', 'two-b']);
    expect(r.references['far-away']).toEqual({ authors: ['far-away'], year: 2000, citedAs: ['far-away 2000'], title: 'A far study', flags: ['secondary'], origin: 'norway', country: 'Australia', kind: 'case-study', reported: 'far-away', lines: [1], caveat: 'read with care (nb)' });
    expect(r.references['two-a']).toEqual({ authors: ['two-a'], year: 2000, citedAs: ['two-a 2000'], flags: [], origin: 'norway', kind: 'case-study', reported: 'two-a', lines: [1] });
  });

  it('a finding cited only by a precondition, or only by the cost of change, is resolved too; one cited nowhere is not', () => {
    // f-low is cited by the criteria, the preconditions and the cost of change; f-very-low by nothing.
    const rebuilt = (edit: (k: KnowledgeBase) => void) => {
      edit(kb);
      engine = compileEngine(kb);
      municipality = municipalityOf(engine, answers(given).answers);
      estimates = estimate(engine, municipality);
      return buildResult(input()).findings;
    };
    expect(rebuilt((k) => k.criteria.forEach((c) => (c.findings = ['f-high'])))).toHaveProperty('f-low');
    expect(rebuilt((k) => k.models.forEach((m) => (m.preconditions = [])))).toHaveProperty('f-low');
    const none = rebuilt((k) => (k.change!.findings = ['f-high']));
    expect(none).not.toHaveProperty('f-low');
    expect(none).not.toHaveProperty('f-very-low');
  });
});

describe('within a frame', () => {
  it('the frame is named, with its findings, and its ratings are contributions of their own', () => {
    kb.questions.push(question('frame', { type: 'choice', dontKnow: false, assume: undefined, options: [{ value: 'office', label: text('office') }, { value: 'agency', label: text('agency') }] }));
    kb.findings.push(finding('f-frame', 'low', ['f-low-study']));
    kb.models.push({ ...model('agency', 50, 30, ['f-frame', 'f-frame']), kind: 'frame', summary: text('works as an agency'), matches: { question: 'frame', in: ['agency'] } });
    const r = scoreMunicipality(compileEngine(kb), answers({ ...given, frame: 'agency' }), { lang: 'en', seed: 1, samples: 0, skipSearches: true });
    expect(r.frame).toEqual({ model: 'agency', name: 'agency', summary: 'works as an agency', findings: ['f-frame'] });
    const c2 = r.ranking[0]!.criteria[1]!.contributions;
    expect(c2[1]).toMatchObject({ kind: 'frame', frame: 'agency', value: 30, findings: ['f-frame'], references: ['f-low-study'], rationale: 'c2' });
    expect(r.findings['f-frame']).toBeDefined();
  });
});
