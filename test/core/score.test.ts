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

  it.each(['specialised', 'integrated-generalist', 'matrix', 'organic-team'])(
    'inside a NAV office, many users in the residual categories lower %s and flag the misfit [nav-polarised-user-experience, Møller 2004, 2005]',
    (model) => {
      const many = scoreOf({ frame: 'nav-office', 'share-complex-needs': 70, 'share-long-term-recipients': 60 }, model);
      const few = scoreOf({ frame: 'nav-office', 'share-complex-needs': 10, 'share-long-term-recipients': 10 }, model);
      expect(many.score).toBeLessThan(few.score);
      const complex = (r: typeof many) => r.criteria.find((c) => c.criterion === 'complex-needs')!;
      expect(complex(many).performance).toBeLessThan(complex(few).performance);
      // The frame's effect is in the model's own contributions, with its evidence.
      expect(complex(many).contributions.some((c) => c.kind === 'adjustment' && c.source === 'frame' && c.findings.includes('nav-polarised-user-experience'))).toBe(true);
      expect(complex(many).contributions.some((c) => c.kind === 'frame')).toBe(true);
      expect(many.misfits.map((m) => [m.id, m.source])).toContainEqual(['many-complex-needs', 'frame']);
      expect(few.misfits).toEqual([]);
    },
  );

  it('in a one-stop agency (the Centrelink scenario), weak capacity for cooperation lowers every organisation and is flagged as a misfit [centrelink-works-where-cooperation-capacity, Halligan 2004]', () => {
    for (const model of ['specialised', 'integrated-generalist']) {
      const weak = scoreOf({ frame: 'one-stop-agency', 'cooperation-capacity': 1 }, model);
      const strong = scoreOf({ frame: 'one-stop-agency', 'cooperation-capacity': 5 }, model);
      expect(weak.score).toBeLessThan(strong.score);
      expect(weak.misfits.find((m) => m.id === 'weak-cooperation-capacity')).toMatchObject({ source: 'frame', probability: 1, references: ['halligan-2004'] });
      expect(strong.misfits.some((m) => m.id === 'weak-cooperation-capacity')).toBe(false);
    }
  });

  it('a failed hard condition is shown with its finding and never outranks a workable model [matrix-organisation-continuous-competence, MacDonald 1998]', () => {
    // A matrix of two competence groups across two units cannot be staffed with 3 FTEs, whatever else is answered.
    const result = resultWith({ 'staff-fte': 3, 'share-rule-logic': 20, 'share-means-end-logic': 70, 'share-crisis-logic': 10, priorities: ['knowledge-practice', 'staff-development', 'user-participation', 'control-economy', 'coherence'] });
    const matrix = result.ranking.find((r) => r.model === 'matrix')!;
    expect(matrix.feasible).toBe(false);
    const failed = matrix.preconditions.find((p) => p.status === 'failed')!;
    expect(failed.findings).toContain('matrix-organisation-continuous-competence');
    expect(matrix.misfit[0]).toMatchObject({ kind: 'precondition', id: failed.id });
    expect(matrix.acceptability.first).toBe(0);
    const firstUnworkable = result.ranking.findIndex((r) => !r.feasible);
    expect(result.ranking.slice(firstUnworkable).every((r) => !r.feasible)).toBe(true);
    for (const workable of result.ranking.slice(0, firstUnworkable)) expect(matrix.beats[workable.model]).toBe(0);
    expect(result.verdict.models).not.toContain('matrix');
  });

  it('a "don\'t know" on staff size leaves the precondition open, with the chance that it is met', () => {
    const matrix = scoreOf({ 'staff-fte': 'dont-know' }, 'matrix');
    expect(matrix.feasible).toBe(true);
    const open = matrix.preconditions.find((p) => p.reads.includes('staff-fte'))!;
    expect(open.status).toBe('unknown');
    // The prior (3–150 FTEs on a log scale, centred on 20) puts well under 1 % of offices below 4 FTEs.
    expect(open.probability).toBeGreaterThan(0.9);
    expect(open.probability).toBeLessThanOrEqual(1);
  });

  it('no single model fits best for every example municipality', () => {
    const leaders = new Set(['bygdvik', 'elvestad', 'bydel-nord', 'fjordby', 'bergen-vest', 'fjellvik'].map((name) => scoreMunicipality(repoEngine(), example(name), { lang: 'en', samples: 500, seed: 1, skipSearches: true }).ranking[0]!.model));
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
    const first = ['control-economy', 'staff-development', 'knowledge-practice', 'user-participation', 'coherence'];
    const last = ['staff-development', 'knowledge-practice', 'user-participation', 'coherence', 'control-economy'];
    expect(weightOf({ priorities: first }, 'control-economy')).toBeGreaterThan(weightOf({ priorities: last }, 'control-economy'));
    expect(weightOf({ priorities: first }, 'user-participation')).toBeLessThan(weightOf({ priorities: last }, 'user-participation'));
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
    expect(resultWith({ 'access-measures-and-jobs': 'dont-know' }).assumptions).toContainEqual({ question: 'access-measures-and-jobs', text: expect.any(String), assumed: 3 });
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
