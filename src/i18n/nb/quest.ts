import type { Translation } from '../catalog.js';
import type en from '../en/quest.js';

/** What `orgfit questionnaire` says. Bokmål. */
export default {
  // The welcome and the first two questions.
  'welcome-title': 'orgfit – hvordan bør sosialtjenesten organiseres?',
  'welcome': 'orgfit spør om oppgavene, de ansatte, brukerne, rammene og prioriteringene deres, og rangerer måtene å organisere sosialtjenesten på etter hva forskningen sier om tjenester som deres. Det tar omtrent 15 minutter; hvert svar lagres underveis, og «vet ikke» er alltid lov der forskningen klarer seg uten svaret.',
  'draft-at': 'Svarene lagres underveis i {path}.',
  'resume-from-draft': 'Fortsetter der du slapp ({answered} av {total} besvart).',
  'draft-found': 'Det finnes uferdige svar i {path} ({answered} av {total} besvart).',
  'draft-continue': 'Fortsett der jeg slapp',
  'draft-restart': 'Begynn på nytt (de uferdige svarene erstattes)',
  'from-file': 'Starter fra svarene i {path}: du får prioriteringene og det som ble stående som «vet ikke» ({count} spørsmål).',
  'role-question': 'I hvilken rolle svarer du?',
  'role-help': 'Skrives i svarfilen, så svar fra flere personer kan skilles fra hverandre.',
  'role-leader': 'Leder',
  'role-frontline': 'Ansatt i førstelinjen',
  'role-user-representative': 'Brukerrepresentant',
  'role-politician': 'Politiker',
  'role-consultant': 'Konsulent',
  'municipality-question': 'Hva heter kommunen (eller bydelen, eller kontoret)?',
  'municipality-required': 'Skriv et navn: det står øverst i resultatet.',
  'text-too-long': 'Høyst {max} tegn.',
  'intro-header': 'Om deg',
  'position': '{section} · {first} av {total}',
  'position-range': '{section} · {first}–{last} av {total}',
  'research': 'Forskningen',

  // Key hints and what a prompt shows when done.
  'key-move': '↑↓ flytt',
  'key-tick': 'mellomrom kryss av',
  'key-enter': 'Enter neste',
  'key-enter-order': 'Enter ferdig',
  'key-enter-rank-dont-know': 'Enter uten å flytte: vet ikke',
  'key-grab': 'mellomrom ta tak',
  'key-drop': 'mellomrom slipp',
  'key-fields': '↑↓ felt',
  'key-dont-know': 'v vet ikke',
  'key-dont-know-type': 'v vet ikke',
  'key-help': '? hjelp',
  'key-back': 'Ctrl-B/Esc tilbake',
  'went-back': '(tilbake)',
  'dont-know': 'Vet ikke',
  'dont-know-short': '?',
  'none-chosen': 'ingen',
  'enter-gives': 'Enter: {value}',
  'yes': 'Ja',
  'no': 'Nei',

  // Numbers and shares.
  'number-invalid': 'Skriv et tall fra {min} til {max} (desimalkomma eller -punktum går fint).',
  'number-whole-invalid': 'Skriv et helt tall fra {min} til {max}.',
  'number-decimals': 'Høyst {decimals} siffer etter desimalkommaet, fra {min} til {max}.',
  'number-range': 'Svaret må være mellom {min} og {max}.',
  'number-required': 'Skriv et tall.',
  'number-range-hint': '({min}–{max} {unit})',
  'sum-line': 'Sum: {sum} av {total}',
  'sum-line-partial': 'Sum: {sum} av {total} (andelene med «?» deler resten)',
  'sum-now': 'summen er nå {sum} av {total}',

  // The review screen.
  'review-title': 'Svarene dine',
  'review-question': 'Stemmer dette?',
  'review-finish': 'Ja – lagre og vis resultatet',
  'review-change': 'Endre et svar …',
  'review-quit': 'Stopp her (svarene beholdes i utkastet)',
  'review-which': 'Hvilket svar vil du endre?',
  'review-back-to-list': '← Tilbake til oversikten',

  // Writing the answers file.
  'out-exists': '{path} finnes allerede. Hva vil du gjøre?',
  'out-overwrite': 'Erstatte den',
  'out-other': 'Lagre under et annet navn',
  'out-name': 'Filnavn for svarene:',
  'out-name-required': 'Skriv et filnavn.',
  'wrote-answers': 'Svarene er lagret i {path}.',
  'draft-removed': 'Utkastet {path} er fjernet.',
  'score-later': 'Ranger på nytt når som helst med: orgfit score {path}',

  // The result.
  'result-title': 'Resultat for {municipality}',
  'result-dont-know': { one: 'Du svarte «vet ikke» på {count} av {total} spørsmål: der har orgfit brukt sine antakelser.', other: 'Du svarte «vet ikke» på {count} av {total} spørsmål: der har orgfit brukt sine antakelser.' },
  'result-mostly-unknown': 'Det er de fleste spørsmålene: rangeringen viser da mest orgfits antakelser, ikke tjenesten deres.',
  'next-title': 'Neste steg',
  'next-explain': 'Forskningen bak en modells poengsum: orgfit explain {id} {path}',
  'next-score': 'Rangeringen som tabell eller JSON: orgfit score {path} [--format json]',
  'next-second': 'La en kollega svare på prioriteringene, med faktaene dine: orgfit questionnaire --from {path} --out {other}',

  // Stopping.
  'cancelled': 'Avbrutt. Svarene så langt er lagret i {path}.',
  'cancelled-resume': 'Fortsett med: {command}',
  'no-terminal': 'Spørreskjemaet trenger en interaktiv terminal (standard inn og ut må være en terminal, og CI kan ikke være satt). Uten terminal: lag en svarfil med «orgfit template --out svar.yaml», fyll den ut, og ranger modellene med «orgfit score svar.yaml».',
  'no-draft': 'Det finnes ingen uferdige svar i {path} å fortsette fra. Start uten --resume.',
  'bad-draft': 'Utkastet {path} kan ikke leses ({reason}). Flytt det bort, eller begynn på nytt uten --resume.',
} satisfies Translation<typeof en>;
