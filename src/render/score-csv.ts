import type { Result } from '../core/result.js';
import type { StreamRenderer } from './renderer.js';
import { visible } from './text.js';

/** A number as a spreadsheet reads one; only such a cell may start with "-" as it is. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * RFC 4180: quote when needed, double inner quotes. Controls are shown escaped (a CSV
 * printed to a terminal is text too), and a cell a spreadsheet would take for a formula
 * (= + - @ tab CR first) gets a leading "'", unless it is a plain number: "-1+1" and
 * "-2+3+cmd|' /C calc'!A0" are formulas, "-12.5" is not.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : visible(String(value));
  if (/^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per answers file and model, with the score, its interval, robustness and
 * each criterion's points, for a consultant's spreadsheet. Numbers use a decimal
 * point whatever the language, so spreadsheets read them as numbers.
 */
export function renderScoreCsv(results: readonly Result[]): string {
  if (results.length === 0) return csvLine(HEADER);
  return results.map((result, i) => scoreCsvStream.item(result, i, results.length)).join('');
}

const HEADER = ['source', 'municipality', 'scenario', 'rank', 'model', 'name', 'score', 'low', 'high', 'feasible', 'verdict', 'p_first', 'mean_rank', 'vs_today', 'p_better_than_today'];
const csvLine = (row: readonly string[]) => row.map(csvCell).join(',') + '\r\n';
const criteriaOf = (result: Result) => result.weights.map((w) => w.criterion);
/** The header names each criterion of the first result (every result of one run has the same). */
const csvHeader = (first: Result) => {
  const criteria = criteriaOf(first);
  return csvLine([...HEADER, ...criteria.map((c) => `points_${c}`), ...criteria.map((c) => `weight_${c}`)]);
};

/** The rows of one result, each line ended by CRLF (RFC 4180). */
function csvRows(result: Result, criteria: readonly string[]): string {
  let out = '';
  for (const entry of result.ranking) {
    const byId = new Map(entry.criteria.map((c) => [c.criterion, c]));
    out += csvLine([
      result.source ?? '',
      result.municipality,
      result.scenario ?? '',
      String(entry.rank),
      entry.model,
      entry.name,
      String(entry.score),
      String(entry.interval[0]),
      String(entry.interval[1]),
      String(entry.feasible),
      result.verdict.kind,
      String(entry.acceptability.first),
      String(entry.acceptability.meanRank),
      entry.versusToday ? String(entry.versusToday.gain) : '',
      entry.versusToday ? String(entry.versusToday.better) : '',
      ...criteria.map((c) => String(byId.get(c)?.points ?? '')),
      ...criteria.map((c) => String(byId.get(c)?.weight ?? '')),
    ]);
  }
  return out;
}

/** The same CSV, one result at a time: the header comes with the first (it names the criteria). */
export const scoreCsvStream: StreamRenderer<Result> = {
  start: () => '',
  item: (result, index) => (index === 0 ? csvHeader(result) : '') + csvRows(result, criteriaOf(result)),
  end: () => '',
};
