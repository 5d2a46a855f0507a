import { beforeEach, describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { buildReport, locationOf, pairOf, REVIEW_KEY, type ReportInput } from '../../src/core/report.js';
import type { Result } from '../../src/core/result.js';
import { lowest, summaryOf } from '../../src/core/summary.js';
import type { Reference } from '../../src/schema/index.js';
import { answers, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * The report's content (src/core/report.ts) and the verdict's summary (src/core/summary.ts)
 * part by part, on results of the tiny knowledge base edited by hand where a rule is under
 * test, so each expectation can be worked out from what went in. Everything is built in the
 * tests (beforeEach): a StrykerJS mutant is active only while tests run.
 */
type Ranked = Result['ranking'][number];
type Criterion = Ranked['criteria'][number];
type Contribution = Criterion['contributions'][number];
const text = (s: string) => ({ nb: `${s} (nb)`, en: s });
const clone = <T>(x: T): T => structuredClone(x);

let kb: KnowledgeBase;
let base: Result;
const review = (): Reference => ({ key: REVIEW_KEY, authors: ['Nesvåg'], year: 2005, title: 'Organisering av sosialtjenesten', citedAs: ['Nesvåg 2005'], lines: [19, '330-349'], origin: 'norway', kind: 'review-synthesis', summary: text('the review'), caveat: text('one review') } as Reference);
const input = (results: Result[], lang: 'en' | 'nb' = 'en'): ReportInput => ({ results, sections: kb.sections, questions: kb.questions, review: review(), lang });

beforeEach(() => {
  kb = miniKb([model('a', 70, 40, ['f-high', 'f-low']), model('b', 45, 60, ['f-moderate', 'f-high'])]);
  kb.sections.push({ id: 't', title: text('t'), intro: text('t') });
  kb.questions.push(
    question('kind', { section: 't', type: 'choice', short: text('kind short'), dontKnow: false, assume: undefined, options: [{ value: 'x', label: text('ex') }, { value: 'y', label: text('why') }] }),
    question('staff', { section: 't', type: 'integer', min: 0, max: 100, assume: 5, unit: text('FTE') }),
  );
  base = scoreMunicipality(compileEngine(kb), answers({ kind: 'x', staff: 'dont-know' }), { lang: 'en', seed: 1, samples: 300, skipSearches: true });
});

describe('locationOf: a line or range of the review by chapter and paragraph', () => {
  it.each([
    [1, { lines: 1, chapter: 0, paragraphs: [1, 1] }],
    [19, { lines: 19, chapter: 0, paragraphs: [3, 3] }],
    [27, { lines: 27, chapter: 1, paragraphs: [1, 1] }],
    [29, { lines: 29, chapter: 1, paragraphs: [1, 1] }],
    [34, { lines: 34, chapter: 1, paragraphs: [2, 2] }],
    ['330-349', { lines: '330-349', chapter: 5, paragraphs: [4, 4] }],
    ['330-352', { lines: '330-352', chapter: 5, paragraphs: [4, 5] }],
    ['430-440', { lines: '430-440', chapter: 5, paragraphs: [13, 13], toChapter: 6 }],
    ['859-862', { lines: '859-862', chapter: 9, paragraphs: [2, 2] }],
    [876, { lines: 876, chapter: 9, paragraphs: [5, 5] }],
  ] as const)('%j', (ref, expected) => {
    expect(locationOf(ref)).toEqual(expected);
  });
});

describe('buildReport', () => {
  it('one file: no comparison; the bibliography starts with the review; every line cited is located, in the order of the review', () => {
    const r = buildReport(input([base]));
    expect(r.format).toBe('orgfit/report@1');
    expect(r.lang).toBe('en');
    expect(r).not.toHaveProperty('comparison');
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.result).toBe(base);
    const keys = Object.keys(r.locations);
    expect(keys).toEqual([...keys].sort((x, y) => Number(x.split('-')[0]) - Number(y.split('-')[0])));
    expect(keys).toEqual(expect.arrayContaining(['1', '19', '330-349', '859-862', '864-867', '869-872']));
    expect(r.locations['330-349']).toEqual(locationOf('330-349'));
  });

  it('two files: a comparison of them', () => {
    const r = buildReport(input([base, clone(base)]));
    expect(r.comparison!.pairs).toHaveLength(1);
    expect(r.comparison!.matrix.map((m) => m.model)).toEqual(base.ranking.map((m) => m.model));
  });

  it('the same line in two places is located once, and ranges that start on one line are ordered by their text', () => {
    const a = clone(base);
    a.findings['f-high']!.lines = [40, '40-45', 19];
    const r = buildReport(input([a]));
    const keys = Object.keys(r.locations);
    expect(keys.indexOf('19')).toBeLessThan(keys.indexOf('40'));
    expect(keys.indexOf('40')).toBeLessThan(keys.indexOf('40-45'));
    expect(keys.filter((k) => k === '19')).toHaveLength(1);
  });

  describe('the bibliography', () => {
    it('the review first, in full, with its places located; then every reference cited, in author order', () => {
      const r = buildReport(input([base], 'nb'));
      expect(r.bibliography[0]).toEqual({ key: REVIEW_KEY, review: true, authors: ['Nesvåg'], year: 2005, title: 'Organisering av sosialtjenesten', citedAs: ['Nesvåg 2005'], flags: [], reported: 'the review (nb)', caveat: 'one review (nb)', locations: [locationOf(19), locationOf('330-349')] });
      expect(r.bibliography.slice(1).map((b) => b.key)).toEqual(['f-high-study', 'f-low-study', 'f-moderate-study']);
      expect(r.bibliography[1]).toEqual({ key: 'f-high-study', review: false, authors: ['f-high-study'], year: 2000, citedAs: ['f-high-study 2000'], flags: [], reported: 'f-high-study', locations: [locationOf(1)] });
    });

    it('without a title or caveat, the review has neither key', () => {
      const bare = { ...review(), title: undefined, caveat: undefined } as Reference;
      const entry = buildReport({ ...input([base]), review: bare }).bibliography[0]!;
      expect(entry).not.toHaveProperty('title');
      expect(entry).not.toHaveProperty('caveat');
    });

    it('sorted by authors (Norwegian order, numbers by value), then year, then key; no authors last; a reference in two files once; the review never twice', () => {
      const a = clone(base);
      const ref = (authors: string[], year: number | null, extra: object = {}) => ({ authors, year, citedAs: ['x'], flags: ['secondary'], origin: 'norway', kind: 'analysis', reported: 'r', lines: [1], ...extra }) as Result['references'][string];
      a.references = {
        zeta: ref(['Ås'], 2001),
        alpha: ref(['Øye'], 2001),
        beta: ref(['Berg'], 2003),
        gamma: ref(['Berg'], 2001, { title: 'T', caveat: 'C' }),
        delta: ref([], 1990),
        eps: ref(['Berg'], 2001),
        n10: ref(['Team 10'], 2000),
        n9: ref(['Team 9'], 2000),
        [REVIEW_KEY]: ref(['Nesvåg'], 2005),
      };
      const b = clone(a);
      b.references = { beta: a.references.beta!, extra: ref(['Aas'], null) };
      const entries = buildReport(input([a, b])).bibliography;
      // "Aas" is "Ås" in Norwegian order (after Ø), and without a year it comes after the one with a year.
      expect(entries.map((e) => e.key)).toEqual([REVIEW_KEY, 'eps', 'gamma', 'beta', 'n9', 'n10', 'alpha', 'zeta', 'extra', 'delta']);
      expect(entries.find((e) => e.key === 'gamma')).toEqual({ key: 'gamma', review: false, authors: ['Berg'], year: 2001, title: 'T', citedAs: ['x'], flags: ['secondary'], reported: 'r', caveat: 'C', locations: [locationOf(1)] });
      expect(entries.find((e) => e.key === 'eps')).not.toHaveProperty('title');
    });
  });
});

describe('a file of the report', () => {
  it('the profile: each section with the questions answered in it, labelled in the language, with options, unit and whether known', () => {
    const profile = buildReport(input([base])).files[0]!.profile;
    expect(profile.map((s) => [s.section, s.title])).toEqual([
      ['s', 's'],
      ['t', 't'],
    ]);
    expect(profile[1]!.items).toEqual([
      { question: 'kind', label: 'kind short', type: 'choice', options: { x: 'ex', y: 'why' }, value: 'x', known: true },
      { question: 'staff', label: 'staff', type: 'integer', unit: 'FTE', value: 5, known: false },
    ]);
    expect(profile[0]!.items.map((i) => i.question)).toEqual(['share', 'size', 'level']);
    const fewer = clone(base);
    delete fewer.answers.size;
    expect(buildReport(input([fewer])).files[0]!.profile[0]!.items.map((i) => i.question)).toEqual(['share', 'level']);
  });

  describe('the summary-of-findings tables', () => {
    const contribution = (over: Partial<Contribution>): Contribution => ({ kind: 'baseline', value: 60, confidence: 'high', sd: 0.1, studies: 1, findings: ['f-high'], references: ['f-high-study'], rationale: 'r', ...over }) as Contribution;
    const criterion = (id: string, effect: number, contributions: Contribution[]): Criterion => ({ criterion: id, name: id, weight: 0.5, performance: 60, interval: [50, 70], points: 30, effect, contributions });
    const tableOf = (criteria: Criterion[]) => {
      const r = clone(base);
      r.ranking[0]!.criteria = criteria;
      return buildReport(input([r])).files[0]!.evidence[0]!;
    };

    it('a row per criterion, what carries first: from half a point up it carries, from half a point down it holds back', () => {
      const table = tableOf([criterion('n1', 0.49, [contribution({})]), criterion('c', 0.5, [contribution({})]), criterion('h', -0.5, [contribution({})]), criterion('n2', -0.49, [contribution({})]), criterion('b', 0.5, [contribution({})])]);
      expect(table.rows.map((row) => [row.criterion, row.direction])).toEqual([
        ['b', 'carries'],
        ['c', 'carries'],
        ['n1', 'neutral'],
        ['n2', 'neutral'],
        ['h', 'holds-back'],
      ]);
      expect(table.model).toBe(base.ranking[0]!.model);
    });

    it('its certainty is the lowest of what applies; an adjustment that cannot apply neither counts nor is cited', () => {
      const table = tableOf([
        criterion('c1', 3, [
          contribution({ confidence: 'moderate' }),
          contribution({ kind: 'adjustment', id: 'never', delta: 5, applies: 'unknown', probability: 0, expected: 0, reads: [], confidence: 'very-low', findings: ['f-very-low'], references: ['f-very-low-study'] } as Partial<Contribution>),
          contribution({ kind: 'adjustment', id: 'maybe', delta: 5, applies: 'unknown', probability: 0.2, expected: 0.2, reads: [], confidence: 'low', findings: ['f-low', 'f-high'], references: ['f-low-study', 'f-high-study', REVIEW_KEY] } as Partial<Contribution>),
        ]),
      ]);
      expect(table.rows[0]).toEqual({ criterion: 'c1', name: 'c1', weight: 0.5, effect: 3, direction: 'carries', certainty: 'low', studies: 2, findings: ['f-high', 'f-low'], references: ['f-high-study', 'f-low-study', REVIEW_KEY], footnotes: [null, 1] });
    });

    it('footnotes: one per downgraded finding, numbered in order of first use, shared between rows', () => {
      const r = clone(base);
      r.findings['f-moderate'] = { ...r.findings['f-low']!, downgrades: [{ concern: 'relevance', reason: 'elsewhere' }, { concern: 'adequacy', reason: 'thin' }] };
      r.ranking[0]!.criteria = [
        criterion('c1', 2, [contribution({ findings: ['f-low', 'f-high'] })]),
        criterion('c2', 1, [contribution({ findings: ['f-moderate', 'f-low', 'f-unknown'] })]),
      ];
      const table = buildReport(input([r])).files[0]!.evidence[0]!;
      expect(table.rows.map((row) => row.footnotes)).toEqual([
        [1, null],
        [2, 1, null],
      ]);
      expect(table.footnotes).toEqual([
        { number: 1, finding: 'f-low', downgrades: [{ concern: 'adequacy', reason: 'one study' }] },
        { number: 2, finding: 'f-moderate', downgrades: [{ concern: 'relevance', reason: 'elsewhere' }, { concern: 'adequacy', reason: 'thin' }] },
      ]);
    });
  });

  describe("the review's three open questions", () => {
    const open = (answersOf: Record<string, { value: unknown; known: boolean }>, edit: (r: Result) => void = () => {}) => {
      const r = clone(base);
      r.answers = answersOf as Result['answers'];
      r.ranking = r.ranking.map((m, i) => ({ ...m, feasible: true, misfits: [], criteria: ['control-economy', 'coherence', 'staff-development', 'complex-needs'].map((id, c) => ({ ...m.criteria[0]!, criterion: id, performance: i === 0 ? 50 + 4 * c : 60 - c })) }));
      edit(r);
      return buildReport(input([r])).files[0]!.openQuestions;
    };
    const ranking = (order: string[], known = true) => ({ priorities: { value: order, known } });
    const SIX = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

    // a rates them 50, 54, 58, 62; b 60, 59, 58, 57: b is best on control and coherence, a (ranked first: a tie goes to it) on the rest.
    it('nothing answered: all three open, each with the criterion it turns on and the best workable model on it', () => {
      const [npm, tasks, nav] = open({});
      expect(npm).toEqual({ id: 'npm-or-learning', lines: '859-862', status: 'open', facts: [], criterion: 'control-economy', best: 'b', misfits: [] });
      expect(tasks).toEqual({ id: 'tasks-without-fragmenting', lines: '864-867', status: 'open', facts: [], criterion: 'coherence', best: 'b', misfits: [] });
      expect(nav).toEqual({ id: 'nav-and-residual-categories', lines: '869-872', status: 'open', facts: [], criterion: 'complex-needs', best: 'a', misfits: [] });
    });

    it('control ranked above every learning priority leans to control; a learning priority above it leans to learning, and names it', () => {
      const [npm] = open({ ...ranking(['x', 'control-economy', 'user-participation', 'y']), 'steering-style': { value: 'goals', known: true } });
      expect(npm).toMatchObject({ status: 'answered', lean: 'control', criterion: 'control-economy', facts: [{ question: 'priorities', value: ['x', 'control-economy', 'user-participation', 'y'], known: true }, { question: 'steering-style', value: 'goals', known: true }] });
      const [learning] = open(ranking(['knowledge-practice', 'control-economy', 'staff-development']));
      expect(learning).toMatchObject({ status: 'answered', lean: 'learning', criterion: 'knowledge-practice' });
      const [staff] = open(ranking(['x', 'staff-development', 'control-economy']));
      expect(staff).toMatchObject({ lean: 'learning', criterion: 'staff-development', best: 'a' });
    });

    it('without control or any learning priority in the ranking, or with the ranking unknown, it stays open', () => {
      expect(open(ranking(['x', 'staff-development']))[0]).toMatchObject({ status: 'open', criterion: 'control-economy' });
      expect(open(ranking(['control-economy', 'x']))[0]).toMatchObject({ status: 'open' });
      expect(open(ranking(['staff-development', 'control-economy'], false))[0]).toMatchObject({ status: 'open' });
      expect(open({ priorities: { value: 'dont-know', known: true } })[0]).toMatchObject({ status: 'open' });
      expect(open(ranking(['staff-development', 'control-economy'], false))[0]).not.toHaveProperty('lean');
    });

    it('coherence first or second leans to integrating, last or second last to specialising, in between open', () => {
      const at = (i: number) => {
        const order = [...SIX];
        order.splice(i, 0, 'coherence');
        return open(ranking(order))[1]!;
      };
      expect([0, 1, 2, 3, 4, 5, 6].map((i) => at(i).lean ?? at(i).status)).toEqual(['integrate', 'integrate', 'open', 'open', 'open', 'specialise', 'specialise']);
      expect(open(ranking(SIX))[1]).toMatchObject({ status: 'open' });
      expect(open({ ...ranking(['coherence', 'x']), 'share-rule-logic': { value: 40, known: true }, 'shared-routines': { value: 3, known: false } })[1]!.facts.map((f) => f.question)).toEqual(['share-rule-logic', 'shared-routines', 'priorities']);
    });

    it("NAV and the residual categories: with the complex-needs share known, at risk when the frame's documented harms apply, else served", () => {
      const complex = { 'share-complex-needs': { value: 30, known: true }, frame: { value: 'nav', known: true } };
      const served = open(complex)[2]!;
      expect(served).toMatchObject({ status: 'answered', lean: 'residual-served', misfits: [], facts: [{ question: 'frame', value: 'nav', known: true }, { question: 'share-complex-needs', value: 30, known: true }] });
      const harm = (id: string, source: 'frame' | 'model') => ({ id, source, text: id, probability: 1, findings: [], references: [] });
      const atRisk = open(complex, (r) => {
        r.ranking[0]!.misfits = [harm('z-harm', 'frame'), harm('model-harm', 'model')];
        r.ranking[1]!.misfits = [harm('a-harm', 'frame'), harm('z-harm', 'frame')];
      })[2]!;
      expect(atRisk).toMatchObject({ status: 'answered', lean: 'residual-at-risk', misfits: ['a-harm', 'z-harm'] });
      expect(open({ 'share-complex-needs': { value: 30, known: false } })[2]).toMatchObject({ status: 'open' });
    });

    it('the best model is the best workable one; with none workable, none is named', () => {
      expect(open({}, (r) => (r.ranking[1]!.feasible = false))[0]).toMatchObject({ best: 'a' });
      expect(open({}, (r) => r.ranking.forEach((m) => (m.feasible = false)))[0]).not.toHaveProperty('best');
      expect(open({}, (r) => (r.ranking[1]!.criteria = []))[0]).toMatchObject({ best: 'a' });
    });
  });
});

describe('pairOf: what changed between two files', () => {
  const pair = (edit: (after: Result) => void, before: Result = base) => {
    const after = clone(before);
    edit(after);
    return buildReport(input([before, after])).comparison!.pairs[0]!;
  };

  it('the same file twice: nothing changed', () => {
    const p = pair(() => {});
    expect(p.answers).toEqual([]);
    expect(p.moved).toEqual([]);
    expect(p.from).toBe(0);
    expect(p.to).toBe(1);
    expect(p.verdict).toEqual([base.verdict.kind, base.verdict.kind]);
    expect(p.models.map((m) => [m.model, m.delta, m.firstDelta])).toEqual(base.ranking.map((m) => [m.model, 0, 0]));
  });

  it('an answer that differs in value or in whether it is known, labelled as the profile labels it; one in a single file is left out', () => {
    const p = pair((r) => {
      r.answers.kind = { value: 'y', known: true };
      r.answers.staff = { value: 5, known: true };
      r.answers.extra = { value: 1, known: true };
    });
    expect(p.answers).toEqual([
      { question: 'kind', label: 'kind short', type: 'choice', options: { x: 'ex', y: 'why' }, before: { value: 'x', known: true }, after: { value: 'y', known: true } },
      { question: 'staff', label: 'staff', type: 'integer', unit: 'FTE', before: { value: 5, known: false }, after: { value: 5, known: true } },
    ]);
  });

  it('an answer the profile does not know is named by its id', () => {
    const before = clone(base);
    before.answers.other = { value: 1, known: true };
    const p = pair((r) => (r.answers.other = { value: 2, known: true }), before);
    expect(p.answers).toEqual([{ question: 'other', label: 'other', type: '', before: { value: 1, known: true }, after: { value: 2, known: true } }]);
  });

  it("each model's score and chance of coming first, before and after, and their changes", () => {
    const p = pair((r) => {
      r.ranking[0]!.score = base.ranking[0]!.score + 1.234;
      r.ranking[0]!.acceptability.first = base.ranking[0]!.acceptability.first - 0.12345;
      r.ranking = r.ranking.filter((m) => m.model === base.ranking[0]!.model);
      r.verdict = { ...r.verdict, kind: 'undecided' };
    });
    const m = base.ranking[0]!;
    expect(p.models).toEqual([{ model: m.model, score: [m.score, m.score + 1.234], delta: 1.23, first: [m.acceptability.first, m.acceptability.first - 0.12345], firstDelta: -0.1235 }]);
    expect(p.verdict).toEqual([base.verdict.kind, 'undecided']);
  });

  it('a weight that moved: its own row (the change of weight times the performance before), read from the answers that changed', () => {
    const p = pair((r) => {
      r.answers.share = { value: 80, known: true };
      for (const m of r.ranking) {
        m.criteria[0]!.weight += 0.1;
        m.criteria[1]!.weight -= 0.1;
      }
    });
    const rows = p.moved.filter((x) => x.kind === 'weight');
    const a = base.ranking.find((m) => m.model === 'a')!;
    // Only c1's weight reads the share: c2's moved with it (the weights are normalised), but no answer of its own changed.
    const expected = (m: Ranked, c: number, dw: number) => ({ model: m.model, criterion: m.criteria[c]!.criterion, kind: 'weight', before: m.criteria[c]!.weight, after: Math.round((m.criteria[c]!.weight + dw) * 1e4) / 1e4, delta: Math.round(dw * (m.criteria[c]!.performance - 50) * 100) / 100, reads: c === 0 ? ['share'] : [] });
    expect(rows).toContainEqual(expected(a, 0, 0.1));
    expect(rows).toContainEqual(expected(a, 1, -0.1));
    expect(rows).toHaveLength(4);
  });

  it('a contribution that moved, at the weight before; one in a single file counts as 0 in the other; less than 0.05 of a point is no move', () => {
    const adj = (id: string, delta: number, expected: number): Contribution => ({ kind: 'adjustment', id, source: 'model', delta, applies: 'yes', probability: 1, expected, reads: ['staff'], confidence: 'high', sd: 0.1, studies: 1, findings: ['f-high'], references: ['f-high-study'], rationale: 'r' }) as Contribution;
    const before = clone(base);
    const c1 = before.ranking[0]!.criteria[0]!;
    c1.contributions.push(adj('goes', 4, 1), adj('tiny', 0.1, 1));
    const w = c1.weight;
    const p = pair((r) => {
      r.answers.staff = { value: 50, known: true };
      const c = r.ranking[0]!.criteria[0]!;
      c.contributions = c.contributions.filter((x) => !('id' in x && x.id === 'goes'));
      c.contributions.push(adj('comes', -2, 0.5));
      (c.contributions.find((x) => 'id' in x && x.id === 'tiny') as { expected: number }).expected = 1 + 0.04 / (0.1 * w);
    }, before);
    const model = before.ranking[0]!.model;
    expect(p.moved).toEqual([
      { model, criterion: 'c1', kind: 'adjustment', id: 'goes', before: Math.round(w * 4 * 100) / 100, after: 0, delta: -Math.round(w * 4 * 100) / 100, reads: ['staff'] },
      { model, criterion: 'c1', kind: 'adjustment', id: 'comes', before: 0, after: Math.round(-w * 2 * 0.5 * 100) / 100 + 0, delta: Math.round(-w * 100) / 100, reads: ['staff'] },
    ]);
  });

  it('moves sorted by size, then model, criterion and id; at most twelve', () => {
    const before = clone(base);
    const p = pair((r) => {
      r.ranking.forEach((m) => m.criteria.forEach((c) => (c.contributions[0] = { ...c.contributions[0]!, value: (c.contributions[0] as { value: number }).value + 10 } as Contribution)));
    }, before);
    const sizes = p.moved.map((x) => Math.abs(x.delta));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    for (let i = 1; i < p.moved.length; i++) {
      const [x, y] = [p.moved[i - 1]!, p.moved[i]!];
      if (Math.abs(x.delta) === Math.abs(y.delta)) expect(x.model < y.model || (x.model === y.model && x.criterion <= y.criterion)).toBe(true);
    }
    const many = pair((r) => r.ranking.forEach((m) => m.criteria.forEach((c) => {
      for (let k = 0; k < 8; k++) c.contributions.push({ kind: 'adjustment', id: `n${k}`, source: 'model', delta: k + 1, applies: 'yes', probability: 1, expected: 1, reads: [], confidence: 'high', sd: 0.1, studies: 1, findings: [], references: [], rationale: '' } as Contribution);
    })));
    expect(many.moved).toHaveLength(12);
    expect(many.moved[0]).toMatchObject({ id: 'n7' });
    expect(pairOf(buildReport(input([base, base])).files, 0, 1).moved).toEqual([]);
  });
});

describe('the comparison matrix', () => {
  it('every model of any file, in order of first appearance, with its score and chance of coming first in each file (null where absent)', () => {
    const other = clone(base);
    other.ranking = [...other.ranking].reverse().map((m, i) => (i === 0 ? { ...m, model: 'c', name: 'c' } : m));
    const r = buildReport(input([base, other, base]));
    const [first, second] = base.ranking;
    expect(r.comparison!.matrix).toEqual([
      { model: first!.model, name: first!.name, scores: [first!.score, first!.score, first!.score], first: [first!.acceptability.first, first!.acceptability.first, first!.acceptability.first] },
      { model: second!.model, name: second!.name, scores: [second!.score, null, second!.score], first: [second!.acceptability.first, null, second!.acceptability.first] },
      { model: 'c', name: 'c', scores: [null, second!.score, null], first: [null, second!.acceptability.first, null] },
    ]);
    expect(r.comparison!.pairs.map((p) => [p.from, p.to])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
});

describe('summaryOf: the verdict in the manner of GRADE', () => {
  it('lowest: the least sure of its parts; high with none', () => {
    expect(lowest([])).toBe('high');
    expect(lowest(['moderate', 'high'])).toBe('moderate');
    expect(lowest(['low', 'very-low', 'moderate'])).toBe('very-low');
    expect(lowest(['low', 'moderate'])).toBe('low');
  });

  it('the headline: the leader\'s chance of coming first, score and interval, the gain over today, the answers and how many are unknown', () => {
    const r = clone(base);
    const leader = r.ranking.find((m) => m.model === r.verdict.leader)!;
    leader.versusToday = { gain: 3.5, better: 0.7 };
    const s = summaryOf(r);
    expect(s.headline).toEqual({ first: leader.acceptability.first, score: leader.score, interval: leader.interval, gain: 3.5, better: 0.7, unknown: 1, questions: 5 });
    expect(s.leader).toBe(r.verdict.leader);
    expect(s.verdict).toBe(r.verdict.kind);
    r.method.robustness.samples = 0;
    expect(summaryOf(r).headline).not.toHaveProperty('first');
  });

  it('without a leader: no leader, no figures but the answers', () => {
    const r = clone(base);
    r.verdict = { ...r.verdict, leader: undefined, kind: 'undecided', models: [] } as Result['verdict'];
    const s = summaryOf(r);
    expect(s).not.toHaveProperty('leader');
    expect(s.headline).toEqual({ unknown: 1, questions: 5 });
    expect(s.downgrades).toContain('evidence-undecided');
  });

  it('at most three tipping points, and only the unknowns that could change the leader, at most three', () => {
    const r = clone(base);
    const tp = (question: string) => ({ model: 'a', kind: 'loses-first' as const, question, from: 1, to: 2, leader: 'b', distance: 0.1 });
    r.tippingPoints = ['q1', 'q2', 'q3', 'q4'].map(tp);
    r.unknownsThatMatter = [0, 0.2, 0.1, 0.3, 0.4].map((changesLeader, i) => ({ question: `u${i}`, changesLeader, expectedGain: 1 }));
    const s = summaryOf(r);
    expect(s.tipping.map((t) => t.question)).toEqual(['q1', 'q2', 'q3']);
    expect(s.unknowns.map((u) => u.question)).toEqual(['u1', 'u2', 'u3']);
  });

  it("thin evidence: more than half of what moves the leader's score rests on low or very low certainty", () => {
    const r = clone(base);
    r.verdict = { ...r.verdict, kind: 'clear', leader: r.ranking[0]!.model };
    r.ranking[0]!.acceptability.first = 0.95;
    const leader = r.ranking[0]!;
    const set = (c: number, effect: number, confidence: Contribution['confidence']) => {
      leader.criteria[c]!.effect = effect;
      leader.criteria[c]!.contributions = [{ ...leader.criteria[c]!.contributions[0]!, confidence } as Contribution];
    };
    r.answers = Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, { ...v, known: true }]));
    set(0, 5, 'low');
    set(1, -5, 'high');
    expect(summaryOf(r)).toMatchObject({ certainty: 'high', downgrades: [] });
    // 4.9 of 9.9 points moderate, 5 low: less than half at moderate or surer, so the evidence (and the verdict) is low.
    set(1, -4.9, 'moderate');
    expect(summaryOf(r)).toMatchObject({ certainty: 'low', evidence: 'low', downgrades: ['thin-evidence'] });
    set(0, 5, 'very-low');
    expect(summaryOf(r)).toMatchObject({ certainty: 'very-low', evidence: 'very-low', downgrades: ['thin-evidence'] });
    // 5.1 of 10 at moderate: the evidence is moderate, one level below high.
    set(1, -5.1, 'moderate');
    set(0, 4.9, 'very-low');
    expect(summaryOf(r)).toMatchObject({ certainty: 'moderate', evidence: 'moderate', downgrades: ['thin-evidence'] });
    set(0, 0, 'low');
    set(1, 0, 'low');
    expect(summaryOf(r).downgrades).toEqual([]);
  });

  it('keep is sure only when today is also ranked first; the levels stop at very low', () => {
    const r = clone(base);
    r.answers = Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, { ...v, known: false }]));
    r.verdict = { ...r.verdict, kind: 'keep', leader: r.ranking[1]!.model };
    r.ranking[1]!.acceptability.first = 0.9;
    expect(summaryOf(r).downgrades).toEqual(expect.arrayContaining(['keep-narrow', 'many-unknowns']));
    r.verdict = { ...r.verdict, kind: 'undecided' };
    expect(summaryOf(r)).toMatchObject({ certainty: 'very-low' });
    expect(summaryOf(r).downgrades).toEqual(expect.arrayContaining(['evidence-undecided', 'many-unknowns']));
  });

  describe('each downgrade at its threshold', () => {
    let r: Result;
    beforeEach(() => {
      r = clone(base);
      r.answers = Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, { ...v, known: true }]));
      r.ranking[0]!.criteria.forEach((c) => (c.contributions = c.contributions.map((x) => ({ ...x, confidence: 'high' }) as Contribution)));
      r.verdict = { ...r.verdict, leader: r.ranking[0]!.model };
    });
    const summary = (kind: Result['verdict']['kind'], first: number) => {
      r.verdict = { ...r.verdict, kind };
      r.ranking[0]!.acceptability.first = first;
      return summaryOf(r);
    };

    it('clear: high from 9 in 10, one level down below', () => {
      expect(summary('clear', 0.9)).toMatchObject({ certainty: 'high', downgrades: [] });
      expect(summary('clear', 0.8999)).toMatchObject({ certainty: 'moderate', downgrades: ['not-clear'] });
      expect(summary('indistinguishable', 0.8999)).toMatchObject({ certainty: 'low', downgrades: ['no-clear-first'] });
      expect(summary('undecided', 0.95)).toMatchObject({ certainty: 'very-low', downgrades: ['evidence-undecided'] });
    });

    it('keep: sure when today leads the ranking in at least 6 in 10; narrow below, or when another model is ranked first', () => {
      expect(summary('keep', 0.6)).toMatchObject({ certainty: 'high', downgrades: [] });
      expect(summary('keep', 0.5999)).toMatchObject({ certainty: 'moderate', downgrades: ['keep-narrow'] });
      r.verdict = { ...r.verdict, leader: r.ranking[1]!.model };
      r.ranking[1]!.acceptability.first = 0.9;
      r.verdict = { ...r.verdict, kind: 'keep' };
      expect(summaryOf(r)).toMatchObject({ certainty: 'moderate', downgrades: ['keep-narrow'] });
      r.ranking = [];
      expect(summaryOf(r).downgrades).toEqual(['keep-narrow']);
    });

    it('"don\'t know": more than a third of the answers, not a third exactly', () => {
      const keys = Object.keys(r.answers);
      expect(keys).toHaveLength(5);
      r.answers = Object.fromEntries(keys.slice(0, 3).map((k) => [k, { value: 1, known: true }]));
      r.answers.x = { value: 1, known: false };
      expect(summary('clear', 0.95).downgrades).toEqual([]);
      r.answers.y = { value: 1, known: false };
      r.answers.z = { value: 1, known: true };
      expect(summary('clear', 0.95).downgrades).toEqual([]);
      r.answers.z = { value: 1, known: false };
      expect(summary('clear', 0.95).downgrades).toEqual(['many-unknowns']);
      r.answers = {};
      expect(summary('clear', 0.95)).toMatchObject({ downgrades: [], headline: { unknown: 0, questions: 0 } });
    });

    it('thin evidence: more than half, not half exactly', () => {
      const [c1, c2] = r.ranking[0]!.criteria;
      c1!.effect = 3;
      c2!.effect = -3;
      c1!.contributions = [{ ...c1!.contributions[0]!, confidence: 'low' } as Contribution];
      expect(summary('clear', 0.95)).toMatchObject({ certainty: 'high', evidence: 'high', downgrades: [] });
      c1!.effect = 3.01;
      // More than half on low evidence: the verdict starts from low (GRADE), two levels below high.
      expect(summary('clear', 0.95)).toMatchObject({ certainty: 'low', evidence: 'low', downgrades: ['thin-evidence'] });
      c1!.contributions = [{ ...c1!.contributions[0]!, confidence: 'moderate' } as Contribution];
      expect(summary('clear', 0.95)).toMatchObject({ certainty: 'moderate', evidence: 'moderate', downgrades: ['thin-evidence'] });
    });
  });
});
