import { beforeEach, describe, expect, it } from 'vitest';
import { buildReport, locationOf, REVIEW_KEY } from '../../src/core/report.js';
import type { Result } from '../../src/core/result.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { Report } from '../../src/schema/report.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

const kb = repoKb();
const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
const score = (name: string, samples = 200) => scoreMunicipality(repoEngine(), example(name), { lang: 'nb', seed: 1, samples, source: `${name}.yaml` });
const report = (results: Result[]) => buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang: 'nb' });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the report model: content', () => {
  const result = score('bydel-nord');
  // The report is built in each test (a StrykerJS mutant is active only while tests run); the scoring, which it does not mutate, once.
  let r: ReturnType<typeof report>;
  let file: (typeof r)['files'][number];
  beforeEach(() => {
    r = report([result]);
    file = r.files[0]!;
  });

  it('meets orgfit/report@1', () => {
    const parsed = Report.safeParse(r);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it('has a summary-of-findings table for every ranked model, with a row for every criterion', () => {
    expect(file.evidence.map((e) => e.model)).toEqual(result.ranking.map((x) => x.model));
    for (const e of file.evidence) expect(e.rows.map((row) => row.criterion).sort()).toEqual(kb.criteria.map((c) => c.id).sort());
  });

  it('cites in its tables every finding behind a contribution that applies, and the bibliography holds every reference of every finding cited', () => {
    for (const entry of result.ranking) {
      const rows = file.evidence.find((e) => e.model === entry.model)!.rows;
      for (const c of entry.criteria) {
        const expected = new Set(c.contributions.filter((x) => x.kind !== 'adjustment' || x.probability > 0).flatMap((x) => x.findings));
        expect(new Set(rows.find((row) => row.criterion === c.criterion)!.findings)).toEqual(expected);
      }
    }
    const keys = new Set(r.bibliography.map((b) => b.key));
    for (const f of Object.values(result.findings)) for (const key of f.references) expect(keys, key).toContain(key);
    for (const key of Object.keys(result.references)) expect(keys).toContain(key);
  });

  it('puts the review first in the bibliography, as the source of every other entry', () => {
    expect(r.bibliography[0]).toMatchObject({ key: REVIEW_KEY, review: true, authors: ['Nesvåg'], year: 2005 });
    expect(r.bibliography.slice(1).every((b) => !b.review)).toBe(true);
  });

  it('locates every line range it cites in the review by chapter', () => {
    for (const f of Object.values(result.findings)) for (const ref of f.lines) expect(r.locations[String(ref)], String(ref)).toBeDefined();
    // domain.md: 330–349 is chapter 5 (Helgøy 2003), 859–862 the first open question of chapter 9.
    expect(locationOf('330-349')).toMatchObject({ chapter: 5 });
    expect(locationOf(274).chapter).toBe(4);
    expect(locationOf('859-862')).toEqual({ lines: '859-862', chapter: 9, paragraphs: [2, 2] });
    expect(locationOf('864-867').paragraphs).toEqual([3, 3]);
    expect(locationOf(19).chapter).toBe(0);
    expect(locationOf('620-623')).toMatchObject({ chapter: 6, toChapter: 7 });
  });

  it('profiles every question of the bank, in its section, with its "don\'t know"s', () => {
    const asked = file.profile.flatMap((s) => s.items.map((i) => i.question)).sort();
    expect(asked).toEqual(kb.questions.map((q) => q.id).sort());
    expect(file.summary.headline.questions).toBe(kb.questions.length);
    expect(file.summary.headline.unknown).toBe(Object.values(result.answers).filter((a) => !a.known).length);
  });

  it('answers the three open questions of chapter 9 from the answers (Bydel Nord ranks staff development first, coherence third)', () => {
    expect(file.openQuestions.map((q) => [q.id, q.status, q.lean])).toEqual([
      ['npm-or-learning', 'answered', 'learning'],
      ['tasks-without-fragmenting', 'open', undefined],
      ['nav-and-residual-categories', 'answered', expect.stringMatching(/^residual-/)],
    ]);
    expect(file.openQuestions[0]!.criterion).toBe('staff-development');
  });

  it('grades the verdict like GRADE: an indistinguishable set is at most low', () => {
    expect(result.verdict.kind).toBe('indistinguishable');
    expect(file.summary.downgrades).toContain('no-clear-first');
    expect(['low', 'very-low']).toContain(file.summary.certainty);
  });

  it('says "don\'t know" makes it less sure: many unknown answers lower the certainty', () => {
    const unknown = Object.fromEntries(kb.questions.filter((q) => q.dontKnow !== false).map((q) => [q.id, 'dont-know']));
    const vague = scoreMunicipality(repoEngine(), { ...example('bydel-nord'), answers: { ...example('bydel-nord').answers, ...unknown } }, { lang: 'nb', seed: 1, samples: 200, skipSearches: true });
    expect(report([vague]).files[0]!.summary.downgrades).toContain('many-unknowns');
  });
});

describe('the report model: comparisons on hand-made pairs', () => {
  const base = score('bygdvik', 100);

  it('finds exactly the answers that differ, each model\'s delta and the contributions that moved, computed by hand', () => {
    const after = clone(base);
    after.scenario = 'etter';
    // One answer changed.
    after.answers['staff-fte'] = { value: 12, known: true };
    // A model's score and chance of coming first: +3 points, 0.2 more often first.
    const m = after.ranking[1]!;
    const mBefore = base.ranking[1]!;
    m.score = mBefore.score + 3;
    m.acceptability.first = Math.min(1, mBefore.acceptability.first + 0.2);
    // A rating moved by 10 points on one criterion: 10 × its weight.
    const c = m.criteria.find((x) => x.weight > 0.1)!;
    const baseline = c.contributions.find((x) => x.kind === 'baseline')!;
    if (baseline.kind === 'baseline') baseline.value += 10;
    // A weight moved by 0.05 on another model's criterion: 0.05 × (performance − 50).
    const w = after.ranking[0]!.criteria.find((x) => Math.abs(x.performance - 50) > 5)!;
    w.weight += 0.05;

    const pair = report([base, after]).comparison!.pairs[0]!;
    expect(pair.answers.map((a) => [a.question, a.before.value, a.after.value])).toEqual([['staff-fte', 4, 12]]);
    const moved = pair.models.find((x) => x.model === m.model)!;
    expect(moved.delta).toBeCloseTo(3, 6);
    expect(moved.firstDelta).toBeCloseTo(Math.min(1, mBefore.acceptability.first + 0.2) - mBefore.acceptability.first, 4);
    expect(pair.models.filter((x) => x.model !== m.model).every((x) => x.delta === 0 && x.firstDelta === 0)).toBe(true);

    const byHand = [
      { model: m.model, criterion: c.criterion, kind: 'baseline', delta: Math.round(10 * c.weight * 100) / 100 },
      { model: after.ranking[0]!.model, criterion: w.criterion, kind: 'weight', delta: Math.round(0.05 * (w.performance - 50) * 100) / 100 },
    ].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
    expect(pair.moved.map((x) => ({ model: x.model, criterion: x.criterion, kind: x.kind }))).toEqual(byHand.map(({ delta: _, ...x }) => x));
    pair.moved.forEach((x, i) => expect(Math.abs(x.delta - byHand[i]!.delta)).toBeLessThanOrEqual(0.011));
  });

  it('two real scenarios that differ in one answer differ in that answer only, and the moved contributions read it', () => {
    const answers = example('bygdvik');
    const after = scoreMunicipality(repoEngine(), { ...answers, scenario: 'flere ansatte', answers: { ...answers.answers, 'staff-fte': 40 } }, { lang: 'nb', seed: 1, samples: 100 });
    const pair = report([base, after]).comparison!.pairs[0]!;
    expect(pair.answers.map((a) => a.question)).toEqual(['staff-fte']);
    expect(pair.moved.length).toBeGreaterThan(0);
    for (const x of pair.moved) for (const q of x.reads) expect(q).toBe('staff-fte');
    // The score deltas are exactly after − before, model by model.
    for (const x of pair.models) expect(x.delta).toBeCloseTo(after.ranking.find((e) => e.model === x.model)!.score - base.ranking.find((e) => e.model === x.model)!.score, 6);
    expect(pair.moved.some((x) => x.reads.includes('staff-fte'))).toBe(true);
  });

  it('lays out the model-by-file matrix, and pairs the first file with each other', () => {
    const r = report([base, score('bydel-nord', 100), score('fjordby', 100)]);
    expect(r.comparison!.pairs.map((p) => [p.from, p.to])).toEqual([[0, 1], [0, 2]]);
    const row = r.comparison!.matrix.find((x) => x.model === base.ranking[0]!.model)!;
    expect(row.scores[0]).toBe(base.ranking[0]!.score);
    expect(row.scores).toHaveLength(3);
  });

  it('is the same, byte for byte, for the same input', () => {
    expect(JSON.stringify(report([base, base]))).toBe(JSON.stringify(report([clone(base), clone(base)])));
  });
});
