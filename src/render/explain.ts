import type { RankedModel, Result } from '../core/result.js';
import type { Lang } from '../i18n/lang.js';
import { fill } from '../i18n/lang.js';
import type { Painter } from './paint.js';
import { citation, CONFIDENCE_WORDS, decimal, GAP_WORDS, percent, signed, word, wrap } from './words.js';
import { visibleAll } from './text-safety.js';

const HEAD = {
  scoreLine: { nb: 'Poeng {score} (intervall {low}–{high}), plass {rank} av {count}.', en: 'Score {score} (interval {low}–{high}), rank {rank} of {count}.' },
  robust: { nb: 'Førsteplass i {p} av {n} trekk i robusthetsanalysen.', en: 'First in {p} of {n} samples of the robustness analysis.' },
  preconditions: { nb: 'Forutsetninger', en: 'Preconditions' },
  met: { nb: 'oppfylt', en: 'met' },
  failed: { nb: 'IKKE oppfylt', en: 'NOT met' },
  unknown: { nb: 'usikker («vet ikke»)', en: 'uncertain ("don’t know")' },
  criteria: { nb: 'Kriterier (vekt × ytelse = poeng)', en: 'Criteria (weight × performance = points)' },
  sources: { nb: 'Kilder', en: 'Sources' },
  notCounted: { nb: 'ikke regnet med i poengsummen, men med i intervallet', en: 'not counted in the score, but in the interval' },
} as const;

/**
 * Every contribution to one model's score with its finding in one sentence, the
 * references (author year) and the strength of the evidence: what a manager reads
 * before trusting the number.
 */
export function renderExplain(unsafe: Result, model: string, { lang, paint, width = 100 }: { lang: Lang; paint: Painter; width?: number }): string {
  const result = visibleAll(unsafe);
  const entry = result.ranking.find((r) => r.model === model)!;
  const out: string[] = [];
  const h = (key: keyof typeof HEAD, params: Record<string, string | number> = {}) => fill(HEAD[key][lang], params);
  out.push(paint.bold(`${entry.name}${entry.feasible ? '' : ` (${word('notWorkable', lang)})`} — ${result.municipality}${result.scenario ? ` (${result.scenario})` : ''}`));
  out.push(h('scoreLine', { score: decimal(entry.score, 1, lang), low: decimal(entry.interval[0], 1, lang), high: decimal(entry.interval[1], 1, lang), rank: entry.rank, count: result.ranking.length }));
  out.push(h('robust', { p: percent(entry.robustness.first, lang), n: result.method.samples }));

  if (entry.preconditions.length > 0) {
    out.push('', paint.bold(h('preconditions')));
    for (const p of entry.preconditions) {
      const mark = p.status === 'met' ? paint.green('✔') : p.status === 'failed' ? paint.red('✖') : paint.yellow('?');
      out.push(`  ${mark} ${p.id}: ${h(p.status)}${p.status === 'met' ? '' : ` — ${p.failure}`}`);
      out.push(...evidence(p.findings, result, lang, paint, '      '));
    }
  }

  out.push('', paint.bold(h('criteria')));
  const criteria = [...entry.criteria].sort((a, b) => b.weight - a.weight || (a.criterion < b.criterion ? -1 : 1));
  for (const c of criteria) {
    out.push(
      `  ${paint.bold(c.name)}  ${word('weight', lang)} ${percent(c.weight, lang)} × ${word('performance', lang)} ${decimal(c.performance, 0, lang)} (${decimal(c.interval[0], 0, lang)}–${decimal(c.interval[1], 0, lang)}) = ${decimal(c.points, 1, lang)} ${word('points', lang)}`,
    );
    for (const x of c.contributions) {
      if (x.kind === 'baseline') {
        out.push(`    ${word('baseline', lang)} ${decimal(x.value, 0, lang)} ±${decimal(x.spread, 0, lang)} — ${x.rationale}`);
      } else {
        const status = x.applies === 'yes' ? word('applies', lang) : word('appliesUnknown', lang);
        const counted = x.counted ? '' : `; ${h('notCounted')}`;
        out.push(`    ${word('adjustment', lang)} ${signed(x.delta, 0, lang)} [${x.id}] (${status}, ${word('readsAnswers', lang)} ${answered(x.reads, result, lang)}${counted}) — ${x.rationale}`);
      }
      out.push(...evidence(x.findings, result, lang, paint, '      '));
    }
  }

  out.push(...reasons(entry, 'fit', result, lang, paint), ...reasons(entry, 'misfit', result, lang, paint));

  if (entry.evidenceGaps.length > 0) {
    out.push('', paint.bold(word('gaps', lang)));
    // One line per contribution, naming every way its evidence is thin.
    const grouped = new Map<string, { where: string; gaps: string[]; findings: string[] }>();
    for (const gap of entry.evidenceGaps) {
      const key = `${gap.criterion}/${gap.adjustment ?? ''}`;
      const where = (result.weights.find((w) => w.criterion === gap.criterion)?.name ?? gap.criterion) + (gap.adjustment ? ` [${gap.adjustment}]` : '');
      const group = grouped.get(key) ?? { where, gaps: [], findings: gap.findings };
      group.gaps.push(GAP_WORDS[gap.gap][lang]);
      grouped.set(key, group);
    }
    for (const group of grouped.values()) out.push(`  • ${group.where}: ${group.gaps.join('; ')} (${group.findings.join(', ')})`);
  }

  const keys = new Set<string>();
  for (const c of entry.criteria) for (const x of c.contributions) x.references.forEach((k) => keys.add(k));
  for (const p of entry.preconditions) p.references.forEach((k) => keys.add(k));
  out.push('', paint.bold(HEAD.sources[lang]));
  for (const key of [...keys].sort()) {
    const r = result.references[key];
    if (!r) continue;
    out.push(`  ${citation(r, lang)} — ${r.reported} (${word('lines', lang)} ${r.lines.join(', ')})`);
  }
  // Long lines wrap under their own indent, so a terminal shows a readable column.
  return out.flatMap((line) => {
    const indent = /^\s*/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))![0];
    return wrap(line, Math.max(60, width), indent + '  ');
  }).join('\n') + '\n';
}

function evidence(ids: readonly string[], result: Result, lang: Lang, paint: Painter, indent: string): string[] {
  return ids.map((id) => {
    const f = result.findings[id];
    if (!f) return `${indent}${id}`;
    const refs = f.references.map((k) => (result.references[k] ? citation(result.references[k]!, lang) : k)).join('; ');
    return paint.dim(`${indent}${word('evidence', lang)}: ${CONFIDENCE_WORDS[f.confidence as keyof typeof CONFIDENCE_WORDS]?.[lang] ?? f.confidence} · ${f.claim} (${refs}; ${word('lines', lang)} ${f.lines.join(', ')}) [${id}]`);
  });
}

function reasons(entry: RankedModel, kind: 'fit' | 'misfit', result: Result, lang: Lang, paint: Painter): string[] {
  const list = entry[kind];
  if (list.length === 0) return [];
  const out = ['', paint.bold(word(kind, lang))];
  for (const r of list) {
    const label =
      r.kind === 'criterion'
        ? (result.weights.find((w) => w.criterion === r.id)?.name ?? r.id)
        : r.kind === 'precondition'
          ? `${word('precondition', lang)}: ${entry.preconditions.find((p) => p.id === r.id)?.failure ?? r.id}`
          : `${word('adjustment', lang)} ${r.id}${r.reads.length ? ` (${word('readsAnswers', lang)} ${answered(r.reads, result, lang)})` : ''}`;
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
      return `${id} = ${value}${answer.known ? '' : lang === 'nb' ? ' (antatt)' : ' (assumed)'}`;
    })
    .join(', ');
}
