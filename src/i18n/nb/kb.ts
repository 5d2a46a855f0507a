import type { Translation } from '../catalog.js';
import type en from '../en/kb.js';

/** The knowledge base as `orgfit sources`, `models`, `questions` and `template` show it. Bokmål. */
export default {
  // The bibliography and the findings (src/render/sources.ts).
  'review-line': 'oversikten linje',
  'review-lines': 'oversikten linje',
  'sources-head': '{count} verk sitert i litteraturstudien ({review}), sortert etter første forfatter og år.\nOrgfit gjengir bare det oversikten selv sier; tidsskrift, forlag og sider er ikke oppgitt der.',
  'findings-head': '{count} funn fra litteraturstudien ({review}), med tillit etter GRADE-CERQual.',
  'cited-in': 'Sitert i',
  'cited-as': 'sitert som',
  'caveat': 'Merk',
  'references': 'Referanser',
  'confidence': 'tillit',
  'use-scoring': 'brukes i skåringen',
  'use-context': 'bakgrunn, ikke skåret',
  'title-quoted': '«{text}»',

  // Peculiarities of a citation in the review (CitationFlag).
  'flag-op-cit': 'sitert som «op.cit.» i oversikten, året hentet fra en tidligere henvisning',
  'flag-op-cit-unresolved': 'sitert bare som «op.cit.» i oversikten, uten noen tidligere full henvisning å hente året fra',
  'flag-unknown-year': 'året er ukjent (oversikten oppgir ikke noe brukbart år)',
  'flag-uncertain-author': 'oversikten markerer selv forfatteren som usikker',
  'flag-spelling-variant': 'navnet er stavet på flere måter i oversikten',
  'flag-secondary': 'gjengitt annenhånds',
  'flag-quoted': 'sitert direkte i oversikten',

  // The model list (src/render/models.ts).
  'models-id': 'Id',
  'models-name': 'Navn',
  'models-adjustments': 'Just.',
  'models-preconditions': 'Krav',
  'models-source': 'Kilde',
  'models-built-in': 'innebygd',
  'models-own': 'egen',
  'models-none': 'Ingen modeller. Legg modellfiler i models/, eller bruk --models MAPPE for egne.',
  'models-legend': 'Just. = justeringer etter kommunens svar. Krav = forutsetninger modellen må ha oppfylt.\nLinjene er der litteraturstudien drøfter modellen. Mer: orgfit explain MODELL SVARFIL',

  // The question bank (src/render/questions.ts).
  'questions-title': 'Spørsmålsbanken',
  'questions-lead': '{questions} spørsmål i {sections} deler. Lag en svarfil med `orgfit template`, og fyll den ut.',
  'questions-answer': 'Svar',
  'questions-dont-know': 'Vet ikke',
  'questions-why': 'Hvorfor',
  'questions-feeds': 'Funn',
  'questions-optional': 'Valgfritt',
  'questions-optional-text': 'spørsmålet kan utelates',
  'questions-dont-know-allowed': '«dont-know» er tillatt; da antas {value}',
  'questions-dont-know-not-allowed': 'ikke tillatt – gi ditt beste anslag',
  'questions-sum': 'Sum',

  // What an answer may be, for the question bank and the template.
  'answer-percent': 'et tall 0–100',
  'answer-integer': 'et heltall {min}–{max}',
  'answer-integer-open': 'et heltall, minst {min}',
  'answer-scale': 'en skala 1–5: 1 = {low}, 5 = {high}',
  'answer-scale-bare': 'en skala 1–5',
  'answer-choice': 'ett av alternativene',
  'answer-multi': 'en liste med ingen, ett eller flere av alternativene, for eksempel {example}',
  'answer-boolean': 'true (ja) eller false (nei)',
  'answer-rank': 'hvert alternativ én gang, det viktigste først, som en YAML-liste: {example}',
  'yes': 'ja',
  'no': 'nei',
  'empty-list': 'ingen',

  // The blank answers file (src/render/template.ts); its steps are numbered in order.
  'template-example-file': 'svar.yaml',
  'template-title': 'orgfit – svarfil for én kommune',
  'template-how': 'Slik fyller du ut filen:',
  'template-step-1': 'Skriv kommunens navn i «municipality».',
  'template-step-2': 'Gå gjennom spørsmålene under «answers». Over hvert svar står spørsmålet, hva du kan svare og hvorfor det spørres.',
  'template-step-3': 'Der svaret står som «dont-know» (vet ikke), antar orgfit en verdi og tar usikkerheten med i resultatet. Bytt det ut med ditt beste anslag når du kan; da blir resultatet sikrere.',
  'template-step-4': 'Svar som står tomme, må fylles ut: der er «dont-know» ikke tillatt.',
  'template-step-5': 'Tall skrives uten enhet (40, ikke 40 %). Lister skrives i hakeparentes, for eksempel {list}; en tom liste er [].',
  'template-check': 'Sjekk filen:',
  'template-score': 'Skår den:',
  'template-explain': 'Forklar en modell:',
  'template-model': 'MODELL',
  'template-scenario': 'valgfritt: et navn på scenariet, når samme kommune skåres på flere måter',
  'template-answer': 'Svar',
  'template-dont-know-yes': '«dont-know» er tillatt; da antar orgfit {value}.',
  'template-dont-know-no': '«dont-know» er ikke tillatt: fyll inn.',
  'template-optional': 'Valgfritt: kan stå tomt.',
  'template-why': 'Hvorfor',
  'template-fill-in': '← fyll inn',
  'template-sum': 'Merk: {ids} skal til sammen være {total} (± {tolerance}).',
} satisfies Translation<typeof en>;
