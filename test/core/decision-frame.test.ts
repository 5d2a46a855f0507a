/*
 * The decision as the review frames it, on the repository's own knowledge base: the
 * organisation of the social service ranked inside its NAV office, today's organisation
 * as the reference, and each internal organisation the clear first choice somewhere the
 * review would lead one to expect it (issue 8's "must show").
 */
import { describe, expect, it } from 'vitest';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { answersWith, example, repoEngine, repoKb, resultWith } from '../helpers/kb.js';
import type { AnswersFile } from '../../src/schema/index.js';

const kb = repoKb();
const organisations = kb.models.filter((m) => m.kind !== 'frame').map((m) => m.id);
const frames = kb.models.filter((m) => m.kind === 'frame').map((m) => m.id);
const score = (file: AnswersFile, samples = 4000) => scoreMunicipality(repoEngine(), file, { lang: 'en', seed: 1, samples, skipSearches: true });
const first = (result: ReturnType<typeof score>, model: string) => result.ranking.find((r) => r.model === model)!.acceptability.first;

describe('inside a NAV office', () => {
  const result = resultWith({ frame: 'nav-office', 'share-complex-needs': 65, 'share-long-term-recipients': 55 });

  it('ranks the internal organisations within the frame, never the frame against them', () => {
    expect(result.frame?.model).toBe('nav-co-located');
    expect(result.ranking.map((r) => r.model).sort()).toEqual([...organisations].sort());
    for (const id of frames) expect(result.ranking.some((r) => r.model === id)).toBe(false);
  });

  it("puts the frame's documented effects into every organisation's contributions, with Møller's evidence", () => {
    for (const entry of result.ranking) {
      const complex = entry.criteria.find((c) => c.criterion === 'complex-needs')!;
      const frameRating = complex.contributions.find((c) => c.kind === 'frame');
      expect(frameRating).toMatchObject({ frame: 'nav-co-located' });
      expect(frameRating!.references).toEqual(expect.arrayContaining(['moller-2004', 'moller-2005']));
      const measures = entry.criteria.find((c) => c.criterion === 'measures-work')!;
      expect(measures.contributions.some((c) => c.kind === 'frame' && c.findings.includes('nav-social-service-long-term-work-suffers'))).toBe(true);
    }
  });

  it('flags the residual categories as a misfit for every organisation when the answers call for it', () => {
    for (const entry of result.ranking) {
      const misfit = entry.misfits.find((m) => m.id === 'many-complex-needs' && m.source === 'frame');
      expect(misfit, entry.model).toBeDefined();
      expect(misfit!.probability).toBe(1);
      expect(misfit!.findings).toContain('nav-polarised-user-experience');
    }
    const few = resultWith({ frame: 'nav-office', 'share-complex-needs': 10, 'share-long-term-recipients': 10 });
    for (const entry of few.ranking) expect(entry.misfits.filter((m) => m.source === 'frame')).toEqual([]);
  });

  it('lets the review\'s mitigations work as levers: an own measures unit softens the frame\'s loss for specialised, and only inside the frame', () => {
    const inside = resultWith({ frame: 'nav-office' });
    const outside = resultWith({ frame: 'stand-alone' });
    const lever = (r: typeof inside) =>
      r.ranking
        .find((m) => m.model === 'specialised')!
        .criteria.find((c) => c.criterion === 'measures-work')!
        .contributions.find((c) => c.kind === 'adjustment' && c.id === 'own-measures-unit-inside-nav');
    expect(lever(inside)).toMatchObject({ source: 'model', applies: 'yes', findings: expect.arrayContaining(['nav-social-service-must-find-own-measures']) });
    expect(lever(outside)).toBeUndefined();
  });
});

describe("today's organisation as the reference", () => {
  it('shows each alternative as a gain or loss against today, with the chance that it is better', () => {
    const result = score(example('bydel-nord'), 2000);
    expect(result.today).toBe('integrated-generalist');
    for (const entry of result.ranking) {
      if (entry.model === 'integrated-generalist') expect(entry.versusToday).toBeUndefined();
      else expect(entry.versusToday).toMatchObject({ gain: expect.any(Number), better: expect.any(Number) });
    }
  });

  it('shows the cost of change, larger after many recent reorganisations, with its findings', () => {
    const cost = (reorganisations: number) => resultWith({ 'current-organisation': 'integrated-generalist', 'recent-reorganisations': reorganisations }).ranking.find((r) => r.model === 'specialised')!.change!;
    const calm = cost(0);
    const tired = cost(5);
    // The base of 1.5 points, and 3 more at five or more reorganisations in five years (seeds/criteria.yaml).
    expect(calm.cost).toBeCloseTo(1.5, 6);
    expect(tired.cost).toBeCloseTo(4.5, 6);
    expect(tired.findings).toEqual(expect.arrayContaining(['reorganisation-fatigue', 'training-satisfies-but-may-not-change-practice']));
  });

  it('keeps today\'s organisation when no alternative is clearly better once the change is paid for', () => {
    const result = score(example('fjellvik'));
    expect(result.verdict).toMatchObject({ kind: 'keep', leader: 'integrated-generalist' });
    for (const entry of result.ranking.filter((r) => r.model !== result.today)) expect(entry.versusToday!.better).toBeLessThan(0.8);
  });
});

describe('each internal organisation is the clear first choice where the review leads one to expect it', () => {
  it('integrated generalist: a small rural office with no crowding out, thin management, staff who want structure and coherence first (Fjellvik)', () => {
    expect(first(score(example('fjellvik')), 'integrated-generalist')).toBeGreaterThanOrEqual(0.6);
  });

  it("specialised: an office like Helgøy's specialised Bergen office (Bergen vest)", () => {
    expect(first(score(example('bergen-vest')), 'specialised')).toBeGreaterThanOrEqual(0.6);
  });

  it('organic, team-based: a knowledge-intensive town office with highly educated staff who want self-management and cooperate well', () => {
    const town = answersWith({
      frame: 'nav-office',
      'current-organisation': 'integrated-generalist',
      'staff-fte': 20,
      'share-social-work-educated': 80,
      'share-rule-logic': 35,
      'share-means-end-logic': 45,
      'share-crisis-logic': 20,
      'rule-work-crowds-out': 2,
      'staff-preference-structure': 4,
      'cooperation-capacity': 4,
      'management-capacity': 3,
      'recruitment-pressure': 3,
      priorities: ['knowledge-practice', 'staff-development', 'coherence', 'user-participation', 'control-economy'],
    });
    expect(first(score(town), 'organic-team')).toBeGreaterThanOrEqual(0.6);
  });

  it('matrix fits best for a large district with many users with complex needs and strong management, but theory alone (MacDonald 1998) cannot make it clear', () => {
    const district = { ...example('bydel-nord') };
    district.answers = {
      ...district.answers,
      'management-capacity': 4,
      'share-complex-needs': 70,
      'share-long-term-recipients': 60,
      'rule-work-crowds-out': 3,
      priorities: ['knowledge-practice', 'coherence', 'user-participation', 'staff-development', 'control-economy'],
    };
    const result = score(district);
    expect(result.ranking[0]!.model).toBe('matrix');
    expect(result.verdict.kind).not.toBe('clear');
    expect(first(result, 'matrix')).toBeLessThan(0.6);
  });
});
