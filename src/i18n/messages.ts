import { fill, type Bilingual, type Lang } from './lang.js';

/** Every sentence the CLI itself says, in both languages. */
export const MESSAGES = {
  fileNotFound: { nb: 'Finner ikke filen eller mappen «{path}»', en: 'No such file or folder: "{path}"' },
  notReadable: { nb: 'Kan ikke lese «{path}»: {reason}', en: 'Cannot read "{path}": {reason}' },
  noYamlInFolder: { nb: 'Mappen «{path}» har ingen .yaml-filer', en: 'The folder "{path}" holds no .yaml files' },
  stdinTwice: { nb: '«-» (standard inn) kan bare brukes én gang', en: '"-" (standard input) can be used only once' },
  notBuilt: {
    nb: 'orgfit er ikke bygget: kjør «npm run build» ({path} mangler)',
    en: 'orgfit is not built: run "npm run build" ({path} is missing)',
  },
  badFormat: { nb: 'Ukjent format «{format}»; velg {allowed}', en: 'Unknown format "{format}"; choose {allowed}' },
  badNumber: { nb: '«{value}» er ikke et gyldig tall for {option}', en: '"{value}" is not a valid number for {option}' },
  unknownModel: { nb: 'Ukjent modell «{id}»{suggestion}. Modellene er: {known}', en: 'Unknown model "{id}"{suggestion}. The models are: {known}' },
  invalidModels: { nb: 'Modellfilene i {path} er ugyldige; rett feilene over og prøv igjen.', en: 'The model files in {path} are invalid; fix the problems above and try again.' },
  invalidAnswers: { nb: '{count} av svarfilene er ugyldige; ingenting er beregnet. Rett feilene over og prøv igjen.', en: '{count} of the answers files are invalid; nothing was scored. Fix the problems above and try again.' },
  invalidAnswer: { nb: 'Svarfilen er ugyldig; ingenting er beregnet. Rett feilene over og prøv igjen.', en: 'The answers file is invalid; nothing was scored. Fix the problems above and try again.' },
  wrote: { nb: 'Skrev {path}', en: 'Wrote {path}' },
  internal: {
    nb: 'orgfit: intern feil: {message}\nDette er en feil i orgfit. Kjør med ORGFIT_DEBUG=1 for detaljer og meld fra.',
    en: 'orgfit: internal error: {message}\nThis is a bug in orgfit. Run with ORGFIT_DEBUG=1 for details and report it.',
  },
  tooManyWarnings: { nb: 'for mange advarsler', en: 'too many warnings' },
  outExists: { nb: 'Filen «{path}» finnes allerede; bruk --force for å overskrive', en: 'The file "{path}" already exists; use --force to overwrite it' },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number | Bilingual> = {}): string {
  return fill(MESSAGES[key][lang], params, lang);
}
