/**
 * The model items of the knowledge-base audit (shared/docs/reviews/kb-audit.md §3.2, M1–M12),
 * one row each, so that an edit undoing a fix fails with the item's name. The evidence items
 * (R, F, §3.2 help texts, §4.1) are in ./audit.test.ts; the general rules (the study cap,
 * ramps instead of cliffs, labelled judgement) are tested on the engine in test/core/.
 */
import { describe, expect, it } from 'vitest';
import type { Adjustment, Model } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const kb = repoKb();
const model = (id: string): Model => {
  const found = kb.models.find((m) => m.id === id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
};
const adjustment = (modelId: string, id: string): Adjustment => {
  const found = (model(modelId).adjustments ?? []).find((a) => a.id === id);
  if (!found) throw new Error(`${modelId} has no adjustment ${id}`);
  return found;
};
const largest = (a: Adjustment) => Math.max(...a.effects.map((e) => Math.abs(e.delta)));
/** orgfit's own judgement or inference, said in both languages. */
const labelled = (text: { nb: string; en: string }) => /skjønn|slutning|antakelse/.test(text.nb) && /judgement|inference|assumption/.test(text.en);

describe('every fixed model item of the knowledge-base audit stays fixed', () => {
  it('M1 specialised: no precondition on staff size (the review gives no number); small offices are a ramp labelled as orgfit’s assumption', () => {
    expect(model('specialised').preconditions ?? []).toEqual([]);
    const small = adjustment('specialised', 'small-office');
    expect(small.ramp?.question).toBe('staff-fte');
    expect(small.when).toBeUndefined();
    expect(labelled(small.rationale)).toBe(true);
  });

  it('M2 matrix: no very-small-office adjustment; the small-office ramp moves no criterion by more than 5, labelled as an assumption', () => {
    expect((model('matrix').adjustments ?? []).some((a) => a.id === 'very-small-office')).toBe(false);
    const small = adjustment('matrix', 'small-office');
    expect(small.ramp?.question).toBe('staff-fte');
    expect(largest(small)).toBeLessThanOrEqual(5);
    expect(labelled(small.rationale)).toBe(true);
  });

  it('M3 organic-team: staff wanting structure and staff wanting autonomy move staff development by the same small amount', () => {
    const structure = adjustment('organic-team', 'staff-want-structure');
    const autonomy = adjustment('organic-team', 'staff-want-autonomy');
    expect(largest(structure)).toBeLessThanOrEqual(5);
    expect(largest(structure)).toBe(largest(autonomy));
    // Not on York alone: the review's "ikke ta for gitt" finding is cited beside it.
    expect(structure.findings).toContain('staff-preferences-for-structure-differ');
  });

  it('M4 centrelink-style: the cooperation swing is held to the NAV office’s size (at most 8 each way), one sentence said so, the harm flagged as a misfit', () => {
    const weak = adjustment('centrelink-style', 'weak-cooperation-capacity');
    const strong = adjustment('centrelink-style', 'strong-cooperation-capacity');
    expect(largest(weak)).toBeLessThanOrEqual(8);
    expect(largest(strong)).toBeLessThanOrEqual(8);
    expect(weak.rationale.nb).toMatch(/Én setning om én australsk organisasjon/);
    expect(weak.misfit).toBeDefined();
  });

  it('M5 nav-co-located: measures work below neutral (about 42) on "blir skadelidende", citing Rytter’s condition; who leads work rehabilitation is asked', () => {
    const measures = model('nav-co-located').performance['measures-work']!;
    expect(measures.value).toBeLessThanOrEqual(44);
    expect(measures.findings).toEqual(expect.arrayContaining(['nav-social-service-long-term-work-suffers', 'work-rehab-potential-if-coherent-and-social-service-leads']));
    expect(kb.questions.some((q) => q.id === 'leads-work-rehabilitation')).toBe(true);
    expect((model('nav-co-located').adjustments ?? []).some((a) => a.when && 'question' in a.when && a.when.question === 'leads-work-rehabilitation')).toBe(true);
  });

  it('M6 structural: NAV and the one-stop agency are frames, applied to every organisation, never rivals of them', () => {
    expect(model('nav-co-located').kind).toBe('frame');
    expect(model('centrelink-style').kind).toBe('frame');
    for (const id of ['specialised', 'integrated-generalist', 'matrix', 'organic-team']) expect(model(id).kind ?? 'organisation').toBe('organisation');
    expect(model('nav-co-located').matches).toEqual({ question: 'frame', in: ['nav-office'] });
    expect(kb.questions.some((q) => q.id === 'state-agency-relation')).toBe(false);
    // The policy finding that makes NAV the frame is cited by the frame.
    expect(model('nav-co-located').findings).toContain('nav-policy-requires-colocation-and-partnership');
  });

  it('M7 Seim 1992 is not used in both directions: specialised complex needs is neutral', () => {
    expect(model('specialised').performance['complex-needs']!.value).toBe(50);
  });

  it('M8 integrated-generalist staff development cites Fehn on the generalists left behind', () => {
    expect(model('integrated-generalist').performance['staff-development']!.findings).toContain('specialists-satisfied-generalists-left-behind-not');
  });

  it('M9 matrix staff development is about neutral and cites the line overload that burdens all staff', () => {
    const staff = model('matrix').performance['staff-development']!;
    expect(staff.value).toBeLessThanOrEqual(52);
    expect(staff.findings).toContain('line-overload-burdens-all-staff');
  });

  it('M10 matrix: every adjustment that cites the friction between buffer units says that carrying it over to the matrix is orgfit’s inference', () => {
    const citing = (model('matrix').adjustments ?? []).filter((a) => a.findings.includes('buffer-functions-cause-friction'));
    expect(citing.length).toBeGreaterThan(0);
    for (const a of citing) {
      expect(a.rationale.nb, a.id).toMatch(/slutning/);
      expect(a.rationale.en, a.id).toMatch(/inference/);
    }
  });

  it('M11 the residual categories weigh on every organisation (in the NAV frame), not on one rival model', () => {
    const frame = model('nav-co-located');
    expect((frame.adjustments ?? []).some((a) => a.id === 'many-long-term-recipients')).toBe(true);
    for (const id of ['specialised', 'integrated-generalist', 'matrix', 'organic-team']) {
      expect((model(id).adjustments ?? []).some((a) => a.id === 'many-long-term-recipients'), id).toBe(false);
    }
  });

  it('M12 specialised small office: labelled as orgfit’s assumption, resting on Fehn, not on Baines’s Canadian licensing', () => {
    const small = adjustment('specialised', 'small-office');
    expect(labelled(small.rationale)).toBe(true);
    expect(small.rationale.nb).toMatch(/Fehn/);
    for (const text of [small.rationale.nb, small.rationale.en]) expect(text).not.toMatch(/Baines|Canada|Kanada/);
    // The finding it cites reports Fehn and Baines together, as the review does (lines 317–320, 594–597);
    // the adjustment's other finding is Fehn's alone.
    expect(small.findings).toContain('four-degrees-of-specialisation');
    expect(kb.findings.find((f) => f.id === 'four-degrees-of-specialisation')!.references).toEqual(['fehn-1994']);
  });

  it('every adjustment says, in both languages, that its size (or its inference) is orgfit’s judgement: the review gives no sizes', () => {
    const unlabelled = kb.models.flatMap((m) => (m.adjustments ?? []).filter((a) => !labelled(a.rationale)).map((a) => `${m.id}/${a.id}`));
    expect(unlabelled).toEqual([]);
    expect(labelled(kb.change!.rationale)).toBe(true);
  });
});
