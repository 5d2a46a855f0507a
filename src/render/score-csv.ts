import type { Result } from '../core/result.js';
import type { StreamRenderer } from './renderer.js';
import { csvCell } from './text.js';

// The cell rule (formula neutralising, controls escaped) is shared by every CSV: ./text.ts.
export { csvCell };

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
