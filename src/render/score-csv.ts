import type { Result } from '../core/result.js';
import type { ScoredFile } from '../core/summary.js';
import type { ScoreRenderOptions } from './registry/score.js';
import type { FormatRenderer, StreamRenderer } from './renderer.js';
import { csvCell, type CsvDialect } from './text.js';

// The cell rule (formula neutralising, controls escaped) is shared by every CSV: ./text.ts.
export { csvCell, type CsvDialect };

/**
 * One row per answers file and model, with the score, its interval, robustness and
 * each criterion's points, for a consultant's spreadsheet. Numbers use a decimal point
 * whatever the language (so scripts and English spreadsheets read them as numbers),
 * or with `excel` a decimal comma, semicolons and a byte-order mark, as a Norwegian
 * Excel opens a file by double-click.
 */
export function renderScoreCsv(files: readonly ScoredFile[], dialect: CsvDialect = {}): string {
  const stream = scoreCsvStream(dialect);
  if (files.length === 0) return (dialect.excel ? '\uFEFF' : '') + line(HEADER, dialect);
  return stream.start(files.length) + files.map((file, i) => stream.item(file, i, files.length)).join('') + stream.end(files.length);
}

export const scoreCsv: FormatRenderer<readonly ScoredFile[], ScoreRenderOptions, ScoredFile, string> = {
  render: (files, options) => renderScoreCsv(files, options),
  stream: (options) => scoreCsvStream(options),
};

const HEADER = ['source', 'municipality', 'scenario', 'rank', 'model', 'name', 'score', 'low', 'high', 'feasible', 'verdict', 'p_first', 'mean_rank', 'vs_today', 'p_better_than_today'];
const line = (row: readonly unknown[], { excel = false }: CsvDialect) => row.map((cell) => csvCell(cell, { excel })).join(excel ? ';' : ',') + '\r\n';
const criteriaOf = (result: Result) => result.weights.map((w) => w.criterion);

/** The rows of one result, each line ended by CRLF (RFC 4180). */
function rows(result: Result, criteria: readonly string[], dialect: CsvDialect): string {
  let out = '';
  for (const entry of result.ranking) {
    const byId = new Map(entry.criteria.map((c) => [c.criterion, c]));
    out += line(
      [
        result.source ?? '',
        result.municipality,
        result.scenario ?? '',
        entry.rank,
        entry.model,
        entry.name,
        entry.score,
        entry.interval[0],
        entry.interval[1],
        String(entry.feasible),
        result.verdict.kind,
        entry.acceptability.first,
        entry.acceptability.meanRank,
        entry.versusToday ? entry.versusToday.gain : '',
        entry.versusToday ? entry.versusToday.better : '',
        ...criteria.map((c) => byId.get(c)?.points ?? ''),
        ...criteria.map((c) => byId.get(c)?.weight ?? ''),
      ],
      dialect,
    );
  }
  return out;
}

/**
 * The same CSV, one result at a time, so that 100,000 files never make one string: the
 * byte-order mark (Excel) and the header come with the first result (it names the criteria).
 */
export function scoreCsvStream(dialect: CsvDialect = {}): StreamRenderer<ScoredFile> {
  return {
    start: () => '',
    item: ({ result }, index) => {
      const criteria = criteriaOf(result);
      const head = index === 0 ? (dialect.excel ? '\uFEFF' : '') + line([...HEADER, ...criteria.map((c) => `points_${c}`), ...criteria.map((c) => `weight_${c}`)], dialect) : '';
      return head + rows(result, criteria, dialect);
    },
    end: () => '',
  };
}
