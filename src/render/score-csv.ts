import type { Result } from '../core/result.js';
import { visible } from './text.js';

/** A number as a spreadsheet reads one; only such a cell may start with "-" as it is. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;
/** What makes a spreadsheet take a cell for a formula (OWASP's list, with the full-width forms Excel also reads). */
const FORMULA = /^[=+\-@\t\r\n\0＝＋－＠]/;

/** The two dialects: RFC 4180 for scripts, and Norwegian Excel's (semicolons, decimal comma, a byte-order mark). */
export interface CsvDialect {
  excel?: boolean;
}

/**
 * RFC 4180: quote when needed, double inner quotes. Controls are shown escaped (a CSV
 * printed to a terminal is text too). A number is written as one (with a decimal comma
 * for Excel); every other cell that a spreadsheet would take for a formula (= + - @, tab,
 * CR, LF, NUL first) gets a leading "'", unless it is a plain number: "-1+1" and
 * "-1+HYPERLINK(…)" are formulas, "-12.5" is not.
 */
export function csvCell(value: unknown, { excel = false }: CsvDialect = {}): string {
  let text: string;
  if (typeof value === 'number') text = excel ? String(value).replace('.', ',') : String(value);
  else {
    text = value === undefined || value === null ? '' : visible(String(value));
    if (FORMULA.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  }
  const special = excel ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per answers file and model, with the score, its interval, robustness and
 * each criterion's points, for a consultant's spreadsheet. Numbers use a decimal point
 * whatever the language (so scripts and English spreadsheets read them as numbers),
 * or with `excel` a decimal comma, semicolons and a byte-order mark, as a Norwegian
 * Excel opens a file by double-click.
 */
export function renderScoreCsv(results: readonly Result[], { excel = false }: CsvDialect = {}): string {
  const criteria = results[0]?.weights.map((w) => w.criterion) ?? [];
  const header = ['source', 'municipality', 'scenario', 'rank', 'model', 'name', 'score', 'low', 'high', 'feasible', 'verdict', 'p_first', 'mean_rank', 'vs_today', 'p_better_than_today', ...criteria.map((c) => `points_${c}`), ...criteria.map((c) => `weight_${c}`)];
  const rows: unknown[][] = [header];
  for (const result of results) {
    for (const entry of result.ranking) {
      const byId = new Map(entry.criteria.map((c) => [c.criterion, c]));
      rows.push([
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
      ]);
    }
  }
  const text = rows.map((row) => row.map((cell) => csvCell(cell, { excel })).join(excel ? ';' : ',')).join('\r\n') + '\r\n';
  return excel ? `\uFEFF${text}` : text;
}
