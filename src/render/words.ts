import type { Lang } from '../i18n/lang.js';
import { columns, sliceColumns } from './text-safety.js';

/** Labels the result renderers share, in both languages. */
export const WORDS = {
  rank: { nb: '#', en: '#' },
  model: { nb: 'Modell', en: 'Model' },
  score: { nb: 'Poeng', en: 'Score' },
  first: { nb: 'P(1.)', en: 'P(1st)' },
  summary: { nb: 'Sammendrag', en: 'Summary' },
  municipality: { nb: 'Kommune', en: 'Municipality' },
  best: { nb: 'Best egnet', en: 'Best fit' },
  notWorkable: { nb: 'ikke gjennomførbar', en: 'not workable' },
  scenario: { nb: 'scenario', en: 'scenario' },
  assumed: { nb: 'Antatt der dere svarte «vet ikke»', en: 'Assumed where you answered "don’t know"' },
  leaderUncertain: {
    nb: 'Usikkert om {leader} er best: disse slår den i en stor andel av trekkene i robusthetsanalysen: {list}.',
    en: 'It is uncertain whether {leader} is best: these beat it in a large share of the robustness samples: {list}.',
  },
  leaderClear: { nb: '{leader} er foran alle de andre i minst 75 % av trekkene i robusthetsanalysen.', en: '{leader} is ahead of every other model in at least 75% of the robustness samples.' },
  explainHint: { nb: 'Forskningen bak hver poengsum: orgfit explain MODELL FIL', en: 'The research behind each score: orgfit explain MODEL FILE' },
  precondition: { nb: 'Forutsetning ikke oppfylt', en: 'Precondition not met' },
  preconditionUnknown: { nb: 'Forutsetning usikker («vet ikke»)', en: 'Precondition uncertain ("don’t know")' },
  baseline: { nb: 'Utgangspunkt', en: 'Baseline' },
  adjustment: { nb: 'Justering', en: 'Adjustment' },
  applies: { nb: 'gjelder', en: 'applies' },
  appliesUnknown: { nb: 'usikkert om den gjelder («vet ikke»)', en: 'may apply ("don’t know")' },
  weight: { nb: 'vekt', en: 'weight' },
  performance: { nb: 'ytelse', en: 'performance' },
  evidence: { nb: 'Evidens', en: 'Evidence' },
  fit: { nb: 'Passer fordi', en: 'Fits because' },
  misfit: { nb: 'Passer dårlig fordi', en: 'Misfits because' },
  gaps: { nb: 'Hull i kunnskapsgrunnlaget', en: 'Gaps in the evidence' },
  lines: { nb: 'linje', en: 'lines' },
  readsAnswers: { nb: 'ut fra svarene på', en: 'from your answers to' },
  points: { nb: 'poeng', en: 'points' },
  none: { nb: 'ingen', en: 'none' },
  issuerNotNamed: { nb: '[utsteder ikke navngitt]', en: '[issuer not named]' },
} as const;

export const GAP_WORDS = {
  'single-study': { nb: 'hviler på én enkelt studie', en: 'rests on a single study' },
  'very-low-confidence': { nb: 'hviler bare på funn med svært lav tillit', en: 'rests only on very-low-confidence findings' },
  'foreign-evidence': { nb: 'hviler bare på forskning fra andre land', en: 'rests only on research from other countries' },
  'theory-only': { nb: 'hviler bare på teori eller meninger, ikke på studier av sosialtjenesten', en: 'rests only on theory or opinion, not on studies of social services' },
} as const;

export const CONFIDENCE_WORDS = {
  high: { nb: 'høy', en: 'high' },
  moderate: { nb: 'moderat', en: 'moderate' },
  low: { nb: 'lav', en: 'low' },
  'very-low': { nb: 'svært lav', en: 'very low' },
} as const;

export function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

/** A percentage for people: 0.583 → "58 %" (nb) / "58%" (en). */
export function percent(share: number, lang: Lang): string {
  const n = Math.round(share * 100);
  return lang === 'nb' ? `${n}\u00a0%` : `${n}%`;
}

/** A number with the language's decimal separator. */
export function decimal(n: number, digits: number, lang: Lang): string {
  const text = n.toFixed(digits);
  return lang === 'nb' ? text.replace('.', ',') : text;
}

/** "−2.1" with a real minus sign and an explicit plus. */
export function signed(n: number, digits: number, lang: Lang): string {
  const text = decimal(Math.abs(n), digits, lang);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/** Cuts a string to a width, marking the cut. */
// Widths are terminal columns (text-safety.ts): a CJK character takes two.
export function fit(text: string, width: number): string {
  return columns(text) <= width ? text : sliceColumns(text, Math.max(0, width - 1)) + '…';
}

export function pad(text: string, width: number): string {
  const length = columns(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}

export function padStart(text: string, width: number): string {
  const length = columns(text);
  return length >= width ? text : ' '.repeat(width - length) + text;
}

/** "Author year" for a reference, "Author u.å." / "Author n.d." when the year is unknown. */
export function citation(reference: { authors: string[]; year: number | null }, lang: Lang): string {
  if (reference.authors.length === 0) return `${WORDS.issuerNotNamed[lang]} ${reference.year ?? (lang === 'nb' ? 'u.å.' : 'n.d.')}`;
  const authors = reference.authors.filter((a) => a !== 'et al.');
  const names = authors.length <= 2 ? authors.join(lang === 'nb' ? ' og ' : ' and ') : `${authors[0]} ${lang === 'nb' ? 'mfl.' : 'et al.'}`;
  const etAl = reference.authors.includes('et al.') && authors.length <= 2 ? (lang === 'nb' ? ' mfl.' : ' et al.') : '';
  return `${names}${etAl} ${reference.year ?? (lang === 'nb' ? 'u.å.' : 'n.d.')}`;
}

/**
 * Wraps text at spaces to a width in columns; continuation lines get the indent. Escape
 * codes (colour) are not counted. A word longer than a whole line (a 200-character name
 * without spaces) is cut across lines rather than left to run past the terminal's edge.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Keep the paragraph's own leading whitespace (after any colour code).
    const lead = /^((?:\x1b\[[0-9;]*m)*\s*)/.exec(paragraph)![1]!;
    let line = lead;
    let empty = true;
    for (let wordText of paragraph.slice(lead.length).split(' ')) {
      if (wordText === '') continue;
      const candidate = empty ? line + wordText : `${line} ${wordText}`;
      if (!empty && columns(candidate) > width) {
        lines.push(line);
        line = indent + wordText;
      } else {
        line = candidate;
      }
      empty = false;
      while (columns(line) > width) {
        const start = line.length - wordText.length;
        const room = width - columns(line.slice(0, start));
        if (room < 8) break;
        const piece = sliceColumns(wordText, room);
        if (piece === '') break;
        lines.push(line.slice(0, start) + piece);
        wordText = wordText.slice(piece.length);
        line = indent + wordText;
      }
    }
    lines.push(line);
  }
  return lines;
}
