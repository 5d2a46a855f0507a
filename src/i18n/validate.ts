import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/validate.js';
import nb from './nb/validate.js';

export type ValidateId = keyof typeof en | CommonId;

/**
 * The validator's words: rules, schema and semantic checks, output. `orgfit validate` loads no other domain but cli.
 * One catalog per language, keyed by LANGS: a new language does not compile until it has one.
 */
export const VALIDATE_CATALOGS: Record<Lang, Catalog<ValidateId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const validateText = words(VALIDATE_CATALOGS);
