import type { RankedModel, Result } from '../core/result.js';
import type { ScoredFile } from '../core/summary.js';
import type { ScoreRenderOptions } from './registry/score.js';
import type { FormatRenderer, RenderOptions } from './renderer.js';
import { resultText } from '../i18n/result.js';
import { decimal, pad, padStart, signed, truncate, visibleDeep, wrap } from './text.js';
import { answerText, certaintyLines, keyMessage, shareText, tippingSentence } from './verdict.js';

/**
 * The result as a manager reads it at a terminal: the verdict in one sentence first,
 * then one line per model (score with its 80 % interval, gain or loss against today,
 * the share of plausible cases in which it comes first, and in words), the misfits to
 * resolve, what would change the verdict, the unknown answers that matter, and what the
 * numbers mean, said once. Laid out for the terminal's width, never wider than 100.
 */
export function renderScoreTable(files: readonly ScoredFile[], options: RenderOptions): string {
  // Names, municipalities and assumptions come from files: nothing in them may drive the terminal.
  files = visibleDeep(files);
  const blocks = files.map((file) => renderOne(file, options));
  if (files.length > 1) blocks.push(renderSummary(files.map((f) => f.result), options));
  return blocks.join('\n');
}

export const scoreTable: FormatRenderer<readonly ScoredFile[], ScoreRenderOptions, ScoredFile, string> = { render: renderScoreTable };

/**
 * Several municipalities or scenarios side by side: the verdict (with the model it names),
 * and which model fits best and how surely. The two differ when the verdict keeps today's
 * organisation although another fits a little better.
 */
function renderSummary(results: readonly Result[], { lang, paint, width }: RenderOptions): string {
  const total = Math.min(width, 100);
  const firstHead = resultText(lang, 'first');
  const firstWidth = Math.max(5, firstHead.length);
  const rest = total - firstWidth - 3;
  const nameWidth = Math.max(12, Math.floor(rest * 0.24));
  const verdictWidth = Math.floor((rest - nameWidth) / 2);
  const bestWidth = rest - nameWidth - verdictWidth;
  const head = [pad(resultText(lang, 'municipality'), nameWidth), pad(resultText(lang, 'summary-verdict'), verdictWidth), pad(resultText(lang, 'summary-best-fit'), bestWidth), padStart(firstHead, firstWidth)];
  const out = [paint.bold(resultText(lang, 'summary')), paint.dim(head.join(' '))];
  for (const result of results) {
    const who = result.scenario ? `${result.municipality} (${result.scenario})` : result.municipality;
    const named = result.ranking.find((r) => r.model === result.verdict.leader);
    // Without samples there is no verdict (see keyMessage).
    const verdict = resultText(lang, result.method.robustness.samples === 0 ? 'summary-unsampled' : `summary-${result.verdict.kind}`, { model: named?.name ?? '–' });
    const best = result.ranking[0];
    const first = best ? shareText(best.acceptability.first, result.method.robustness.samples, lang) : '–';
    out.push([pad(truncate(who, nameWidth), nameWidth), pad(truncate(verdict, verdictWidth), verdictWidth), pad(truncate(best?.name ?? '–', bestWidth), bestWidth), padStart(first, firstWidth)].join(' ').trimEnd());
  }
  return out.join('\n') + '\n';
}

function renderOne(file: ScoredFile, { lang, paint, width }: RenderOptions): string {
  const { result } = file;
  const columns = Math.min(width, 100);
  const samples = result.method.robustness.samples;
  const say = (text: string, indent = '  ') => wrap(text, columns, { indent });
  const out: string[] = [];
  const title = result.scenario ? `${result.municipality} — ${resultText(lang, 'scenario')}: ${result.scenario}` : result.municipality;
  out.push(...say(title).map((l) => paint.bold(l)));
  const context = [
    ...(result.frame ? [resultText(lang, 'within-frame', { frame: result.frame.name })] : []),
    ...(result.today ? [resultText(lang, 'today-is', { model: result.ranking.find((r) => r.model === result.today)?.name ?? result.today })] : []),
  ];
  if (context.length > 0) out.push(...say(context.join(' ')).map((l) => paint.dim(l)));
  out.push('', ...say(`${resultText(lang, 'verdict')}: ${keyMessage(file, lang)}`).map((l) => paint.bold(l)));
  // How sure, in the words the report uses: the one summary of the core (src/core/summary.ts).
  if (samples > 0) out.push(...certaintyLines(file, lang).flatMap((l) => say(l)));
  out.push('');

  // rank (2) + name + score with interval (12) + against today (9, when today is known) + first (8), one space between
  const today = result.today !== undefined;
  const scoreWidth = 12;
  const todayWidth = 9;
  const nameWidth = Math.max(20, columns - 2 - scoreWidth - (today ? todayWidth + 1 : 0) - 8 - 3);
  out.push(paint.dim([padStart(resultText(lang, 'rank'), 2), pad(resultText(lang, 'model'), nameWidth), pad(resultText(lang, 'score'), scoreWidth), ...(today ? [pad(resultText(lang, 'versus-today'), todayWidth)] : []), resultText(lang, 'first')].join(' ')));
  for (const entry of result.ranking) {
    const score = `${padStart(decimal(entry.score, 0, lang), 3)} (${decimal(entry.interval[0], 0, lang)}–${decimal(entry.interval[1], 0, lang)})`;
    const isToday = entry.model === result.today;
    // The marks say what the row is (the user's own model, today's, not workable): a long name is shortened, not they
    // (unless the terminal is too narrow to leave the name a few columns).
    const marks = `${entry.builtIn ? '' : ` (${resultText(lang, 'own-model-mark')})`}${isToday ? ` (${resultText(lang, 'today-mark')})` : ''}${entry.feasible ? '' : ` (${resultText(lang, 'not-workable')})`}`;
    const room = nameWidth - [...marks].length;
    const name = room >= 8 ? `${truncate(entry.name, room)}${marks}` : truncate(`${entry.name}${marks}`, nameWidth);
    const versus = today ? [pad(entry.versusToday ? signed(entry.versusToday.gain, 1, lang) : isToday ? '·' : '', todayWidth)] : [];
    const first = shareText(entry.acceptability.first, samples, lang);
    const line = [padStart(String(entry.rank), 2), pad(name, nameWidth), pad(score, scoreWidth), ...versus, padStart(first, 5)].join(' ');
    out.push(entry.feasible ? paint.bold(line) : paint.dim(line));
    out.push(...detail(entry, result, lang, columns).map((l) => paint.dim(l)));
  }

  const notes: string[] = [];
  for (const entry of result.ranking) {
    for (const m of entry.misfits) {
      // A frame's misfit is the same for every organisation in it: said once, under the first.
      if (m.source === 'frame' && entry !== result.ranking[0]) continue;
      const text = m.source === 'frame' ? resultText(lang, 'frame-misfit-line', { text: m.text }) : resultText(lang, 'misfit-line', { model: entry.name, text: m.text });
      notes.push(paint.yellow(`⚠ ${text} [${m.findings.join(', ')}]`));
    }
    for (const p of entry.preconditions) {
      if (p.status === 'failed') notes.push(paint.red(`✖ ${resultText(lang, 'precondition-failed')} – ${entry.name}: ${p.failure} [${p.findings.join(', ')}]`));
      if (p.status === 'unknown') notes.push(paint.yellow(`? ${resultText(lang, 'precondition-unknown')} – ${entry.name}: ${p.failure} [${p.findings.join(', ')}]`));
    }
  }
  if (notes.length > 0) out.push('', ...notes.flatMap((note) => say(note)));

  if (samples > 0) {
    out.push('', paint.bold(resultText(lang, 'tipping-head')));
    if (result.tippingPoints.length === 0) out.push(...say(`  ${resultText(lang, 'tipping-none')}`, '    '));
    for (const t of result.tippingPoints) out.push(...say(`  • ${tippingSentence(result, t, lang)}`, '    '));
  }
  if (result.assumptions.length > 0) {
    const matter = result.unknownsThatMatter.filter((u) => u.changesLeader > 0);
    out.push('', paint.bold(resultText(lang, 'unknowns-head')));
    if (matter.length === 0) out.push(...say(`  ${resultText(lang, 'unknowns-none')}`, '    '));
    for (const u of matter.slice(0, 3)) out.push(...say(`  • ${resultText(lang, 'unknown-line', { question: result.questions[u.question]?.label ?? u.question, share: shareText(u.changesLeader, 32, lang) })}`, '    '));
    const assumed = `${resultText(lang, 'assumed')}: ${result.assumptions.map((a) => `${result.questions[a.question]?.label ?? a.question} = ${a.assumed === undefined ? resultText(lang, 'assumed-every-order') : answerText(result, a.question, a.assumed, lang)}`).join('; ')}`;
    out.push(...say(assumed).map((l) => paint.dim(l)));
  }

  out.push('', ...say(resultText(lang, 'legend', { samples: decimal(samples, 0, lang) })).map((l) => paint.dim(l)));
  if (today) out.push(...say(resultText(lang, 'legend-today')).map((l) => paint.dim(l)));
  const lead = result.verdict.leader ?? result.ranking[0]?.model ?? '';
  out.push(...say(resultText(lang, 'explain-hint', { model: lead, file: result.source ?? '-' })).map((l) => paint.dim(l)));
  out.push(...say(resultText(lang, 'explain-hint-models', { list: result.ranking.map((r) => r.model).join(', ') })).map((l) => paint.dim(l)));
  return out.join('\n') + '\n';
}

/** The line under a model: how often it comes first and is better than today, in words, and what helps and holds it back. */
function detail(entry: RankedModel, result: Result, lang: RenderOptions['lang'], columns: number): string[] {
  const samples = result.method.robustness.samples;
  const parts: string[] = [];
  if (samples > 0) parts.push(resultText(lang, 'row-first', { share: shareText(entry.acceptability.first, samples, lang) }));
  if (entry.versusToday && samples > 0) parts.push(resultText(lang, 'row-better', { share: shareText(entry.versusToday.better, samples, lang) }));
  const sorted = [...entry.criteria].sort((a, b) => b.effect - a.effect || (a.criterion < b.criterion ? -1 : 1));
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  if (best && best.effect >= 0.5) parts.push(`↑ ${best.name} ${signed(best.effect, 1, lang)}`);
  if (worst && worst.effect <= -0.5) parts.push(`↓ ${worst.name} ${signed(worst.effect, 1, lang)}`);
  return parts.length === 0 ? [] : wrap(`     ${parts.join(' · ')}`, columns, { indent: '     ' });
}
