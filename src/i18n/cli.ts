import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/cli.js';
import nb from './nb/cli.js';

export type CliId = keyof typeof en | CommonId;

/**
 * Everything the command line says: messages, help, usage errors. Loaded at start-up.
 * One catalog per language, keyed by LANGS: a new language does not compile until it has one.
 */
export const CLI_CATALOGS: Record<Lang, Catalog<CliId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const cliText = words(CLI_CATALOGS);
