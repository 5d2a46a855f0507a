import { describe, expect, it } from 'vitest';
import { placeholders, words, type Catalog } from '../../src/i18n/catalog.js';
import { LANGS } from '../../src/i18n/lang.js';
import { COMMON_CATALOGS } from '../../src/i18n/common.js';
import enCli from '../../src/i18n/en/cli.js';
import enKb from '../../src/i18n/en/kb.js';
import enResult from '../../src/i18n/en/result.js';
import enValidate from '../../src/i18n/en/validate.js';
import enQuest from '../../src/i18n/en/quest.js';
import enReport from '../../src/i18n/en/report.js';
import { REPORT_CATALOGS } from '../../src/i18n/report.js';
import { CLI_CATALOGS } from '../../src/i18n/cli.js';
import { KB_CATALOGS } from '../../src/i18n/kb.js';
import { RESULT_CATALOGS } from '../../src/i18n/result.js';
import { VALIDATE_CATALOGS } from '../../src/i18n/validate.js';
import { QUEST_CATALOGS } from '../../src/i18n/quest.js';

// Each domain as a command sees it: its own words plus the common ones, in every language.
const DOMAINS: [string, Record<string, Catalog>][] = [
  ['common', COMMON_CATALOGS],
  ['cli', CLI_CATALOGS],
  ['validate', VALIDATE_CATALOGS],
  ['result', RESULT_CATALOGS],
  ['kb', KB_CATALOGS],
  ['quest', QUEST_CATALOGS],
  ['report', REPORT_CATALOGS],
];
const OWN: [string, Catalog][] = [
  ['cli', enCli],
  ['validate', enValidate],
  ['result', enResult],
  ['kb', enKb],
  ['quest', enQuest],
  ['report', enReport],
];

describe.each(DOMAINS)('the %s catalogs', (_, catalogs) => {
  const reference = catalogs.en!;
  const ids = Object.keys(reference);

  it.each(LANGS.filter((lang) => lang !== 'en'))('%s has every message, and no other', (lang) => {
    expect(Object.keys(catalogs[lang]!).sort()).toEqual([...ids].sort());
  });

  it.each(LANGS)('%s: every message takes the same placeholders as in English, and is plural where English is', (lang) => {
    for (const id of ids) {
      const template = catalogs[lang]![id]!;
      expect(placeholders(template), `${lang} ${id}`).toEqual(placeholders(reference[id]!));
      expect(typeof template, `${lang} ${id}`).toBe(typeof reference[id]);
      expect(typeof template === 'string' ? template : template.other, `${lang} ${id}`).not.toBe('');
    }
  });
});

describe('domains', () => {
  // The common words are spread into every domain: an id of the same name would silently replace one.
  it.each(OWN)('%s reuses no common id', (_, catalog) => {
    expect(Object.keys(catalog).filter((id) => Object.hasOwn(COMMON_CATALOGS.en, id))).toEqual([]);
  });

  it('ids are kebab-case (a rule id, a dot and its part for the rules)', () => {
    for (const [, catalogs] of DOMAINS) for (const id of Object.keys(catalogs.en!)) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.(?:description|message|hint))?$/);
  });
});

describe('words', () => {
  const say = words({
    en: { hello: 'Hello {name}{rest}', files: { one: '{count} file', other: '{count} files' }, quoted: '"{text}"' },
    nb: { hello: 'Hei {name}{rest}', files: { one: '{count} fil', other: '{count} filer' }, quoted: '«{text}»' },
  });

  it('fills placeholders, leaves unknown ones visible and picks the plural form by count', () => {
    expect(say('en', 'hello', { name: 'Kari' })).toBe('Hello Kari{rest}');
    expect(say('nb', 'files', { count: 1 })).toBe('1 fil');
    expect(say('nb', 'files', { count: 0 })).toBe('0 filer');
    expect(say('en', 'files', { count: 2 })).toBe('2 files');
  });

  it('puts a message reference into words in the same language, and takes a data text in it', () => {
    expect(say('nb', 'hello', { name: { message: 'quoted', params: { text: 'Kari' } }, rest: { nb: '!', en: '.' } })).toBe('Hei «Kari»!');
    expect(say('en', 'hello', { name: { message: 'quoted', params: { text: 'Kari' } }, rest: { nb: '!', en: '.' } })).toBe('Hello "Kari".');
  });

  it('an id no catalog has is a bug that throws', () => {
    expect(() => say('en', 'nope' as 'hello')).toThrow(/no message "nope" in en/);
  });
});
