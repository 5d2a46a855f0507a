import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexKb } from '../../src/core/kb.js';
import { analyseRobustness } from '../../src/core/robustness.js';
import { resolveAnswers, scoreModels } from '../../src/core/score.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { Result } from '../../src/schema/result.js';
import type { AnswerValue, Question } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const kb = repoKb();
const index = indexKb(kb);
const TASK_SHARES = ['share-rule-logic', 'share-means-end-logic', 'share-crisis-logic'];

function valueOf(question: Question): fc.Arbitrary<AnswerValue> {
  const values: fc.Arbitrary<AnswerValue> = (() => {
    switch (question.type) {
      case 'percent':
        return fc.integer({ min: 0, max: 100 });
      case 'scale':
        return fc.integer({ min: 1, max: 5 });
      case 'integer':
        return fc.integer({ min: question.min ?? 0, max: Math.min(question.max ?? 1000, 1000) });
      case 'boolean':
        return fc.boolean();
      case 'choice':
        return fc.constantFrom(...question.options!.map((o) => o.value));
      case 'multi':
        return fc.subarray(question.options!.map((o) => o.value));
    }
  })();
  return question.dontKnow ? fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: fc.constant('dont-know') }) : values;
}

/** Any valid set of answers: every question answered or "don't know", task shares adding up to 100. */
const answersArb = fc
  .tuple(
    fc.record(Object.fromEntries(kb.questions.map((q) => [q.id, valueOf(q)]))),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
  )
  .map(([answers, a, b]) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    return { ...answers, [TASK_SHARES[0]!]: low, [TASK_SHARES[1]!]: high - low, [TASK_SHARES[2]!]: 100 - high } as Record<string, AnswerValue>;
  });

const run = (answers: Record<string, AnswerValue>, models = kb.models) => scoreModels(kb, index, resolveAnswers(answers, index), models);

describe('invariants of the scoring engine', () => {
  it('scores and their intervals stay within 0–100, intervals contain the score', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        for (const entry of run(answers).ranking) {
          expect(entry.score).toBeGreaterThanOrEqual(0);
          expect(entry.score).toBeLessThanOrEqual(100);
          expect(entry.interval[0]).toBeLessThanOrEqual(entry.score);
          expect(entry.interval[1]).toBeGreaterThanOrEqual(entry.score);
          expect(entry.interval[0]).toBeGreaterThanOrEqual(0);
          expect(entry.interval[1]).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the ranking is sorted: workable models first, then by score', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const ranking = run(answers).ranking;
        for (let i = 1; i < ranking.length; i++) {
          const [a, b] = [ranking[i - 1]!, ranking[i]!];
          if (a.feasible === b.feasible) expect(a.score).toBeGreaterThanOrEqual(b.score);
          else expect(a.feasible).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every contribution is cited by findings that exist, with references that exist', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        for (const entry of run(answers).ranking) {
          for (const c of entry.criteria) {
            for (const x of c.contributions) {
              expect(x.findings.length).toBeGreaterThan(0);
              for (const id of x.findings) expect(index.findings.has(id)).toBe(true);
              for (const key of x.references) expect(index.references.has(key)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('permuting the model files does not change the result', () => {
    fc.assert(
      fc.property(answersArb, fc.shuffledSubarray(kb.models, { minLength: kb.models.length }), (answers, shuffled) => {
        expect(JSON.stringify(run(answers, shuffled))).toBe(JSON.stringify(run(answers)));
      }),
      { numRuns: 100 },
    );
  });

  it('removing a model never reorders the others (no rank reversal)', () => {
    fc.assert(
      fc.property(answersArb, fc.nat({ max: kb.models.length - 1 }), (answers, drop) => {
        const all = run(answers).ranking.map((r) => r.model);
        const removed = kb.models[drop]!.id;
        const fewer = run(answers, kb.models.filter((m) => m.id !== removed)).ranking.map((r) => r.model);
        expect(fewer).toEqual(all.filter((id) => id !== removed));
      }),
      { numRuns: 100 },
    );
  });

  it('a "don\'t know" never narrows an interval (compared with answering what it assumes)', () => {
    const unsure = kb.questions.filter((q) => q.dontKnow);
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...unsure), (answers, question) => {
        const known = run({ ...answers, [question.id]: question.assume! });
        const unknown = run({ ...answers, [question.id]: 'dont-know' });
        for (const entry of known.ranking) {
          const other = unknown.ranking.find((r) => r.model === entry.model)!;
          expect(other.score).toBeCloseTo(entry.score, 9);
          expect(other.interval[0]).toBeLessThanOrEqual(entry.interval[0] + 1e-9);
          expect(other.interval[1]).toBeGreaterThanOrEqual(entry.interval[1] - 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the robustness analysis is a probability distribution and deterministic for a seed', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), (answers, seed) => {
        const resolved = resolveAnswers(answers, index);
        const scoring = scoreModels(kb, index, resolved);
        const a = analyseRobustness(kb, index, resolved, scoring, kb.models, { samples: 200, seed });
        const b = analyseRobustness(kb, index, resolved, scoring, kb.models, { samples: 200, seed });
        expect(a).toEqual(b);
        const total = a.models.reduce((sum, m) => sum + m.first, 0);
        expect(total).toBeCloseTo(1, 2);
        for (const m of a.models) expect(m.meanRank).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 30 },
    );
  });

  it('every result meets the published contract (orgfit/result@1), whatever the answers', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom('nb' as const, 'en' as const), (answers, lang) => {
        const result = scoreMunicipality(kb, kb.models, { format: 'orgfit/answers@1', municipality: 'M', answers }, { lang, samples: 30, seed: 1 });
        const parsed = Result.safeParse(JSON.parse(JSON.stringify(result)));
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
