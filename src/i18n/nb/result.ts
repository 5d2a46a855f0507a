import type { Translation } from '../catalog.js';
import type en from '../en/result.js';

/** The result of `orgfit score` and `orgfit explain`. Bokmål. */
export default {
  // The score table (src/render/score-table.ts) and the words it shares with explain.
  'rank': '#',
  'model': 'Modell',
  'score': 'Poeng',
  'first': 'P(1.)',
  'summary': 'Sammendrag',
  'municipality': 'Kommune',
  'best': 'Best egnet',
  'not-workable': 'ikke gjennomførbar',
  'scenario': 'scenario',
  'assumed': 'Antatt der dere svarte «vet ikke»',
  'leader-uncertain': 'Usikkert om {leader} er best: disse slår den i en stor andel av trekkene i robusthetsanalysen: {list}.',
  'leader-clear': '{leader} er foran alle de andre i minst 75 % av trekkene i robusthetsanalysen.',
  'explain-hint': 'Forskningen bak hver poengsum: orgfit explain MODELL FIL',
  'precondition-failed': 'Forutsetning ikke oppfylt',
  'precondition-unknown': 'Forutsetning usikker («vet ikke»)',

  // The explanation of one model (src/render/explain.ts).
  'score-line': 'Poeng {score} (intervall {low}–{high}), plass {rank} av {count}.',
  'robust': 'Førsteplass i {share} av {samples} trekk i robusthetsanalysen.',
  'preconditions': 'Forutsetninger',
  'status-met': 'oppfylt',
  'status-failed': 'IKKE oppfylt',
  'status-unknown': 'usikker («vet ikke»)',
  'criteria': 'Kriterier (vekt × ytelse = poeng)',
  'sources': 'Kilder',
  'not-counted': 'ikke regnet med i poengsummen, men med i intervallet',
  'baseline': 'Utgangspunkt',
  'adjustment': 'Justering',
  'applies': 'gjelder',
  'applies-unknown': 'usikkert om den gjelder («vet ikke»)',
  'weight': 'vekt',
  'performance': 'ytelse',
  'points': 'poeng',
  'evidence': 'Evidens',
  'fit': 'Passer fordi',
  'misfit': 'Passer dårlig fordi',
  'gaps': 'Hull i kunnskapsgrunnlaget',
  'reads-answers': 'ut fra svarene på',
  'assumed-mark': ' (antatt)',
} satisfies Translation<typeof en>;
