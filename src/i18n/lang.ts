export type Lang = 'nb' | 'en';

/** A text in both languages. */
export interface Bilingual {
  nb: string;
  en: string;
}

/** Fills `{name}` placeholders; unknown names are left visible rather than silently dropped. */
export function fill(template: string, params: Record<string, string | number | Bilingual> = {}, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/**
 * The language from an explicit option, else from LANG/LC_ALL/LC_MESSAGES, else bokmål.
 * English only when the locale says English; every Norwegian or unknown locale gives bokmål.
 */
export function pickLang(option: string | undefined, env: Record<string, string | undefined>): Lang {
  if (option === 'nb' || option === 'en') return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en(_|\.|-|$)/i.test(locale) ? 'en' : 'nb';
}
