import type { Translation } from '../catalog.js';
import type en from '../en/common.js';

/** Words several domains share: the evidence vocabulary, citations and "did you mean". Bokmål. */
export default {
  // GRADE-CERQual confidence in a finding (src/schema/evidence.ts Confidence).
  'confidence-high': 'høy',
  'confidence-moderate': 'moderat',
  'confidence-low': 'lav',
  'confidence-very-low': 'svært lav',

  // How the review says a cited work was produced (EvidenceKind).
  'evidence-multi-site-evaluation': 'evaluering på mange steder',
  'evidence-large-survey': 'stor spørreundersøkelse',
  'evidence-evaluation': 'evaluering',
  'evidence-comparative-study': 'komparativ studie',
  'evidence-case-study': 'casestudie',
  'evidence-action-research': 'aksjonsforskning',
  'evidence-thesis': 'masteroppgave eller avhandling',
  'evidence-review-synthesis': 'oversiktsforfatterens egen syntese',
  'evidence-analysis': 'analyse (metode ikke oppgitt)',
  'evidence-theory': 'teori',
  'evidence-textbook': 'lærebok',
  'evidence-opinion': 'synspunkt eller praksisrapport',
  'evidence-policy-document': 'offentlig dokument',

  // Where the evidence comes from (Origin).
  'origin-norway': 'Norge',
  'origin-nordic': 'Norden',
  'origin-elsewhere': 'utenfor Norden',
  'origin-mixed': 'flere land',
  'origin-unknown': 'opphav ukjent',

  // Ways the evidence behind a contribution is thin (GapKind in src/core/score.ts).
  'gap-single-study': 'hviler på én enkelt studie',
  'gap-very-low-confidence': 'hviler bare på funn med svært lav tillit',
  'gap-foreign-evidence': 'hviler bare på forskning fra andre land',
  'gap-theory-only': 'hviler bare på teori eller meninger, ikke på studier av sosialtjenesten',

  // Citing a work as "Author year" (src/render/citation.ts).
  'and': '{a} og {b}',
  'et-al': 'mfl.',
  'no-year': 'u.å.',
  'issuer-not-named': '[utsteder ikke navngitt]',
  'lines': 'linje',

  // Numbers as the language writes them (src/render/text.ts).
  'decimal-separator': ',',
  'percent': '{n}\u00a0%',

  // A name the reader may have meant; `name` is quoted by the caller where it should be.
  'did-you-mean': ' (mente du {name}?)',
  'quoted': '«{text}»',
  'one-of': 'en av {list}',
} satisfies Translation<typeof en>;
