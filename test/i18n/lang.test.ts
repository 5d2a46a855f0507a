import { describe, expect, it } from 'vitest';
import { langFromArgv, pickLang } from '../../src/i18n/lang.js';

/*
 * pickLang (src/i18n/lang.ts): --lang, then ORGFIT_LANG, then the locale as GNU gettext
 * reads it (LC_ALL, LC_MESSAGES, LANG, and LANGUAGE's list before them unless the locale is
 * C or POSIX), then bokmål.
 */
describe('pickLang', () => {
  it('--lang first, then ORGFIT_LANG (trimmed, any case), whatever the locale says', () => {
    expect(pickLang('nb', { ORGFIT_LANG: 'en', LANG: 'en_GB.UTF-8', LANGUAGE: 'en' })).toBe('nb');
    expect(pickLang(undefined, { ORGFIT_LANG: ' EN ', LANG: 'nb_NO.UTF-8', LANGUAGE: 'nb' })).toBe('en');
    expect(pickLang('sv', { ORGFIT_LANG: 'en' })).toBe('en');
  });

  it('the locale: LC_ALL before LC_MESSAGES before LANG; English only when it says English', () => {
    expect(pickLang(undefined, { LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'nb_NO.UTF-8', LANG: 'nb_NO.UTF-8' })).toBe('en');
    expect(pickLang(undefined, { LC_MESSAGES: 'nb_NO.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('nb');
    expect(pickLang(undefined, { LANG: 'en' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'english' })).toBe('nb');
    expect(pickLang(undefined, { LANG: 'sv_SE.UTF-8' })).toBe('nb');
    expect(pickLang(undefined, {})).toBe('nb');
  });

  it('LANGUAGE, a list of preferences, before the locale: its first entry orgfit serves decides (nynorsk reads bokmål)', () => {
    expect(pickLang(undefined, { LANG: 'nb_NO.UTF-8', LANGUAGE: 'en_GB:en' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'en_GB.UTF-8', LANGUAGE: 'nn:nb:en' })).toBe('nb');
    expect(pickLang(undefined, { LANG: 'nb_NO.UTF-8', LANGUAGE: 'sv:de:en' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'en_GB.UTF-8', LANGUAGE: 'sv:de' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'en_GB.UTF-8', LANGUAGE: '' })).toBe('en');
    expect(pickLang(undefined, { LANG: 'en_US.UTF-8', LANGUAGE: 'no' })).toBe('nb');
  });

  it('LANGUAGE is ignored under the C or POSIX locale, or no locale at all, as gettext ignores it', () => {
    expect(pickLang(undefined, { LANG: 'C.UTF-8', LANGUAGE: 'en' })).toBe('nb');
    expect(pickLang(undefined, { LC_ALL: 'POSIX', LANGUAGE: 'en' })).toBe('nb');
    expect(pickLang(undefined, { LC_ALL: 'C', LANG: 'en_GB.UTF-8', LANGUAGE: 'en' })).toBe('nb');
    expect(pickLang(undefined, { LANGUAGE: 'en' })).toBe('nb');
  });
});

describe('langFromArgv', () => {
  it('--lang X and --lang=X before a "--"; nothing after it', () => {
    expect(langFromArgv(['score', '--lang', 'en', 'f.yaml'])).toBe('en');
    expect(langFromArgv(['--lang=nb', 'models'])).toBe('nb');
    expect(langFromArgv(['score', '--', '--lang', 'en'])).toBeUndefined();
    expect(langFromArgv(['score'])).toBeUndefined();
  });
});
