import type { Lang } from '../i18n/lang.js';
import { kbText } from '../i18n/kb.js';
import type { EvidenceKind, Finding, LineRef, Reference } from '../schema/index.js';
import { citation, isEtAl } from './citation.js';
import type { RenderOptions } from './renderer.js';
import { jsonText, pad, visible, visibleDeep, wrap } from './text.js';

/** The literature review every reference is cited in. */
const REVIEW_CITATION = 'Nesvåg 2005';

/** One line reference as printed: `333` or `330–349`. */
function lineRef(ref: LineRef): string {
  return typeof ref === 'number' ? String(ref) : ref.replace('-', '–');
}

/** `review lines 330–349, 578–580` in the language asked for. */
export function reviewLines(lines: readonly LineRef[], lang: Lang): string {
  const single = lines.length === 1 && typeof lines[0] === 'number';
  return `${kbText(lang, single ? 'review-line' : 'review-lines')} ${lines.map(lineRef).join(', ')}`;
}

/** Government bodies and the like are authors as a whole, not "family, given". */
const isCorporate = (reference: Reference) => reference.kind === 'policy-document';

// Sorted the Norwegian way (æ, ø, å after z) in every language: the names are those of a Norwegian review.
const collator = new Intl.Collator('nb', { sensitivity: 'variant', numeric: true });

/** Bibliography order: first author, then year (unknown years last), then key. */
function sortReferences(references: readonly Reference[]): Reference[] {
  const unnamed = (r: Reference) => (r.authors.length === 0 ? 1 : 0);
  return [...references].sort(
    (a, b) =>
      unnamed(a) - unnamed(b) ||
      collator.compare(a.authors[0] ?? '', b.authors[0] ?? '') ||
      collator.compare(a.authors.slice(1).join(' '), b.authors.slice(1).join(' ')) ||
      (a.year ?? 9999) - (b.year ?? 9999) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function personNames(reference: Reference): string[] {
  return reference.authors.filter((name) => !isEtAl(name));
}

function authorText(reference: Reference, lang: Lang): string {
  const names = reference.authors.map((name) => {
    if (isEtAl(name)) return kbText(lang, 'et-al');
    return name;
  });
  // "Fehn mfl." rather than "Fehn, mfl."
  let text = '';
  names.forEach((name, i) => {
    if (i === 0) text = name;
    else if (reference.authors[i] !== undefined && isEtAl(reference.authors[i]!)) text += ` ${name}`;
    else text += `, ${name}`;
  });
  return text || kbText(lang, 'issuer-not-named');
}

function yearText(reference: Reference, lang: Lang): string {
  return reference.year === null ? kbText(lang, 'no-year') : String(reference.year);
}

function quote(text: string, lang: Lang): string {
  return kbText(lang, 'title-quoted', { text });
}

/** Whether the printed citations say something the author and year do not. */
function citedAsWorthShowing(reference: Reference): boolean {
  const flags = reference.flags ?? [];
  return flags.includes('op-cit') || flags.includes('spelling-variant') || flags.includes('uncertain-author') || flags.includes('unknown-year');
}

function flagText(reference: Reference, lang: Lang): string | undefined {
  const parts = (reference.flags ?? []).map((flag) => kbText(lang, `flag-${flag}`));
  if (citedAsWorthShowing(reference)) parts.push(`${kbText(lang, 'cited-as')} ${reference.citedAs.map((c) => quote(c, lang)).join(', ')}`);
  return parts.length > 0 ? `{${parts.join('; ')}}` : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ensureStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?»"”)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function wrapHead(head: string, width: number): string {
  return wrap(head, width).join('\n');
}

/** The bibliography as plain text, one paragraph per work. */
export function renderSourcesText(references: readonly Reference[], { lang, width }: RenderOptions): string {
  // The review's own entry (the author's synthesis) is listed, but is not a work it cites.
  const cited = references.filter((reference) => reference.kind !== 'review-synthesis').length;
  const head = kbText(lang, 'sources-head', { count: cited, review: REVIEW_CITATION });
  const entries = sortReferences(references).map((reference) => {
    let text = `${authorText(reference, lang)} (${yearText(reference, lang)}).`;
    if (reference.title) text += ` ${ensureStop(quote(reference.title, lang))}`;
    text += ` — ${ensureStop(reference.summary[lang])} [${reviewLines(reference.lines, lang)}]`;
    const flags = flagText(reference, lang);
    if (flags) text += ` ${flags}`;
    if (reference.caveat) text += ` ${kbText(lang, 'caveat')}: ${ensureStop(reference.caveat[lang])}`;
    // Everything but the words around it comes from the data files: it may not drive the terminal.
    return wrap(visible(text), width, { indent: '    ' }).join('\n');
  });
  return `${wrapHead(head, width)}\n\n${entries.join('\n\n')}\n`;
}

/** Escapes the characters BibTeX treats specially, so the text reads as written. */
export function escapeBibtex(text: string): string {
  return text.replace(/[{}%&$#_^~\\]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\^{}';
      case '~':
        return '\\~{}';
      default:
        return `\\${c}`;
    }
  });
}

function bibNote(reference: Reference, lang: Lang): string {
  let note = `${kbText(lang, 'cited-in')} ${REVIEW_CITATION}, ${kbText(lang, 'lines')} ${reference.lines.map(lineRef).join(', ')}; ${ensureStop(reference.summary[lang])}`;
  const flags = flagText(reference, lang);
  if (flags) note += ` ${ensureStop(capitalise(flags.slice(1, -1)))}`;
  if (reference.authors.length === 0) note += ` ${kbText(lang, 'issuer-not-named')}`;
  return note;
}

/** The bibliography as BibTeX `@misc` entries: only what the review states, nothing invented. */
export function renderSourcesBibtex(unsafe: readonly Reference[], { lang }: RenderOptions): string {
  // Names, titles and summaries come from a file: nothing in them may drive the terminal the entries are printed to.
  const references = visibleDeep(unsafe);
  const entries = sortReferences(references).map((reference) => {
    const fields: [string, string][] = [];
    const names = personNames(reference).map((name) => (isCorporate(reference) ? `{${escapeBibtex(name)}}` : escapeBibtex(name)));
    if (reference.authors.some(isEtAl)) names.push('others');
    if (names.length > 0) fields.push(['author', names.join(' and ')]);
    if (reference.year !== null) fields.push(['year', String(reference.year)]);
    if (reference.title) fields.push(['title', `{${escapeBibtex(reference.title)}}`]);
    fields.push(['note', escapeBibtex(bibNote(reference, lang))]);
    const width = Math.max(...fields.map(([name]) => name.length));
    return `@misc{${reference.key},\n${fields.map(([name, value]) => `  ${pad(name, width)} = {${value}}`).join(',\n')}\n}`;
  });
  return entries.join('\n\n') + '\n';
}

const CSL_TYPE: Record<EvidenceKind, string> = {
  'multi-site-evaluation': 'report',
  'large-survey': 'report',
  evaluation: 'report',
  'comparative-study': 'report',
  'case-study': 'report',
  'action-research': 'report',
  thesis: 'thesis',
  analysis: 'article',
  'review-synthesis': 'report',
  theory: 'document',
  textbook: 'book',
  opinion: 'document',
  'policy-document': 'report',
};

interface CslItem {
  id: string;
  type: string;
  author?: ({ family: string } | { literal: string })[];
  issued?: { 'date-parts': [[number]] };
  title?: string;
  note: string;
}

/** The bibliography as CSL-JSON items (for Zotero, pandoc and citeproc). */
function cslItems(references: readonly Reference[], lang: Lang): CslItem[] {
  return sortReferences(references).map((reference) => {
    const names = personNames(reference);
    const etAl = reference.authors.some(isEtAl) ? ` (${authorText(reference, lang)})` : '';
    return {
      id: reference.key,
      type: CSL_TYPE[reference.kind],
      ...(names.length > 0 ? { author: names.map((name) => (isCorporate(reference) ? { literal: name } : { family: name })) } : {}),
      ...(reference.year !== null ? { issued: { 'date-parts': [[reference.year]] as [[number]] } } : {}),
      ...(reference.title ? { title: reference.title } : {}),
      note: bibNote(reference, lang) + etAl,
    };
  });
}

export function renderSourcesCsl(references: readonly Reference[], { lang }: RenderOptions): string {
  return jsonText(cslItems(references, lang));
}

/** The findings of the review, each with its grade, evidence and references (`orgfit sources --findings`). */
export function renderFindingsText({ findings, references }: { findings: readonly Finding[]; references: readonly Reference[] }, { lang, width }: RenderOptions): string {
  const byKey = new Map(references.map((r) => [r.key, r]));
  const head = kbText(lang, 'findings-head', { count: findings.length, review: REVIEW_CITATION });
  const entries = findings.map((finding) => {
    const lines: string[] = [finding.id];
    const facts = [
      `${capitalise(kbText(lang, 'confidence'))}: ${kbText(lang, `confidence-${finding.confidence}`)}`,
      kbText(lang, `evidence-${finding.evidence}`),
      kbText(lang, `origin-${finding.origin}`),
      kbText(lang, finding.use === 'scoring' ? 'use-scoring' : 'use-context'),
    ];
    lines.push(...wrap(facts.join(' · '), width, { indent: '    ', first: '  ' }));
    lines.push(...wrap(visible(finding.claim[lang]), width, { indent: '    ', first: '  ' }));
    const cited = finding.references.map((key) => {
      const reference = byKey.get(key);
      return reference ? citation(reference, lang) : key;
    });
    lines.push(...wrap(visible(`${kbText(lang, 'references')}: ${cited.join('; ')}`), width, { indent: '    ', first: '  ' }));
    const where = reviewLines(finding.lines, lang);
    lines.push(`  ${where.charAt(0).toUpperCase()}${where.slice(1)}`);
    return lines.join('\n');
  });
  return `${wrapHead(head, width)}\n\n${entries.join('\n\n')}\n`;
}
