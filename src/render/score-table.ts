import type { Result } from '../core/result.js';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/lang.js';
import type { Painter } from './paint.js';
import { decimal, fit, pad, padStart, percent, signed, word, wrap } from './words.js';
import { visibleAll } from './text-safety.js';

export interface TableOptions {
  lang: Lang;
  paint: Painter;
  /** Terminal width; the table is laid out for 80 columns and never wider than this. */
  width?: number;
}

/**
 * The ranking as a manager reads it at a terminal: rank, model, score with its
 * interval, and the two criteria that helped and hurt most; then which places the
 * uncertainty cannot separate, failed preconditions and what was assumed.
 */
export function renderScoreTable(unsafe: readonly Result[], options: TableOptions): string {
  const results = visibleAll(unsafe);
  const blocks = results.map((result) => renderOne(result, options));
  if (results.length > 1) blocks.push(renderSummary(results, options));
  return blocks.join('\n');
}

/** Several municipalities or scenarios side by side: who leads where, and how surely. */
function renderSummary(results: readonly Result[], { lang, paint, width = 80 }: TableOptions): string {
  const total = Math.min(width, 100);
  const nameWidth = Math.max(16, Math.floor((total - 22) / 2));
  const modelWidth = total - nameWidth - 22;
  const out = [paint.bold(word('summary', lang)), paint.dim([pad(word('municipality', lang), nameWidth), pad(word('best', lang), modelWidth), pad(word('score', lang), 13), word('first', lang)].join(' '))];
  for (const result of results) {
    const best = result.ranking.find((r) => r.feasible) ?? result.ranking[0];
    if (!best) continue;
    const who = result.scenario ? `${result.municipality} (${result.scenario})` : result.municipality;
    const score = `${padStart(decimal(best.score, 0, lang), 3)} (${decimal(best.interval[0], 0, lang)}–${decimal(best.interval[1], 0, lang)})`;
    const first = result.method.samples > 0 ? percent(best.robustness.first, lang) : '–';
    out.push([pad(fit(who, nameWidth), nameWidth), pad(fit(best.name, modelWidth), modelWidth), pad(score, 13), padStart(first, 5)].join(' ').trimEnd());
  }
  return out.join('\n') + '\n';
}

function renderOne(result: Result, { lang, paint, width = 80 }: TableOptions): string {
  const out: string[] = [];
  const title = result.scenario ? `${result.municipality} — ${word('scenario', lang)}: ${result.scenario}` : result.municipality;
  out.push(...wrap(title, Math.min(width, 100), '  ').map((l) => paint.bold(l)));
  // rank (2) + name + score with interval (13) + P(first) (up to 6) + three spaces
  const nameWidth = Math.max(20, Math.min(width, 100) - 24);
  out.push(paint.dim([padStart(word('rank', lang), 2), pad(word('model', lang), nameWidth), pad(word('score', lang), 13), word('first', lang)].join(' ')));
  for (const entry of result.ranking) {
    const sorted = [...entry.criteria].sort((a, b) => b.effect - a.effect || (a.criterion < b.criterion ? -1 : 1));
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    const score = `${padStart(decimal(entry.score, 0, lang), 3)} (${decimal(entry.interval[0], 0, lang)}–${decimal(entry.interval[1], 0, lang)})`;
    const name = entry.feasible ? entry.name : `${entry.name} (${word('notWorkable', lang)})`;
    const line = [padStart(String(entry.rank), 2), pad(fit(name, nameWidth), nameWidth), pad(score, 13), padStart(result.method.samples > 0 ? percent(entry.robustness.first, lang) : '–', 5)].join(' ');
    out.push(entry.feasible ? paint.bold(line) : paint.dim(line));
    const helped = best && best.effect > 0 ? `↑ ${best.name} ${signed(best.effect, 1, lang)}` : '';
    const hurt = worst && worst.effect < 0 ? `↓ ${worst.name} ${signed(worst.effect, 1, lang)}` : '';
    const half = Math.floor((Math.min(width, 100) - 5) / 2);
    const detail = `     ${pad(fit(helped, half), half)} ${fit(hurt, half)}`.trimEnd();
    if (detail.trim()) out.push(paint.dim(detail));
  }

  const notes: string[] = [];
  const feasible = result.ranking.filter((r) => r.feasible);
  // The question a manager asks: is the leader really best? Name every workable model
  // that beats it in at least a quarter of the robustness samples.
  const leader = feasible[0];
  if (leader && result.method.samples > 0) {
    const close = feasible.slice(1).filter((other) => (leader.robustness.beats[other.model] ?? 1) < 0.75);
    if (close.length > 0) {
      const list = close.map((other) => `${other.name} (${percent(1 - (leader.robustness.beats[other.model] ?? 1), lang)})`).join(', ');
      notes.push(fill(word('leaderUncertain', lang), { leader: leader.name, list }));
    } else if (feasible.length > 1) {
      notes.push(fill(word('leaderClear', lang), { leader: leader.name }));
    }
  }
  for (const entry of result.ranking) {
    for (const p of entry.preconditions) {
      if (p.status === 'failed') notes.push(paint.red(`✖ ${word('precondition', lang)} – ${entry.name}: ${p.failure} [${p.findings.join(', ')}]`));
      if (p.status === 'unknown') notes.push(paint.yellow(`? ${word('preconditionUnknown', lang)} – ${entry.name}: ${p.failure} [${p.findings.join(', ')}]`));
    }
  }
  if (notes.length > 0) out.push('', ...notes.flatMap((note) => wrap(note, Math.min(width, 100), '  ')));
  if (result.assumptions.length > 0) {
    const line = `${word('assumed', lang)}: ${result.assumptions.map((a) => `${a.question} = ${show(a.assumed)}`).join(', ')}`;
    out.push('', ...wrap(line, Math.min(width, 100), '  ').map((l) => paint.dim(l)));
  }
  out.push(paint.dim(word('explainHint', lang)));
  return out.join('\n') + '\n';
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}
