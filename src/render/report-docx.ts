import { Resvg } from '@resvg/resvg-js';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Report, ReportFile } from '../core/report.js';
import { reportText } from '../i18n/report.js';
import { citation } from './citation.js';
import { PLACES } from './report-charts.js';
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
  misfitLines,
  modelName,
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
import { visibleDeep } from './text.js';

/*
 * The report as a Word document for the municipality's case papers (saksframlegg), with
 * the `docx` package: real headings, tables, the charts as PNG images with alternative
 * text (drawn as SVG, rasterised by resvg, a prebuilt binary that installs without a
 * compiler), and the evidence's downgrades as real footnotes. Loaded only for
 * `--format docx`. The zip is written with fixed dates, so the same input gives the same bytes.
 */

type Block = Paragraph | Table;

/** A fixed date for the document's metadata and the zip entries: no clock, the same bytes every time. */
const FIXED = new Date(Date.UTC(2000, 0, 1));

const p = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...options })] });
const heading = (text: string, level: 1 | 2 | 3 | 4) => new Paragraph({ text, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

function table(head: string[], rows: (string | Paragraph[])[][], right: readonly number[] = []): Table {
  const cell = (content: string | Paragraph[], i: number, bold = false) =>
    new TableCell({ children: typeof content === 'string' ? [new Paragraph({ alignment: right.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: content, bold, size: 18 })] })] : content });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) }))],
  });
}

/** An SVG rasterised to PNG at twice its size, for a sharp print. */
function png(svg: string, width: number): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width * 2 }, font: { loadSystemFonts: false }, background: '#ffffff' }).render().asPng();
}

const W = 480;
const ROW = 22;
const xOf = (v: number) => 10 + (Math.min(100, Math.max(0, v)) / 100) * (W - 20);

/** The ranking as dots on their 80 % intervals, one row per model in the table's order, over a 0–100 axis. */
function rankingSvg(file: ReportFile): string {
  const rows = file.result.ranking;
  const h = rows.length * ROW + 10;
  const ticks = [0, 25, 50, 75, 100].map((t) => `<line x1="${xOf(t)}" x2="${xOf(t)}" y1="0" y2="${h}" stroke="${t === 50 ? '#555' : '#ccc'}" stroke-width="1"${t === 50 ? ' stroke-dasharray="3 3"' : ''}/>`).join('');
  const marks = rows
    .map((e, i) => {
      const y = i * ROW + ROW / 2 + 5;
      return `<line x1="${xOf(e.interval[0]).toFixed(1)}" x2="${xOf(e.interval[1]).toFixed(1)}" y1="${y}" y2="${y}" stroke="#08519c" stroke-opacity="0.55" stroke-width="5" stroke-linecap="round"/><circle cx="${xOf(e.score).toFixed(1)}" cy="${y}" r="5.5" fill="#08519c" stroke="#fff"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}"><rect width="100%" height="100%" fill="#fff"/>${ticks}${marks}</svg>`;
}

/** Rank acceptability as 100 % stacked bars, one per model, place 1 darkest. */
function acceptabilitySvg(file: ReportFile): string {
  const rows = file.result.ranking;
  const h = rows.length * ROW;
  const bars = rows
    .map((e, i) => {
      let at = 0;
      return e.acceptability.ranks
        .map((share, k) => {
          const w = share * W;
          const rect = `<rect x="${at.toFixed(1)}" y="${i * ROW + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${PLACES[k % PLACES.length]}"/>`;
          at += w;
          return rect;
        })
        .join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}"><rect width="100%" height="100%" fill="#fff"/>${bars}</svg>`;
}

function image(svg: string, height: number, alt: string, name: string): Paragraph {
  return new Paragraph({ children: [new ImageRun({ type: 'png', data: png(svg, W), transformation: { width: W, height }, altText: { title: name, description: alt, name } })] });
}

export async function renderReportDocx(report: Report, { lang, version }: ReportRenderOptions): Promise<Uint8Array> {
  report = visibleDeep(report);
  const say: Say = (id, params) => reportText(lang, id, params);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextNote = 1;
  const note = (text: string) => {
    const n = nextNote++;
    footnotes[n] = { children: [new Paragraph({ children: [new TextRun({ text, size: 16 })] })] };
    return new FootnoteReferenceRun(n);
  };
  const several = report.files.length > 1;
  const blocks: Block[] = [new Paragraph({ text: title(report, lang), heading: HeadingLevel.TITLE }), p(say('subtitle', { version }), { italics: true })];

  if (report.comparison) {
    const files = report.files.map((f) => f.result);
    blocks.push(heading(say('h-comparison'), 1), p(say('comparison-intro')), heading(say('h-matrix'), 2));
    blocks.push(
      table(
        [say('col-model'), ...files.map((r, i) => `${i + 1}. ${whoOf(r)}`)],
        [
          ...report.comparison.matrix.map((row) => [row.name, ...row.scores.map((s) => (s === null ? '–' : decimal(s, 0, lang)))]),
          [say('col-verdict'), ...files.map((r) => `${verdictKindText(r.verdict.kind, lang, r.method.robustness.samples)}${r.verdict.leader ? `: ${modelName(r, r.verdict.leader)}` : ''}`)],
        ],
        files.map((_, i) => i + 1),
      ),
    );
    for (const pair of report.comparison.pairs) {
      const a = files[pair.from]!;
      const b = files[pair.to]!;
      blocks.push(heading(say('h-pair', { from: `${pair.from + 1}. ${whoOf(a)}`, to: `${pair.to + 1}. ${whoOf(b)}` }), 2));
      if (pair.answers.length > 0) blocks.push(table([say('question'), say('col-before'), say('col-after')], pair.answers.map((x) => [x.label, profileAnswer({ ...x, ...x.before }, lang), profileAnswer({ ...x, ...x.after }, lang)])));
      blocks.push(table([say('col-model'), say('col-before'), say('col-after'), say('col-change')], pair.models.map((m) => [modelName(b, m.model), decimal(m.score[0], 0, lang), decimal(m.score[1], 0, lang), signed(m.delta, 1, lang)]), [1, 2, 3]));
    }
  }

  report.files.forEach((file) => {
    const r = file.result;
    const d = several ? 1 : 0;
    const samples = r.method.robustness.samples;
    if (several) blocks.push(heading(whoOf(r), 1));
    blocks.push(heading(say('h-summary'), (1 + d) as 1 | 2), p(`${say('key-message')}: ${verdictText(file, lang)}`, { bold: true }), ...certaintyLines(file, lang).map((l) => p(l)));
    blocks.push(heading(say('headline'), (2 + d) as 2 | 3), ...headlineFigures(file, lang).map(([v, what]) => bullet(`${v} ${what}`)));
    blocks.push(heading(say('what-would-change'), (2 + d) as 2 | 3), ...changeLines(file, lang).map(bullet), p(say('read-past'), { italics: true }));

    blocks.push(heading(say('h-profile'), (1 + d) as 1 | 2), p(say('profile-intro')));
    if (r.frame) blocks.push(p(say('frame-line', { frame: r.frame.name, summary: r.frame.summary })));
    for (const s of file.profile.filter((x) => x.items.length > 0)) blocks.push(heading(s.title, (2 + d) as 2 | 3), table([say('question'), say('answer')], s.items.map((i) => [i.label, profileAnswer(i, lang)])));

    blocks.push(heading(say('h-ranking'), (1 + d) as 1 | 2), p(rankingIntro(samples, lang)));
    blocks.push(table([say('col-rank'), say('col-model'), say('col-score'), say('col-interval'), say('col-first')], r.ranking.map((e) => [String(e.rank), e.name, scoreText(e, lang), intervalText(e, lang), shareText(e.acceptability.first, samples, lang)]), [0, 2, 3, 4]));
    const rankingAlt = `${say('chart-ranking')}: ${r.ranking.map((e) => `${e.name} ${scoreText(e, lang)} (${intervalText(e, lang)})`).join('; ')}`;
    blocks.push(image(rankingSvg(file), r.ranking.length * ROW + 10, rankingAlt, say('chart-ranking')));
    const changeNote = changeCostNote(r, lang);
    if (changeNote) blocks.push(p(changeNote));
    if (samples > 0) {
    blocks.push(heading(say('h-acceptability'), (2 + d) as 2 | 3), p(say('acceptability-intro')));
    const acceptAlt = `${say('chart-acceptability')}: ${r.ranking.map((e) => `${e.name}: ${e.acceptability.ranks.map((x, i) => `${say('col-place', { n: i + 1 })} ${shareText(x, samples, lang)}`).join(', ')}`).join('; ')}`;
    blocks.push(image(acceptabilitySvg(file), r.ranking.length * ROW, acceptAlt, say('chart-acceptability')));
    blocks.push(table([say('col-model'), ...r.ranking.map((_, i) => say('col-place', { n: i + 1 }))], r.ranking.map((e) => [e.name, ...e.acceptability.ranks.map((x) => shareText(x, samples, lang))]), r.ranking.map((_, i) => i + 1)));
    }

    blocks.push(heading(say('h-evidence'), (1 + d) as 1 | 2), p(say('evidence-intro')), p(say('certainty-legend'), { italics: true }));
    for (const ev of file.evidence) {
      const e = r.ranking.find((x) => x.model === ev.model)!;
      blocks.push(heading(e.name, (2 + d) as 2 | 3));
      const notes = new Map(ev.footnotes.map((f) => [f.number, footnoteText(r, f, lang)]));
      // Word numbers its footnotes by where they are referenced, one reference each: a note
      // cited twice is two footnotes with the same text (a reused id is numbered wrongly).
      const ref = (n: number) => note(notes.get(n) ?? '');
      blocks.push(
        table(
          [say('col-criterion'), say('col-effect'), say('col-certainty'), say('col-studies'), say('col-findings')],
          ev.rows.map((row) => [
            `${row.name} (${say(`direction-${row.direction}`)})`,
            signed(row.effect, 1, lang),
            certaintyText(row.certainty, lang),
            String(row.studies),
            [new Paragraph({ children: rowSources(report, r, row, lang).flatMap((s, i) => [new TextRun({ text: `${i > 0 ? '; ' : ''}${s.text}`, size: 16 }), ...s.notes.map(ref)]) })],
          ]),
          [1, 3],
        ),
      );
    }

    blocks.push(heading(say('h-misfits'), (1 + d) as 1 | 2));
    const misfits = misfitLines(r, lang);
    blocks.push(...(misfits.length === 0 ? [p(say('misfits-none'))] : misfits.map((m) => bullet(`${m.text} (${findingsSources(r, m.findings, lang)})`))));
    blocks.push(heading(say('h-open'), (1 + d) as 1 | 2), p(say('open-intro')));
    const labels = new Map(file.profile.flatMap((s) => s.items.map((i) => [i.question, i] as const)));
    for (const q of file.openQuestions) {
      blocks.push(p(`${say(`open-${q.id}`)} (${locationText(report.locations[q.lines] ?? { lines: q.lines, chapter: 9, paragraphs: [1, 1] }, lang)})`, { bold: true }), ...openQuestionLines(r, q, lang, labels).map((l) => p(l)));
    }
  });

  const r0 = report.files[0]!.result;
  const pct = (x: number) => reportText(lang, 'percent', { n: Math.round(x * 100) });
  blocks.push(heading(say('h-method'), 1), p(say('method-1')), p(robustnessMethod(r0, lang, pct)), p(say('method-3')), p(say('method-4')));
  blocks.push(heading(say('h-bibliography'), 1), p(say('bibliography-intro')));
  for (const entry of report.bibliography) {
    if (entry.review) blocks.push(new Paragraph({ children: [new TextRun({ text: say('review-entry'), bold: true }), new TextRun({ text: ` ${say('review-role')}` })] }));
    else blocks.push(new Paragraph({ children: [new TextRun({ text: citation(entry, lang), bold: true }), new TextRun({ text: `${entry.title ? ` ${entry.title}.` : ''} ${say('reported', { text: entry.reported })} ${entry.locations.map((l) => locationText(l, lang)).join('; ')}` })] }));
  }

  const doc = new Document({
    creator: 'orgfit',
    title: title(report, lang),
    description: say('subtitle', { version }),
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    footnotes,
    sections: [{ children: blocks }],
  });
  return fixDates(await Packer.toBuffer(doc));
}

/** The document's metadata dates, and the zip entries', set to FIXED: `docx` stamps them with the clock. */
function fixDates(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${FIXED.toISOString().replace(/\.\d+Z$/, 'Z')}$2`));
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return zipSync(Object.fromEntries(names.map((name) => [name, [files[name]!, { mtime: FIXED }]])), { level: 6 });
}
