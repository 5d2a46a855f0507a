import { beforeEach, describe, expect, it } from 'vitest';
import { breakpointsOf, compileCondition, evaluate, holds, possibleValues, readsOf, type ResolvedAnswer } from '../../src/core/conditions.js';
import { indexKb, type KbIndex } from '../../src/core/kb.js';
import type { AnswerValue, Condition } from '../../src/schema/index.js';
import { miniKb, question } from '../helpers/mini-kb.js';

/*
 * Kleene's three-valued logic of src/core/conditions.ts on a small bank: share (percent
 * 0–100), size (whole number 1–100), level (scale 1–5), a yes/no, a choice and a multiple
 * choice. A known answer decides; an unknown one decides only when every value it may
 * take gives the same result.
 */
const text = (s: string) => ({ nb: s, en: s });
const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));
const kb = miniKb([]);
kb.questions.push(
  question('yes', { type: 'boolean', assume: true }),
  question('pick', { type: 'choice', assume: 'a', options: options('a', 'b') }),
  question('many', { type: 'multi', assume: ['a'], options: options('a', 'b', 'c') }),
  question('big', { type: 'integer', min: 0, max: 5000, assume: 10 }),
);
// Indexed in beforeEach, not while the file is collected: under `npm run mutation` a mutant is active only from then on.
let index: KbIndex;
beforeEach(() => {
  index = indexKb(kb);
});
const known = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries).map(([id, value]) => [id, { value, known: true } as ResolvedAnswer]));
const unknown = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries).map(([id, value]) => [id, { value, known: false } as ResolvedAnswer]));
const truth = (c: Condition, answers: Map<string, ResolvedAnswer>) => evaluate(c, answers, index);

describe('a test of one known answer', () => {
  it.each<[Condition, AnswerValue, boolean]>([
    [{ question: 'size', gte: 20 }, 20, true],
    [{ question: 'size', gte: 20 }, 19, false],
    [{ question: 'size', gt: 20 }, 20, false],
    [{ question: 'size', gt: 20 }, 21, true],
    [{ question: 'size', lte: 20 }, 20, true],
    [{ question: 'size', lte: 20 }, 21, false],
    [{ question: 'size', lt: 20 }, 20, false],
    [{ question: 'size', lt: 20 }, 19, true],
    [{ question: 'size', eq: 20 }, 20, true],
    [{ question: 'size', eq: 20 }, 21, false],
    [{ question: 'size', ne: 20 }, 20, false],
    [{ question: 'size', ne: 20 }, 21, true],
    [{ question: 'pick', in: ['a', 'c'] }, 'a', true],
    [{ question: 'pick', in: ['a', 'c'] }, 'b', false],
    [{ question: 'many', includes: 'b' }, ['a', 'b'], true],
    [{ question: 'many', includes: 'b' }, ['a'], false],
    [{ question: 'many', includes: 'b' }, 'b', false],
    [{ question: 'size', gte: 20 }, 'twenty', false],
    [{ question: 'yes', eq: true }, true, true],
    [{ question: 'yes', eq: true }, false, false],
  ])('%j with %j: %s', (c, value, expected) => {
    const id = (c as { question: string }).question;
    const e = truth(c, known({ [id]: value }));
    expect(e.point).toBe(expected);
    expect(e.truth).toBe(expected ? 'yes' : 'no');
    expect(holds(c, known({ [id]: value }))).toBe(expected);
    const position = new Map([[id, 0]]);
    expect(compileCondition(c, position)([value])).toBe(expected);
  });
});

describe('a test of one unknown answer (its assumed value gives the point)', () => {
  it.each<[Condition, AnswerValue, boolean, string]>([
    [{ question: 'size', gte: 1 }, 10, true, 'yes'],
    [{ question: 'size', gte: 2 }, 10, true, 'unknown'],
    [{ question: 'size', gte: 101 }, 10, false, 'no'],
    [{ question: 'size', gte: 100 }, 10, false, 'unknown'],
    [{ question: 'size', gt: 0 }, 10, true, 'yes'],
    [{ question: 'size', gt: 1 }, 10, true, 'unknown'],
    [{ question: 'size', gt: 100 }, 10, false, 'no'],
    [{ question: 'size', gt: 99 }, 10, false, 'unknown'],
    [{ question: 'size', lte: 100 }, 10, true, 'yes'],
    [{ question: 'size', lte: 99 }, 10, true, 'unknown'],
    [{ question: 'size', lte: 0 }, 10, false, 'no'],
    [{ question: 'size', lte: 1 }, 10, false, 'unknown'],
    [{ question: 'size', lt: 101 }, 10, true, 'yes'],
    [{ question: 'size', lt: 100 }, 10, true, 'unknown'],
    [{ question: 'size', lt: 1 }, 10, false, 'no'],
    [{ question: 'size', lt: 2 }, 10, false, 'unknown'],
    [{ question: 'size', eq: 10 }, 10, true, 'unknown'],
    [{ question: 'size', eq: 101 }, 10, false, 'no'],
    [{ question: 'size', eq: 0 }, 10, false, 'no'],
    [{ question: 'size', eq: 'ten' }, 10, false, 'no'],
    [{ question: 'size', ne: 10 }, 10, false, 'unknown'],
    [{ question: 'size', ne: 101 }, 10, true, 'yes'],
    [{ question: 'size', ne: 0 }, 10, true, 'yes'],
    [{ question: 'size', ne: 'ten' }, 10, true, 'yes'],
    [{ question: 'size', in: [10, 11] }, 10, true, 'unknown'],
    [{ question: 'size', in: [200, 300] }, 10, false, 'no'],
    [{ question: 'level', gte: 1 }, 3, true, 'yes'],
    [{ question: 'level', in: [1, 2, 3, 4, 5] }, 3, true, 'yes'],
    [{ question: 'yes', eq: true }, true, true, 'unknown'],
    [{ question: 'yes', in: [true, false] }, true, true, 'yes'],
    [{ question: 'pick', in: ['a', 'b'] }, 'a', true, 'yes'],
    [{ question: 'pick', eq: 'b' }, 'a', false, 'unknown'],
    [{ question: 'pick', eq: 'z' }, 'a', false, 'no'],
    [{ question: 'many', includes: 'c' }, ['a'], false, 'unknown'],
    // 5,001 whole numbers are too many to enumerate: an `in` test on them stays open.
    [{ question: 'big', in: [-1] }, 10, false, 'unknown'],
    [{ question: 'big', gte: 0 }, 10, true, 'yes'],
  ])('%j, unknown (assumed %j): point %s, truth %s', (c, value, point, expected) => {
    const id = (c as { question: string }).question;
    const e = truth(c, unknown({ [id]: value }));
    expect(e.point).toBe(point);
    expect(e.truth).toBe(expected);
  });
  it('a question the bank does not have, or an answer not given, never holds', () => {
    expect(truth({ question: 'nope', gte: 1 }, known({ nope: 3 })).truth).toBe('no');
    expect(truth({ question: 'size', gte: 1 }, known({})).truth).toBe('no');
    expect(holds({ question: 'size', gte: 1 }, known({}))).toBe(false);
    expect(compileCondition({ question: 'nope', gte: 1 }, new Map())([3])).toBe(false);
  });
});

describe('all, any, not (Kleene)', () => {
  const Y: Condition = { question: 'size', gte: 5 }; // known 10: yes
  const N: Condition = { question: 'size', lt: 5 }; // known 10: no
  const U: Condition = { question: 'level', gte: 4 }; // unknown, assumed 3: point false, open
  const V: Condition = { question: 'level', lte: 4 }; // unknown, assumed 3: point true, open
  const answers = new Map([...known({ size: 10 }), ...unknown({ level: 3 })]);
  it.each<[string, Condition, boolean, string]>([
    ['all(yes, yes)', { all: [Y, Y] }, true, 'yes'],
    ['all(yes, no)', { all: [Y, N] }, false, 'no'],
    ['all(yes, open)', { all: [Y, V] }, true, 'unknown'],
    ['all(no, open)', { all: [N, V] }, false, 'no'],
    ['all(open, open) with a false point', { all: [V, U] }, false, 'unknown'],
    ['any(no, no)', { any: [N, N] }, false, 'no'],
    ['any(no, yes)', { any: [N, Y] }, true, 'yes'],
    ['any(no, open)', { any: [N, U] }, false, 'unknown'],
    ['any(yes, open)', { any: [Y, U] }, true, 'yes'],
    ['any(open, open) with a true point', { any: [U, V] }, true, 'unknown'],
    ['not(yes)', { not: Y }, false, 'no'],
    ['not(no)', { not: N }, true, 'yes'],
    ['not(open, point false)', { not: U }, true, 'unknown'],
    ['not(open, point true)', { not: V }, false, 'unknown'],
  ])('%s: point %s, truth %s', (_name, c, point, expected) => {
    const e = truth(c, answers);
    expect(e.point).toBe(point);
    expect(e.truth).toBe(expected);
    const full = new Map([...known({ size: 10, level: 3 })]);
    expect(holds(c, full)).toBe(point);
    const position = new Map([['size', 0], ['level', 1]]);
    expect(compileCondition(c, position)([10, 3])).toBe(point);
  });
  it('reads each question once, in reading order', () => {
    const c: Condition = { any: [{ all: [Y, U] }, { not: { question: 'pick', eq: 'a' } }, N] };
    expect(readsOf(c)).toEqual(['size', 'level', 'pick']);
    expect(readsOf(c)).toBe(readsOf(c));
  });
});

describe('possibleValues', () => {
  const q = (id: string) => index.questions.get(id)!;
  it.each<[string, AnswerValue[] | undefined]>([
    ['level', [1, 2, 3, 4, 5]],
    ['yes', [true, false]],
    ['pick', ['a', 'b']],
    ['many', [[], ['a'], ['b'], ['a', 'b'], ['c'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']]],
    ['big', undefined],
  ])('%s → %j', (id, values) => expect(possibleValues(q(id))).toEqual(values));
  it('whole numbers: every one between the bounds, up to 2,001 of them', () => {
    expect(possibleValues(q('size'))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(possibleValues(question('n', { type: 'integer', min: 0, max: 2000 }))).toHaveLength(2001);
    expect(possibleValues(question('n', { type: 'integer', min: 0, max: 2001 }))).toBeUndefined();
    expect(possibleValues(question('r', { type: 'rank', options: options('a', 'b') }))).toBeUndefined();
    expect(possibleValues(question('m', { type: 'multi', options: options(...'abcdefghijk') }))).toBeUndefined();
    expect(possibleValues(question('m', { type: 'multi', options: options(...'abcdefghij') }))).toHaveLength(1024);
  });
});

describe('breakpointsOf', () => {
  it('collects every number a condition compares with, per question', () => {
    const into = new Map<string, Set<number>>();
    breakpointsOf({ all: [{ question: 'size', gte: 6 }, { any: [{ question: 'size', lt: 40 }, { not: { question: 'share', in: [10, 'x', 20] } }] }, { question: 'pick', eq: 'a' }, { question: 'level', ne: 2 }, { question: 'level', eq: 4 }, { question: 'share', gt: 5 }, { question: 'share', lte: 7 }] }, into);
    expect(Object.fromEntries([...into].map(([q, s]) => [q, [...s].sort((a, b) => a - b)]))).toEqual({ size: [6, 40], share: [5, 7, 10, 20], level: [2, 4] });
  });
});
