import { words, type Catalog } from './catalog.js';
import { COMMON_CATALOGS, type CommonId } from './common.js';
import type { Lang } from './lang.js';
import en from './en/quest.js';
import nb from './nb/quest.js';

export type QuestId = keyof typeof en | CommonId;

/**
 * The words of `orgfit questionnaire`: its screens, prompts, key hints and validation
 * messages. Only the questionnaire loads them.
 * One catalog per language, keyed by LANGS: a new language does not compile until it has one.
 */
export const QUEST_CATALOGS: Record<Lang, Catalog<QuestId>> = {
  en: { ...COMMON_CATALOGS.en, ...en },
  nb: { ...COMMON_CATALOGS.nb, ...nb },
};

export const questText = words(QUEST_CATALOGS);
