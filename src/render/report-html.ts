import type { Report, ReportFile } from '../core/report.js';
import type { Lang } from '../i18n/lang.js';
import { reportText } from '../i18n/report.js';
import { citation } from './citation.js';
import { escapeHtml, html, raw, type SafeHtml } from './html.js';
import { BLUES, dumbbell, heatClass, intervalChart, PLACES, scaleChart, stackedBar } from './report-charts.js';
import type { ReportRenderOptions } from './registry/report.js';
import {
  certaintyLines,
  certaintyText,
  changeLines,
  decimal,
  footnoteText,
  headlineFigures,
  intervalText,
  locationText,
  marksOf,
  misfitLines,
  modelName,
  movedText,
  openQuestionLines,
  profileAnswer,
  rowSources,
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
  type Say,
} from './report-words.js';

/*
 * The report as one self-contained HTML file: inline CSS and SVG, no script, no font, no
 * image and no link that loads anything, so it works offline and opens the same in any
 * browser. A print stylesheet makes clean A4 pages with page numbers (Chromium prints the
 * @page margin boxes). Tested in a real browser by test/e2e/report-browser.test.ts.
 */


/** A CSS string literal: the page footer's words, around the page counters. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

function pageFooter(lang: Lang): string {
  const template = reportText(lang, 'page', { n: '\u0000', total: '\u0001' });
  const [before, rest = ''] = template.split('\u0000');
  const [middle, after = ''] = rest.split('\u0001');
  return `${cssString(before!)} counter(page) ${cssString(middle!)} counter(pages) ${cssString(after)}`;
}

function style(lang: Lang): string {
  const heat = BLUES.map((c, i) => `.heat${i}{background:${c};color:${i >= 3 ? '#fff' : '#111'}}`).join('');
  const places = PLACES.map((c, i) => `.place${i}{background:${c}}`).join('');
  return `
:root{--ink:#1a1a1a;--muted:#555;--rule:#c8c8c8;--accent:#08519c}
*{box-sizing:border-box}
html{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;color:var(--ink);background:#fff;line-height:1.4}
body{max-width:190mm;margin:0 auto;padding:12mm 8mm}
h1{font-size:20pt;margin:0 0 4pt;color:var(--accent)}
h2{font-size:14pt;margin:18pt 0 6pt;border-bottom:1.5pt solid var(--accent);padding-bottom:2pt;break-after:avoid}
h3{font-size:12pt;margin:12pt 0 4pt;break-after:avoid}
h4{font-size:10.5pt;margin:10pt 0 3pt;break-after:avoid}
p{margin:4pt 0}
.subtitle,.note,.legend{color:var(--muted)}
.key{border:1.5pt solid var(--accent);border-left-width:6pt;padding:6pt 10pt;margin:8pt 0;background:#f3f7fc;break-inside:avoid}
.key p.verdict{font-size:13pt;font-weight:bold;margin:0 0 4pt}
.figures{display:flex;flex-wrap:wrap;gap:6pt;margin:6pt 0;padding:0;list-style:none}
.figures li{flex:1 1 36mm;border:1pt solid var(--rule);padding:4pt 6pt;break-inside:avoid}
.figures b{display:block;font-size:15pt;color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;font-size:9pt}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{border-bottom:0.75pt solid var(--rule);padding:2.5pt 4pt;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:bold}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.chart-cell{padding:1pt 4pt;width:${240 + 8}px}
/* Wide tables (a file or a model per column) wrap their headings and verdicts to fit an A4 page. */
.matrix th.num,.heatmap th.num{white-space:normal}
.matrix td.verdict-cell{font-size:8.5pt}
svg.chart{display:block;max-width:100%;height:auto}
svg .base{stroke:#888;stroke-width:1}
svg .tick{stroke:#bbb;stroke-width:1}
svg .mid{stroke:#555;stroke-width:1;stroke-dasharray:2 2}
svg .interval{stroke:#08519c;stroke-width:4;stroke-linecap:round;opacity:.55}
svg .dot{fill:#08519c;stroke:#fff;stroke-width:1}
svg .before{fill:#fff;stroke:#08519c;stroke-width:2}
svg text{font-size:9px;font-family:inherit;fill:#333}
svg text.on-dark{fill:#fff}
svg text.on-light{fill:#111}
.scale text{fill:#555}
${heat}${places}
.swatch{display:inline-block;width:9pt;height:9pt;border:0.5pt solid #999;vertical-align:middle;margin:0 2pt 0 6pt}
.certainty{white-space:nowrap}
.marks{color:var(--muted);font-size:8.5pt}
ol.notes{font-size:8.5pt;color:var(--muted);margin:2pt 0 8pt;padding-left:16pt}
sup{font-size:7pt}
ul.bib{padding-left:12pt;font-size:9pt}
ul.bib li{margin:0 0 3pt;break-inside:avoid}
.file{break-before:page}
.file:first-of-type{break-before:auto}
section.model{break-inside:auto}
@page{size:A4;margin:16mm 14mm 18mm;@bottom-center{content:${pageFooter(lang)};font-size:8pt;color:#555;font-family:"DejaVu Sans",Arial,sans-serif}}
@media print{body{max-width:none;padding:0}.key{background:none}a{color:inherit;text-decoration:none}}
`.trim();
}

export function renderReportHtml(report: Report, { lang, version }: ReportRenderOptions): string {
  const say: Say = (id, params) => reportText(lang, id, params);
  const several = report.files.length > 1;
  const body = html`<h1>${title(report, lang)}</h1>
<p class="subtitle">${say('subtitle', { version })}</p>
${report.comparison ? comparison(report, say, lang) : ''}
${report.files.map((file, i) => fileSection(report, file, i, several, say, lang))}
<section class="method"><h2>${say('h-method')}</h2>${method(report, say, lang)}</section>
<section class="bibliography"><h2>${say('h-bibliography')}</h2>${bibliography(report, say, lang)}</section>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orgfit ${escapeHtml(version)}">
<title>${escapeHtml(title(report, lang))}</title>
<style>
${style(lang)}
</style>
</head>
<body>
${body.html}
</body>
</html>
`;
}

const percentText = (share: number, lang: Lang) => reportText(lang, 'percent', { n: Math.round(share * 100) });

function fileSection(report: Report, file: ReportFile, index: number, several: boolean, say: Say, lang: Lang): SafeHtml {
  const r = file.result;
  const h2 = several ? 'h3' : 'h2';
  const h3 = several ? 'h4' : 'h3';
  const hx = (tag: string, text: string) => raw(`<${tag}>${escapeHtml(text)}</${tag}>`);
  const samples = r.method.robustness.samples;
  const today = r.today !== undefined;
  const labels = new Map(file.profile.flatMap((s) => s.items.map((i) => [i.question, i] as const)));
  const tag = `f${index + 1}`;

  const summary = html`<section class="summary">${hx(h2, say('h-summary'))}
<div class="key"><p class="verdict">${verdictText(file, lang)}</p>${certaintyLines(file, lang).map((l) => html`<p>${l}</p>`)}</div>
${hx(h3, say('headline'))}<ul class="figures">${headlineFigures(file, lang).map(([value, what]) => html`<li><b>${value}</b>${what}</li>`)}</ul>
${hx(h3, say('what-would-change'))}<ul>${changeLines(file, lang).map((l) => html`<li>${l}</li>`)}</ul>
<p class="note">${say('read-past')}</p></section>`;

  const profile = html`<section class="profile">${hx(h2, say('h-profile'))}<p class="note">${say('profile-intro')}</p>
${r.frame ? html`<p>${say('frame-line', { frame: r.frame.name, summary: r.frame.summary })}</p>` : ''}
<p>${r.today ? say('today-line', { model: modelName(r, r.today) }) : say('today-unknown')}</p>
${file.profile.filter((s) => s.items.length > 0).map((s) => html`${hx(h3, s.title)}<table><thead><tr><th>${say('question')}</th><th>${say('answer')}</th></tr></thead><tbody>${s.items.map((item) => html`<tr><td>${item.label}</td><td>${profileAnswer(item, lang)}</td></tr>`)}</tbody></table>`)}</section>`;

  const changeNote = changeCostNote(r, lang);
  const ranking = html`<section class="ranking">${hx(h2, say('h-ranking'))}<p class="note">${rankingIntro(samples, lang)}</p>
<table class="ranking-table"><thead><tr><th class="num">${say('col-rank')}</th><th>${say('col-model')}</th><th class="num">${say('col-score')}</th><th class="num">${say('col-interval')}</th><th>${say('chart-ranking')}</th><th class="num">${say('col-first')}</th>${today ? html`<th class="num">${say('col-today')}</th><th class="num">${say('col-better')}</th>` : ''}</tr></thead><tbody>
${r.ranking.map((e) => {
  const marks = marksOf(r, e, lang);
  return html`<tr><td class="num">${e.rank}</td><td class="model-name">${e.name}${marks.length ? html` <span class="marks">(${marks.join(', ')})</span>` : ''}</td><td class="num">${scoreText(e, lang)}</td><td class="num">${intervalText(e, lang)}</td><td class="chart-cell">${intervalChart(e.score, e.interval, `${e.name}: ${scoreText(e, lang)} (${intervalText(e, lang)})`)}</td><td class="num">${shareText(e.acceptability.first, samples, lang)}</td>${today ? html`<td class="num">${e.versusToday ? signed(e.versusToday.gain, 1, lang) : '·'}</td><td class="num">${e.versusToday && samples > 0 ? shareText(e.versusToday.better, samples, lang) : '·'}</td>` : ''}</tr>`;
})}
<tr><td></td><td></td><td></td><td></td><td class="chart-cell">${scaleChart()}</td><td></td>${today ? html`<td></td><td></td>` : ''}</tr></tbody></table>
<p class="note">${say('ranking-meaning')}</p>${changeNote ? html`<p class="note">${changeNote}</p>` : ''}
${samples > 0 ? html`${hx(h3, say('h-acceptability'))}<p class="note">${say('acceptability-intro')}</p>
<table><thead><tr><th>${say('col-model')}</th><th>${say('chart-acceptability')}</th>${r.ranking.map((_, i) => html`<th class="num">${say('col-place', { n: i + 1 })}</th>`)}</tr></thead><tbody>
${r.ranking.map((e) => html`<tr><td>${e.name}</td><td>${stackedBar(e.acceptability.ranks, e.acceptability.ranks.map((x, i) => `${say('col-place', { n: i + 1 })}: ${shareText(x, samples, lang)}`), e.name)}</td>${e.acceptability.ranks.map((x) => html`<td class="num">${shareText(x, samples, lang)}</td>`)}</tr>`)}
</tbody></table>
<p class="legend">${r.ranking.map((_, i) => html`<span class="swatch place${i}"></span>${say('col-place', { n: i + 1 })}`)}</p>` : ''}
${hx(h3, say('h-heatmap'))}<p class="note">${say('heatmap-intro')}</p>
<table class="heatmap"><thead><tr><th>${say('col-criterion')}</th><th class="num">${say('col-weight')}</th>${r.ranking.map((e) => html`<th class="num">${e.name}</th>`)}</tr></thead><tbody>
${r.weights.map((w) => html`<tr><td>${w.name}</td><td class="num">${percentText(w.weight, lang)}</td>${r.ranking.map((e) => {
  const p = e.criteria.find((c) => c.criterion === w.criterion)?.performance ?? 50;
  return html`<td class="num ${heatClass(p)}">${decimal(p, 0, lang)}</td>`;
})}</tr>`)}
</tbody></table></section>`;

  const evidence = html`<section class="evidence">${hx(h2, say('h-evidence'))}<p class="note">${say('evidence-intro')}</p><p class="legend">${say('certainty-legend')}</p>
${file.evidence.map((ev) => {
  const e = r.ranking.find((x) => x.model === ev.model)!;
  const id = (n: number) => `${tag}-${ev.model}-${n}`;
  return html`<section class="model">${hx(h3, e.name)}<p>${say('model-summary', { score: scoreText(e, lang), low: decimal(e.interval[0], 0, lang), high: decimal(e.interval[1], 0, lang), share: shareText(e.acceptability.first, samples, lang), rank: e.rank, count: r.ranking.length })}</p>
<table class="sof"><thead><tr><th>${say('col-criterion')}</th><th class="num">${say('col-effect')}</th><th>${say('col-certainty')}</th><th class="num">${say('col-studies')}</th><th>${say('col-findings')}</th></tr></thead><tbody>
${ev.rows.map((row) => html`<tr><td>${row.name} <span class="marks">(${say(`direction-${row.direction}`)})</span></td><td class="num">${signed(row.effect, 1, lang)}</td><td class="certainty">${certaintyText(row.certainty, lang)}</td><td class="num">${row.studies}</td><td>${rowSources(report, r, row, lang).map((s, i) => html`${i > 0 ? '; ' : ''}${s.text}${s.notes.map((note) => html`<sup><a href="#${id(note)}">${note}</a></sup>`)}`)}</td></tr>`)}
</tbody></table>
${ev.footnotes.length ? html`<ol class="notes">${ev.footnotes.map((f) => html`<li id="${id(f.number)}" value="${f.number}">${footnoteText(r, f, lang)}</li>`)}</ol>` : ''}</section>`;
})}</section>`;

  const misfits = misfitLines(r, lang);
  const problems = html`<section class="misfits">${hx(h2, say('h-misfits'))}${misfits.length === 0 ? html`<p>${say('misfits-none')}</p>` : html`<ul>${misfits.map((m) => html`<li>${m.text} <span class="marks">(${findingsSources(r, m.findings, lang)})</span></li>`)}</ul>`}</section>`;

  const open = html`<section class="open">${hx(h2, say('h-open'))}<p class="note">${say('open-intro')}</p><ol>${file.openQuestions.map((q) => html`<li><p><b>${say(`open-${q.id}`)}</b> <span class="marks">(${locationText(report.locations[q.lines] ?? { lines: q.lines, chapter: 9, paragraphs: [1, 1] }, lang)})</span></p>${openQuestionLines(r, q, lang, labels).map((l) => html`<p>${l}</p>`)}</li>`)}</ol></section>`;

  return html`<article class="file">${several ? html`<h2>${whoOf(r)}</h2>` : ''}${r.source ? html`<p class="note">${say('file-line', { file: r.source })}</p>` : ''}${summary}${profile}${ranking}${evidence}${problems}${open}</article>`;
}

function comparison(report: Report, say: Say, lang: Lang): SafeHtml {
  const c = report.comparison!;
  const files = report.files.map((f) => f.result);
  const matrix = html`<h3>${say('h-matrix')}</h3><table class="matrix"><thead><tr><th>${say('col-model')}</th>${files.map((r, i) => html`<th class="num">${i + 1}. ${whoOf(r)}</th>`)}</tr></thead><tbody>
${c.matrix.map((row) => html`<tr><td>${row.name}</td>${row.scores.map((s, i) => html`<td class="num">${s === null ? '–' : decimal(s, 0, lang)}${s !== null && row.first[i] !== null && files[i]!.method.robustness.samples > 0 ? html` <span class="marks">(${shareText(row.first[i]!, files[i]!.method.robustness.samples, lang)})</span>` : ''}</td>`)}</tr>`)}
<tr><th>${say('col-verdict')}</th>${files.map((r) => html`<td class="verdict-cell">${verdictKindText(r.verdict.kind, lang, r.method.robustness.samples)}${r.verdict.leader ? `: ${modelName(r, r.verdict.leader)}` : ''}</td>`)}</tr></tbody></table>`;
  const pairs = c.pairs.map((pair) => {
    const a = files[pair.from]!;
    const b = files[pair.to]!;
    const owner = (id: string | undefined) => (b.ranking.some((x) => x.criteria.some((k) => k.contributions.some((y) => y.kind === 'adjustment' && y.id === id))) ? b : a);
    return html`<section class="pair"><h3>${say('h-pair', { from: `${pair.from + 1}. ${whoOf(a)}`, to: `${pair.to + 1}. ${whoOf(b)}` })}</h3>
<p>${say('verdict-change', { from: verdictKindText(pair.verdict[0], lang, a.method.robustness.samples), to: verdictKindText(pair.verdict[1], lang, b.method.robustness.samples) })}</p>
<h4>${say('pair-answers')}</h4>${pair.answers.length === 0 ? html`<p>${say('pair-no-answers')}</p>` : html`<table><thead><tr><th>${say('question')}</th><th>${say('col-before')}</th><th>${say('col-after')}</th></tr></thead><tbody>${pair.answers.map((x) => html`<tr><td>${x.label}</td><td>${profileAnswer({ ...x, ...x.before }, lang)}</td><td>${profileAnswer({ ...x, ...x.after }, lang)}</td></tr>`)}</tbody></table>`}
<h4>${say('pair-scores')}</h4><table><thead><tr><th>${say('col-model')}</th><th class="num">${say('col-before')}</th><th class="num">${say('col-after')}</th><th class="num">${say('col-change')}</th><th>${say('chart-dumbbell')}</th><th class="num">${say('col-first-change')}</th></tr></thead><tbody>
${pair.models.map((m) => html`<tr><td>${modelName(b, m.model)}</td><td class="num">${decimal(m.score[0], 0, lang)}</td><td class="num">${decimal(m.score[1], 0, lang)}</td><td class="num">${signed(m.delta, 1, lang)}</td><td class="chart-cell">${dumbbell(m.score[0], m.score[1], `${modelName(b, m.model)}: ${decimal(m.score[0], 0, lang)} → ${decimal(m.score[1], 0, lang)}`)}</td><td class="num">${shareText(m.first[0], a.method.robustness.samples, lang)} → ${shareText(m.first[1], b.method.robustness.samples, lang)}</td></tr>`)}
<tr><td></td><td></td><td></td><td></td><td class="chart-cell">${scaleChart()}</td><td></td></tr></tbody></table>
<h4>${say('pair-moved')}</h4>${pair.moved.length === 0 ? html`<p>${say('pair-moved-none')}</p>` : html`<table><thead><tr><th>${say('col-model')}</th><th>${say('col-criterion')}</th><th class="num">${say('col-before')}</th><th class="num">${say('col-after')}</th><th class="num">${say('col-change')}</th><th>${say('col-because')}</th></tr></thead><tbody>${pair.moved.map((m) => html`<tr><td>${modelName(b, m.model)}</td><td>${movedText(owner(m.id), m, lang)}</td><td class="num">${m.kind === 'weight' ? percentText(m.before, lang) : signed(m.before, 1, lang)}</td><td class="num">${m.kind === 'weight' ? percentText(m.after, lang) : signed(m.after, 1, lang)}</td><td class="num">${signed(m.delta, 1, lang)}</td><td>${m.reads.map((q) => pair.answers.find((x) => x.question === q)?.label ?? q).join(', ') || '–'}</td></tr>`)}</tbody></table>`}</section>`;
  });
  return html`<section class="comparison"><h2>${say('h-comparison')}</h2><p class="note">${say('comparison-intro')}</p>${matrix}${pairs}</section>`;
}

function method(report: Report, say: Say, lang: Lang): SafeHtml {
  const r0 = report.files[0]!.result;
  return html`<p>${say('method-1')}</p><p>${robustnessMethod(r0, lang, (x) => percentText(x, lang))}</p><p>${say('method-3')}</p><p>${say('method-4')}</p>`;
}

function bibliography(report: Report, say: Say, lang: Lang): SafeHtml {
  return html`<p class="note">${say('bibliography-intro')}</p><ul class="bib">${report.bibliography.map((entry) => {
    if (entry.review) return html`<li><b>${say('review-entry')}</b> ${say('review-role')}</li>`;
    const where = entry.locations.map((l) => locationText(l, lang)).join('; ');
    return html`<li><b>${citation(entry, lang)}</b>${entry.title ? html` <i>${entry.title}</i>` : ''} ${say('reported', { text: entry.reported })} <span class="marks">${where}</span>${entry.caveat ? html` ${say('caveat', { text: entry.caveat })}` : ''}</li>`;
  })}</ul>`;
}
