import type { Catalog } from '../catalog.js';

/** Words several domains share: the evidence vocabulary, citations and "did you mean". The reference catalog: every other language translates these ids. */
export default {
  // GRADE-CERQual confidence in a finding (src/schema/evidence.ts Confidence).
  'confidence-high': 'high',
  'confidence-moderate': 'moderate',
  'confidence-low': 'low',
  'confidence-very-low': 'very low',

  // How the review says a cited work was produced (EvidenceKind).
  'evidence-multi-site-evaluation': 'multi-site evaluation',
  'evidence-large-survey': 'large survey',
  'evidence-evaluation': 'evaluation',
  'evidence-comparative-study': 'comparative study',
  'evidence-case-study': 'case study',
  'evidence-action-research': 'action research',
  'evidence-thesis': 'thesis',
  'evidence-review-synthesis': 'the review author’s own synthesis',
  'evidence-analysis': 'analysis (method not stated)',
  'evidence-theory': 'theory',
  'evidence-textbook': 'textbook',
  'evidence-opinion': 'opinion or practitioner’s report',
  'evidence-policy-document': 'policy document',

  // Where the evidence comes from (Origin).
  'origin-norway': 'Norway',
  'origin-nordic': 'Nordic',
  'origin-elsewhere': 'outside the Nordic countries',
  'origin-mixed': 'several countries',
  'origin-unknown': 'origin unknown',

  // Ways the evidence behind a contribution is thin (GapKind in src/core/score.ts).
  'gap-single-study': 'rests on a single study',
  'gap-very-low-confidence': 'rests only on very-low-confidence findings',
  'gap-foreign-evidence': 'rests only on research from other countries',
  'gap-theory-only': 'rests only on theory or opinion, not on studies of social services',

  // Citing a work as "Author year" (src/render/citation.ts).
  'and': '{a} and {b}',
  'et-al': 'et al.',
  'no-year': 'n.d.',
  'issuer-not-named': '[issuer not named]',
  'lines': 'lines',

  // Numbers as the language writes them (src/render/text.ts).
  'decimal-separator': '.',
  'percent': '{n}%',

  // A name the reader may have meant; `name` is quoted by the caller where it should be.
  'did-you-mean': ' (did you mean {name}?)',
  'quoted': '"{text}"',
  'one-of': 'one of {list}',
} as const satisfies Catalog;
