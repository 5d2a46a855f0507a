import type { Lang } from './lang.js';

/**
 * A catalog is one domain's words in one language: message id → template. A
 * template fills `{name}` from its parameters; a plural one has a form per
 * plural category (`one`, `other`) chosen by the `count` parameter.
 */
export type Template = string | { one: string; other: string };
export type Catalog<K extends string = string> = Readonly<Record<K, Template>>;
/** The same ids as the reference (English) catalog, each with a template of the same shape. */
export type Translation<T extends Catalog> = { readonly [K in keyof T]: T[K] extends string ? string : { one: string; other: string } };

/** A parameter that is itself a message of the same domain, put into words in the reader's language. */
export interface MessageRef<K extends string = string> {
  message: K;
  params?: Params<K>;
}
/**
 * A text from the data files in every language (the shape of `Text` in src/schema/common.ts),
 * such as a sum rule's own message: the reader gets it in their language.
 */
export type DataText = Readonly<Record<Lang, string>>;
export type Param<K extends string = string> = string | number | MessageRef<K> | DataText;
export type Params<K extends string = string> = Readonly<Record<string, Param<K>>>;

export type Words<K extends string> = (lang: Lang, id: K, params?: Params<K>) => string;

/**
 * The words of one domain in every language, as a function. Domains are separate so
 * that a command loads only the words it speaks.
 *
 * @example
 * const cliText = words({ en, nb });
 * cliText('nb', 'file-not-found', { path: 'a.yaml' }); // 'Finner ikke filen eller mappen «a.yaml»'
 */
export function words<K extends string>(catalogs: Record<Lang, Catalog<K>>): Words<K> {
  const say: Words<K> = (lang, id, params = {}) => {
    const template = catalogs[lang][id];
    if (template === undefined) throw new Error(`orgfit bug: no message "${id}" in ${lang}`);
    const chosen = typeof template === 'string' ? template : pluralForm(template, params.count, lang);
    return fill(chosen, params, (value) => ('message' in value ? say(lang, value.message, value.params) : value[lang]));
  };
  return say;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** Whether a count takes the singular, by language, as Intl.PluralRules said. */
const pluralOne = new Map<Lang, Map<number, boolean>>();

function pluralForm(template: { one: string; other: string }, count: unknown, lang: Lang): string {
  if (typeof count !== 'number') return template.other;
  // Intl's select costs microseconds and a report asks it thousands of times, mostly of a few small counts.
  let seen = pluralOne.get(lang);
  if (!seen) pluralOne.set(lang, (seen = new Map()));
  let one = seen.get(count);
  if (one === undefined) {
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
    one = rules.select(count) === 'one';
    if (seen.size < 1024) seen.set(count, one);
  }
  return one ? template.one : template.other;
}

/** Fills `{name}` placeholders; unknown names are left visible rather than silently dropped. */
function fill<K extends string>(template: string, params: Params<K>, resolve: (value: MessageRef<K> | DataText) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? resolve(value) : String(value);
  });
}

/** The `{name}` placeholders of a template, for the test that both languages take the same parameters. */
export function placeholders(template: Template): string[] {
  const texts = typeof template === 'string' ? [template] : [template.one, template.other];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}
