import { describe, expect, it } from 'vitest';
import { indexKb } from '../../src/core/kb.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { resolveAnswers, scoreModels } from '../../src/core/score.js';
import { answersWith, example, repoKb } from '../helpers/kb.js';

const kb = repoKb();
const index = indexKb(kb);
const score = (overrides: Record<string, unknown>) => scoreModels(kb, index, resolveAnswers(answersWith(overrides).answers, index));
const scoreOf = (overrides: Record<string, unknown>, model: string) => {
  const entry = score(overrides).ranking.find((r) => r.model === model);
  if (!entry) throw new Error(`no model ${model}`);
  return entry;
};
const rankOf = (overrides: Record<string, unknown>, model: string) => score(overrides).ranking.findIndex((r) => r.model === model);

/** Each case names the finding of the review it protects. */
describe('the ranking follows the review', () => {
  it('a large office whose measures work is crowded out ranks specialised above integrated generalist [integrated-rule-work-crowds-out-measures, Helgøy 2003]', () => {
    const answers = { 'staff-fte': 60, 'share-rule-logic': 45, 'share-means-end-logic': 40, 'share-crisis-logic': 15, 'rule-work-crowds-out': 5 };
    expect(rankOf(answers, 'specialised')).toBeLessThan(rankOf(answers, 'integrated-generalist'));
    expect(scoreOf(answers, 'specialised').score).toBeGreaterThan(scoreOf(answers, 'integrated-generalist').score);
  });

  it.each(['centrelink-style', 'nav-co-located'])(
    'many users in the residual categories lower %s [npm-less-complex-users-gain-complex-users-do-not-fit, Blom 1998; nav-polarised-user-experience, Møller 2004, 2005]',
    (model) => {
      const many = scoreOf({ 'share-complex-needs': 70, 'share-long-term-recipients': 60 }, model);
      const few = scoreOf({ 'share-complex-needs': 10, 'share-long-term-recipients': 10 }, model);
      expect(many.score).toBeLessThan(few.score);
      const complex = many.criteria.find((c) => c.criterion === 'complex-needs')!;
      expect(complex.performance).toBeLessThan(few.criteria.find((c) => c.criterion === 'complex-needs')!.performance);
    },
  );

  it('weak capacity for cooperation lowers centrelink-style [centrelink-works-where-cooperation-capacity, Halligan 2004]', () => {
    const weak = scoreOf({ 'cooperation-capacity': 1 }, 'centrelink-style');
    const strong = scoreOf({ 'cooperation-capacity': 5 }, 'centrelink-style');
    expect(weak.score).toBeLessThan(strong.score);
    expect(weak.misfit.some((r) => r.findings.includes('centrelink-works-where-cooperation-capacity'))).toBe(true);
  });

  it('very few staff make specialisation fail its precondition, shown with its finding and ranked after every workable model [four-degrees-of-specialisation]', () => {
    const scoring = score({ 'staff-fte': 3 });
    const specialised = scoring.ranking.find((r) => r.model === 'specialised')!;
    expect(specialised.feasible).toBe(false);
    const failed = specialised.preconditions.find((p) => p.status === 'failed')!;
    expect(failed.findings.length).toBeGreaterThan(0);
    expect(specialised.misfit[0]).toMatchObject({ kind: 'precondition', id: failed.id });
    const last = scoring.ranking.slice(scoring.ranking.findIndex((r) => !r.feasible));
    expect(last.every((r) => !r.feasible)).toBe(true);
  });

  it('a "don\'t know" on staff size leaves the precondition uncertain, not failed', () => {
    const specialised = scoreOf({ 'staff-fte': 'dont-know' }, 'specialised');
    expect(specialised.feasible).toBe(true);
    expect(specialised.preconditions.some((p) => p.status === 'unknown' || p.status === 'met')).toBe(true);
  });

  it('no single model wins for every example municipality', () => {
    const winners = new Set(['bygdvik', 'elvestad', 'bydel-nord', 'fjordby'].map((name) => scoreMunicipality(kb, kb.models, example(name), { lang: 'en', samples: 200, seed: 1 }).ranking[0]!.model));
    expect(winners.size).toBeGreaterThan(1);
  });
});

describe('weights follow the municipality', () => {
  it('a larger share of rule work gives rule administration more weight', () => {
    const weight = (share: number) => score({ 'share-rule-logic': share, 'share-means-end-logic': 100 - share - 10, 'share-crisis-logic': 10 }).weights.find((w) => w.criterion === 'rule-administration')!.weight;
    expect(weight(80)).toBeGreaterThan(weight(20));
  });
  it('stated priorities weigh their criteria', () => {
    const weight = (p: number) => score({ 'priority-control': p }).weights.find((w) => w.criterion === 'control-economy')!.weight;
    expect(weight(5)).toBeGreaterThan(weight(1));
  });
  it('normalised weights add up to 1', () => {
    const total = score({}).weights.reduce((sum, w) => sum + w.weight, 0);
    expect(total).toBeCloseTo(1, 10);
  });
});

describe('evidence and uncertainty', () => {
  it('every contribution carries findings, references and a grade', () => {
    for (const entry of score({}).ranking) {
      for (const c of entry.criteria) {
        expect(c.contributions.length).toBeGreaterThan(0);
        for (const x of c.contributions) {
          expect(x.findings.length).toBeGreaterThan(0);
          expect(x.references.length).toBeGreaterThan(0);
          expect(['high', 'moderate', 'low', 'very-low']).toContain(x.confidence);
        }
      }
    }
  });
  it('weaker evidence widens the spread of a contribution', () => {
    for (const entry of score({}).ranking) {
      for (const c of entry.criteria) {
        const baseline = c.contributions.find((x) => x.kind === 'baseline')!;
        const model = kb.models.find((m) => m.id === entry.model)!;
        expect(baseline.kind === 'baseline' && baseline.spread).toBeGreaterThanOrEqual(model.performance[c.criterion]!.spread);
      }
    }
  });
  it('"don\'t know" answers are listed as assumptions with the value assumed', () => {
    const scoring = score({ 'access-jobs': 'dont-know' });
    expect(scoring.assumptions).toContainEqual({ question: 'access-jobs', value: 3 });
  });
  it('evidence gaps name single-study and very-low-confidence contributions', () => {
    const gaps = score({}).ranking.flatMap((r) => r.evidenceGaps);
    expect(gaps.some((g) => g.gap === 'single-study')).toBe(true);
    for (const gap of gaps.filter((g) => g.gap === 'very-low-confidence')) {
      expect(gap.findings.every((id) => index.findings.get(id)!.confidence === 'very-low')).toBe(true);
    }
  });
});

describe('the result contract (orgfit/result@1)', () => {
  it('resolves every finding and reference key it uses', () => {
    const result = scoreMunicipality(kb, kb.models, example('bydel-nord'), { lang: 'nb', samples: 200, seed: 1 });
    expect(result.format).toBe('orgfit/result@1');
    for (const entry of result.ranking) {
      expect(entry.score).toBeGreaterThanOrEqual(0);
      expect(entry.score).toBeLessThanOrEqual(100);
      for (const c of entry.criteria) {
        for (const x of c.contributions) {
          for (const id of x.findings) expect(result.findings[id], id).toBeDefined();
          for (const key of x.references) expect(result.references[key], key).toBeDefined();
          expect(x.rationale.length).toBeGreaterThan(0);
        }
      }
    }
    for (const f of Object.values(result.findings)) for (const key of f.references) expect(result.references[key]).toBeDefined();
  });
  it('is byte-for-byte deterministic', () => {
    const a = JSON.stringify(scoreMunicipality(kb, kb.models, example('elvestad'), { lang: 'en', samples: 500, seed: 7 }));
    const b = JSON.stringify(scoreMunicipality(kb, kb.models, example('elvestad'), { lang: 'en', samples: 500, seed: 7 }));
    expect(a).toBe(b);
  });
});
