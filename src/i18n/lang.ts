/**
 * The languages orgfit speaks. A new one is an entry here and a catalog per domain in
 * ./<lang>/ (see ./catalog.ts); each domain takes its catalogs as a record keyed by these,
 * so the build fails until every domain has one.
 */
export const LANGS = ['nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];

function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/**
 * The language from an explicit option, else ORGFIT_LANG, else the locale's, else bokmål.
 * ORGFIT_LANG comes first because CI runners and many laptops run with LANG=C.UTF-8, which
 * says nothing about the reader. The locale is read as GNU gettext reads it: LC_ALL, else
 * LC_MESSAGES, else LANG, and unless that is C or POSIX, LANGUAGE's list of preferences
 * ("nn:nb:en") before it: its first entry orgfit can serve decides. English only when the
 * locale says English; every Norwegian (nynorsk too) or unknown locale gives bokmål.
 */
export function pickLang(option: string | undefined, env: Record<string, string | undefined>): Lang {
  if (isLang(option)) return option;
  const explicit = env.ORGFIT_LANG?.trim().toLowerCase();
  if (isLang(explicit)) return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (locale !== '' && !/^(C|POSIX)([.@]|$)/i.test(locale)) {
    for (const entry of (env.LANGUAGE ?? '').split(':')) {
      if (ENGLISH.test(entry)) return 'en';
      if (NORWEGIAN.test(entry)) return 'nb';
    }
  }
  return ENGLISH.test(locale) ? 'en' : 'nb';
}

const ENGLISH = /^en([_.@-]|$)/i;
const NORWEGIAN = /^(nb|nn|no)([_.@-]|$)/i;

/**
 * --lang from a command line, read before commander parses it: it decides the language of
 * help texts, and of what the process itself says (bin/orgfit.js).
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

