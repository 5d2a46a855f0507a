/**
 * Every item of the knowledge-base audit (shared/docs/reviews/kb-audit.md) that has been fixed
 * in the evidence (seeds/references.yaml, seeds/findings.yaml, the help texts of
 * seeds/questions.yaml), one row each, so that an edit undoing a fix fails with the item's name.
 *
 * An item is named as the audit names it: its code (R reference, F finding, §3.2 question text,
 * §4.1 missing claim), the finding's number in the audited findings.yaml in brackets, and the
 * id or key. Each row states only what the fix made true; the general rules (grade ceilings,
 * origin, traceability) are in ./evidence.test.ts.
 */
import { plain } from '../../src/render/paint.js';
import { describe, expect, it } from 'vitest';
import { renderSourcesText } from '../../src/render/sources.js';
import type { CitationFlag, Concern, Confidence, Finding, LineRef, Origin, Reference, Text } from '../../src/schema/index.js';
import { repoKb } from '../helpers/kb.js';

const kb = repoKb();
const findings = new Map(kb.findings.map((f) => [f.id, f]));
const references = new Map(kb.references.map((r) => [r.key, r]));

/** Both languages of a text, for patterns that must (or must not) match in either. */
const both = (text: Text | undefined) => (text ? [text.nb, text.en] : []);
const reasons = (f: Finding) => (f.downgrades ?? []).flatMap((d) => both(d.reason));
const covers = (lines: readonly LineRef[], wanted: LineRef) => lines.map(String).includes(String(wanted));

/** What a fixed finding must be. Every field is optional; a row states only what its fix made true. */
interface FindingExpect {
  confidence?: Confidence;
  origin?: Origin;
  /** References it must cite (others may be cited beside them). */
  references?: string[];
  /** Concerns it must state a downgrade for. */
  concerns?: Concern[];
  /** A downgrade it must state, with this exact bokmål reason. */
  reason?: { concern: Concern; nb: string };
  /** No downgrade reason, in either language, may match this. */
  noReason?: RegExp;
  /** Its caveat must match this, in one language or the other. */
  caveat?: RegExp;
  /** Its claim must match this (nb and en given separately). */
  claim?: { nb?: RegExp; en?: RegExp };
  /** Its claim must not match this, in either language. */
  notClaim?: RegExp;
  backedBy?: string[];
  /** Review lines it must give, as the audit names them. */
  lines?: LineRef[];
  use?: Finding['use'];
}

interface ReferenceExpect {
  year?: number | null;
  flags?: CitationFlag[];
  notFlags?: CitationFlag[];
  summaryNb?: RegExp;
  caveat?: RegExp;
}

interface Row {
  item: string;
  check: () => void;
}

function finding(item: string, id: string, want: FindingExpect): Row {
  return {
    item,
    check: () => {
      const f = findings.get(id);
      expect(f, `${item}: the finding ${id} is gone`).toBeDefined();
      if (!f) return;
      if (want.confidence) expect(f.confidence, `${item}: grade`).toBe(want.confidence);
      if (want.origin) expect(f.origin, `${item}: origin`).toBe(want.origin);
      for (const key of want.references ?? []) expect(f.references, `${item}: references`).toContain(key);
      for (const concern of want.concerns ?? []) expect(f.downgrades?.map((d) => d.concern), `${item}: downgrades`).toContain(concern);
      if (want.reason) {
        const { concern, nb } = want.reason;
        expect(f.downgrades?.some((d) => d.concern === concern && d.reason.nb === nb), `${item}: a ${concern} downgrade "${nb}"`).toBe(true);
      }
      if (want.noReason) expect(reasons(f).filter((r) => want.noReason!.test(r)), `${item}: downgrade reasons`).toEqual([]);
      if (want.caveat) expect(both(f.caveat).some((c) => want.caveat!.test(c)), `${item}: caveat ${want.caveat}`).toBe(true);
      if (want.claim?.nb) expect(f.claim.nb, `${item}: claim (nb)`).toMatch(want.claim.nb);
      if (want.claim?.en) expect(f.claim.en, `${item}: claim (en)`).toMatch(want.claim.en);
      if (want.notClaim) expect(both(f.claim).filter((c) => want.notClaim!.test(c)), `${item}: claim`).toEqual([]);
      if (want.backedBy) expect(f.backedBy ?? [], `${item}: backedBy`).toEqual(expect.arrayContaining(want.backedBy));
      for (const line of want.lines ?? []) expect(covers(f.lines, line), `${item}: lines ${f.lines.join(', ')} give ${line}`).toBe(true);
      if (want.use) expect(f.use, `${item}: use`).toBe(want.use);
    },
  };
}

function reference(item: string, key: string, want: ReferenceExpect): Row {
  return {
    item,
    check: () => {
      const r = references.get(key);
      expect(r, `${item}: the reference ${key} is gone`).toBeDefined();
      if (!r) return;
      if (want.year !== undefined) expect(r.year, `${item}: year`).toBe(want.year);
      for (const flag of want.flags ?? []) expect(r.flags ?? [], `${item}: flags`).toContain(flag);
      for (const flag of want.notFlags ?? []) expect(r.flags ?? [], `${item}: flags`).not.toContain(flag);
      if (want.summaryNb) expect(r.summary.nb, `${item}: summary (nb)`).toMatch(want.summaryNb);
      if (want.caveat) expect(both(r.caveat).some((c) => want.caveat!.test(c)), `${item}: caveat ${want.caveat}`).toBe(true);
    },
  };
}

const custom = (item: string, check: () => void): Row => ({ item, check });

/** The bibliography entry of one reference, as `orgfit sources` prints it. */
function entry(reference: Reference, lang: 'nb' | 'en'): string {
  const text = renderSourcesText([reference], { lang, width: 10_000, paint: plain });
  return text.split('\n\n')[1] ?? '';
}

/** Every finding id cited anywhere outside seeds/findings.yaml. */
function citedIds(): Set<string> {
  return new Set([
    ...kb.criteria.flatMap((c) => c.findings),
    ...kb.questions.flatMap((q) => q.feeds),
    ...kb.models.flatMap((m) => [
      ...m.findings,
      ...Object.values(m.performance).flatMap((p) => p.findings),
      ...(m.adjustments ?? []).flatMap((a) => a.findings),
      ...(m.preconditions ?? []).flatMap((p) => p.findings),
    ]),
  ]);
}

const question = (id: string) => kb.questions.find((q) => q.id === id);

/** The theory and textbook findings the audit found graded like empirical studies (F4). */
const THEORY_VERY_LOW: [number, string][] = [
  [29, 'practical-action-ethical-dilemmas'],
  [74, 'differentiation-versus-integration-dilemma'],
  [95, 'complex-environments-demand-complex-organisation'],
  [96, 'buffer-functions-cause-friction'],
  [97, 'matrix-organisation-continuous-competence'],
  [98, 'project-organisation-line-only-holds-staff'],
  [99, 'line-organisation-overloaded-by-complexity'],
  [100, 'cosmetic-reorganisations'],
  [101, 'competent-staff-coordinate-directly'],
  [104, 'organisational-fashions-and-multistandard-organisations'],
  [111, 'open-organic-perspective-versus-management'],
  [112, 'flexibility-versus-central-control-dilemma'],
  [113, 'five-principles-adaptive-social-service'],
];

/** The findings of the one Møller paragraph (lines 384–399): one grade, one relevance concern (F5). */
const MOLLER: [number, string][] = [
  [53, 'nav-trials-less-bouncing-between-agencies'],
  [55, 'nav-cooperation-costs-time-and-decision-output'],
  [56, 'nav-social-service-long-term-work-suffers'],
  [57, 'nav-social-service-must-find-own-measures'],
  [58, 'nav-polarised-user-experience'],
];
const MOLLER_RELEVANCE = { concern: 'relevance', nb: 'Forsøk før den endelige NAV-modellen.' } as const;

/** A downgrade reason that is about how a work is cited, not about the evidence (F6). */
const CITATION_DEFECT = /stavemåte|feilstav|misspel|spelling|regnet ut|derived|mangler årstall|lacks a year|referansen er usikker|reference is uncertain/i;

const OLD_SEIM_ID = 'integrated-organisation-hindered-measures-for-long-term-clients';
const NEW_SEIM_ID = 'organisation-before-1991-hindered-measures-for-long-term-clients';

const ROWS: Row[] = [
  // --- §1.2 references ---------------------------------------------------------------
  reference('R1 terum-2003', 'terum-2003', { summaryNb: /^Kilde for betegnelsen/ }),
  reference('R2 harlow-lawler-2000', 'harlow-lawler-2000', { year: null, flags: ['unknown-year'], caveat: /ca\. 2000 \(tre år før Harlow 2003\)/ }),
  reference('R3 jensen-undated', 'jensen-undated', { year: null, flags: ['op-cit-unresolved', 'unknown-year'], notFlags: ['op-cit'] }),
  reference('R4 loddemel-undated', 'loddemel-undated', { year: null, flags: ['op-cit-unresolved', 'unknown-year'], notFlags: ['op-cit'] }),
  custom('R3, R4 the sources entries of jensen-undated and loddemel-undated claim no year taken from an earlier citation', () => {
    for (const key of ['jensen-undated', 'loddemel-undated']) {
      const r = references.get(key)!;
      expect(entry(r, 'nb')).not.toMatch(/året hentet fra en tidligere henvisning/);
      expect(entry(r, 'en')).not.toMatch(/year taken from an earlier citation/);
      expect(entry(r, 'en')).toMatch(/no earlier full citation/);
    }
  }),

  // --- §2.1 grade too high -------------------------------------------------------------
  finding('F1 [37] specialists-satisfied-generalists-left-behind-not', 'specialists-satisfied-generalists-left-behind-not', { confidence: 'low' }),
  finding('F2 [48] trials-23-percent-into-work', 'trials-23-percent-into-work', { confidence: 'low' }),
  finding('F3 [27] staff-satisfied-with-bureaucracy-want-more', 'staff-satisfied-with-bureaucracy-want-more', { confidence: 'very-low' }),
  ...THEORY_VERY_LOW.map(([n, id]) => finding(`F4 [${n}] ${id}`, id, { confidence: 'very-low' })),
  finding('F4 [30] compulsion-to-act-displaces-planned-work', 'compulsion-to-act-displaces-planned-work', {
    confidence: 'very-low',
    caveat: /krisehåndtering hviler ikke på dette funnets grad/,
  }),
  finding('F4 [31] three-task-logics (stays low: backed by Skaftun and Helgøy, and organises the criteria)', 'three-task-logics', {
    confidence: 'low',
    backedBy: ['economic-assistance-and-measures-work-differ', 'three-roles-bureaucrat-professional-innovator'],
    caveat: /organises the first three criteria/,
  }),

  // --- §2.2 inconsistent grades and downgrades -----------------------------------------
  ...MOLLER.map(([n, id]) => finding(`F5 [${n}] ${id}`, id, { confidence: 'low', reason: MOLLER_RELEVANCE })),
  finding('F6 [12] social-work-rooted-in-social-context', 'social-work-rooted-in-social-context', { noReason: CITATION_DEFECT, caveat: /O`Brian/ }),
  finding('F6 [52] residual-categories-larger-across-trials', 'residual-categories-larger-across-trials', { noReason: CITATION_DEFECT, caveat: /Løddemel op\.cit/ }),
  finding('F6 [71] municipal-measurement-shifts-to-staff-development', 'municipal-measurement-shifts-to-staff-development', { noReason: CITATION_DEFECT, caveat: /Buch m\.fl\./ }),
  finding('F6 [86] growing-complexity-opens-new-ways-of-working', 'growing-complexity-opens-new-ways-of-working', { noReason: CITATION_DEFECT, caveat: /regnet ut/ }),
  finding('F6 [109] unconscious-forces-shape-work-culture', 'unconscious-forces-shape-work-culture', { noReason: CITATION_DEFECT, caveat: /Baum\?/ }),
  finding('F7 [78] npm-serves-control-and-predictability', 'npm-serves-control-and-predictability', {
    reason: { concern: 'relevance', nb: 'Svensk analyse (1998); annet velferdssystem.' },
    noReason: /1990|NAV/,
  }),
  finding('F7 [79] npm-less-complex-users-gain-complex-users-do-not-fit', 'npm-less-complex-users-gain-complex-users-do-not-fit', {
    reason: { concern: 'relevance', nb: 'Svensk analyse (1998); annet velferdssystem.' },
    noReason: /1990|NAV/,
    caveat: /orgfit's reading/,
  }),
  finding('F8 [37] specialists-satisfied-generalists-left-behind-not: the coherence concern', 'specialists-satisfied-generalists-left-behind-not', {
    concerns: ['coherence', 'adequacy', 'relevance'],
  }),
  finding('F8 [48] trials-23-percent-into-work: the selection concern', 'trials-23-percent-into-work', { concerns: ['methodological-limitations'] }),

  // --- §2.3 overstated -----------------------------------------------------------------
  finding(`F9 [32] ${NEW_SEIM_ID}`, NEW_SEIM_ID, { references: ['seim-1992'], caveat: /sier ikke hva slags organisering/ }),
  custom(`F9 [32] ${OLD_SEIM_ID} is gone, and nothing cites it`, () => {
    expect(findings.has(OLD_SEIM_ID)).toBe(false);
    expect(citedIds().has(OLD_SEIM_ID)).toBe(false);
    expect(citedIds().has(NEW_SEIM_ID)).toBe(true);
  }),
  finding('F10 [44] three-roles-bureaucrat-professional-innovator', 'three-roles-bureaucrat-professional-innovator', {
    claim: { nb: /^Helgøy 2003 formulerer tre yrkesroller/, en: /^Helgøy 2003 formulates three professional roles/ },
  }),
  finding('F11 [111] open-organic-perspective-versus-management', 'open-organic-perspective-versus-management', {
    claim: { nb: /bygger på et syn/, en: /rests on a\s+view/ },
    notClaim: /forutsetter|assumes/,
  }),

  // --- §2.4 unsupported detail ---------------------------------------------------------
  finding('F12 [92] ict-becomes-control-tool', 'ict-becomes-control-tool', { reason: { concern: 'relevance', nb: 'Fra 1995.' }, noReason: /endret|changed/ }),
  custom('§2.4 note: no finding dates the NAV reform as "NAV-reformen (2005)"', () => {
    const dated = kb.findings.filter((f) => [...reasons(f), ...both(f.claim), ...both(f.caveat)].some((t) => /NAV-reformen \(2005\)|NAV reform \(2005\)/.test(t)));
    expect(dated.map((f) => f.id)).toEqual([]);
  }),

  // --- §2.5 wrong reference, §2.6 metadata ---------------------------------------------
  finding('F13 [31] three-task-logics', 'three-task-logics', { references: ['nesvag-2005', 'fossestol-1997', 'hummelvoll-2003'] }),
  finding('F14 [112] flexibility-versus-central-control-dilemma', 'flexibility-versus-central-control-dilemma', {
    references: ['nesvag-2005', 'jensen-1996'],
    caveat: /juxtaposition/,
  }),
  reference('F13, F14 nesvag-2005 (the review author’s own synthesis)', 'nesvag-2005', { year: 2005 }),
  custom('F13, F14 nesvag-2005 is the review itself: the author’s synthesis, cited by its author’s name', () => {
    const r = references.get('nesvag-2005')!;
    expect(r.kind).toBe('review-synthesis');
    expect(r.citedAs).toEqual(['Sverre Nesvåg']);
    expect(r.title).toBeUndefined();
  }),
  finding('F15 [28] staff-preferences-for-structure-differ', 'staff-preferences-for-structure-differ', { origin: 'mixed' }),

  // --- §3.2 other minor points: question help texts ------------------------------------
  custom('§3.2 current-organisation: reorganisation fatigue is Jensen’s, not Røvik’s', () => {
    const help = both(question('current-organisation')?.help);
    expect(help.join(' ')).not.toMatch(/Røvik/);
    for (const text of help) expect(text).toMatch(/Jensen/);
  }),
  custom('§3.2 recruitment-pressure: Harlow (women, UK) and Bradley (the young, England) are two reports', () => {
    const help = both(question('recruitment-pressure')?.help);
    expect(help.join(' ')).not.toMatch(/Harlow 2004, Bradley 2005/);
    expect(help[0]).toMatch(/kvinner[^;]*\(Harlow 2004\)/);
    expect(help[0]).toMatch(/de unge[^;]*\(Bradley 2005\)/);
    expect(help[1]).toMatch(/women[^;]*\(Harlow 2004\)/);
    expect(help[1]).toMatch(/young[^;]*\(Bradley 2005\)/);
  }),

  // --- §4.1 claims that were in no finding ---------------------------------------------
  finding('§4.1 1 [53–56] good-model-depends-on-local-conditions', 'good-model-depends-on-local-conditions', {
    lines: ['53-56'],
    references: ['nesvag-2005'],
    claim: { nb: /økonomiske rammevilkår/, en: /economic conditions/ },
  }),
  finding('§4.1 2 [492–501] output-standards-versus-input-requirements', 'output-standards-versus-input-requirements', { lines: ['492-501'] }),
  finding('§4.1 3 [717–718] flexibility-methods-tried-without-reported-results', 'flexibility-methods-tried-without-reported-results', { lines: ['717-718'] }),
  finding('§4.1 4 [618–620, 786–787] little-literature-on-alternatives-to-npm', 'little-literature-on-alternatives-to-npm', { lines: ['618-620', '786-787'] }),
  finding('§4.1 5 [761–766] modern-organisation-thinking-self-managed-staff-shared-values', 'modern-organisation-thinking-self-managed-staff-shared-values', {
    lines: ['761-766'],
    confidence: 'very-low',
  }),
  finding('§4.1 6 [411–412] organisation-must-now-develop-within-the-nav-frame', 'organisation-must-now-develop-within-the-nav-frame', { lines: ['408-412'] }),
  finding('§4.1 7 [401] employment-and-insurance-services-to-merge', 'employment-and-insurance-services-to-merge', { lines: ['401-403'] }),
  finding('§4.1 8 [348–349] integrated-social-office-seems-given-up', 'integrated-social-office-seems-given-up', { lines: ['345-349'], references: ['helgoy-2003'] }),
  finding('§4.1 9 [313] measures-work-seen-as-real-social-work', 'measures-work-seen-as-real-social-work', { lines: [313] }),
  finding('§4.1 10 [307–308] some-user-group-units-attached-to-other-services', 'some-user-group-units-attached-to-other-services', {
    lines: ['306-310'],
    references: ['fehn-1994'],
  }),
  finding('§4.1 11 [726–727] line-overload-burdens-all-staff', 'line-overload-burdens-all-staff', { lines: ['726-727'], confidence: 'very-low' }),
  finding('§4.1 12 [417–419] centrelink-purchaser-provider-like-norwegian-result-units', 'centrelink-purchaser-provider-like-norwegian-result-units', {
    lines: ['416-422'],
    references: ['halligan-2004'],
  }),
];

describe('every fixed item of the knowledge-base audit stays fixed', () => {
  it('names each item once', () => {
    const names = ROWS.map((row) => row.item);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each(ROWS.map((row) => [row.item, row] as const))('%s', (_item, row) => {
    row.check();
  });
});
