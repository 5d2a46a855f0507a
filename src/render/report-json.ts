import type { Report } from '../core/report.js';
import type { ReportRenderOptions } from './registry/report.js';
import { renderScoreCsv } from './score-csv.js';
import { jsonText } from './text.js';

/** The report model as orgfit/report@1 (schema/report.schema.json): the same bytes for the same input. */
export function renderReportJson(report: Report): string {
  return jsonText(report);
}

/** The score matrix: one row per answers file and model, as `score --format csv` writes it. */
export function renderReportCsv(report: Report, { excel }: ReportRenderOptions): string {
  return renderScoreCsv(report.files, { excel: excel === true });
}
