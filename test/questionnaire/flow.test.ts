import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/core/integrity.js';
import { indexKb } from '../../src/core/kb.js';
import {
  allSteps,
  answer,
  answersToWrite,
  atReview,
  back,
  current,
  defaultFor,
  fromFirst,
  goTo,
  positionOf,
  questionsOf,
  start,
  stepKey,
  sumState,
  toReview,
  visibleSteps,
  type Bank,
  type Progress,
  type StepAnswer,
} from '../../src/questionnaire/flow.js';
import type { Question } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const text = (s: string) => ({ nb: s, en: s });
const q = (id: string, section: string, extra: Partial<Question> = {}): Question => ({ id, section, text: text(id), help: text(`Why ${id}. More.`), feeds: ['x'], type: 'scale', dontKnow: true, assume: 3, ...extra });

/** A small bank: a sum rule of two shares, a frame question, and one asked only for NAV offices. */
const BANK: Bank = {
  sections: [
    { id: 'a', title: text('A'), intro: text('Section A') },
    { id: 'b', title: text('B'), intro: text('Section B') },
    { id: 'p', title: text('P'), intro: text('Priorities') },
  ],
  questions: [
    q('frame', 'b', { type: 'choice', options: [{ value: 'nav', label: text('NAV') }, { value: 'alone', label: text('Alone') }], dontKnow: false, assume: undefined }),
    q('share-x', 'a', { type: 'percent', assume: 60 }),
    q('share-y', 'a', { type: 'percent', assume: 40 }),
    q('nav-only', 'b', { askIf: { question: 'frame', eq: 'nav' } }),
    q('staff', 'a', { type: 'integer', min: 1, max: 100, assume: 10 }),
    q('rank', 'p', { type: 'rank', options: [{ value: 'r1', label: text('R1') }, { value: 'r2', label: text('R2') }], assume: undefined }),
  ],
  sums: [{ id: 'shares', questions: ['share-x', 'share-y'], total: 100, tolerance: 5, message: text('add up') }],
};

const keys = (p: Progress, bank = BANK) => visibleSteps(bank, p).map(stepKey);
const values = (values: Record<string, unknown>): StepAnswer => ({ kind: 'answers', values: values as Record<string, never> });

describe('the steps', () => {
  it('are role, name, then the questions by section order, a sum rule as one step where its first question is', () => {
    expect(allSteps(BANK).map(stepKey)).toEqual(['role', 'municipality', 'shares', 'staff', 'frame', 'nav-only', 'rank']);
  });

  it('on the real bank: every question is in exactly one step, and the task shares are asked together', () => {
    const kb = repoKb();
    const asked = allSteps(kb).flatMap(questionsOf).map((x) => x.id);
    expect([...asked].sort()).toEqual(kb.questions.map((x) => x.id).sort());
    const sum = allSteps(kb).find((s) => s.kind === 'sum');
    expect(sum && questionsOf(sum).map((x) => x.id)).toEqual(['share-rule-logic', 'share-means-end-logic', 'share-crisis-logic']);
  });

  it('position counts questions, so the sum step covers 1–2 and the next question is 3 of 6', () => {
    const p = start();
    const steps = visibleSteps(BANK, p);
    expect(positionOf(BANK, p, steps[2]!)).toMatchObject({ first: 1, last: 2, total: 6, section: { id: 'a' } });
    expect(positionOf(BANK, p, steps[3]!)).toMatchObject({ first: 3, last: 3, total: 6 });
    expect(positionOf(BANK, p, steps[0]!)).toMatchObject({ first: 0, total: 6 });
  });
});

describe('conditions the bank declares', () => {
  it('a question is asked while its condition may hold, and skipped once the answer rules it out', () => {
    expect(keys(start())).toContain('nav-only'); // frame not answered yet: undecided, so asked
    expect(keys({ ...start(), answers: { frame: 'nav' } })).toContain('nav-only');
    expect(keys({ ...start(), answers: { frame: 'alone' } })).not.toContain('nav-only');
  });

  it('answering the frame "alone" moves on past the hidden question to the ranking', () => {
    let p = start();
    p = answer(BANK, p, { kind: 'role', role: 'leader' });
    p = answer(BANK, p, { kind: 'municipality', name: 'X' });
    p = answer(BANK, p, values({ 'share-x': 50, 'share-y': 50 }));
    p = answer(BANK, p, values({ staff: 12 }));
    expect(stepKey(current(BANK, p)!)).toBe('frame');
    p = answer(BANK, p, values({ frame: 'alone' }));
    expect(stepKey(current(BANK, p)!)).toBe('rank');
  });

  it('a hidden question is written as "dont-know", even if it was answered before it was hidden', () => {
    const p: Progress = { ...start(), municipality: 'X', answers: { frame: 'alone', 'nav-only': 5 } };
    expect(answersToWrite(BANK, p)['nav-only']).toBe('dont-know');
    expect(answersToWrite(BANK, { ...p, answers: { frame: 'nav', 'nav-only': 5 } })['nav-only']).toBe(5);
  });
});

describe('going back, the review and changing an answer', () => {
  it('back keeps the answer given and stops at the first step', () => {
    let p = answer(BANK, start(), { kind: 'role', role: 'politician' });
    p = answer(BANK, p, { kind: 'municipality', name: 'Bygdvik' });
    p = back(p);
    expect(stepKey(current(BANK, p)!)).toBe('municipality');
    expect(p.municipality).toBe('Bygdvik');
    expect(back(back(back(p))).cursor).toBe(0);
  });

  it('goTo finds the step of a question inside a sum rule, and leaves the cursor for an unknown id', () => {
    const p = toReview(BANK, start());
    expect(atReview(BANK, p)).toBe(true);
    expect(stepKey(current(BANK, goTo(BANK, p, 'share-y'))!)).toBe('shares');
    expect(goTo(BANK, p, 'no-such')).toBe(p);
  });
});

describe('defaults: Enter moves on without inventing a fact', () => {
  it('the answer given before comes first, then "dont-know" where allowed, then the assumption or the first option', () => {
    const [frame, shareX, , , staff] = BANK.questions;
    expect(defaultFor(shareX!, { 'share-x': 55 })).toBe(55);
    expect(defaultFor(shareX!, {})).toBe('dont-know');
    expect(defaultFor(staff!, {})).toBe('dont-know');
    expect(defaultFor(frame!, {})).toBe('nav');
  });
});

describe('the sum rule, as the validator applies it', () => {
  const rule = BANK.sums[0]!;
  it.each([
    [[50, 50], { sum: 100, complete: true, ok: true }],
    [[50, 44], { sum: 94, complete: true, ok: false }],
    [[50, 55], { sum: 105, complete: true, ok: true }],
    [[60, 'dont-know'], { sum: 60, complete: false, ok: true }],
    [[106, 'dont-know'], { sum: 106, complete: false, ok: false }],
    [[12.5, 87.5], { sum: 100, complete: true, ok: true }],
  ])('%j gives %j', (shares, expected) => {
    expect(sumState(rule, shares as never)).toEqual(expected);
  });
});

describe('a second respondent (--from)', () => {
  it('keeps the first one\'s facts and asks only the priorities and the "dont-know" answers', () => {
    const p = fromFirst(BANK, { municipality: 'Bygdvik', answers: { frame: 'nav', 'share-x': 50, 'share-y': 'dont-know', staff: 8, 'nav-only': 2, rank: ['r2', 'r1'] } });
    expect(p.municipality).toBe('Bygdvik');
    expect(p.ask).toEqual(['share-y', 'rank']);
    expect(keys(p)).toEqual(['role', 'municipality', 'shares', 'rank']);
    expect(answersToWrite(BANK, p)).toMatchObject({ frame: 'nav', 'share-x': 50, staff: 8, 'nav-only': 2, 'share-y': 'dont-know', rank: 'dont-know' });
  });
});

describe('properties', () => {
  const kb = repoKb();
  const index = indexKb(kb);
  const steps = allSteps(kb);
  // One move: answer the step at the cursor with one of its valid answers (or "dont-know"), go back, or jump to a question.
  const move = fc.oneof(
    fc.record({ kind: fc.constant('answer' as const), pick: fc.nat(), dontKnow: fc.boolean() }),
    fc.record({ kind: fc.constant('back' as const) }),
    fc.record({ kind: fc.constant('goto' as const), at: fc.nat(steps.length - 1) }),
  );
  const valid = (question: Question, pick: number, dontKnow: boolean): unknown => {
    if (dontKnow && question.dontKnow) return 'dont-know';
    const options = (question.options ?? []).map((o) => o.value);
    switch (question.type) {
      case 'choice':
        return options[pick % options.length];
      case 'multi':
        return options.filter((_, i) => (pick >> i) & 1);
      case 'rank':
        return [...options].sort((a, b) => ((a.length * 7 + pick) % 5) - ((b.length * 7 + pick) % 5) || a.localeCompare(b));
      case 'scale':
        return 1 + (pick % 5);
      case 'boolean':
        return pick % 2 === 0;
      case 'percent':
        return pick % 101;
      case 'integer':
        return (question.min ?? 0) + (pick % ((question.max ?? 100) - (question.min ?? 0) + 1));
    }
  };

  it('any sequence of answers, backs and jumps keeps the cursor in range, and what is written always passes the validator', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        let p: Progress = start();
        for (const m of moves) {
          const step = current(kb, p);
          if (m.kind === 'back') p = back(p);
          else if (m.kind === 'goto') p = goTo(kb, p, stepKey(steps[m.at]!));
          else if (!step) continue;
          else if (step.kind === 'role') p = answer(kb, p, { kind: 'role', role: 'leader' });
          else if (step.kind === 'municipality') p = answer(kb, p, { kind: 'municipality', name: 'X' });
          else if (step.kind === 'sum') {
            // Shares that meet the rule: the first gets what the others leave.
            const rest = step.questions.slice(1).map((_, i) => ((m.pick >> (i * 3)) % 4) * 10);
            const first = step.rule.total - rest.reduce((a, b) => a + b, 0);
            const answers = Object.fromEntries(step.questions.map((x, i) => [x.id, i === 0 ? first : rest[i - 1]]));
            p = answer(kb, p, values(answers));
          } else p = answer(kb, p, values({ [step.question.id]: valid(step.question, m.pick, m.dontKnow) }));
          const visible = visibleSteps(kb, p).length;
          expect(p.cursor).toBeGreaterThanOrEqual(0);
          expect(p.cursor).toBeLessThanOrEqual(visible);
        }
        const written = answersToWrite(kb, p);
        expect(Object.keys(written)).toEqual(kb.questions.map((x) => x.id));
        expect(checkAnswers(written, kb, index)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('answering every step in turn reaches the review after exactly as many steps as there are', () => {
    fc.assert(
      fc.property(fc.nat(), (pick) => {
        let p = start();
        let n = 0;
        while (!atReview(kb, p)) {
          const step = current(kb, p)!;
          const given: StepAnswer =
            step.kind === 'role'
              ? { kind: 'role', role: 'consultant' }
              : step.kind === 'municipality'
                ? { kind: 'municipality', name: 'Y' }
                : values(Object.fromEntries(questionsOf(step).map((x) => [x.id, 'dont-know'])));
          p = answer(kb, p, given);
          n++;
          void pick;
        }
        expect(n).toBe(steps.length);
      }),
      { numRuns: 5 },
    );
  });
});
