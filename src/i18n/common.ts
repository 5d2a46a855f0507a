import { words, type Catalog } from './catalog.js';
import type { Lang } from './lang.js';
import en from './en/common.js';
import nb from './nb/common.js';

export type CommonId = keyof typeof en;

/**
 * The vocabulary several domains share. Every domain's catalogs include it, so that a
 * message of any domain can refer to it (a `MessageRef` stays within its domain).
 */
export const COMMON_CATALOGS: Record<Lang, Catalog<CommonId>> = { en, nb };

export const commonText = words(COMMON_CATALOGS);
