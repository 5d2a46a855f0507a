import type { Report, ReportFile } from '../core/report.js';
import type { Result } from '../core/result.js';
import type { Lang } from '../i18n/lang.js';
import { reportText, type ReportId } from '../i18n/report.js';
import type { LineRef } from '../schema/index.js';
import type { EvidenceRow, Location, Moved, OpenQuestion } from '../schema/report.js';
import { citation } from './citation.js';
import { decimal, firstSentence, percent, signed } from './text.js';
import { certaintyLines, certaintyText, keyMessage, shareText, SYMBOLS, tippingSentence } from './verdict.js';

/** The report catalog bound to one language, as the renderers call it. */
export type Say = (id: ReportId, params?: Parameters<typeof reportText>[2]) => string;

/*
 * The report's words, shared by its renderers (Markdown, HTML, Word): each says the same
 * sentence the same way, and only the markup differs.
 */


/** "Bygdvik kommune (etter omorganisering)". */
export const whoOf = (result: Result) => (result.scenario ? `${result.municipality} (${result.scenario})` : result.municipality);

export const title = (report: Report, lang: Lang) =>
  report.files.length === 1 ? reportText(lang, 'title', { who: whoOf(report.files[0]!.result) }) : reportText(lang, 'title-comparison', { count: report.files.length });

export const modelName = (result: Result, id: string | undefined) => result.ranking.find((r) => r.model === id)?.name ?? id ?? '';
export const criterionName = (result: Result, id: string) => result.weights.find((w) => w.criterion === id)?.name ?? id;

/** Where in the review: "kap. 5 Organisasjonsutviklingsprogram i sosialtjenesten, avsnitt 4–5 (linje 330–349)". */
export function locationText(location: Location, lang: Lang): string {
  const lines = String(location.lines).replace('-', '–');
  const [a, b] = location.paragraphs;
  const paragraphs = a === b ? String(a) : `${a}–${b}`;
  if (location.toChapter !== undefined) return reportText(lang, 'located-across', { chapter: location.chapter, to: location.toChapter, paragraphs: String(a), lines });
  if (location.chapter === 0) return reportText(lang, 'located-preface', { paragraphs, lines });
  return reportText(lang, 'located', { chapter: location.chapter, title: reportText(lang, `chapter-${location.chapter}` as ReportId), paragraphs, lines });
}

/** Where, briefly, for a table cell: "kap. 5 avsn. 4". */
export function shortLocation(location: Location, lang: Lang): string {
  const [a, b] = location.paragraphs;
  const paragraphs = a === b ? String(a) : `${a}–${b}`;
  return location.chapter === 0 ? reportText(lang, 'located-short-preface', { paragraphs }) : reportText(lang, 'located-short', { chapter: location.chapter, paragraphs });
}

/**
 * The sources of one row of a model's table: per finding, "Helgøy 2003 (kap. 5 avsn. 4)",
 * with the number of the footnote that gives its downgrades; the same text once.
 */
export function rowSources(report: Report, result: Result, row: EvidenceRow, lang: Lang): { text: string; notes: number[] }[] {
  const out: { text: string; notes: number[] }[] = [];
  let cache = findingTexts.get(result);
  if (!cache) findingTexts.set(result, (cache = new Map()));
  row.findings.forEach((id, i) => {
    let text = cache.get(id);
    if (text === undefined) {
      const f = result.findings[id];
      const places = [...new Set((f?.lines ?? []).map((ref) => shortLocation(report.locations[String(ref)] ?? locationFallback(ref), lang)))].join(', ');
      cache.set(id, (text = `${sourcesOf(result, f?.references ?? [], lang)} (${places})`));
    }
    const note = row.footnotes[i] ?? null;
    const same = out.find((o) => o.text === text);
    const entry = same ?? { text, notes: [] };
    if (note !== null && !entry.notes.includes(note)) entry.notes.push(note);
    if (!same) out.push(entry);
  });
  return out;
}

/** A finding's sources and places, said once per result: the same findings stand behind many rows. */
const findingTexts = new WeakMap<Result, Map<string, string>>();

const locationFallback = (ref: LineRef): Location => ({ lines: ref, chapter: 0, paragraphs: [1, 1] });

/** A footnote: the finding and why it is downgraded, concern by concern. */
export function footnoteText(result: Result, note: { finding: string; downgrades: readonly { concern: string; reason: string }[] }, lang: Lang): string {
  const claim = result.findings[note.finding]?.claim ?? note.finding;
  const list = note.downgrades.map((d) => `${reportText(lang, `concern-${d.concern}` as ReportId)}: ${d.reason.replace(/\.$/, '')}`).join('; ');
  return reportText(lang, 'footnote', { claim: /[.!?]$/.test(claim) ? claim : `${claim}.`, list }) + '.';
}

/** A finding's sources as "Helgøy 2003; Fehn et al. 1994", the review when it cites no work. */
export function sourcesOf(result: Result, references: readonly string[], lang: Lang): string {
  return references.map((key) => (result.references[key] ? citation(result.references[key]!, lang) : key)).join('; ');
}

/** The sources of several findings, each work once, in the order first cited. */
export function findingsSources(result: Result, findings: readonly string[], lang: Lang): string {
  return sourcesOf(result, [...new Set(findings.flatMap((id) => result.findings[id]?.references ?? []))], lang);
}

/** A finding's place in the review: its line ranges located. */
export function findingPlaces(report: Report, result: Result, finding: string, lang: Lang): string {
  return (result.findings[finding]?.lines ?? []).map((ref) => locationText(report.locations[String(ref)] ?? { lines: ref, chapter: 0, paragraphs: [1, 1] }, lang)).join('; ');
}

export function verdictText(file: ReportFile, lang: Lang): string {
  return keyMessage(file, lang);
}

/** The three or four headline figures as [value, what it is]. */
export function headlineFigures(file: ReportFile, lang: Lang): [string, string][] {
  const h = file.summary.headline;
  const samples = file.result.method.robustness.samples;
  const out: [string, string][] = [];
  if (h.first !== undefined) out.push([shareText(h.first, samples, lang), reportText(lang, 'headline-first')]);
  if (h.score !== undefined && h.interval) out.push([`${decimal(h.score, 0, lang)} (${decimal(h.interval[0], 0, lang)}–${decimal(h.interval[1], 0, lang)})`, reportText(lang, 'headline-score')]);
  if (h.gain !== undefined) out.push([signed(h.gain, 1, lang), h.better !== undefined ? reportText(lang, 'headline-gain', { share: shareText(h.better, samples, lang) }) : reportText(lang, 'headline-gain-unsampled')]);
  out.push([reportText(lang, 'headline-unknown-value', { count: h.unknown, total: h.questions }), reportText(lang, 'headline-unknown')]);
  return out;
}

/** What would change the verdict, one sentence each. */
export function changeLines(file: ReportFile, lang: Lang): string[] {
  const r = file.result;
  const lines = file.summary.tipping.map((t) => tippingSentence(r, t, lang));
  for (const u of file.summary.unknowns) lines.push(reportText(lang, 'unknown-matters', { question: r.questions[u.question]?.label ?? u.question, share: shareText(u.changesLeader, 32, lang) }));
  return lines.length > 0 ? lines : [reportText(lang, 'nothing-would-change')];
}

/** What the report knows of a question, to say its answers with. */
export interface QuestionWords {
  question: string;
  type: string;
  options?: Readonly<Record<string, string>>;
  unit?: string;
}

/** An answer in the profile: its value as the reader gave it, or "don't know" and what was assumed. */
export function profileAnswer(item: QuestionWords & { value: unknown; known: boolean }, lang: Lang): string {
  const value = answerLabel(item, item.value, lang);
  if (item.known) return value;
  return item.type === 'rank' ? `${reportText(lang, 'dont-know')} (${reportText(lang, 'every-order')})` : reportText(lang, 'dont-know-assumed', { value });
}

/** An answer's words: an option's label, a number with its unit and decimal comma, a scale point of five, a ranking in order. */
export function answerLabel(q: QuestionWords, value: unknown, lang: Lang): string {
  if (typeof value === 'boolean') return reportText(lang, value ? 'answer-yes' : 'answer-no');
  if (typeof value === 'number') {
    if (q.type === 'percent') return percent(value / 100, lang);
    if (q.type === 'scale') return reportText(lang, 'scale-value', { n: value });
    const number = decimal(value, Number.isInteger(value) ? 0 : 1, lang);
    return q.unit ? `${number} ${q.unit}` : number;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return reportText(lang, 'answer-none');
    const labels = value.map((v) => q.options?.[String(v)] ?? String(v));
    return q.type === 'rank' ? labels.join(' > ') : labels.join(', ');
  }
  return q.options?.[String(value)] ?? String(value);
}

export function openQuestionLines(result: Result, q: OpenQuestion, lang: Lang, labels: ReadonlyMap<string, QuestionWords & { label: string }>): string[] {
  const lines: string[] = [];
  if (q.status === 'open' || !q.lean) lines.push(reportText(lang, 'lean-open'));
  else if (q.lean === 'learning') lines.push(reportText(lang, 'lean-learning', { criterion: criterionName(result, q.criterion) }));
  // The harms are sentences of their own, each with its full stop or question mark.
  else if (q.lean === 'residual-at-risk') lines.push(reportText(lang, 'lean-residual-at-risk', { misfits: misfitTexts(result, q.misfits).map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)).join(' ') }));
  else lines.push(reportText(lang, `lean-${q.lean}`));
  if (q.best) lines.push(reportText(lang, 'open-best', { model: modelName(result, q.best), criterion: criterionName(result, q.criterion) }));
  const facts = q.facts.map((f) => {
    const label = labels.get(f.question);
    return `${label?.label ?? f.question}: ${profileAnswer({ ...(label ?? { question: f.question, type: '' }), value: f.value, known: f.known }, lang)}`;
  });
  if (facts.length > 0) lines.push(reportText(lang, 'open-facts', { list: facts.join('; ') }));
  return lines;
}

function misfitTexts(result: Result, ids: readonly string[]): string[] {
  const texts: string[] = [];
  for (const id of ids) {
    const m = result.ranking.flatMap((r) => r.misfits).find((x) => x.id === id);
    if (m && !texts.includes(m.text)) texts.push(m.text);
  }
  return texts;
}

/** Misfits (a frame's once), failed and uncertain preconditions, as sentences with the findings behind each. */
export function misfitLines(result: Result, lang: Lang): { text: string; findings: string[] }[] {
  const out: { text: string; findings: string[] }[] = [];
  const frameSaid = new Set<string>();
  for (const entry of result.ranking) {
    for (const m of entry.misfits) {
      if (m.source === 'frame') {
        if (frameSaid.has(m.id)) continue;
        frameSaid.add(m.id);
        out.push({ text: reportText(lang, 'frame-misfit-item', { frame: result.frame?.name ?? '', text: m.text }), findings: m.findings });
      } else out.push({ text: reportText(lang, 'misfit-item', { model: entry.name, text: m.text }), findings: m.findings });
    }
    for (const p of entry.preconditions) {
      if (p.status === 'failed') out.push({ text: reportText(lang, 'precondition-failed-item', { model: entry.name, text: p.failure }), findings: p.findings });
      if (p.status === 'unknown') out.push({ text: reportText(lang, 'precondition-unknown-item', { model: entry.name, text: p.failure }), findings: p.findings });
    }
  }
  return out;
}

/** What a moved contribution is: "the weight of Coherent services", "rating on Measures work". */
export function movedText(result: Result, m: Moved, lang: Lang): string {
  const criterion = criterionName(result, m.criterion);
  if (m.kind === 'adjustment') {
    const x = result.ranking.find((r) => r.model === m.model)?.criteria.find((c) => c.criterion === m.criterion)?.contributions.find((c) => c.kind === 'adjustment' && c.id === m.id);
    const rationale = x?.rationale ?? m.id ?? '';
    // The rationale's first sentence says what the adjustment is; its id is no word for a reader.
    const first = firstSentence(rationale);
    return reportText(lang, 'moved-adjustment', { id: first.replace(/[.!?]$/, ''), criterion });
  }
  return reportText(lang, `moved-${m.kind}`, { criterion });
}

/** A verdict's kind in a few words; without samples there is none (see keyMessage). */
export const verdictKindText = (kind: string, lang: Lang, samples: number) => reportText(lang, samples === 0 ? 'verdict-kind-unsampled' : (`verdict-kind-${kind}` as ReportId));
/**
 * What "against today" counts, when today's organisation is known: the cost of changing
 * that every other model pays, with its value here and the reasons (the findings and
 * orgfit's judgement of its size), so a reader sees why a model that scores more can
 * still be behind today.
 */
export function changeCostNote(r: Result, lang: Lang): string | undefined {
  const change = r.ranking.find((e) => e.change)?.change;
  if (r.today === undefined || !change) return undefined;
  return reportText(lang, 'change-cost-note', { cost: decimal(change.cost, 1, lang), rationale: change.rationale });
}

/** The method's paragraph on the robustness analysis, its samples and thresholds (other words without samples). */
export function robustnessMethod(r: Result, lang: Lang, percentOf: (share: number) => string): string {
  const t = r.verdict.thresholds;
  const { samples, seed } = r.method.robustness;
  if (samples === 0) return reportText(lang, 'method-2-unsampled');
  return reportText(lang, 'method-2', { samples: decimal(samples, 0, lang), seed, clear: percentOf(t.clearFirst), top: percentOf(t.topSet), better: percentOf(t.clearlyBetter) });
}
/** The intro of the ranking and the method's robustness paragraph, which say what the samples are: other words without them. */
export const rankingIntro = (samples: number, lang: Lang) => (samples === 0 ? reportText(lang, 'ranking-intro-unsampled') : reportText(lang, 'ranking-intro', { samples: decimal(samples, 0, lang) }));

export const marksOf = (result: Result, entry: Result['ranking'][number], lang: Lang): string[] => [
  ...(entry.builtIn ? [] : [reportText(lang, 'mark-own')]),
  ...(entry.model === result.today ? [reportText(lang, 'mark-today')] : []),
  ...(entry.feasible ? [] : [reportText(lang, 'mark-not-workable')]),
];

export const scoreText = (entry: Result['ranking'][number], lang: Lang) => decimal(entry.score, 0, lang);
export const intervalText = (entry: Result['ranking'][number], lang: Lang) => `${decimal(entry.interval[0], 0, lang)}–${decimal(entry.interval[1], 0, lang)}`;
export { certaintyLines, certaintyText, decimal, percent, shareText, signed, SYMBOLS };
