import type { Report } from '../../core/report.js';
import type { Lang } from '../../i18n/lang.js';
import type { FormatOf } from '../formats.js';
import type { FormatRenderer, LazyRegistry } from '../renderer.js';

/** What a report renderer is told: the reader's language and the orgfit version that made the report (no clock: no date). */
export interface ReportRenderOptions {
  lang: Lang;
  version: string;
  /** CSV only: the Norwegian spreadsheet dialect (semicolons, decimal comma, byte-order mark). */
  excel?: boolean;
}

/** A report renderer: pure, from the report model to the bytes of one format. */
export type ReportRenderer = FormatRenderer<Report, ReportRenderOptions>;

/**
 * `orgfit report --format …`. Each format's renderer is loaded only when it is asked for,
 * so the Markdown report never loads the HTML or Word code. PDF is the HTML printed by a
 * browser (src/load/browser.ts): its renderer here is the HTML's.
 */
const registry: LazyRegistry<'report', Report, ReportRenderOptions> = {
  md: async () => ({ render: (await import('../report-md.js')).renderReportMd }),
  html: async () => ({ render: (await import('../report-html.js')).renderReportHtml }),
  pdf: async () => ({ render: (await import('../report-html.js')).renderReportHtml }),
  docx: async () => ({ render: (await import('../report-docx.js')).renderReportDocx }),
  json: async () => ({ render: (await import('../report-json.js')).renderReportJson }),
  csv: async () => ({ render: (await import('../report-json.js')).renderReportCsv }),
};
export default registry;

/** The formats that print SMAA-2's confidence factors (the JSON report carries every result whole); the others skip its second pass. */
export const SHOWS_CONFIDENCE: ReadonlySet<FormatOf<'report'>> = new Set(['json']);
