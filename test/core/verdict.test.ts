import { describe, expect, it } from 'vitest';
import { CLEAR_FIRST, CLEARLY_BETTER, TOP_SET, verdictOf, type VerdictInput } from '../../src/core/verdict.js';

/*
 * The verdict (src/core/verdict.ts) as a table: the figures of SMAA-2 in, one of four
 * verdicts out, at and either side of each threshold (clear first 0.6, top set 0.25,
 * clearly better than today 0.8).
 */
const input = (first: Record<string, number>, beatsLeader: Record<string, number>, extra: Partial<VerdictInput> = {}): VerdictInput => ({
  order: Object.keys(first),
  first: new Map(Object.entries(first)),
  beatsLeader: new Map(Object.entries(beatsLeader)),
  workable: new Set(Object.keys(first)),
  ...extra,
});

describe('verdictOf', () => {
  it('states its thresholds', () => {
    expect([CLEAR_FIRST, TOP_SET, CLEARLY_BETTER]).toEqual([0.6, 0.25, 0.8]);
    expect(verdictOf(input({ a: 1 }, {})).thresholds).toEqual({ clearFirst: 0.6, topSet: 0.25, clearlyBetter: 0.8 });
  });

  it.each<[string, VerdictInput, string, string | undefined, string[]]>([
    ['first in 60 %: clear', input({ a: 0.6, b: 0.3, c: 0.1 }, { b: 0.4, c: 0.2 }), 'clear', 'a', ['a']],
    ['first in 59.9 %: the leader and every model that beats it in at least 25 %', input({ a: 0.599, b: 0.3, c: 0.101 }, { b: 0.4, c: 0.25 }), 'undecided', 'a', ['a', 'b', 'c']],
    ['a rival beating the leader in 24.9 % is told apart', input({ a: 0.5, b: 0.3, c: 0.2 }, { b: 0.3, c: 0.249 }), 'indistinguishable', 'a', ['a', 'b']],
    ['nobody beats the leader often enough: the leader alone, yet not clear', input({ a: 0.55, b: 0.25, c: 0.2 }, { b: 0.2, c: 0.1 }), 'indistinguishable', 'a', ['a']],
    ['every workable model in the top set: the evidence does not decide', input({ a: 0.4, b: 0.35, c: 0.25 }, { b: 0.45, c: 0.3 }), 'undecided', 'a', ['a', 'b', 'c']],
    ['an unworkable model is never a candidate, even listed first', input({ x: 0.7, a: 0.2, b: 0.1 }, { a: 0.3, b: 0.3 }, { workable: new Set(['a', 'b']) }), 'undecided', 'a', ['a', 'b']],
    ['no workable model: undecided, no leader', input({ x: 1 }, {}, { workable: new Set() }), 'undecided', undefined, []],
    ['today leads: keep it', input({ t: 0.5, a: 0.5 }, { a: 0.5 }, { today: 't', beatsToday: new Map([['a', 0.9]]) }), 'keep', 't', ['t']],
    ['no alternative beats today in 80 %: keep it', input({ a: 0.7, t: 0.3 }, { t: 0.3 }, { today: 't', beatsToday: new Map([['a', 0.799]]) }), 'keep', 't', ['t']],
    ['an alternative beats today in 80 %: decide among the models', input({ a: 0.7, t: 0.3 }, { t: 0.3 }, { today: 't', beatsToday: new Map([['a', 0.8]]) }), 'clear', 'a', ['a']],
    ['today unworkable: no keeping it', input({ a: 0.7, t: 0.3 }, { t: 0.3 }, { today: 't', workable: new Set(['a']), beatsToday: new Map() }), 'clear', 'a', ['a']],
    ['today without comparisons counts as never beaten', input({ a: 0.7, t: 0.3 }, { t: 0.3 }, { today: 't' }), 'keep', 't', ['t']],
    ["today's figure against itself is no alternative beating it", input({ a: 0.7, t: 0.3 }, { t: 0.3 }, { today: 't', beatsToday: new Map([['a', 0.1], ['t', 0.9]]) }), 'keep', 't', ['t']],
  ])('%s', (_name, given, kind, leader, models) => {
    const v = verdictOf(given);
    expect(v.kind).toBe(kind);
    expect(v.leader).toBe(leader);
    expect(v.models).toEqual(models);
  });
});
