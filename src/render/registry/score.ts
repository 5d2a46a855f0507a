import type { Result } from '../../core/result.js';
import type { FormatOf } from '../formats.js';
import type { Registry, StreamRenderer } from '../renderer.js';
import { renderScoreCsv, scoreCsvStream, type CsvDialect } from '../score-csv.js';
import { renderScoreJson, scoreJsonStream } from '../score-json.js';
import { renderScoreTable } from '../score-table.js';

/** `orgfit score --format …`: one result per answers file. */
export default { table: renderScoreTable, json: renderScoreJson, csv: renderScoreCsv } satisfies Registry<'score', readonly Result[], CsvDialect>;

/** The formats that can be written one result at a time (the table ends with a summary of all). */
export const streams: Partial<Record<FormatOf<'score'>, (dialect: CsvDialect) => StreamRenderer<Result>>> = { json: () => scoreJsonStream, csv: scoreCsvStream };
/** The formats that print nothing of the searches for tipping points and the unknowns that matter: they can skip them. */
export const NUMBERS_ONLY: ReadonlySet<FormatOf<'score'>> = new Set(['csv']);
