import { REVIEW_OUTLINE } from './review-outline.js';
import { round, type Result } from './result.js';
import { applyingContributions, lowest, scoredFile } from './summary.js';
import type { Lang } from '../i18n/lang.js';
import type { LineRef, Question, Reference, Section } from '../schema/index.js';
import type { BibliographyEntry, Comparison, EvidenceRow, Location, ModelEvidence, Moved, OpenQuestion, Pair, Report, ReportFile } from '../schema/report.js';

export type { Report, ReportFile } from '../schema/report.js';

/** The review's own key in seeds/references.yaml: the source of every other reference. */
export const REVIEW_KEY = 'nesvag-2005';

/** What the report needs of the knowledge base besides the results: the question bank, to describe the municipality. */
export interface ReportInput {
  results: readonly Result[];
  sections: readonly Section[];
  questions: readonly Question[];
  /** The review's own entry (seeds/references.yaml), placed first in the bibliography. */
  review: Reference;
  lang: Lang;
}

/** An effect of less than half a point is below what the scores can tell apart (the table rounds to whole points). */
const NEUTRAL = 0.5;
/** The contributions listed per pair of files: the most important, not every one of 50 × 9 × n. */
const MOVED_SHOWN = 12;

/**
 * The content of a consultant's report, built once from the results: the summary with
 * the verdict's certainty (GRADE), the municipality's profile, per model a
 * summary-of-findings table, the review's three open questions as far as the answers
 * answer them, a comparison when there are several files, and the bibliography with every
 * citation located in the review. Pure: the renderers in src/render/report-*.ts say it.
 *
 * @example
 * const report = buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang: 'nb' });
 * report.files[0].summary.certainty; // 'low'
 */
export function buildReport(input: ReportInput): Report {
  const { results, lang } = input;
  const files = results.map((result) => fileOf(result, input));
  const locations: Record<string, Location> = {};
  const locate = (ref: LineRef) => (locations[String(ref)] ??= locationOf(ref));
  const bibliography = bibliographyOf(input, locate);
  for (const result of results) for (const finding of Object.values(result.findings)) finding.lines.forEach(locate);
  for (const file of files) for (const q of file.openQuestions) locate(q.lines);
  return {
    format: 'orgfit/report@1',
    lang,
    files,
    ...(files.length > 1 ? { comparison: comparisonOf(files) } : {}),
    bibliography,
    locations: Object.fromEntries(Object.entries(locations).sort(([a], [b]) => firstLine(a) - firstLine(b) || (a < b ? -1 : 1))),
  };
}

const firstLine = (ref: string) => Number(ref.split('-')[0]);

/** Where a line or range of the review is: its chapter and the paragraphs of that chapter it covers. */
export function locationOf(ref: LineRef): Location {
  const [from, to = from] = String(ref).split('-').map(Number) as [number, number?];
  const at = (line: number) => {
    const chapter = REVIEW_OUTLINE.chapters.findLast((c) => c.from <= line) ?? REVIEW_OUTLINE.chapters[0]!;
    const paragraph = Math.max(1, chapter.paragraphs.filter((start) => start <= line).length);
    return { chapter: chapter.chapter, paragraph };
  };
  const a = at(from);
  const b = at(to);
  return { lines: ref, chapter: a.chapter, paragraphs: [a.paragraph, b.chapter === a.chapter ? b.paragraph : a.paragraph], ...(b.chapter !== a.chapter ? { toChapter: b.chapter } : {}) };
}

function fileOf(result: Result, input: ReportInput): ReportFile {
  // The summary is the one `score` prints too (./summary.ts): the report adds the profile, the evidence and the open questions.
  const { summary } = scoredFile(result);
  return {
    summary,
    profile: profileOf(result, input),
    evidence: result.ranking.map((entry) => evidenceOf(result, entry)),
    openQuestions: openQuestionsOf(result),
    result,
  };
}

function profileOf(result: Result, { sections, questions, lang }: ReportInput): ReportFile['profile'] {
  return sections.map((section) => ({
    section: section.id,
    title: section.title[lang],
    items: questions
      .filter((q) => q.section === section.id && result.answers[q.id] !== undefined)
      .map((q) => {
        const answer = result.answers[q.id]!;
        return {
          question: q.id,
          label: (q.short ?? q.text)[lang],
          type: q.type,
          ...(q.options ? { options: Object.fromEntries(q.options.map((o) => [o.value, o.label[lang]])) } : {}),
          ...(q.unit ? { unit: q.unit[lang] } : {}),
          value: answer.value,
          known: answer.known,
        };
      }),
  }));
}

/** A model's summary-of-findings table: one row per criterion, what carries and what holds it back first and last. */
function evidenceOf(result: Result, entry: Result['ranking'][number]): ModelEvidence {
  const footnotes: ModelEvidence['footnotes'] = [];
  const noteOf = new Map<string, number>();
  const rows = entry.criteria.map((c): EvidenceRow => {
    const applying = applyingContributions(c);
    const findings = [...new Set(applying.flatMap((x) => x.findings))];
    const references = [...new Set(applying.flatMap((x) => x.references))];
    const notes = findings.map((id) => {
      const downgrades = result.findings[id]?.downgrades ?? [];
      if (downgrades.length === 0) return null;
      if (!noteOf.has(id)) {
        noteOf.set(id, footnotes.length + 1);
        footnotes.push({ number: footnotes.length + 1, finding: id, downgrades: downgrades.map((d) => ({ concern: d.concern, reason: d.reason })) });
      }
      return noteOf.get(id)!;
    });
    return {
      criterion: c.criterion,
      name: c.name,
      weight: c.weight,
      effect: c.effect,
      direction: c.effect >= NEUTRAL ? 'carries' : c.effect <= -NEUTRAL ? 'holds-back' : 'neutral',
      certainty: lowest(applying.map((x) => x.confidence)),
      studies: references.filter((key) => key !== REVIEW_KEY).length,
      findings,
      references,
      footnotes: notes,
    };
  });
  rows.sort((a, b) => b.effect - a.effect || (a.criterion < b.criterion ? -1 : 1));
  return { model: entry.model, rows, footnotes };
}

const LEARNING = ['staff-development', 'knowledge-practice', 'user-participation'];

/** The review's three open questions (lines 859–872), each read from the answers that bear on it. */
function openQuestionsOf(result: Result): OpenQuestion[] {
  const fact = (question: string) => {
    const a = result.answers[question];
    return a ? [{ question, value: a.value, known: a.known }] : [];
  };
  const priorities = result.answers.priorities;
  const order = priorities?.known && Array.isArray(priorities.value) ? priorities.value : undefined;
  const position = (id: string) => (order ? order.indexOf(id) : -1);
  const best = (criterion: string) => {
    const workable = result.ranking.filter((r) => r.feasible);
    let found: { model: string; performance: number } | undefined;
    for (const r of workable) {
      const p = r.criteria.find((c) => c.criterion === criterion)?.performance ?? -1;
      if (!found || p > found.performance) found = { model: r.model, performance: p };
    }
    return found ? { best: found.model } : {};
  };

  // 1. New Public Management's control, or participation, empowerment and learning (lines 859–862).
  const control = position('control-economy');
  const learning = order ? LEARNING.map(position).filter((p) => p >= 0) : [];
  const firstLearning = learning.length > 0 ? Math.min(...learning) : -1;
  const npmLean = order && control >= 0 && firstLearning >= 0 ? (control < firstLearning ? 'control' : 'learning') : undefined;
  const npmCriterion = npmLean === 'learning' ? order![firstLearning]! : 'control-economy';

  // 2. Good conditions for very different tasks without fragmenting (lines 864–867): how high coherence is ranked.
  const coherence = position('coherence');
  const tasksLean = order && coherence >= 0 ? (coherence <= 1 ? 'integrate' : coherence >= order.length - 2 ? 'specialise' : undefined) : undefined;

  // 3. Integration with NAV while serving "the work line's residual categories" (lines 869–872): the frame's documented harms.
  const frameMisfits = [...new Set(result.ranking.flatMap((r) => r.misfits.filter((m) => m.source === 'frame').map((m) => m.id)))].sort();
  const complex = result.answers['share-complex-needs'];
  const navLean = complex?.known ? (frameMisfits.length > 0 ? 'residual-at-risk' : 'residual-served') : undefined;

  const question = (id: OpenQuestion['id'], lines: string, lean: OpenQuestion['lean'] | undefined, facts: OpenQuestion['facts'], criterion: string, misfits: string[] = []): OpenQuestion => ({
    id,
    lines,
    status: lean ? 'answered' : 'open',
    ...(lean ? { lean } : {}),
    facts,
    criterion,
    ...best(criterion),
    misfits,
  });
  return [
    question('npm-or-learning', '859-862', npmLean, [...fact('priorities'), ...fact('steering-style')], npmCriterion),
    question('tasks-without-fragmenting', '864-867', tasksLean, [...fact('share-rule-logic'), ...fact('share-means-end-logic'), ...fact('share-crisis-logic'), ...fact('shared-routines'), ...fact('priorities')], 'coherence'),
    question('nav-and-residual-categories', '869-872', navLean, [...fact('frame'), ...fact('share-complex-needs'), ...fact('share-long-term-recipients'), ...fact('leads-work-rehabilitation')], 'complex-needs', frameMisfits),
  ];
}

/** The points one contribution adds to a criterion's effect on the score: weight × its distance from neutral. */
function contributionPoints(weight: number, x: Result['ranking'][number]['criteria'][number]['contributions'][number]): number {
  return x.kind === 'adjustment' ? weight * x.delta * x.expected : weight * (x.value - 50);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Two files side by side: the answers that differ, each model's score and chance of
 * coming first before and after, and the contributions that moved, most first. A
 * contribution is keyed by model, criterion, kind and id; one present in only one file
 * counts as 0 in the other. The weights move when the priorities do: that shows as the
 * criterion's `weight` row (the change of weight times the performance before).
 */
export function pairOf(files: readonly ReportFile[], from: number, to: number): Pair {
  const a = files[from]!.result;
  const b = files[to]!.result;
  const labels = new Map(files[to]!.profile.flatMap((s) => s.items.map((i) => [i.question, i] as const)));
  const questions = [...new Set([...Object.keys(a.answers), ...Object.keys(b.answers)])];
  const answers = questions.flatMap((q) => {
    const before = a.answers[q];
    const after = b.answers[q];
    if (!before || !after || (same(before.value, after.value) && before.known === after.known)) return [];
    const label = labels.get(q);
    return [{ question: q, label: label?.label ?? q, type: label?.type ?? '', ...(label?.options ? { options: { ...label.options } } : {}), ...(label?.unit ? { unit: label.unit } : {}), before: { value: before.value, known: before.known }, after: { value: after.value, known: after.known } }];
  });
  const changed = new Set(answers.map((x) => x.question));

  const models = b.ranking.flatMap((after) => {
    const before = a.ranking.find((r) => r.model === after.model);
    if (!before) return [];
    return [{ model: after.model, score: [before.score, after.score] as [number, number], delta: round(after.score - before.score), first: [before.acceptability.first, after.acceptability.first] as [number, number], firstDelta: round(after.acceptability.first - before.acceptability.first, 4) }];
  });

  const moved: Moved[] = [];
  const weightReads = (result: Result, criterion: string) => result.weights.find((w) => w.criterion === criterion)?.answers.map((x) => x.question) ?? [];
  for (const after of b.ranking) {
    const before = a.ranking.find((r) => r.model === after.model);
    if (!before) continue;
    for (const cb of after.criteria) {
      const ca = before.criteria.find((c) => c.criterion === cb.criterion);
      if (!ca) continue;
      // The weight's own share: how much the criterion's effect moved because its weight did.
      const weightDelta = (cb.weight - ca.weight) * (ca.performance - 50);
      const reads = [...new Set([...weightReads(a, cb.criterion), ...weightReads(b, cb.criterion), 'priorities'])].filter((q) => changed.has(q)).sort();
      if (Math.abs(weightDelta) >= 0.05) moved.push({ model: after.model, criterion: cb.criterion, kind: 'weight', before: round(ca.weight, 4), after: round(cb.weight, 4), delta: round(weightDelta), reads });
      const key = (x: (typeof cb.contributions)[number]) => (x.kind === 'adjustment' ? `adjustment:${x.id}` : x.kind === 'frame' ? `frame:${x.frame}` : 'baseline');
      const keys = [...new Set([...ca.contributions.map(key), ...cb.contributions.map(key)])];
      for (const k of keys) {
        const xa = ca.contributions.find((x) => key(x) === k);
        const xb = cb.contributions.find((x) => key(x) === k);
        // At the weight before: the change of weight is its own row above.
        const pa = xa ? contributionPoints(ca.weight, xa) : 0;
        const pb = xb ? contributionPoints(ca.weight, xb) : 0;
        if (Math.abs(pb - pa) < 0.05) continue;
        const x = (xb ?? xa)!;
        const readsOf = x.kind === 'adjustment' ? [...new Set([...(xa?.kind === 'adjustment' ? xa.reads : []), ...(xb?.kind === 'adjustment' ? xb.reads : [])])] : x.kind === 'frame' ? ['frame'] : [];
        moved.push({
          model: after.model,
          criterion: cb.criterion,
          kind: x.kind,
          ...(x.kind === 'adjustment' ? { id: x.id } : x.kind === 'frame' ? { id: x.frame } : {}),
          before: round(pa),
          after: round(pb),
          delta: round(pb - pa),
          reads: readsOf.filter((q) => changed.has(q)).sort(),
        });
      }
    }
  }
  moved.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0) || (x.criterion < y.criterion ? -1 : x.criterion > y.criterion ? 1 : 0) || ((x.id ?? '') < (y.id ?? '') ? -1 : 1));
  return { from, to, answers, models, moved: moved.slice(0, MOVED_SHOWN), verdict: [a.verdict.kind, b.verdict.kind] };
}

function comparisonOf(files: readonly ReportFile[]): Comparison {
  const ids: { model: string; name: string }[] = [];
  for (const f of files) for (const r of f.result.ranking) if (!ids.some((m) => m.model === r.model)) ids.push({ model: r.model, name: r.name });
  const matrix = ids.map(({ model, name }) => ({
    model,
    name,
    scores: files.map((f) => f.result.ranking.find((r) => r.model === model)?.score ?? null),
    first: files.map((f) => f.result.ranking.find((r) => r.model === model)?.acceptability.first ?? null),
  }));
  return { matrix, pairs: files.slice(1).map((_, i) => pairOf(files, 0, i + 1)) };
}

function bibliographyOf({ results, review, lang }: ReportInput, locate: (ref: LineRef) => Location): BibliographyEntry[] {
  const seen = new Map<string, Result['references'][string]>();
  for (const result of results) for (const [key, reference] of Object.entries(result.references)) if (!seen.has(key)) seen.set(key, reference);
  const entries: BibliographyEntry[] = [
    {
      key: REVIEW_KEY,
      review: true,
      authors: [...review.authors],
      year: review.year,
      ...(review.title ? { title: review.title } : {}),
      citedAs: [...review.citedAs],
      flags: [],
      reported: review.summary[lang],
      ...(review.caveat ? { caveat: review.caveat[lang] } : {}),
      locations: review.lines.map(locate),
    },
  ];
  const collator = new Intl.Collator('nb', { sensitivity: 'variant', numeric: true });
  const others = [...seen].filter(([key]) => key !== REVIEW_KEY);
  others.sort(([ka, a], [kb, b]) => (a.authors.length === 0 ? 1 : 0) - (b.authors.length === 0 ? 1 : 0) || collator.compare(a.authors.join(' '), b.authors.join(' ')) || (a.year ?? 9999) - (b.year ?? 9999) || (ka < kb ? -1 : 1));
  for (const [key, r] of others) {
    entries.push({
      key,
      review: false,
      authors: [...r.authors],
      year: r.year,
      ...(r.title ? { title: r.title } : {}),
      citedAs: [...r.citedAs],
      flags: [...r.flags],
      reported: r.reported,
      ...(r.caveat ? { caveat: r.caveat } : {}),
      locations: r.lines.map(locate),
    });
  }
  return entries;
}
