import type { Lang } from '../i18n/lang.js';
import type { CitationFlag, Confidence, EvidenceKind, Finding, LineRef, Origin, Reference } from '../schema/index.js';
import { WORDS } from './words.js';
import { visibleAll } from './text-safety.js';

/** The literature review every reference is cited in. */
export const REVIEW_CITATION = 'Nesvåg 2005';

export type SourcesFormat = 'text' | 'bibtex' | 'csl-json';

export interface SourcesOptions {
  lang: Lang;
  /** Wrap text output at this many columns (default 80). */
  width?: number;
}

const L = {
  linesOne: { nb: 'oversikten linje', en: 'review line' },
  linesMany: { nb: 'oversikten linje', en: 'review lines' },
  noYear: { nb: 'u.å.', en: 'n.d.' },
  etAl: { nb: 'mfl.', en: 'et al.' },
  citedIn: { nb: 'Sitert i', en: 'Cited in' },
  lineWord: { nb: 'linje', en: 'lines' },
  citedAs: { nb: 'sitert som', en: 'cited as' },
  caveat: { nb: 'Merk', en: 'Caveat' },
  references: { nb: 'Referanser', en: 'References' },
  confidence: { nb: 'tillit', en: 'confidence' },
  scoring: { nb: 'brukes i skåringen', en: 'used in scoring' },
  context: { nb: 'bakgrunn, ikke skåret', en: 'background, not scored' },
  headSources: {
    nb: '{n} verk sitert i litteraturstudien ({review}), sortert etter første forfatter og år.\nOrgfit gjengir bare det oversikten selv sier; tidsskrift, forlag og sider er ikke oppgitt der.',
    en: '{n} works cited in the literature review ({review}), sorted by first author and year.\norgfit gives only what the review itself says; it states no journal, publisher or pages.',
  },
  headFindings: {
    nb: '{n} funn fra litteraturstudien ({review}), med tillit etter GRADE-CERQual.',
    en: '{n} findings of the literature review ({review}), with confidence graded by GRADE-CERQual.',
  },
  authorUnknown: WORDS.issuerNotNamed,
} as const;

const FLAG_WORDS: Record<CitationFlag, { nb: string; en: string }> = {
  'op-cit': { nb: 'sitert som «op.cit.» i oversikten, året hentet fra en tidligere henvisning', en: 'cited as "op.cit." in the review, the year taken from an earlier citation' },
  'unknown-year': { nb: 'året er ukjent (oversikten oppgir ikke noe brukbart år)', en: 'year unknown (the review gives no usable year)' },
  'uncertain-author': { nb: 'oversikten markerer selv forfatteren som usikker', en: 'the review itself marks the author as uncertain' },
  'spelling-variant': { nb: 'navnet er stavet på flere måter i oversikten', en: 'the name is spelled more than one way in the review' },
  secondary: { nb: 'gjengitt annenhånds', en: 'reported second-hand' },
  quoted: { nb: 'sitert direkte i oversikten', en: 'quoted directly in the review' },
};

export const CONFIDENCE_WORDS: Record<Confidence, { nb: string; en: string }> = {
  high: { nb: 'høy', en: 'high' },
  moderate: { nb: 'moderat', en: 'moderate' },
  low: { nb: 'lav', en: 'low' },
  'very-low': { nb: 'svært lav', en: 'very low' },
};

export const EVIDENCE_WORDS: Record<EvidenceKind, { nb: string; en: string }> = {
  'multi-site-evaluation': { nb: 'evaluering på mange steder', en: 'multi-site evaluation' },
  'large-survey': { nb: 'stor spørreundersøkelse', en: 'large survey' },
  evaluation: { nb: 'evaluering', en: 'evaluation' },
  'comparative-study': { nb: 'komparativ studie', en: 'comparative study' },
  'case-study': { nb: 'casestudie', en: 'case study' },
  'action-research': { nb: 'aksjonsforskning', en: 'action research' },
  thesis: { nb: 'masteroppgave eller avhandling', en: 'thesis' },
  analysis: { nb: 'analyse (metode ikke oppgitt)', en: 'analysis (method not stated)' },
  theory: { nb: 'teori', en: 'theory' },
  textbook: { nb: 'lærebok', en: 'textbook' },
  opinion: { nb: 'synspunkt eller praksisrapport', en: 'opinion or practitioner’s report' },
  'policy-document': { nb: 'offentlig dokument', en: 'policy document' },
};

export const ORIGIN_WORDS: Record<Origin, { nb: string; en: string }> = {
  norway: { nb: 'Norge', en: 'Norway' },
  nordic: { nb: 'Norden', en: 'Nordic' },
  elsewhere: { nb: 'utenfor Norden', en: 'outside the Nordic countries' },
  mixed: { nb: 'flere land', en: 'several countries' },
  unknown: { nb: 'opphav ukjent', en: 'origin unknown' },
};

/** One line reference as printed: `333` or `330–349`. */
export function lineRef(ref: LineRef): string {
  return typeof ref === 'number' ? String(ref) : ref.replace('-', '–');
}

/** `review lines 330–349, 578–580` in the language asked for. */
export function reviewLines(lines: readonly LineRef[], lang: Lang): string {
  const single = lines.length === 1 && typeof lines[0] === 'number';
  return `${(single ? L.linesOne : L.linesMany)[lang]} ${lines.map(lineRef).join(', ')}`;
}

/** Words wrapped to `width` columns; every line after the first starts with `indent`. */
export function wrap(text: string, width: number, indent = '', first = ''): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const out: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of words) {
    if (!fresh && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else {
      line = fresh ? line + word : `${line} ${word}`;
    }
    fresh = false;
  }
  out.push(line);
  return out;
}

const isEtAl = (name: string) => /^et\.? ?al\.?$/i.test(name) || /^m\.? ?fl\.?$/i.test(name);
/** The review sometimes cannot name the author; the data says so in brackets, "[nb / en]". */
/** Government bodies and the like are authors as a whole, not "family, given". */
const isCorporate = (reference: Reference) => reference.kind === 'policy-document';

const collator = new Intl.Collator('nb', { sensitivity: 'variant', numeric: true });

/** Bibliography order: first author, then year (unknown years last), then key. */
export function sortReferences(references: readonly Reference[]): Reference[] {
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
    if (isEtAl(name)) return L.etAl[lang];
    return name;
  });
  // "Fehn mfl." rather than "Fehn, mfl."
  let text = '';
  names.forEach((name, i) => {
    if (i === 0) text = name;
    else if (reference.authors[i] !== undefined && isEtAl(reference.authors[i]!)) text += ` ${name}`;
    else text += `, ${name}`;
  });
  return text || L.authorUnknown[lang];
}

/** "Helgøy 2003", as a finding's reference list shows it. */
export function shortCitation(reference: Reference, lang: Lang): string {
  return `${authorText(reference, lang)} ${reference.year ?? L.noYear[lang]}`;
}

function yearText(reference: Reference, lang: Lang): string {
  return reference.year === null ? L.noYear[lang] : String(reference.year);
}

function quote(text: string, lang: Lang): string {
  return lang === 'nb' ? `«${text}»` : `“${text}”`;
}

/** Whether the printed citations say something the author and year do not. */
function citedAsWorthShowing(reference: Reference): boolean {
  const flags = reference.flags ?? [];
  return flags.includes('op-cit') || flags.includes('spelling-variant') || flags.includes('uncertain-author') || flags.includes('unknown-year');
}

function flagText(reference: Reference, lang: Lang): string | undefined {
  const parts = (reference.flags ?? []).map((flag) => FLAG_WORDS[flag][lang]);
  if (citedAsWorthShowing(reference)) parts.push(`${L.citedAs[lang]} ${reference.citedAs.map((c) => quote(c, lang)).join(', ')}`);
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
  return head
    .split('\n')
    .flatMap((line) => wrap(line, width))
    .join('\n');
}

/** The bibliography as plain text, one paragraph per work. */
export function renderSourcesText(unsafe: readonly Reference[], options: SourcesOptions): string {
  const { lang } = options;
  const references = visibleAll(unsafe);
  const width = options.width ?? 80;
  const head = L.headSources[lang].replace('{n}', String(references.length)).replace('{review}', REVIEW_CITATION);
  const entries = sortReferences(references).map((reference) => {
    let text = `${authorText(reference, lang)} (${yearText(reference, lang)}).`;
    if (reference.title) text += ` ${ensureStop(quote(reference.title, lang))}`;
    text += ` — ${ensureStop(reference.summary[lang])} [${reviewLines(reference.lines, lang)}]`;
    const flags = flagText(reference, lang);
    if (flags) text += ` ${flags}`;
    if (reference.caveat) text += ` ${L.caveat[lang]}: ${ensureStop(reference.caveat[lang])}`;
    return wrap(text, width, '    ').join('\n');
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
  let note = `${L.citedIn[lang]} ${REVIEW_CITATION}, ${L.lineWord[lang]} ${reference.lines.map(lineRef).join(', ')}; ${ensureStop(reference.summary[lang])}`;
  const flags = flagText(reference, lang);
  if (flags) note += ` ${ensureStop(capitalise(flags.slice(1, -1)))}`;
  if (reference.authors.length === 0) note += ` ${L.authorUnknown[lang]}`;
  return note;
}

/** The bibliography as BibTeX `@misc` entries: only what the review states, nothing invented. */
export function renderSourcesBibtex(unsafe: readonly Reference[], options: SourcesOptions): string {
  const { lang } = options;
  const references = visibleAll(unsafe);
  const entries = sortReferences(references).map((reference) => {
    const fields: [string, string][] = [];
    const names = personNames(reference).map((name) => (isCorporate(reference) ? `{${escapeBibtex(name)}}` : escapeBibtex(name)));
    if (reference.authors.some(isEtAl)) names.push('others');
    if (names.length > 0) fields.push(['author', names.join(' and ')]);
    if (reference.year !== null) fields.push(['year', String(reference.year)]);
    if (reference.title) fields.push(['title', `{${escapeBibtex(reference.title)}}`]);
    fields.push(['note', escapeBibtex(bibNote(reference, lang))]);
    const width = Math.max(...fields.map(([name]) => name.length));
    return `@misc{${reference.key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n')}\n}`;
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
  theory: 'document',
  textbook: 'book',
  opinion: 'document',
  'policy-document': 'report',
};

export interface CslItem {
  id: string;
  type: string;
  author?: ({ family: string } | { literal: string })[];
  issued?: { 'date-parts': [[number]] };
  title?: string;
  note: string;
}

/** The bibliography as CSL-JSON items (for Zotero, pandoc and citeproc). */
export function cslItems(references: readonly Reference[], options: SourcesOptions): CslItem[] {
  const { lang } = options;
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

export function renderSourcesCsl(references: readonly Reference[], options: SourcesOptions): string {
  return JSON.stringify(cslItems(references, options), null, 2) + '\n';
}

export function renderSources(references: readonly Reference[], format: SourcesFormat, options: SourcesOptions): string {
  switch (format) {
    case 'bibtex':
      return renderSourcesBibtex(references, options);
    case 'csl-json':
      return renderSourcesCsl(references, options);
    default:
      return renderSourcesText(references, options);
  }
}

/** The findings of the review, each with its grade, evidence and references. */
export function renderFindingsText(unsafeFindings: readonly Finding[], unsafeReferences: readonly Reference[], options: SourcesOptions): string {
  const { lang } = options;
  const findings = visibleAll(unsafeFindings);
  const references = visibleAll(unsafeReferences);
  const width = options.width ?? 80;
  const byKey = new Map(references.map((r) => [r.key, r]));
  const head = L.headFindings[lang].replace('{n}', String(findings.length)).replace('{review}', REVIEW_CITATION);
  const entries = findings.map((finding) => {
    const lines: string[] = [finding.id];
    const facts = [
      `${capitalise(L.confidence[lang])}: ${CONFIDENCE_WORDS[finding.confidence][lang]}`,
      EVIDENCE_WORDS[finding.evidence][lang],
      ORIGIN_WORDS[finding.origin][lang],
      (finding.use === 'scoring' ? L.scoring : L.context)[lang],
    ];
    lines.push(...wrap(facts.join(' · '), width, '    ', '  '));
    lines.push(...wrap(finding.claim[lang], width, '    ', '  '));
    const cited = finding.references.map((key) => {
      const reference = byKey.get(key);
      return reference ? shortCitation(reference, lang) : key;
    });
    lines.push(...wrap(`${L.references[lang]}: ${cited.join('; ')}`, width, '    ', '  '));
    const where = reviewLines(finding.lines, lang);
    lines.push(`  ${where.charAt(0).toUpperCase()}${where.slice(1)}`);
    return lines.join('\n');
  });
  return `${wrapHead(head, width)}\n\n${entries.join('\n\n')}\n`;
}
