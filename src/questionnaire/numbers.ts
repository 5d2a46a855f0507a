import type { Lang } from '../i18n/lang.js';

/**
 * A number as a Norwegian or English respondent types it: "12,5" and "12.5" alike, a
 * leading or trailing "%" and spaces (also as thousands separators: "1 200") allowed.
 * undefined for anything else.
 *
 * @example
 * parseNumber('12,5'); // 12.5
 * parseNumber('60 %'); // 60
 */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^\u2212/, '-');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** A number for the reader: "12,5" in bokmål, "12.5" in English; no grouping, a plain minus. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false }).format(value).replace('\u2212', '-');
}
