import type { Result } from '../../core/result.js';
import type { Registry } from '../renderer.js';
import { renderScoreCsv, type CsvDialect } from '../score-csv.js';
import { renderScoreJson } from '../score-json.js';
import { renderScoreTable } from '../score-table.js';

/** `orgfit score --format …`: one result per answers file. */
export default { table: renderScoreTable, json: renderScoreJson, csv: renderScoreCsv } satisfies Registry<'score', readonly Result[], CsvDialect>;
