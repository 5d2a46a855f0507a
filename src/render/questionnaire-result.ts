import type { Result } from '../core/result.js';
import type { Lang } from '../i18n/lang.js';
import { questText } from '../i18n/quest.js';
import type { QuestId } from '../i18n/quest.js';
import { citation } from './citation.js';
import { signed, wrap } from './text.js';

/** How many reasons for, and against, the questionnaire shows for the leading model. */
const SHOWN = 3;

/**
 * The reasons for and against the leading model, in the words of the research: each the
 * claim of its strongest finding, with "Forfatter år" and how sure the evidence is, and the
 * points it moves the score. `orgfit explain` has every contribution; this is the short form
 * a manager reads after the questionnaire.
 */
export function renderReasons(result: Result, lang: Lang, width: number, path: string): string {
  const top = result.ranking.find((m) => m.feasible) ?? result.ranking[0];
  if (!top) return '';
  const rank = { high: 0, moderate: 1, low: 2, 'very-low': 3 } as Record<string, number>;
  // One line per claim: several adjustments resting on the same finding are one reason, their points added.
  const lines = (sign: string, reasons: typeof top.fit): string[] => {
    const merged = new Map<string, { text: string; effect: number; precondition: boolean }>();
    for (const r of reasons) {
      const findings = r.findings.map((id) => result.findings[id]).filter((f) => f !== undefined);
      const strongest = [...findings].sort((a, b) => (rank[a.confidence] ?? 9) - (rank[b.confidence] ?? 9))[0];
      const failure = r.kind === 'precondition' ? top.preconditions.find((p) => p.id === r.id)?.failure : undefined;
      const claim = failure ?? strongest?.claim ?? result.weights.find((w) => w.criterion === r.id)?.name ?? r.id;
      const works = strongest ? [...new Set(strongest.references.map((k) => (result.references[k] ? citation(result.references[k]!, lang) : k)))].join('; ') : '';
      const evidence = strongest ? questText(lang, 'reason-evidence', { works, confidence: questText(lang, `confidence-${strongest.confidence}` as QuestId) }) : '';
      const text = `${claim}${evidence ? ` ${evidence}` : ''}`;
      const seen = merged.get(text);
      if (seen) seen.effect += r.effect;
      else merged.set(text, { text, effect: r.effect, precondition: r.kind === 'precondition' });
    }
    return [...merged.values()].slice(0, SHOWN).flatMap(({ text, effect, precondition }) => {
      const points = precondition ? '' : ` ${questText(lang, 'reason-points', { points: signed(effect, 1, lang) })}`;
      return wrap(`${sign} ${text}${points}`, width - 3, { indent: '  ' }).map((l) => `  ${l}`);
    });
  };
  const out = [questText(lang, 'reasons-title', { model: top.name })];
  if (top.fit.length > 0) out.push(questText(lang, 'reasons-for'), ...lines('+', top.fit));
  if (top.misfit.length > 0) out.push(questText(lang, 'reasons-against'), ...lines('−', top.misfit));
  out.push(questText(lang, 'reasons-more', { id: top.model, path }));
  return out.join('\n') + '\n';
}
