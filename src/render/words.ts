import type { Lang } from '../i18n/lang.js';

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

