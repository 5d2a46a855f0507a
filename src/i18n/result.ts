import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/result.js';
import nb from './nb/result.js';

export type ResultId = keyof typeof en | CommonId;

/**
 * The words of `orgfit score` and `orgfit explain`.
 * One catalog per language, keyed by LANGS: a new language does not compile until it has one.
 */
export const RESULT_CATALOGS: Record<Lang, Catalog<ResultId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const resultText = words(RESULT_CATALOGS);
