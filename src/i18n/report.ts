import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/report.js';
import nb from './nb/report.js';

export type ReportId = keyof typeof en | CommonId;

/** The words of `orgfit report`, loaded only by the report command. */
export const REPORT_CATALOGS: Record<Lang, Catalog<ReportId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const reportText = words(REPORT_CATALOGS);
