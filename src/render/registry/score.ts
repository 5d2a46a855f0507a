import type { ScoredFile } from '../../core/summary.js';
import type { FormatOf } from '../formats.js';
import type { LazyRegistry, RenderOptions } from '../renderer.js';
import type { CsvDialect } from '../text.js';

export type ScoreRenderOptions = RenderOptions & CsvDialect;

/**
 * `orgfit score --format …`, on the same contract as `report`'s formats: each renders the
 * scored files (the result and its verdict's summary, built in the core), and is loaded
 * only when asked for.
 */
const registry: LazyRegistry<'score', readonly ScoredFile[], ScoreRenderOptions, ScoredFile, string> = {
  table: async () => (await import('../score-table.js')).scoreTable,
  json: async () => (await import('../score-json.js')).scoreJson,
  csv: async () => (await import('../score-csv.js')).scoreCsv,
};
export default registry;

/** The formats that print SMAA-2's confidence factors; the others skip its second pass. */
export const SHOWS_CONFIDENCE: ReadonlySet<FormatOf<'score'>> = new Set(['json']);

/** The formats that print nothing of the searches for tipping points and the unknowns that matter: they can skip them. */
export const NUMBERS_ONLY: ReadonlySet<FormatOf<'score'>> = new Set(['csv']);
