import { describe, expect, it } from 'vitest';
import { evaluate, possibleValues, type ResolvedAnswer } from '../../src/core/conditions.js';
import { indexKb } from '../../src/core/kb.js';
import type { Condition } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const index = indexKb(repoKb());
const answers = (entries: Record<string, [unknown, boolean]>) =>
  new Map(Object.entries(entries).map(([id, [value, known]]) => [id, { value, known } as ResolvedAnswer]));

describe('evaluate (three-valued logic over answers)', () => {
  it.each<[string, Condition, Record<string, [unknown, boolean]>, boolean, string]>([
    ['gte on a known number', { question: 'staff-fte', gte: 6 }, { 'staff-fte': [6, true] }, true, 'yes'],
    ['lt on a known number', { question: 'staff-fte', lt: 6 }, { 'staff-fte': [6, true] }, false, 'no'],
    ['eq on a choice', { question: 'steering-style', eq: 'purchaser-provider' }, { 'steering-style': ['purchaser-provider', true] }, true, 'yes'],
    ['in on a choice', { question: 'state-agency-relation', in: ['co-located', 'integrated'] }, { 'state-agency-relation': ['none', true] }, false, 'no'],
    ['includes on a multi', { question: 'user-groups', includes: 'refugees' }, { 'user-groups': [['refugees'], true] }, true, 'yes'],
    ['unknown answer that could go either way', { question: 'cooperation-capacity', lte: 2 }, { 'cooperation-capacity': [3, false] }, false, 'unknown'],
    ['unknown answer that every value satisfies', { question: 'cooperation-capacity', gte: 1 }, { 'cooperation-capacity': [3, false] }, true, 'yes'],
    ['unknown answer that no value satisfies', { question: 'share-complex-needs', gt: 100 }, { 'share-complex-needs': [30, false] }, false, 'no'],
    ['all: a no decides even next to an unknown', { all: [{ question: 'staff-fte', lt: 6 }, { question: 'cooperation-capacity', lte: 2 }] }, { 'staff-fte': [10, true], 'cooperation-capacity': [3, false] }, false, 'no'],
    ['any: a yes decides even next to an unknown', { any: [{ question: 'staff-fte', gte: 6 }, { question: 'cooperation-capacity', lte: 2 }] }, { 'staff-fte': [10, true], 'cooperation-capacity': [3, false] }, true, 'yes'],
    ['not of unknown stays unknown', { not: { question: 'cooperation-capacity', lte: 2 } }, { 'cooperation-capacity': [3, false] }, true, 'unknown'],
  ])('%s', (_name, condition, given, point, truth) => {
    const result = evaluate(condition, answers(given), index);
    expect(result.point).toBe(point);
    expect(result.truth).toBe(truth);
  });

  it('lists the questions it read, once each', () => {
    const result = evaluate(
      { all: [{ question: 'staff-fte', gte: 6 }, { not: { question: 'staff-fte', gt: 100 } }, { question: 'access-jobs', gte: 4 }] },
      answers({ 'staff-fte': [10, true], 'access-jobs': [4, true] }),
      index,
    );
    expect(result.reads).toEqual(['staff-fte', 'access-jobs']);
  });

  it('enumerates the possible answers of small questions', () => {
    expect(possibleValues(index.questions.get('cooperation-capacity')!)).toEqual([1, 2, 3, 4, 5]);
    expect(possibleValues(index.questions.get('share-complex-needs')!)).toHaveLength(101);
    expect(possibleValues(index.questions.get('user-groups')!)).toHaveLength(16);
  });
});
