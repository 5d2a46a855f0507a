import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/kb.js';
import nb from './nb/kb.js';

export type KbId = keyof typeof en | CommonId;

/**
 * The words of `orgfit sources`, `models`, `questions` and `template`.
 * One catalog per language, keyed by LANGS: a new language does not compile until it has one.
 */
export const KB_CATALOGS: Record<Lang, Catalog<KbId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const kbText = words(KB_CATALOGS);
