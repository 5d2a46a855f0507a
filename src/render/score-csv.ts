import type { Result } from '../core/result.js';
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
