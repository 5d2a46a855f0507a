import type { Result } from '../core/result.js';
import { csvCell } from './text.js';

// The cell rule (formula neutralising, controls escaped) is shared by every CSV: ./text.ts.
export { csvCell };

/**
 * One row per answers file and model, with the score, its interval, robustness and
 * each criterion's points, for a consultant's spreadsheet. Numbers use a decimal
 * point whatever the language, so spreadsheets read them as numbers.
 */
export function renderScoreCsv(results: readonly Result[]): string {
  const criteria = results[0]?.weights.map((w) => w.criterion) ?? [];
  const header = ['source', 'municipality', 'scenario', 'rank', 'model', 'name', 'score', 'low', 'high', 'feasible', 'verdict', 'p_first', 'mean_rank', 'vs_today', 'p_better_than_today', ...criteria.map((c) => `points_${c}`), ...criteria.map((c) => `weight_${c}`)];
  const rows = [header];
  for (const result of results) {
    for (const entry of result.ranking) {
      const byId = new Map(entry.criteria.map((c) => [c.criterion, c]));
      rows.push([
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
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
