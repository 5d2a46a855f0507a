import type { Result } from '../core/result.js';
import type { ScoredFile } from '../core/summary.js';
import type { Confidence } from '../schema/index.js';
import type { Lang } from '../i18n/lang.js';
import { resultText } from '../i18n/result.js';
import { decimal, percent } from './text.js';

/*
 * How a result is said in words, shared by every renderer that shows a ranking (the
 * table, explain, reports, the questionnaire's summary): the verdict with wording that
 * follows the certainty, shares rounded to what their Monte Carlo error allows, and
 * answers as a reader knows them.
 */

/**
 * A share of the robustness samples, rounded to the coarsest of 1, 2, 5 or 10 percentage
 * points that its Monte Carlo error (at 95 %) cannot move: a figure is never printed more
 * precisely than the samples know it.
 */
export function shareText(share: number, samples: number, lang: Lang): string {
  // No samples, no share: a dash rather than a 0 % that reads as a finding.
  if (samples === 0) return '–';
  const error = samples > 0 ? 1.96 * Math.sqrt((share * (1 - share)) / samples) * 100 : Infinity;
  const step = [1, 2, 5, 10].find((s) => error <= s / 2) ?? 10;
  return percent((Math.round((share * 100) / step) * step) / 100, lang);
}

const modelName = (result: Result, id: string | undefined) => result.ranking.find((r) => r.model === id)?.name ?? id ?? '';

/**
 * The verdict as every command says it (the table, explain, reports): the claim worded by how sure the verdict is, in
 * GRADE's manner (high: "is"; moderate: "probably"; low: "may"; very low: "very uncertain
 * whether"), then the figure it rests on. Without a robustness analysis there is no verdict
 * to word, and it says so.
 */
export function keyMessage(file: ScoredFile, lang: Lang): string {
  const result = file.result;
  const { certainty } = file.summary;
  const v = result.verdict;
  const samples = result.method.robustness.samples;
  if (samples === 0) return resultText(lang, 'verdict-unsampled');
  const leader = result.ranking.find((r) => r.model === v.leader);
  const share = shareText(leader?.acceptability.first ?? 0, samples, lang);
  switch (v.kind) {
    case 'keep': {
      const model = modelName(result, v.leader);
      const detail =
        leader && result.ranking[0]?.model === leader.model
          ? resultText(lang, 'detail-keep-first', { share })
          : resultText(lang, 'detail-keep', { threshold: percent(v.thresholds.clearlyBetter, lang) });
      return `${resultText(lang, `claim-keep-${certainty}`, { model })} ${detail}`;
    }
    case 'clear': {
      const detail =
        (leader?.acceptability.first ?? 0) >= 0.9
          ? resultText(lang, 'detail-lead-sure', { share })
          : resultText(lang, 'detail-lead', { share, threshold: percent(v.thresholds.clearFirst, lang) });
      return `${resultText(lang, `claim-lead-${certainty}`, { model: leader?.name ?? '' })} ${detail}`;
    }
    case 'indistinguishable': {
      const list = v.models.map((id) => modelName(result, id)).join(', ');
      return `${resultText(lang, `claim-several-${certainty}`, { list })} ${resultText(lang, 'detail-several', { threshold: percent(v.thresholds.topSet, lang) })}`;
    }
    case 'undecided':
      return v.models.length === 0 ? resultText(lang, 'verdict-none') : resultText(lang, 'verdict-undecided', { list: v.models.map((id) => modelName(result, id)).join(', ') });
  }
}

/** An answer as the reader gave it: an option's label, a number with its unit and decimal comma, a ranking in order. */
export function answerText(result: Result, question: string, value: unknown, lang: Lang): string {
  const q = result.questions[question];
  if (typeof value === 'boolean') return resultText(lang, value ? 'answer-yes' : 'answer-no');
  if (typeof value === 'number') {
    const number = decimal(value, Number.isInteger(value) ? 0 : 1, lang);
    if (q?.type === 'percent') return percent(value / 100, lang);
    return q?.unit && q.type === 'integer' ? `${number} ${q.unit}` : number;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return resultText(lang, 'answer-none');
    const labels = value.map((v) => q?.options?.[String(v)] ?? String(v));
    return q?.type === 'rank' ? labels.join(' > ') : labels.join(', ');
  }
  return q?.options?.[String(value)] ?? String(value);
}

/** One tipping point as a sentence: "Specialised would come first if the share of measures work were 38 % instead of 25 %." */
export function tippingSentence(result: Result, tipping: Result['tippingPoints'][number], lang: Lang): string {
  const id = (`tipping-${tipping.kind}` as const);
  return resultText(lang, id, {
    model: modelName(result, tipping.model),
    leader: modelName(result, tipping.leader),
    question: result.questions[tipping.question]?.label ?? tipping.question,
    from: answerText(result, tipping.question, tipping.from, lang),
    to: answerText(result, tipping.question, tipping.to, lang),
  });
}

/** GRADE's symbols for the four levels of certainty. */
export const SYMBOLS: Readonly<Record<Confidence, string>> = { high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', 'very-low': '⊕◯◯◯' };

/** "⊕⊕◯◯ lav". */
export const certaintyText = (level: Confidence, lang: Lang) => `${SYMBOLS[level]} ${resultText(lang, `certainty-${level}`)}`;

/** How sure the verdict is, and why it is not surer: the same lines in the terminal and in the report. */
export function certaintyLines(file: ScoredFile, lang: Lang): string[] {
  const s = file.summary;
  // Without a robustness analysis there is no verdict, so nothing to be sure of.
  if (file.result.method.robustness.samples === 0) return [];
  const lines = [resultText(lang, 'certainty-line', { symbols: SYMBOLS[s.certainty], level: resultText(lang, `certainty-${s.certainty}`) })];
  if (s.downgrades.length > 0) lines.push(resultText(lang, 'certainty-why', { list: s.downgrades.map((d) => resultText(lang, d === 'thin-evidence' && s.evidence === 'very-low' ? 'downgrade-very-thin-evidence' : `downgrade-${d}`, { level: resultText(lang, `certainty-${s.evidence}`) })).join('; ') }));
  return lines;
}
