import { beforeEach, describe, expect, it } from 'vitest';
import { answerProblem, checkAnswers, checkKnowledgeBase, checkModel } from '../../src/core/integrity.js';
import { indexKb, type KbIndex, type KnowledgeBase } from '../../src/core/kb.js';
import type { Model, Question } from '../../src/schema/index.js';
import { finding, miniKb, model, question } from '../helpers/mini-kb.js';

/*
 * The semantic checks of src/core/integrity.ts, one rule at a time, on a small knowledge
 * base with one question of every type. Each case edits one thing and expects the whole
 * list of issues (rule, path, parameters, file), so a check that over- or under-reports,
 * points elsewhere or words its parameters differently fails. Everything is built inside
 * the tests (beforeEach), never when the file loads: StrykerJS switches a mutant on only
 * while tests run.
 */

const text = (s: string) => ({ nb: s, en: s });
const LONG = 'A sentence long enough to be worth translating';
/** The finding ids every path of the knowledge base cites, each from one place only. */
const CITED = ['f-model', 'f-perf', 'f-adj', 'f-pre', 'f-crit', 'f-q', 'f-change'];

function richKb(): KnowledgeBase {
  const findings = [...CITED.map((id) => finding(id, 'moderate', ['ref-a'])), { ...finding('f-context', 'low', ['ref-b']), use: 'context' as const }];
  const kb = miniKb([], findings);
  kb.criteria = kb.criteria.map((c) => ({ ...c, findings: ['f-crit'] }));
  const feeds = { feeds: ['f-q'] };
  kb.questions = [
    question('share', { ...feeds, type: 'percent', assume: 50, prior: { low: 20, high: 80, why: text('j') } }),
    question('size', { ...feeds, type: 'integer', min: 1, max: 100, assume: 10, prior: { low: 2, high: 50, scale: 'log', why: text('j') } }),
    question('fte', { ...feeds, type: 'integer', min: 0, max: 1000, decimals: 1, assume: 10 }),
    question('level', { ...feeds, type: 'scale', assume: 3, low: text('low'), high: text('high') }),
    question('flag', { ...feeds, type: 'boolean', dontKnow: false, assume: false }),
    question('today', { ...feeds, type: 'choice', assume: 'a', options: [{ value: 'a', label: text('a') }, { value: 'b', label: text('b') }] }),
    question('groups', { ...feeds, type: 'multi', assume: [], options: [{ value: 'x', label: text('x') }, { value: 'y', label: text('y') }] }),
    question('order', { ...feeds, type: 'rank', dontKnow: true, assume: undefined, options: [{ value: 'p', label: text('p') }, { value: 'q', label: text('q') }] }),
  ];
  kb.change = { today: 'today', base: 5, ramp: { question: 'size', points: [[0, 0], [100, 1]] }, findings: ['f-change'], rationale: text('r') };
  kb.models = [
    model('m', 50, 50, ['f-model', 'f-perf'], {
      findings: ['f-model'],
      adjustments: [{ id: 'adj', when: { question: 'flag', eq: true }, effects: [{ criterion: 'c1', delta: 5 }], findings: ['f-adj'], rationale: text('r') }],
      preconditions: [{ id: 'pre', requires: { question: 'level', gte: 2 }, findings: ['f-pre'], failure: text('f') }],
    }),
  ];
  // Each rating cites f-perf alone, so that each place that cites a finding is the only one.
  kb.models[0]!.performance.c1!.findings = ['f-perf'];
  return kb;
}

let kb: KnowledgeBase;
let index: KbIndex;
beforeEach(() => {
  kb = richKb();
  index = indexKb(kb);
});
const kbIssues = () => checkKnowledgeBase(kb, indexKb(kb));
const q = (id: string): Question => kb.questions.find((x) => x.id === id)!;
const at = (id: string): number => kb.questions.findIndex((x) => x.id === id);

describe('checkKnowledgeBase', () => {
  it('finds nothing wrong in a sound knowledge base (every scoring finding cited once, a context finding never)', () => {
    expect(kbIssues()).toEqual([]);
  });

  it('a scoring finding cited from nowhere is unused; each place that cites one counts', () => {
    kb.findings.push(finding('f-nobody', 'high', ['ref-a']));
    expect(kbIssues()).toEqual([{ rule: 'unused-finding', path: ['findings', kb.findings.length - 1, 'id'], params: { id: 'f-nobody' }, file: 'findings' }]);
  });

  it.each([
    ['model.findings', (m: Model) => (m.findings = ['f-perf']), 'f-model'],
    ['a rating', (m: Model) => (m.performance.c1!.findings = m.performance.c2!.findings = ['f-model']), 'f-perf'],
    ['an adjustment', (m: Model) => (m.adjustments![0]!.findings = ['f-model']), 'f-adj'],
    ['a precondition', (m: Model) => (m.preconditions![0]!.findings = ['f-model']), 'f-pre'],
  ])('a finding cited only by %s is used', (_, edit, lost) => {
    edit(kb.models[0]!);
    expect(kbIssues()).toEqual([{ rule: 'unused-finding', path: ['findings', CITED.indexOf(lost), 'id'], params: { id: lost }, file: 'findings' }]);
  });

  it('models without adjustments or preconditions are read too', () => {
    kb.models.push(model('plain', 1, 2, ['f-model', 'f-perf']));
    expect(kbIssues()).toEqual([]);
  });

  it('findings cited by criteria, questions and the cost of change are used', () => {
    kb.criteria[0]!.findings = ['f-q'];
    kb.criteria[1]!.findings = ['f-q'];
    kb.change!.findings = ['f-q'];
    expect(kbIssues().map((i) => i.params)).toEqual([{ id: 'f-crit' }, { id: 'f-change' }]);
  });

  it.each([
    ['references', () => kb.references.push({ ...kb.references[0]! }), 'ref-a'],
    ['findings', () => kb.findings.push({ ...kb.findings[0]! }), 'f-model'],
    ['criteria', () => kb.criteria.push({ ...kb.criteria[0]! }), 'c1'],
    ['questions', () => kb.questions.push({ ...kb.questions[0]! }), 'share'],
  ] as const)('a duplicate id in %s names the first', (file, add, id) => {
    add();
    const list = kb[file] as unknown[];
    expect(kbIssues()).toContainEqual({ rule: 'duplicate-id', path: [file, list.length - 1], params: { id, first: `${file}[0]` }, file });
    expect(kbIssues().filter((i) => i.rule === 'duplicate-id')).toHaveLength(1);
  });

  it.each([
    [[900], [[0, '900']]],
    [['0-3'], [[0, '0-3']]],
    [['5-3'], [[0, '5-3']]],
    [[1, '870-876'], [[1, '870-876']]],
    [[875, '1-875', '7-7', 'x', 2.5], []],
  ] as const)('reference lines %j: those outside the review (or backwards) are reported one by one; malformed ones are the schema\'s', (lines, bad) => {
    kb.references[0]!.lines = [...lines] as never;
    expect(kbIssues()).toEqual(bad.map(([i, l]) => ({ rule: 'review-lines', path: ['references', 0, 'lines', i], params: { lines: l, last: 875 }, file: 'references' })));
  });

  it('lines are checked in findings and criteria too, at their own paths', () => {
    kb.findings[1]!.lines = [1, 999];
    kb.criteria[1]!.lines = [876];
    expect(kbIssues()).toEqual([
      { rule: 'review-lines', path: ['findings', 1, 'lines', 1], params: { lines: '999', last: 875 }, file: 'findings' },
      { rule: 'review-lines', path: ['criteria', 1, 'lines', 0], params: { lines: '876', last: 875 }, file: 'criteria' },
    ]);
  });

  it('a long text the same in both languages is untranslated, in any file and inside lists; a short one is not', () => {
    kb.references[0]!.summary = text(LONG);
    kb.findings[0]!.downgrades = [{ concern: 'adequacy', reason: text(LONG) }];
    kb.criteria[0]!.name = text('x'.repeat(24));
    kb.questions[0]!.help = { nb: LONG, en: `${LONG}.` };
    expect(kbIssues()).toEqual([
      { rule: 'untranslated', path: ['references', 0, 'summary'], file: 'references' },
      { rule: 'untranslated', path: ['findings', 0, 'downgrades', 0, 'reason'], file: 'findings' },
    ]);
  });

  it('a record with nb and en and a third key is not a text: its parts are looked into', () => {
    (kb.references[0] as unknown as Record<string, unknown>).extra = { nb: LONG, en: LONG, note: { nb: LONG, en: LONG } };
    expect(kbIssues()).toEqual([{ rule: 'untranslated', path: ['references', 0, 'extra', 'note'], file: 'references' }]);
  });

  it('a finding citing an unknown reference: located, with a suggestion; the references nobody cites are unused', () => {
    kb.findings[0]!.references = ['ref-A', 'ref-zzzzzzzz'];
    kb.findings.forEach((f, i) => i > 0 && (f.references = ['ref-b']));
    expect(kbIssues()).toEqual([
      { rule: 'unknown-reference', path: ['findings', 0, 'references', 0], params: { id: 'ref-A', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'ref-a' } } } } }, file: 'findings' },
      { rule: 'unknown-reference', path: ['findings', 0, 'references', 1], params: { id: 'ref-zzzzzzzz', suggestion: '' }, file: 'findings' },
      { rule: 'unused-reference', path: ['references', 0, 'key'], params: { id: 'ref-a' }, file: 'references' },
    ]);
  });

  it('a finding below high certainty must say why it was downgraded; a high one need not', () => {
    delete kb.findings[2]!.downgrades;
    kb.findings[3]!.downgrades = [];
    kb.findings[0] = finding('f-model', 'high', ['ref-a']);
    expect(kbIssues()).toEqual([
      { rule: 'missing-downgrade', path: ['findings', 2, 'confidence'], params: { confidence: 'moderate' }, file: 'findings' },
      { rule: 'missing-downgrade', path: ['findings', 3, 'confidence'], params: { confidence: 'moderate' }, file: 'findings' },
    ]);
  });

  describe('criteria weight terms', () => {
    const term = (t: object) => (kb.criteria[1]!.weight.terms = [t as never]);
    const path = ['criteria', 1, 'weight', 'terms', 0, 'question'];

    it('an unknown question, with a suggestion', () => {
      term({ question: 'levle', map: { '1': 1 } });
      expect(kbIssues()).toEqual([{ rule: 'unknown-question', path, params: { id: 'levle', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'level' } } } } }, file: 'criteria' }]);
    });

    it.each([['today', 'choice'], ['flag', 'boolean'], ['order', 'rank']])('a linear term on %s (%s) needs a number question', (id, type) => {
      term({ question: id, linear: [[0, 0], [1, 1]] });
      expect(kbIssues()).toEqual([{ rule: 'condition-value', path, params: { detail: { message: 'detail-needs-number-question', params: { operator: 'linear', id, type } } }, file: 'criteria' }]);
    });

    it.each(['share', 'size', 'level'])('a linear term on the number question %s is fine', (id) => {
      term({ question: id, linear: [[0, 0], [1, 1]] });
      expect(kbIssues()).toEqual([]);
    });

    it('a rank term needs a rank question, and one of its options', () => {
      term({ question: 'today', rank: 'a', weight: 1 });
      expect(kbIssues()).toEqual([{ rule: 'condition-value', path, params: { detail: { message: 'detail-needs-rank-question', params: { id: 'today', type: 'choice' } } }, file: 'criteria' }]);
      term({ question: 'order', rank: 'r', weight: 1 });
      expect(kbIssues()).toEqual([
        { rule: 'condition-value', path: ['criteria', 1, 'weight', 'terms', 0, 'rank'], params: { detail: { message: 'detail-not-an-option', params: { value: '"r"', id: 'order', options: 'p, q' } } }, file: 'criteria' },
      ]);
      term({ question: 'order', rank: 'q', weight: 1 });
      expect(kbIssues()).toEqual([]);
    });

    it.each([
      ['flag', { true: 1, false: 0, yes: 2 }, 'yes', 'true, false'],
      ['level', { '1': 0, '5': 1, '6': 2 }, '6', '1, 2, 3, 4, 5'],
      ['today', { a: 1, b: 0, c: 3 }, 'c', 'a, b'],
      ['groups', { x: 1, z: 0 }, 'z', 'x, y'],
    ])('a map term on %s: a key that is not one of its values is reported at the key', (id, map, key, values) => {
      term({ question: id, map });
      expect(kbIssues()).toEqual([{ rule: 'condition-value', path: ['criteria', 1, 'weight', 'terms', 0, 'map', key], atKey: true, params: { detail: { message: 'detail-not-a-value', params: { key, id, values } } }, file: 'criteria' }]);
    });

    it('the criteria\'s own findings are checked: an unknown or a context finding', () => {
      kb.criteria[0]!.findings = ['f-crit', 'f-context', 'f-crot'];
      expect(kbIssues()).toEqual([
        { rule: 'context-finding', path: ['criteria', 0, 'findings', 1], params: { id: 'f-context' }, file: 'criteria' },
        { rule: 'unknown-finding', path: ['criteria', 0, 'findings', 2], params: { id: 'f-crot', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'f-crit' } } } } }, file: 'criteria' },
      ]);
    });
  });

  describe('the cost of change', () => {
    it('today must be a question of the bank', () => {
      kb.change!.today = 'tody';
      expect(kbIssues()).toEqual([{ rule: 'unknown-question', path: ['change', 'today'], params: { id: 'tody', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'today' } } } } }, file: 'criteria' }]);
    });

    it('its ramp reads a number question that exists', () => {
      kb.change!.ramp!.question = 'today';
      expect(kbIssues()).toEqual([{ rule: 'condition-value', path: ['change', 'ramp', 'question'], params: { detail: { message: 'detail-needs-number-question', params: { operator: 'ramp', id: 'today', type: 'choice' } } }, file: 'criteria' }]);
      kb.change!.ramp!.question = 'nothing-like-it';
      expect(kbIssues()).toEqual([{ rule: 'unknown-question', path: ['change', 'ramp', 'question'], params: { id: 'nothing-like-it', suggestion: '' }, file: 'criteria' }]);
    });

    it('without a ramp, or without a cost of change at all, nothing is checked', () => {
      delete kb.change!.ramp;
      expect(kbIssues()).toEqual([]);
      kb.findings = kb.findings.filter((f) => f.id !== 'f-change');
      delete kb.change;
      expect(kbIssues()).toEqual([]);
    });

    it('its findings are checked', () => {
      kb.change!.findings = ['f-change', 'f-context'];
      expect(kbIssues()).toEqual([{ rule: 'context-finding', path: ['change', 'findings', 1], params: { id: 'f-context' }, file: 'criteria' }]);
    });
  });

  describe('questions', () => {
    const shape = (id: string, key: string, detail: object) => ({ rule: 'question-shape', path: ['questions', at(id), key], params: { id, detail }, file: 'questions' });

    it('a section that is not declared', () => {
      q('flag').section = 'nowhere';
      expect(kbIssues()).toEqual([shape('flag', 'section', { message: 'detail-section-undeclared', params: { section: 'nowhere' } })]);
    });

    it.each(['choice', 'multi', 'rank'] as const)('a %s question without options', (type) => {
      const id = { choice: 'today', multi: 'groups', rank: 'order' }[type];
      delete q(id).options;
      if (type !== 'rank') q(id).assume = undefined;
      q(id).dontKnow = type === 'rank';
      kb.criteria.forEach((c) => (c.weight.terms = c.weight.terms.filter((t) => t.question !== id)));
      const issues = kbIssues().filter((i) => i.rule === 'question-shape');
      expect(issues).toEqual([shape(id, 'type', { message: 'detail-needs-options', params: { type } })]);
    });

    it('an integer question without both bounds', () => {
      delete q('fte').max;
      expect(kbIssues()).toEqual([shape('fte', 'type', { message: 'detail-integer-needs-bounds' })]);
      q('fte').max = 10;
      delete q('fte').min;
      expect(kbIssues()).toEqual([shape('fte', 'type', { message: 'detail-integer-needs-bounds' })]);
    });

    it('a scale question without both labels', () => {
      delete q('level').high;
      expect(kbIssues()).toEqual([shape('level', 'type', { message: 'detail-scale-needs-labels' })]);
      q('level').high = text('h');
      delete q('level').low;
      expect(kbIssues()).toEqual([shape('level', 'type', { message: 'detail-scale-needs-labels' })]);
    });

    it('"don\'t know" needs an assumption, except on a ranking; without "don\'t know" none is needed', () => {
      q('flag').dontKnow = true;
      q('flag').assume = undefined;
      expect(kbIssues()).toEqual([shape('flag', 'dontKnow', { message: 'detail-dont-know-needs-assume' })]);
      q('flag').dontKnow = false;
      expect(kbIssues()).toEqual([]);
    });

    it.each([
      [{ low: -1, high: 50 }, -1, 50],
      [{ low: 10, high: 101 }, 10, 101],
      [{ low: 60, high: 40 }, 60, 40],
      [{ low: 60, high: 80 }, 60, 80], // the assumption (50) outside
      [{ low: 20, high: 40 }, 20, 40],
    ])('a prior %j outside the question\'s range, or without its assumption', (prior, low, high) => {
      q('share').prior = { ...prior, why: text('j') };
      expect(kbIssues()).toEqual([shape('share', 'prior', { message: 'detail-prior-range', params: { low, high, min: 0, max: 100 } })]);
    });

    it('a prior without low or high takes the question\'s bounds; one at the bounds and around the assumption is fine', () => {
      q('share').prior = { low: 0, high: 100, why: text('j') };
      expect(kbIssues()).toEqual([]);
      q('share').prior = { high: 50, why: text('j') };
      expect(kbIssues()).toEqual([]);
      q('share').prior = { low: 50, why: text('j') };
      expect(kbIssues()).toEqual([]);
      q('share').prior = { low: 51, why: text('j') };
      expect(kbIssues()).toEqual([shape('share', 'prior', { message: 'detail-prior-range', params: { low: 51, high: 100, min: 0, max: 100 } })]);
    });

    it('a log-scale prior must start above zero', () => {
      q('fte').prior = { low: 0, high: 50, scale: 'log', why: text('j') };
      expect(kbIssues()).toEqual([shape('fte', 'prior', { message: 'detail-prior-log' })]);
      q('fte').prior = { high: 50, scale: 'log', why: text('j') };
      expect(kbIssues()).toEqual([shape('fte', 'prior', { message: 'detail-prior-log' })]);
      q('fte').prior = { low: 0.5, high: 50, scale: 'log', why: text('j') };
      expect(kbIssues()).toEqual([]);
      q('fte').prior = { low: 0, high: 50, scale: 'linear', why: text('j') } as never;
      expect(kbIssues()).toEqual([]);
    });

    it.each([
      ['level', { '1': 1, '6': 1 }, '6', '1, 2, 3, 4, 5'],
      ['flag', { true: 1, maybe: 1 }, 'maybe', 'true, false'],
      ['today', { a: 1, c: 1 }, 'c', 'a, b'],
    ])('prior weights on %s name only its values', (id, weights, key, values) => {
      q(id).prior = { weights, why: text('j') } as never;
      expect(kbIssues()).toEqual([shape(id, 'prior', { message: 'detail-not-a-value', params: { key, id, values } })]);
    });

    it('prior weights that name the values are fine', () => {
      q('level').prior = { weights: { '1': 1, '5': 2 }, why: text('j') } as never;
      q('flag').prior = { weights: { true: 1, false: 3 }, why: text('j') } as never;
      q('today').prior = { weights: { a: 1, b: 3 }, why: text('j') } as never;
      expect(kbIssues()).toEqual([]);
    });

    it('an assumption that would be a wrong answer is reported as one', () => {
      q('share').assume = 150;
      q('share').prior = undefined;
      q('today').assume = 'c';
      expect(kbIssues()).toEqual([
        { rule: 'answer-range', path: ['questions', at('share'), 'assume'], params: { id: 'share', found: 150, min: 0, max: 100 }, file: 'questions' },
        { rule: 'answer-option', path: ['questions', at('today'), 'assume'], params: { id: 'today', found: 'c', allowed: 'a, b' }, file: 'questions' },
      ]);
    });

    it('askIf is checked like a model\'s condition, at its own path', () => {
      q('groups').askIf = { all: [{ question: 'flag', eq: true }, { question: 'tdoay', eq: 'a' }] };
      expect(kbIssues()).toEqual([
        { rule: 'unknown-question', path: ['questions', at('groups'), 'askIf', 'all', 1, 'question'], params: { id: 'tdoay', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'today' } } } } }, file: 'questions' },
      ]);
    });

    it('what a question feeds must be findings that exist', () => {
      q('flag').feeds = ['f-q', 'f-qq'];
      expect(kbIssues()).toEqual([{ rule: 'unknown-finding', path: ['questions', at('flag'), 'feeds', 1], params: { id: 'f-qq', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'f-q' } } } } }, file: 'questions' }]);
    });

    it('a translation missing in a question is reported in the questions file', () => {
      q('flag').help = text(LONG);
      expect(kbIssues()).toEqual([{ rule: 'untranslated', path: ['questions', at('flag'), 'help'], file: 'questions' }]);
    });
  });

  it('a sum names number questions that exist', () => {
    kb.sums = [{ id: 's', questions: ['share', 'sahre', 'flag', 'level'], total: 100, tolerance: 1, message: text('m') }];
    expect(kbIssues()).toEqual([
      { rule: 'unknown-question', path: ['sums', 0, 'questions', 1], params: { id: 'sahre', suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'share' } } } } }, file: 'questions' },
      { rule: 'unknown-question', path: ['sums', 0, 'questions', 2], params: { id: 'flag', suggestion: { message: 'not-a-number-question' } }, file: 'questions' },
    ]);
  });
});

describe('checkModel', () => {
  const data = (): Record<string, unknown> => structuredClone(kb.models[0]) as unknown as Record<string, unknown>;
  const check = (d: unknown) => checkModel(d, index);
  const near = (name: string) => ({ message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: name } } } });

  it('a sound model has no issues; what is not a mapping is the schema\'s to report', () => {
    expect(check(data())).toEqual([]);
    for (const nothing of [null, 3, 'x', [data()]]) expect(check(nothing)).toEqual([]);
  });

  it('parts of the wrong shape are skipped, not checked', () => {
    const d = data();
    Object.assign(d, { lines: 'x', findings: 'f', performance: [1], adjustments: { a: 1 }, preconditions: 'p', matches: { question: 1, in: ['a'] } });
    expect(check(d)).toEqual([]);
    Object.assign(d, { adjustments: [null, 3, { id: 7, when: { question: 'flag', eq: true }, effects: 'e', findings: 'f' }], preconditions: [null, 'p'], performance: { c1: 5, c2: null } });
    expect(check(d)).toEqual([]);
  });

  it('a line outside the review', () => {
    const d = data();
    d.lines = [1, 876, '2-1'];
    expect(check(d)).toEqual([
      { rule: 'review-lines', path: ['lines', 1], params: { lines: '876', last: 875 } },
      { rule: 'review-lines', path: ['lines', 2], params: { lines: '2-1', last: 875 } },
    ]);
  });

  it('a rating on an unknown criterion, with a suggestion and the known ones, and the criterion it leaves out', () => {
    const d = data();
    const performance = d.performance as Record<string, unknown>;
    performance.C2 = performance.c2;
    delete performance.c2;
    expect(check(d)).toEqual([
      { rule: 'unknown-criterion', path: ['performance', 'C2'], atKey: true, params: { id: 'C2', suggestion: near('c2'), known: 'c1, c2' } },
      { rule: 'missing-criterion', path: ['performance'], atKey: true, params: { id: 'c2' } },
    ]);
  });

  it('a rating\'s findings and the model\'s are checked at their own paths', () => {
    const d = data();
    d.findings = ['f-context'];
    (d.performance as Record<string, { findings: unknown[] }>).c2!.findings = ['f-perf', 'f-prf'];
    expect(check(d)).toEqual([
      { rule: 'context-finding', path: ['findings', 0], params: { id: 'f-context' } },
      { rule: 'unknown-finding', path: ['performance', 'c2', 'findings', 1], params: { id: 'f-prf', suggestion: near('f-perf') } },
    ]);
  });

  describe('adjustments', () => {
    const adjustment = (over: Record<string, unknown>) => {
      const d = data();
      (d.adjustments as Record<string, unknown>[])[0] = { ...(d.adjustments as Record<string, unknown>[])[0], ...over };
      return d;
    };

    it('its condition is checked, at its path', () => {
      expect(check(adjustment({ when: { question: 'flag', eq: 'yes' } }))).toEqual([
        { rule: 'condition-value', path: ['adjustments', 0, 'when', 'eq'], params: { detail: { message: 'detail-not-yes-no', params: { id: 'flag' } } } },
      ]);
    });

    it('a malformed condition is left to the schema', () => {
      expect(check(adjustment({ when: { question: 'nope', eq: true, extra: 1 } }))).toEqual([]);
    });

    it('a ramp reads a number question that exists; a ramp alone is enough', () => {
      expect(check(adjustment({ when: undefined, ramp: { question: 'size', points: [[0, 0], [1, 1]] } }))).toEqual([]);
      expect(check(adjustment({ when: undefined, ramp: { question: 'flag', points: [] } }))).toEqual([
        { rule: 'condition-value', path: ['adjustments', 0, 'ramp', 'question'], params: { detail: { message: 'detail-needs-number-question', params: { operator: 'ramp', id: 'flag', type: 'boolean' } } } },
      ]);
      expect(check(adjustment({ ramp: { question: 'siez', points: [] } }))).toEqual([{ rule: 'unknown-question', path: ['adjustments', 0, 'ramp', 'question'], params: { id: 'siez', suggestion: near('size') } }]);
      expect(check(adjustment({ ramp: { question: 3 } }))).toEqual([]);
      expect(check(adjustment({ ramp: 'size' }))).toEqual([]);
    });

    it('without a condition or a ramp it would apply everywhere: a rating, not an adjustment', () => {
      expect(check(adjustment({ when: undefined }))).toEqual([{ rule: 'condition-value', path: ['adjustments', 0], params: { detail: { message: 'detail-adjustment-needs-when' } } }]);
    });

    it('an effect on an unknown criterion; malformed effects are skipped', () => {
      expect(check(adjustment({ effects: [{ criterion: 'c1', delta: 1 }, null, { criterion: 3 }, { criterion: 'c3', delta: 1 }] }))).toEqual([
        { rule: 'unknown-criterion', path: ['adjustments', 0, 'effects', 3, 'criterion'], params: { id: 'c3', suggestion: near('c1'), known: 'c1, c2' } },
      ]);
    });

    it('its findings are checked; the same id twice is a duplicate, across adjustments and preconditions', () => {
      const d = adjustment({ findings: ['f-adj', 'f-context'] });
      (d.preconditions as Record<string, unknown>[])[0]!.id = 'adj';
      (d.adjustments as unknown[]).push({ ...(d.adjustments as Record<string, unknown>[])[0], findings: ['f-adj'] });
      expect(check(d)).toEqual([
        { rule: 'context-finding', path: ['adjustments', 0, 'findings', 1], params: { id: 'f-context' } },
        { rule: 'duplicate-id', path: ['adjustments', 1, 'id'], params: { id: 'adj', first: 'adjustments.0.id' } },
        { rule: 'duplicate-id', path: ['preconditions', 0, 'id'], params: { id: 'adj', first: 'adjustments.0.id' } },
      ]);
    });
  });

  it('matches: its question must exist, and its values be the question\'s options', () => {
    const d = data();
    d.matches = { question: 'tday', in: ['a'] };
    expect(check(d)).toEqual([{ rule: 'unknown-question', path: ['matches', 'question'], params: { id: 'tday', suggestion: near('today') } }]);
    d.matches = { question: 'today', in: ['a', 3, 'c'] };
    expect(check(d)).toEqual([{ rule: 'condition-value', path: ['matches', 'in', 2], params: { detail: { message: 'detail-not-an-option', params: { value: '"c"', id: 'today', options: 'a, b' } } } }]);
    d.matches = { question: 'share', in: ['a'] };
    expect(check(d)).toEqual([{ rule: 'condition-value', path: ['matches', 'in', 0], params: { detail: { message: 'detail-not-an-option', params: { value: '"a"', id: 'share', options: '' } } } }]);
    d.matches = { question: 'today', in: 'a' };
    expect(check(d)).toEqual([]);
  });

  it('a precondition\'s condition and findings are checked at their paths', () => {
    const d = data();
    (d.preconditions as Record<string, unknown>[])[0] = { id: 'pre', requires: { question: 'level', gte: 9 }, findings: ['f-pre', 'f-nope-at-all'] };
    expect(check(d)).toEqual([
      { rule: 'condition-value', path: ['preconditions', 0, 'requires', 'gte'], params: { detail: { message: 'detail-out-of-range', params: { value: 9, id: 'level', min: 1, max: 5 } } } },
      { rule: 'unknown-finding', path: ['preconditions', 0, 'findings', 1], params: { id: 'f-nope-at-all', suggestion: '' } },
    ]);
  });

  it('an untranslated text in the model', () => {
    const d = data();
    d.summary = text(LONG);
    expect(check(d)).toEqual([{ rule: 'untranslated', path: ['summary'] }]);
  });

  describe('conditions against the bank', () => {
    const when = (condition: unknown) => {
      const d = data();
      (d.adjustments as Record<string, unknown>[])[0]!.when = condition;
      return check(d).map((i) => ({ path: i.path.slice(3).join('.'), rule: i.rule, ...(i.params as object) }));
    };
    const detail = (message: string, params: object) => ({ detail: { message, params } });

    it('all, any and not are looked into, with their paths', () => {
      expect(when({ all: [{ question: 'flag', eq: true }, { any: [{ question: 'level', gt: 0 }, { not: { question: 'today', eq: 'z' } }] }] })).toEqual([
        { path: 'all.1.any.0.gt', rule: 'condition-value', ...detail('detail-out-of-range', { value: 0, id: 'level', min: 1, max: 5 }) },
        { path: 'all.1.any.1.not.eq', rule: 'condition-value', ...detail('detail-not-an-option', { value: '"z"', id: 'today', options: 'a, b' }) },
      ]);
    });

    it('exactly one operator per test (the schema allows several; this check counts them)', () => {
      expect(when({ question: 'level', gt: 1, lt: 4 })).toEqual([{ path: '', rule: 'condition-operator', count: 2 }]);
      expect(when({ question: 'level' })).toEqual([{ path: '', rule: 'condition-operator', count: 0 }]);
    });

    it.each([
      [{ question: 'level', gt: 5 }, []],
      [{ question: 'level', gte: 1 }, []],
      [{ question: 'level', lt: 6 }, [['lt', 'detail-out-of-range', { value: 6, id: 'level', min: 1, max: 5 }]]],
      [{ question: 'level', lte: 0.5 }, [['lte', 'detail-out-of-range', { value: 0.5, id: 'level', min: 1, max: 5 }]]],
      [{ question: 'flag', gt: 1 }, [['gt', 'detail-needs-number-question', { operator: 'gt', id: 'flag', type: 'boolean' }]]],
      [{ question: 'today', gte: 1 }, [['gte', 'detail-needs-number-question', { operator: 'gte', id: 'today', type: 'choice' }]]],
      [{ question: 'groups', lt: 1 }, [['lt', 'detail-needs-number-question', { operator: 'lt', id: 'groups', type: 'multi' }]]],
      [{ question: 'order', lte: 1 }, [['lte', 'detail-needs-number-question', { operator: 'lte', id: 'order', type: 'rank' }]]],
      [{ question: 'share', eq: 'half' }, [['eq', 'detail-not-a-number', { id: 'share', type: 'percent' }]]],
      [{ question: 'size', ne: 101 }, [['ne', 'detail-out-of-range', { value: 101, id: 'size', min: 1, max: 100 }]]],
      [{ question: 'size', ne: 100 }, []],
      [{ question: 'flag', eq: false }, []],
      [{ question: 'flag', ne: 'false' }, [['ne', 'detail-not-yes-no', { id: 'flag' }]]],
      [{ question: 'today', eq: 'b' }, []],
      [{ question: 'today', ne: true }, [['ne', 'detail-not-an-option', { value: 'true', id: 'today', options: 'a, b' }]]],
      [{ question: 'today', in: ['a', 'b'] }, []],
      [{ question: 'today', in: ['a', 'x', 'y'] }, [['in', 'detail-not-an-option', { value: '"x"', id: 'today', options: 'a, b' }]]],
      [{ question: 'level', in: [1, 7] }, [['in', 'detail-out-of-range', { value: 7, id: 'level', min: 1, max: 5 }]]],
      [{ question: 'groups', in: ['x'] }, [['in', 'detail-use-includes', { id: 'groups' }]]],
      [{ question: 'groups', eq: 'x' }, [['eq', 'detail-use-includes', { id: 'groups' }]]],
      [{ question: 'groups', ne: 'x' }, [['ne', 'detail-use-includes', { id: 'groups' }]]],
      [{ question: 'groups', includes: 'y' }, []],
      [{ question: 'groups', includes: 'w' }, [['includes', 'detail-not-an-option', { value: '"w"', id: 'groups', options: 'x, y' }]]],
      [{ question: 'today', includes: 'a' }, [['includes', 'detail-needs-multi-question', { id: 'today', type: 'choice' }]]],
      [{ question: 'order', eq: 'p' }, []],
    ])('%j', (condition, expected) => {
      expect(when(condition)).toEqual((expected as [string, string, object][]).map(([path, message, params]) => ({ path, rule: 'condition-value', ...detail(message, params) })));
    });
  });
});

describe('answerProblem', () => {
  const expectedWhole = (min: number, max: number) => ({ message: 'expected-whole-number', params: { min, max } });

  it.each([
    ['share', 'dont-know', undefined],
    ['flag', 'dont-know', { rule: 'answer-dont-know', params: { id: 'flag' } }],
    ['share', 0, undefined],
    ['share', 100, undefined],
    ['share', 12.5, undefined],
    ['share', 100.5, { rule: 'answer-range', params: { id: 'share', found: 100.5, min: 0, max: 100 } }],
    ['share', -0.5, { rule: 'answer-range', params: { id: 'share', found: -0.5, min: 0, max: 100 } }],
    ['share', '50', { rule: 'answer-type', params: { id: 'share', expected: { message: 'expected-percent' }, found: '"50"' } }],
    ['share', Infinity, { rule: 'answer-type', params: { id: 'share', expected: { message: 'expected-percent' }, found: { message: 'value-infinity' } } }],
    ['size', 1, undefined],
    ['size', 0, { rule: 'answer-range', params: { id: 'size', found: 0, min: 1, max: 100 } }],
    ['size', 101, { rule: 'answer-range', params: { id: 'size', found: 101, min: 1, max: 100 } }],
    ['size', 2.5, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: '2.5' } }],
    ['size', -Infinity, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-minus-infinity' } } }],
    ['size', NaN, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-nan' } } }],
    ['size', null, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-nothing' } } }],
    ['size', undefined, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-nothing' } } }],
    ['size', [1], { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-list' } } }],
    ['size', { a: 1 }, { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-mapping' } } }],
    ['size', new Uint8Array([1]), { rule: 'answer-type', params: { id: 'size', expected: expectedWhole(1, 100), found: { message: 'value-binary' } } }],
    ['fte', 12.5, undefined],
    ['fte', 999.9, undefined],
    ['fte', 0.1 + 0.2, undefined],
    ['fte', 12.55, { rule: 'answer-type', params: { id: 'fte', expected: { message: 'expected-number-decimals', params: { min: 0, max: 1000, step: 0.1 } }, found: '12.55' } }],
    ['level', 3, undefined],
    ['level', 3.5, { rule: 'answer-type', params: { id: 'level', expected: expectedWhole(1, 5), found: '3.5' } }],
    ['level', 6, { rule: 'answer-range', params: { id: 'level', found: 6, min: 1, max: 5 } }],
    ['flag', true, undefined],
    ['flag', false, undefined],
    ['flag', 'yes', { rule: 'answer-type', params: { id: 'flag', expected: { message: 'type-boolean' }, found: '"yes"' } }],
    ['today', 'b', undefined],
    ['today', 'c', { rule: 'answer-option', params: { id: 'today', found: 'c', allowed: 'a, b' } }],
    ['today', 1, { rule: 'answer-type', params: { id: 'today', expected: { message: 'expected-one-of', params: { options: 'a, b' } }, found: '1' } }],
    ['groups', [], undefined],
    ['groups', ['y', 'x'], undefined],
    ['groups', ['x', 'w'], { rule: 'answer-option', params: { id: 'groups', found: 'w', allowed: 'x, y' } }],
    ['groups', ['x', 2], { rule: 'answer-option', params: { id: 'groups', found: '2', allowed: 'x, y' } }],
    ['groups', 'x', { rule: 'answer-type', params: { id: 'groups', expected: { message: 'expected-list-of-options', params: { options: 'x, y' } }, found: '"x"' } }],
    ['order', ['q', 'p'], undefined],
    ['order', 'p', { rule: 'answer-type', params: { id: 'order', expected: { message: 'expected-ranking', params: { options: 'p, q' } }, found: '"p"' } }],
    ['order', ['p', 'r'], { rule: 'answer-option', params: { id: 'order', found: 'r', allowed: 'p, q' } }],
    ['order', [false, 'p'], { rule: 'answer-option', params: { id: 'order', found: 'false', allowed: 'p, q' } }],
    ['order', ['p'], { rule: 'answer-type', params: { id: 'order', expected: { message: 'expected-ranking', params: { options: 'p, q' } }, found: { message: 'value-list' } } }],
    ['order', ['p', 'p'], { rule: 'answer-type', params: { id: 'order', expected: { message: 'expected-ranking', params: { options: 'p, q' } }, found: { message: 'value-list' } } }],
    ['order', ['p', 'q', 'p'], { rule: 'answer-type', params: { id: 'order', expected: { message: 'expected-ranking', params: { options: 'p, q' } }, found: { message: 'value-list' } } }],
  ])('%s: %j', (id, value, expected) => {
    expect(answerProblem(q(id), value)).toEqual(expected);
  });

  it('a large number is held to its decimals relative to its size', () => {
    const big = question('big', { type: 'integer', min: 0, max: 1e12, decimals: 0 });
    expect(answerProblem(big, 1e6 + 0.5)).toMatchObject({ rule: 'answer-type' });
    // At 10^11 the tolerance (10^-9 of the size) is 100: float noise there is no decimal.
    expect(answerProblem(big, 1e11 + 0.5)).toBeUndefined();
    expect(answerProblem(big, 0.5)).toMatchObject({ rule: 'answer-type' });
    expect(answerProblem(big, 1e-10)).toBeUndefined();
  });

  it('an integer question without decimals, and a question with no options, have defaults', () => {
    const bare = question('bare', { type: 'choice', options: undefined });
    expect(answerProblem(bare, 'a')).toEqual({ rule: 'answer-option', params: { id: 'bare', found: 'a', allowed: '' } });
    const open = question('open', { type: 'integer', min: undefined, max: undefined });
    expect(answerProblem(open, -1)).toEqual({ rule: 'answer-range', params: { id: 'open', found: -1, min: 0, max: Number.MAX_SAFE_INTEGER } });
  });
});

describe('checkAnswers', () => {
  const all = (): Record<string, unknown> => ({ share: 50, size: 10, fte: 2.5, level: 3, flag: true, today: 'a', groups: [], order: ['p', 'q'] });
  const check = (answers: Record<string, unknown>) => checkAnswers(answers, kb, index);

  it('a complete, valid set of answers has no issues', () => {
    expect(check(all())).toEqual([]);
  });

  it('an unknown question, with a suggestion for the first 200 only', () => {
    const answers = all();
    // 201 ids one letter from "share" (each gets a suggestion while they last), then one far from everything.
    for (let i = 0; i < 201; i++) answers[`share${String.fromCharCode(0x4e00 + i)}`] = 1;
    answers['zzzzzzzzzz'] = 3;
    const unknown = check(answers);
    expect(unknown).toHaveLength(202);
    const first = `share${String.fromCharCode(0x4e00)}`;
    expect(unknown[0]).toEqual({ rule: 'answer-unknown-question', path: ['answers', first], atKey: true, params: { id: first, suggestion: { message: 'did-you-mean', params: { name: { message: 'quoted', params: { text: 'share' } } } } } });
    expect(unknown[199]!.params!.suggestion).not.toBe('');
    expect(unknown[200]!.params!.suggestion).toBe('');
    expect(unknown[201]).toEqual({ rule: 'answer-unknown-question', path: ['answers', 'zzzzzzzzzz'], atKey: true, params: { id: 'zzzzzzzzzz', suggestion: '' } });
  });

  it('a wrong answer is reported at its key', () => {
    expect(check({ ...all(), level: 9 })).toEqual([{ rule: 'answer-range', path: ['answers', 'level'], params: { id: 'level', found: 9, min: 1, max: 5 } }]);
  });

  it('a required answer that is missing: at the key when it is there but empty, at answers when it is absent', () => {
    const answers = { ...all(), flag: null } as Record<string, unknown>;
    delete answers.today;
    expect(check(answers)).toEqual([
      { rule: 'answer-missing', path: ['answers', 'flag'], atKey: true, params: { id: 'flag' } },
      { rule: 'answer-missing', path: ['answers'], atKey: true, params: { id: 'today' } },
    ]);
  });

  it('an optional question may be left out or empty', () => {
    q('today').required = false;
    q('flag').required = false;
    const answers = { ...all(), flag: null } as Record<string, unknown>;
    delete answers.today;
    expect(check(answers)).toEqual([]);
  });

  it('a sum beyond its tolerance; at the tolerance, or with a share not a number, it is not checked', () => {
    kb.sums = [{ id: 'mix', questions: ['share', 'size'], total: 60, tolerance: 1, message: text('m') }];
    expect(check({ ...all(), share: 50, size: 11 })).toEqual([]);
    expect(check({ ...all(), share: 50, size: 9 })).toEqual([]);
    expect(check({ ...all(), share: 50.125, size: 11 })).toEqual([{ rule: 'answer-sum', path: ['answers', 'share'], params: { message: text('m'), sum: 61.13, total: 60, tolerance: 1 } }]);
    expect(check({ ...all(), share: 40, size: 10 })).toEqual([{ rule: 'answer-sum', path: ['answers', 'share'], params: { message: text('m'), sum: 50, total: 60, tolerance: 1 } }]);
    expect(check({ ...all(), share: 'dont-know', size: 90 })).toEqual([]);
  });
});
