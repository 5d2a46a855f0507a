import type { Report, ReportFile } from '../core/report.js';
import type { Lang } from '../i18n/lang.js';
import { reportText } from '../i18n/report.js';
import { citation } from './citation.js';
import type { ReportRenderOptions } from './registry/report.js';
import {
  certaintyLines,
  certaintyText,
  changeLines,
  decimal,
  footnoteText,
  headlineFigures,
  rowSources,
  intervalText,
  locationText,
  marksOf,
  misfitLines,
  modelName,
  movedText,
  openQuestionLines,
  profileAnswer,
  scoreText,
  shareText,
  signed,
  title,
  changeCostNote,
  rankingIntro,
  robustnessMethod,
  findingsSources,
  verdictKindText,
  verdictText,
  whoOf,
} from './report-words.js';
import { visible, width } from './text.js';

/*
 * The report as Markdown, within what GitHub, GitLab and pandoc all read the same way:
 * ATX headings, pipe tables, footnotes (pandoc makes them Word footnotes), no raw HTML.
 * Checked by markdownlint and a remark round-trip in test/render/report-md.test.ts.
 */

/** Text from the data or a file, made inert: no markup, no HTML, no line break. */
export function md(text: string): string {
  return visible(text)
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([+\-=])/, '\\$1')
    .replace(/^(\d+)\. /, '$1\\. ');
}

/** A pipe table, its columns padded so that the source reads as a table too. */
function table(head: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const widths = head.map((h, i) => Math.max(3, width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const cell = (text: string, i: number) => (align[i] === 'r' ? ' '.repeat(widths[i]! - width(text)) + text : text + ' '.repeat(widths[i]! - width(text)));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)];
}

export function renderReportMd(report: Report, { lang, version }: ReportRenderOptions): string {
  const out: string[] = [];
  const several = report.files.length > 1;
  const say = (id: Parameters<typeof reportText>[1], params?: Parameters<typeof reportText>[2]) => reportText(lang, id, params);
  out.push(`# ${md(title(report, lang))}`, '', md(say('subtitle', { version })), '');
  if (report.comparison) comparison(report, out, lang);
  report.files.forEach((file, i) => fileSection(report, file, i, several ? 2 : 1, out, lang));
  out.push(`## ${say('h-method')}`, '');
  const r0 = report.files[0]!.result;
  out.push(md(say('method-1')), '', md(robustnessMethod(r0, lang, (x) => percentText(x, lang))), '', md(say('method-3')), '', md(say('method-4')), '');
  bibliography(report, out, lang);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

const percentText = (share: number, lang: Lang) => reportText(lang, 'percent', { n: Math.round(share * 100) });

function fileSection(report: Report, file: ReportFile, index: number, depth: number, out: string[], lang: Lang): void {
  const r = file.result;
  const h = (level: number) => '#'.repeat(depth + level);
  const say = (id: Parameters<typeof reportText>[1], params?: Parameters<typeof reportText>[2]) => reportText(lang, id, params);
  const tag = `f${index + 1}`;
  if (depth > 1) out.push(`${h(0)} ${md(whoOf(r))}`, '');
  if (r.source) out.push(md(say('file-line', { file: r.source })), '');

  out.push(`${h(1)} ${say('h-summary')}`, '');
  out.push(`**${say('key-message')}:** ${md(verdictText(file, lang))}`, '');
  out.push(...certaintyLines(file, lang).map(md).flatMap((l) => [l, '']));
  out.push(`${h(2)} ${say('headline')}`, '');
  for (const [value, what] of headlineFigures(file, lang)) out.push(`- **${md(value)}** ${md(what)}`);
  out.push('', `${h(2)} ${say('what-would-change')}`, '');
  for (const line of changeLines(file, lang)) out.push(`- ${md(line)}`);
  out.push('', md(say('read-past')), '');

  out.push(`${h(1)} ${say('h-profile')}`, '', md(say('profile-intro')), '');
  if (r.frame) out.push(md(say('frame-line', { frame: r.frame.name, summary: r.frame.summary })), '');
  out.push(md(r.today ? say('today-line', { model: modelName(r, r.today) }) : say('today-unknown')), '');
  for (const section of file.profile) {
    if (section.items.length === 0) continue;
    out.push(`${h(2)} ${md(section.title)}`, '');
    out.push(...table([say('question'), say('answer')], section.items.map((item) => [md(item.label), md(profileAnswer(item, lang))])), '');
  }

  const samples = r.method.robustness.samples;
  out.push(`${h(1)} ${say('h-ranking')}`, '', md(rankingIntro(samples, lang)), '');
  const today = r.today !== undefined;
  out.push(
    ...table(
      [say('col-rank'), say('col-model'), say('col-score'), say('col-interval'), say('col-first'), say('col-mean-rank'), ...(today ? [say('col-today'), say('col-better')] : [])],
      r.ranking.map((e) => {
        const marks = marksOf(r, e, lang);
        return [
          String(e.rank),
          md(e.name) + (marks.length ? ` (${md(marks.join(', '))})` : ''),
          scoreText(e, lang),
          intervalText(e, lang),
          shareText(e.acceptability.first, samples, lang),
          samples > 0 ? decimal(e.acceptability.meanRank, 1, lang) : '–',
          ...(today ? [e.versusToday ? signed(e.versusToday.gain, 1, lang) : '·', e.versusToday && samples > 0 ? shareText(e.versusToday.better, samples, lang) : '·'] : []),
        ];
      }),
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    md(say('ranking-meaning')),
    '',
  );
  const changeNote = changeCostNote(r, lang);
  if (changeNote) out.push(md(changeNote), '');
  const places = r.ranking.length;
  if (samples > 0) out.push(`${h(2)} ${say('h-acceptability')}`, '', md(say('acceptability-intro')), '', ...table([say('col-model'), ...Array.from({ length: places }, (_, i) => say('col-place', { n: i + 1 }))], r.ranking.map((e) => [md(e.name), ...e.acceptability.ranks.map((x) => shareText(x, samples, lang))]), ['l', ...Array<'r'>(places).fill('r')]), '');
  out.push(`${h(2)} ${say('h-heatmap')}`, '', md(say('heatmap-intro')), '');
  out.push(
    ...table(
      [say('col-criterion'), say('col-weight'), ...r.ranking.map((e) => md(e.name))],
      r.weights.map((w) => [md(w.name), percentText(w.weight, lang), ...r.ranking.map((e) => decimal(e.criteria.find((c) => c.criterion === w.criterion)?.performance ?? 50, 0, lang))]),
      ['l', ...Array<'r'>(r.ranking.length + 1).fill('r')],
    ),
    '',
  );

  out.push(`${h(1)} ${say('h-evidence')}`, '', md(say('evidence-intro')), '', md(say('certainty-legend')), '');
  for (const ev of file.evidence) {
    const e = r.ranking.find((x) => x.model === ev.model)!;
    out.push(`${h(2)} ${md(e.name)}`, '');
    out.push(md(say('model-summary', { score: scoreText(e, lang), low: decimal(e.interval[0], 0, lang), high: decimal(e.interval[1], 0, lang), share: shareText(e.acceptability.first, samples, lang), rank: e.rank, count: r.ranking.length })), '');
    const note = (n: number) => `[^${tag}-${ev.model}-${n}]`;
    out.push(
      ...table(
        [say('col-criterion'), say('col-effect'), say('col-certainty'), say('col-studies'), say('col-findings')],
        ev.rows.map((row) => [
          `${md(row.name)} (${say(`direction-${row.direction}`)})`,
          signed(row.effect, 1, lang),
          certaintyText(row.certainty, lang),
          String(row.studies),
          rowSources(report, r, row, lang).map((s) => md(s.text) + s.notes.map(note).join('')).join('; ') || '–',
        ]),
        ['l', 'r', 'l', 'r', 'l'],
      ),
      '',
    );
    for (const f of ev.footnotes) out.push(`${note(f.number)}: ${md(footnoteText(r, f, lang))}`, '');
  }

  out.push(`${h(1)} ${say('h-misfits')}`, '');
  const misfits = misfitLines(r, lang);
  if (misfits.length === 0) out.push(md(say('misfits-none')), '');
  for (const m of misfits) out.push(`- ${md(m.text)} (${md(findingsSources(r, m.findings, lang))})`);
  out.push('');

  out.push(`${h(1)} ${say('h-open')}`, '', md(say('open-intro')), '');
  const labels = new Map(file.profile.flatMap((s) => s.items.map((i) => [i.question, i] as const)));
  file.openQuestions.forEach((q, i) => {
    const where = locationText(report.locations[q.lines] ?? { lines: q.lines, chapter: 9, paragraphs: [1, 1] }, lang);
    out.push(`${i + 1}. **${md(say(`open-${q.id}`))}** (${md(where)})`);
    for (const line of openQuestionLines(r, q, lang, labels)) out.push(`   ${md(line)}`);
    out.push('');
  });
}

function comparison(report: Report, out: string[], lang: Lang): void {
  const c = report.comparison!;
  const say = (id: Parameters<typeof reportText>[1], params?: Parameters<typeof reportText>[2]) => reportText(lang, id, params);
  const files = report.files.map((f) => f.result);
  out.push(`## ${say('h-comparison')}`, '', md(say('comparison-intro')), '', `### ${say('h-matrix')}`, '');
  out.push(
    ...table(
      [say('col-model'), ...files.map((r, i) => `${i + 1}. ${md(whoOf(r))}`)],
      [
        ...c.matrix.map((row) => [md(row.name), ...row.scores.map((s, i) => (s === null ? '–' : `${decimal(s, 0, lang)}${row.first[i] !== null && files[i]!.method.robustness.samples > 0 ? ` (${shareText(row.first[i]!, files[i]!.method.robustness.samples, lang)})` : ''}`))]),
        [`**${say('col-verdict')}**`, ...files.map((r) => md(`${verdictKindText(r.verdict.kind, lang, r.method.robustness.samples)}${r.verdict.leader ? `: ${modelName(r, r.verdict.leader)}` : ''}`))],
      ],
      ['l', ...Array<'r'>(files.length).fill('r')],
    ),
    '',
  );
  for (const pair of c.pairs) {
    const a = files[pair.from]!;
    const b = files[pair.to]!;
    out.push(`### ${md(say('h-pair', { from: `${pair.from + 1}. ${whoOf(a)}`, to: `${pair.to + 1}. ${whoOf(b)}` }))}`, '');
    out.push(md(say('verdict-change', { from: verdictKindText(pair.verdict[0], lang, a.method.robustness.samples), to: verdictKindText(pair.verdict[1], lang, b.method.robustness.samples) })), '');
    out.push(`#### ${say('pair-answers')}`, '');
    if (pair.answers.length === 0) out.push(md(say('pair-no-answers')), '');
    else out.push(...table([say('question'), say('col-before'), say('col-after')], pair.answers.map((x) => [md(x.label), md(profileAnswer({ ...x, ...x.before }, lang)), md(profileAnswer({ ...x, ...x.after }, lang))])), '');
    out.push(`#### ${say('pair-scores')}`, '');
    out.push(
      ...table(
        [say('col-model'), say('col-before'), say('col-after'), say('col-change'), say('col-first-change')],
        pair.models.map((m) => [md(modelName(b, m.model)), decimal(m.score[0], 0, lang), decimal(m.score[1], 0, lang), signed(m.delta, 1, lang), `${shareText(m.first[0], a.method.robustness.samples, lang)} → ${shareText(m.first[1], b.method.robustness.samples, lang)}`]),
        ['l', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
    out.push(`#### ${say('pair-moved')}`, '');
    if (pair.moved.length === 0) out.push(md(say('pair-moved-none')), '');
    else
      out.push(
        ...table(
          [say('col-model'), say('col-criterion'), say('col-before'), say('col-after'), say('col-change'), say('col-because')],
          pair.moved.map((m) => [md(modelName(b, m.model)), md(movedText(b.ranking.some((x) => x.criteria.some((c) => c.contributions.some((k) => k.kind === 'adjustment' && k.id === m.id))) ? b : a, m, lang)), m.kind === 'weight' ? percentText(m.before, lang) : signed(m.before, 1, lang), m.kind === 'weight' ? percentText(m.after, lang) : signed(m.after, 1, lang), signed(m.delta, 1, lang), md(m.reads.map((q) => pair.answers.find((x) => x.question === q)?.label ?? q).join(', ')) || '–']),
          ['l', 'l', 'r', 'r', 'r', 'l'],
        ),
        '',
      );
  }
}

function bibliography(report: Report, out: string[], lang: Lang): void {
  out.push(`## ${reportText(lang, 'h-bibliography')}`, '', md(reportText(lang, 'bibliography-intro')), '');
  for (const entry of report.bibliography) {
    const where = entry.locations.map((l) => locationText(l, lang)).join('; ');
    if (entry.review) {
      out.push(`- **${md(reportText(lang, 'review-entry'))}** ${md(reportText(lang, 'review-role'))}`);
      continue;
    }
    const name = citation(entry, lang);
    const parts = [`**${md(name)}**`, ...(entry.title ? [`*${md(entry.title)}*`] : []), md(reportText(lang, 'reported', { text: entry.reported })), md(where)];
    if (entry.caveat) parts.push(md(reportText(lang, 'caveat', { text: entry.caveat })));
    out.push(`- ${parts.join(' ')}`);
  }
  out.push('');
}

