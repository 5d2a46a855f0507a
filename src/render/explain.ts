import type { RankedModel, Result } from '../core/result.js';
import { scoredFile } from '../core/summary.js';
import type { Lang } from '../i18n/lang.js';
import { resultText } from '../i18n/result.js';
import type { Painter } from './paint.js';
import type { RenderOptions } from './renderer.js';
import { citation } from './citation.js';
import { decimal, percent, signed, visibleDeep, wrap } from './text.js';
import { keyMessage, shareText } from './verdict.js';

/** What `orgfit explain` shows: one model of one result. */
export interface Explanation {
  result: Result;
  model: string;
}

/**
 * Every contribution to one model's score with its finding in one sentence, the
 * references (author year) and the strength of the evidence: what a manager reads
 * before trusting the number. Lines wrap at `width`, but never below 60 columns.
 */
export function renderExplain({ result, model }: Explanation, { lang, paint, width }: RenderOptions): string {
  // Every name, rationale, claim and reference comes from a file: nothing in them may drive the terminal.
  result = visibleDeep(result);
  const entry = result.ranking.find((r) => r.model === model)!;
  const out: string[] = [];
  out.push(paint.bold(`${entry.name}${entry.feasible ? '' : ` (${resultText(lang, 'not-workable')})`} — ${result.municipality}${result.scenario ? ` (${result.scenario})` : ''}`));
  out.push(resultText(lang, 'score-line', { score: decimal(entry.score, 1, lang), low: decimal(entry.interval[0], 1, lang), high: decimal(entry.interval[1], 1, lang), rank: entry.rank, count: result.ranking.length }));
  const samples = result.method.robustness.samples;
  out.push(resultText(lang, 'robust', { share: shareText(entry.acceptability.first, samples, lang), samples: decimal(samples, 0, lang), rank: decimal(entry.acceptability.meanRank, 1, lang) }));
  if (entry.versusToday) out.push(resultText(lang, 'versus-today-line', { gain: signed(entry.versusToday.gain, 1, lang), share: shareText(entry.versusToday.better, samples, lang) }));
  if (entry.change) out.push(resultText(lang, 'change-line', { cost: decimal(entry.change.cost, 1, lang), rationale: entry.change.rationale }));
  if (entry.acceptability.centralWeights) {
    const weights = Object.entries(entry.acceptability.centralWeights)
      .sort((a, b) => b[1] - a[1])
      .map(([criterion, w]) => `${result.weights.find((x) => x.criterion === criterion)?.name ?? criterion} ${percent(w, lang)}`);
    out.push(resultText(lang, 'central-weights', { list: weights.join(', ') }));
  }
  if (result.frame) out.push(resultText(lang, 'frame-line', { frame: result.frame.name }));
  out.push(`${resultText(lang, 'verdict')}: ${keyMessage(scoredFile(result), lang)}`);
  if (entry.misfits.length > 0) {
    out.push('', paint.bold(resultText(lang, 'misfits')));
    for (const m of entry.misfits) {
      out.push(paint.yellow(`  ⚠ ${m.text}`));
      out.push(...evidence(m.findings, result, lang, paint, '      '));
    }
  }

  if (entry.preconditions.length > 0) {
    out.push('', paint.bold(resultText(lang, 'preconditions')));
    for (const p of entry.preconditions) {
      const mark = p.status === 'met' ? paint.green('✔') : p.status === 'failed' ? paint.red('✖') : paint.yellow('?');
      const status = p.status === 'unknown' ? resultText(lang, 'status-unknown', { share: percent(p.probability, lang) }) : resultText(lang, `status-${p.status}`);
      out.push(`  ${mark} ${p.id}: ${status}${p.status === 'met' ? '' : ` — ${p.failure}`}`);
      out.push(...evidence(p.findings, result, lang, paint, '      '));
    }
  }

  out.push('', paint.bold(resultText(lang, 'criteria')));
  const criteria = [...entry.criteria].sort((a, b) => b.weight - a.weight || (a.criterion < b.criterion ? -1 : 1));
  for (const c of criteria) {
    out.push(
      `  ${paint.bold(c.name)}  ${resultText(lang, 'weight')} ${percent(c.weight, lang)} × ${resultText(lang, 'performance')} ${decimal(c.performance, 0, lang)} (${decimal(c.interval[0], 0, lang)}–${decimal(c.interval[1], 0, lang)}) = ${decimal(c.points, 1, lang)} ${resultText(lang, 'points')}`,
    );
    for (const x of c.contributions) {
      const spread = resultText(lang, 'evidence-spread', { sd: percent(x.sd, lang), studies: { message: 'studies', params: { count: x.studies } } });
      if (x.kind === 'baseline') {
        out.push(`    ${resultText(lang, 'baseline')} ${decimal(x.value, 0, lang)} (${spread}) — ${x.rationale}`);
      } else if (x.kind === 'frame') {
        out.push(`    ${resultText(lang, 'frame-effect', { frame: result.frame?.name ?? x.frame })} ${signed(x.value - 50, 0, lang)} (${spread}) — ${x.rationale}`);
      } else {
        const status =
          x.applies === 'unknown'
            ? resultText(lang, 'applies-unknown', { share: percent(x.expected, lang) })
            : x.expected < 1
              ? resultText(lang, 'applies-share', { share: percent(x.expected, lang) })
              : resultText(lang, 'applies');
        const capped = x.stated !== undefined ? `; ${resultText(lang, 'capped', { stated: signed(x.stated, 0, lang) })}` : '';
        const label = resultText(lang, x.source === 'frame' ? 'frame-adjustment' : 'adjustment');
        out.push(`    ${label} ${signed(x.delta, 1, lang)} [${x.id}] (${status}, ${resultText(lang, 'reads-answers')} ${answered(x.reads, result, lang)}${capped}; ${spread}) — ${x.rationale}`);
      }
      out.push(...evidence(x.findings, result, lang, paint, '      '));
    }
  }

  out.push(...reasons(entry, 'fit', result, lang, paint), ...reasons(entry, 'misfit', result, lang, paint));

  if (entry.evidenceGaps.length > 0) {
    out.push('', paint.bold(resultText(lang, 'gaps')));
    // One line per contribution, naming every way its evidence is thin.
    const grouped = new Map<string, { where: string; gaps: string[]; findings: string[] }>();
    for (const gap of entry.evidenceGaps) {
      const key = `${gap.criterion}/${gap.adjustment ?? ''}`;
      const where = (result.weights.find((w) => w.criterion === gap.criterion)?.name ?? gap.criterion) + (gap.adjustment ? ` [${gap.adjustment}]` : '');
      const group = grouped.get(key) ?? { where, gaps: [], findings: gap.findings };
      group.gaps.push(resultText(lang, `gap-${gap.gap}`));
      grouped.set(key, group);
    }
    for (const group of grouped.values()) out.push(`  • ${group.where}: ${group.gaps.join('; ')} (${group.findings.join(', ')})`);
  }

  const keys = new Set<string>();
  for (const c of entry.criteria) for (const x of c.contributions) x.references.forEach((k) => keys.add(k));
  for (const p of entry.preconditions) p.references.forEach((k) => keys.add(k));
  out.push('', paint.bold(resultText(lang, 'sources')));
  for (const key of [...keys].sort()) {
    const r = result.references[key];
    if (!r) continue;
    out.push(`  ${citation(r, lang)} — ${r.reported} (${resultText(lang, 'lines')} ${r.lines.join(', ')})`);
  }
  // Long lines wrap under their own indent, so a terminal shows a readable column.
  return out.flatMap((line) => {
    const indent = /^\s*/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))![0];
    return wrap(line, Math.max(60, width), { indent: indent + '  ' });
  }).join('\n') + '\n';
}

function evidence(ids: readonly string[], result: Result, lang: Lang, paint: Painter, indent: string): string[] {
  return ids.map((id) => {
    const f = result.findings[id];
    if (!f) return `${indent}${id}`;
    const refs = f.references.map((k) => (result.references[k] ? citation(result.references[k]!, lang) : k)).join('; ');
    return paint.dim(`${indent}${resultText(lang, 'evidence')}: ${resultText(lang, `confidence-${f.confidence}`)} · ${f.claim} (${refs}; ${resultText(lang, 'lines')} ${f.lines.join(', ')}) [${id}]`);
  });
}

function reasons(entry: RankedModel, kind: 'fit' | 'misfit', result: Result, lang: Lang, paint: Painter): string[] {
  const list = entry[kind];
  if (list.length === 0) return [];
  const out = ['', paint.bold(resultText(lang, kind))];
  for (const r of list) {
    const label =
      r.kind === 'criterion'
        ? (result.weights.find((w) => w.criterion === r.id)?.name ?? r.id)
        : r.kind === 'precondition'
          ? `${resultText(lang, 'precondition-failed')}: ${entry.preconditions.find((p) => p.id === r.id)?.failure ?? r.id}`
          : `${resultText(lang, 'adjustment')} ${r.id}${r.reads.length ? ` (${resultText(lang, 'reads-answers')} ${answered(r.reads, result, lang)})` : ''}`;
    const effect = r.kind === 'precondition' ? '' : ` ${signed(r.effect, 1, lang)}`;
    out.push(`  ${kind === 'fit' ? '+' : '−'} ${label}${effect} [${r.findings.join(', ')}]`);
  }
  return out;
}

/** "staff-fte = 80, cooperation-capacity = 3 (assumed)": the answers a condition read. */
function answered(questions: readonly string[], result: Result, lang: Lang): string {
  return questions
    .map((id) => {
      const answer = result.answers[id];
      if (!answer) return id;
      const value = Array.isArray(answer.value) ? `[${answer.value.join(', ')}]` : String(answer.value);
      return `${id} = ${value}${answer.known ? '' : resultText(lang, 'assumed-mark')}`;
    })
    .join(', ');
}
