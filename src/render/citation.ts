import { commonText } from '../i18n/common.js';
import type { Lang } from '../i18n/lang.js';

/** The data marks "the review says et al." with an author "et al." (or the review's own "m.fl."). */
export const isEtAl = (name: string): boolean => /^et\.? ?al\.?$/i.test(name) || /^m\.? ?fl\.?$/i.test(name);

/**
 * "Author year", as every output cites a reference: "Helgøy 2003", "Busch and Vanebo 2001",
 * "Fehn et al. 1994" for more than two authors or where the review says et al., "n.d." for
 * an unknown year, and a bracketed note when the review names no author.
 */
export function citation(reference: { authors: readonly string[]; year: number | null }, lang: Lang): string {
  const year = reference.year === null ? commonText(lang, 'no-year') : String(reference.year);
  if (reference.authors.length === 0) return `${commonText(lang, 'issuer-not-named')} ${year}`;
  const named = reference.authors.filter((name) => !isEtAl(name));
  const etAl = commonText(lang, 'et-al');
  if (named.length > 2) return `${named[0]} ${etAl} ${year}`;
  const names = named.length === 2 ? commonText(lang, 'and', { a: named[0]!, b: named[1]! }) : (named[0] ?? '');
  return named.length < reference.authors.length ? `${names} ${etAl} ${year}` : `${names} ${year}`;
}
