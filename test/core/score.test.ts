import { describe, expect, it } from 'vitest';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { example, repoEngine, repoKb, resultWith } from '../helpers/kb.js';

const kb = repoKb();
const scoreOf = (overrides: Record<string, unknown>, model: string) => {
  const entry = resultWith(overrides).ranking.find((r) => r.model === model);
  if (!entry) throw new Error(`no model ${model}`);
  return entry;
};

/** Each case names the finding of the review it protects. */
describe('the scores follow the review', () => {
  it('a large office whose measures work is crowded out scores specialised above integrated generalist [integrated-rule-work-crowds-out-measures, Helgøy 2003]', () => {
    const answers = { 'staff-fte': 60, 'share-rule-logic': 45, 'share-means-end-logic': 40, 'share-crisis-logic': 15, 'rule-work-crowds-out': 5 };
    expect(scoreOf(answers, 'specialised').score).toBeGreaterThan(scoreOf(answers, 'integrated-generalist').score);
  });

  it.each(['centrelink-style', 'nav-co-located'])(
    'many users in the residual categories lower %s [npm-less-complex-users-gain-complex-users-do-not-fit, Blom 1998; nav-polarised-user-experience, Møller 2004, 2005]',
    (model) => {
      const many = scoreOf({ 'share-complex-needs': 70, 'share-long-term-recipients': 60 }, model);
      const few = scoreOf({ 'share-complex-needs': 10, 'share-long-term-recipients': 10 }, model);
      expect(many.score).toBeLessThan(few.score);
      const complex = (r: typeof many) => r.criteria.find((c) => c.criterion === 'complex-needs')!.performance;
      expect(complex(many)).toBeLessThan(complex(few));
    },
  );

  it('weak capacity for cooperation lowers centrelink-style [centrelink-works-where-cooperation-capacity, Halligan 2004]', () => {
    const weak = scoreOf({ 'cooperation-capacity': 1 }, 'centrelink-style');
    const strong = scoreOf({ 'cooperation-capacity': 5 }, 'centrelink-style');
    expect(weak.score).toBeLessThan(strong.score);
    expect(weak.misfit.some((r) => r.findings.includes('centrelink-works-where-cooperation-capacity'))).toBe(true);
  });

  it('a failed precondition is shown with its finding and ranked after every workable model [four-degrees-of-specialisation]', () => {
    const result = resultWith({ 'staff-fte': 3 });
    const specialised = result.ranking.find((r) => r.model === 'specialised')!;
    expect(specialised.feasible).toBe(false);
    const failed = specialised.preconditions.find((p) => p.status === 'failed')!;
    expect(failed.findings.length).toBeGreaterThan(0);
    expect(specialised.misfit[0]).toMatchObject({ kind: 'precondition', id: failed.id });
    expect(specialised.acceptability.first).toBe(0);
    const firstUnworkable = result.ranking.findIndex((r) => !r.feasible);
    expect(result.ranking.slice(firstUnworkable).every((r) => !r.feasible)).toBe(true);
    expect(result.verdict.models).not.toContain('specialised');
  });

  it('a "don\'t know" on staff size leaves the precondition open, with the chance that it is met', () => {
    const specialised = scoreOf({ 'staff-fte': 'dont-know' }, 'specialised');
    expect(specialised.feasible).toBe(true);
    const open = specialised.preconditions.find((p) => p.reads.includes('staff-fte'))!;
    expect(open.status).toBe('unknown');
    expect(open.probability).toBeGreaterThan(0);
    expect(open.probability).toBeLessThan(1);
  });

  it('no single model leads for every example municipality', () => {
    const leaders = new Set(['bygdvik', 'elvestad', 'bydel-nord', 'fjordby'].map((name) => scoreMunicipality(repoEngine(), example(name), { lang: 'en', samples: 500, seed: 1, skipSearches: true }).verdict.leader));
    expect(leaders.size).toBeGreaterThan(1);
  });
});

describe('weights follow the municipality', () => {
  const weightOf = (overrides: Record<string, unknown>, criterion: string) => resultWith(overrides).weights.find((w) => w.criterion === criterion)!.weight;
  it('a larger share of rule work gives rule administration more weight', () => {
    const weight = (share: number) => weightOf({ 'share-rule-logic': share, 'share-means-end-logic': 100 - share - 10, 'share-crisis-logic': 10 }, 'rule-administration');
    expect(weight(80)).toBeGreaterThan(weight(20));
  });
  it('stated priorities weigh their criteria', () => {
    expect(weightOf({ 'priority-control': 5 }, 'control-economy')).toBeGreaterThan(weightOf({ 'priority-control': 1 }, 'control-economy'));
  });
  it('normalised weights add up to 1', () => {
    expect(resultWith({}).weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 3);
  });
});

describe('evidence and uncertainty', () => {
  it('every contribution carries findings, references and a grade with its spread', () => {
    for (const entry of resultWith({}).ranking) {
      for (const c of entry.criteria) {
        expect(c.contributions.length).toBeGreaterThan(0);
        for (const x of c.contributions) {
          expect(x.findings.length).toBeGreaterThan(0);
          expect(x.references.length).toBeGreaterThan(0);
          expect(['high', 'moderate', 'low', 'very-low']).toContain(x.confidence);
          expect(x.sd).toBeGreaterThan(0);
        }
      }
    }
  });
  it('"don\'t know" answers are listed as assumptions with the centre of their prior', () => {
    expect(resultWith({ 'access-jobs': 'dont-know' }).assumptions).toContainEqual({ question: 'access-jobs', text: expect.any(String), assumed: 3 });
  });
  it('evidence gaps name single-study and very-low-confidence contributions', () => {
    const gaps = resultWith({}).ranking.flatMap((r) => r.evidenceGaps);
    expect(gaps.some((g) => g.gap === 'single-study')).toBe(true);
    const grade = new Map(kb.findings.map((f) => [f.id, f.confidence]));
    for (const gap of gaps.filter((g) => g.gap === 'very-low-confidence')) expect(gap.findings.every((id) => grade.get(id) === 'very-low')).toBe(true);
  });
});

describe('the result contract (orgfit/result@1)', () => {
  it('resolves every finding and reference key it uses', () => {
    const result = scoreMunicipality(repoEngine(), example('bydel-nord'), { lang: 'nb', samples: 200, seed: 1 });
    expect(result.format).toBe('orgfit/result@1');
    for (const entry of result.ranking) {
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
  it('is byte-for-byte deterministic, adaptive sampling included', () => {
    const run = () => JSON.stringify(scoreMunicipality(repoEngine(), example('elvestad'), { lang: 'en', seed: 7 }));
    expect(run()).toBe(run());
  });
  it('shares no mutable object between results', () => {
    const a = scoreMunicipality(repoEngine(), example('elvestad'), { lang: 'en', seed: 7, samples: 100, skipSearches: true });
    const b = scoreMunicipality(repoEngine(), example('elvestad'), { lang: 'en', seed: 7, samples: 100, skipSearches: true });
    const key = Object.keys(a.findings)[0]!;
    a.findings[key]!.references.push('edited');
    a.ranking[0]!.criteria[0]!.contributions[0]!.findings.push('edited');
    expect(b.findings[key]!.references).not.toContain('edited');
    expect(b.ranking[0]!.criteria[0]!.contributions[0]!.findings).not.toContain('edited');
  });
});
