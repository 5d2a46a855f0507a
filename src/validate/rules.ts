import type { Bilingual } from '../i18n/lang.js';

export type Severity = 'error' | 'warning';

export interface RuleDefinition {
  severity: Severity;
  /** What the rule checks, one line. */
  description: Bilingual;
  /** How to fix a problem it reports, one line. */
  hint: Bilingual;
  /** The problem, with `{param}` placeholders filled from the issue. */
  message: Bilingual;
}

const rule = (severity: Severity, description: Bilingual, message: Bilingual, hint: Bilingual): RuleDefinition => ({
  severity,
  description,
  message,
  hint,
});

/**
 * Every rule orgfit's validator knows, by stable id. Ids never change meaning;
 * new rules get new ids. The words live here so every output format and both
 * languages say the same thing.
 */
export const RULES = {
  'file-too-large': rule(
    'error',
    { nb: 'Filen er for stor til å være en orgfit-fil', en: 'The file is too large to be an orgfit file' },
    { nb: 'Filen er {bytes} byte; grensen er {limit}', en: 'The file is {bytes} bytes; the limit is {limit}' },
    { nb: 'Sjekk at du har valgt riktig fil.', en: 'Check that you chose the right file.' },
  ),
  'file-encoding': rule(
    'error',
    { nb: 'Filen må være tekst i UTF-8', en: 'The file must be UTF-8 text' },
    { nb: 'Filen er ikke UTF-8-tekst ({encoding})', en: 'The file is not UTF-8 text ({encoding})' },
    { nb: 'Lagre filen som UTF-8 i tekstredigeringsprogrammet.', en: 'Save the file as UTF-8 in your text editor.' },
  ),
  'yaml-syntax': rule(
    'error',
    { nb: 'Filen må være gyldig YAML', en: 'The file must be valid YAML' },
    { nb: 'Ugyldig YAML: {detail}', en: 'Invalid YAML: {detail}' },
    {
      nb: 'Rett opp innrykk, kolon og anførselstegn på dette stedet.',
      en: 'Fix the indentation, colons or quotes at this place.',
    },
  ),
  'yaml-duplicate-key': rule(
    'error',
    { nb: 'En nøkkel kan bare stå én gang i samme avbildning', en: 'A key may appear only once in a mapping' },
    { nb: 'Nøkkelen finnes allerede tidligere i samme avbildning', en: 'This key already appears earlier in the same mapping' },
    { nb: 'Slett eller gi nytt navn til den ene av dem.', en: 'Delete or rename one of them.' },
  ),
  'yaml-alias': rule(
    'error',
    { nb: 'YAML-ankre og -aliaser brukes ikke i orgfit-filer', en: 'YAML anchors and aliases are not used in orgfit files' },
    { nb: 'Aliaset *{alias} er ikke tillatt', en: 'The alias *{alias} is not allowed' },
    { nb: 'Skriv verdien ut i sin helhet der aliaset står.', en: 'Write the value out in full where the alias stands.' },
  ),
  'yaml-complex-key': rule(
    'error',
    { nb: 'Nøkler må være enkle tekster', en: 'Keys must be plain text' },
    { nb: 'En nøkkel er en samling eller et alias', en: 'A key is a collection or an alias' },
    { nb: 'Bruk en enkel tekst som nøkkel.', en: 'Use plain text as the key.' },
  ),
  'yaml-forbidden-key': rule(
    'error',
    { nb: 'Nøklene __proto__, constructor og prototype er ikke tillatt', en: 'The keys __proto__, constructor and prototype are not allowed' },
    { nb: 'Nøkkelen «{key}» er ikke tillatt', en: 'The key "{key}" is not allowed' },
    { nb: 'Fjern nøkkelen; den har ingen mening i orgfit.', en: 'Remove the key; it means nothing to orgfit.' },
  ),
  'yaml-too-deep': rule(
    'error',
    { nb: 'Filen er nestet for dypt', en: 'The file is nested too deeply' },
    { nb: 'Nestingen er dypere enn {limit} nivåer', en: 'Nesting is deeper than {limit} levels' },
    { nb: 'Sjekk at filen er en orgfit-fil; ingen trenger så dyp nesting.', en: 'Check that this is an orgfit file; none needs nesting this deep.' },
  ),
  'file-kind': rule(
    'error',
    { nb: 'Filen må si hva slags orgfit-fil den er', en: 'The file must say what kind of orgfit file it is' },
    { nb: '«format» er {found}; forventet {expected}', en: '"format" is {found}; expected {expected}' },
    {
      nb: 'Sjekk at det er riktig fil; en {kind} begynner med «format: {example}».',
      en: 'Check that this is the right file; {kind} starts with "format: {example}".',
    },
  ),
  'schema-required': rule(
    'error',
    { nb: 'Påkrevde felt må være med', en: 'Required properties must be present' },
    { nb: 'Feltet «{property}» mangler', en: 'The property "{property}" is missing' },
    { nb: 'Legg til «{property}»; se skjemaet (orgfit schema) for hva det skal inneholde.', en: 'Add "{property}"; see the schema (orgfit schema) for what it holds.' },
  ),
  'schema-unknown-property': rule(
    'error',
    { nb: 'Bare felt som skjemaet kjenner er tillatt', en: 'Only properties the schema knows are allowed' },
    { nb: 'Ukjent felt «{property}»{suggestion}', en: 'Unknown property "{property}"{suggestion}' },
    { nb: 'Fjern feltet eller rett stavemåten.', en: 'Remove the property or correct its spelling.' },
  ),
  'schema-type': rule(
    'error',
    { nb: 'Verdier må ha riktig type', en: 'Values must have the right type' },
    { nb: 'Forventet {expected}, fant {found}', en: 'Expected {expected}, found {found}' },
    { nb: 'Skriv en verdi av typen {expected}.', en: 'Write a value of type {expected}.' },
  ),
  'schema-value': rule(
    'error',
    { nb: 'Verdier må være blant de tillatte', en: 'Values must be among the allowed ones' },
    { nb: 'Verdien {found} er ikke tillatt; tillatt: {allowed}', en: 'The value {found} is not allowed; allowed: {allowed}' },
    { nb: 'Bruk en av de tillatte verdiene.', en: 'Use one of the allowed values.' },
  ),
  'schema-range': rule(
    'error',
    { nb: 'Tall og lister må holde seg innenfor grensene', en: 'Numbers and lists must stay within their bounds' },
    { nb: '{what} må være {relation} {limit}', en: '{what} must be {relation} {limit}' },
    { nb: 'Juster verdien så den er innenfor grensen.', en: 'Adjust the value to be within the bound.' },
  ),
  'schema-empty': rule(
    'error',
    { nb: 'Påkrevde tekster kan ikke være tomme', en: 'Required texts cannot be empty' },
    { nb: '«{property}» er tom', en: '"{property}" is empty' },
    { nb: 'Fyll inn «{property}».', en: 'Fill in "{property}".' },
  ),
  'schema-format': rule(
    'error',
    { nb: 'Tekster må følge formatet sitt', en: 'Texts must follow their format' },
    { nb: 'Verdien følger ikke formatet: {format}', en: 'The value does not follow the format: {format}' },
    { nb: 'Skriv id-er med små bokstaver, sifre og bindestrek, for eksempel «min-modell».', en: 'Write ids in lower case, digits and hyphens, for example "my-model".' },
  ),
  'unknown-finding': rule(
    'error',
    { nb: 'Hvert funn som siteres må finnes i kunnskapsgrunnlaget', en: 'Every cited finding must exist in the knowledge base' },
    { nb: 'Funnet «{id}» finnes ikke i seeds/findings.yaml{suggestion}', en: 'The finding "{id}" is not in seeds/findings.yaml{suggestion}' },
    { nb: 'Bruk en id fra «orgfit sources --findings», eller rett stavemåten.', en: 'Use an id from "orgfit sources --findings", or correct the spelling.' },
  ),
  'unknown-reference': rule(
    'error',
    { nb: 'Hver referanse et funn viser til må finnes', en: 'Every reference a finding cites must exist' },
    { nb: 'Referansen «{id}» finnes ikke i seeds/references.yaml{suggestion}', en: 'The reference "{id}" is not in seeds/references.yaml{suggestion}' },
    { nb: 'Legg referansen til i seeds/references.yaml, eller rett nøkkelen.', en: 'Add the reference to seeds/references.yaml, or correct the key.' },
  ),
  'unknown-criterion': rule(
    'error',
    { nb: 'Kriterier må finnes i seeds/criteria.yaml', en: 'Criteria must exist in seeds/criteria.yaml' },
    { nb: 'Kriteriet «{id}» finnes ikke{suggestion}', en: 'The criterion "{id}" does not exist{suggestion}' },
    { nb: 'Bruk et av kriteriene: {known}.', en: 'Use one of the criteria: {known}.' },
  ),
  'missing-criterion': rule(
    'error',
    { nb: 'En modell må vurderes på hvert kriterium', en: 'A model must be rated on every criterion' },
    { nb: 'Modellen mangler en vurdering av «{id}»', en: 'The model has no rating for "{id}"' },
    { nb: 'Legg til performance.{id} med value, spread, findings og rationale.', en: 'Add performance.{id} with value, spread, findings and rationale.' },
  ),
  'unknown-question': rule(
    'error',
    { nb: 'Betingelser kan bare lese spørsmål som finnes', en: 'Conditions may read only questions that exist' },
    { nb: 'Spørsmålet «{id}» finnes ikke i spørsmålsbanken{suggestion}', en: 'The question "{id}" is not in the question bank{suggestion}' },
    { nb: 'Se «orgfit questions» for gyldige spørsmåls-id-er.', en: 'See "orgfit questions" for valid question ids.' },
  ),
  'condition-operator': rule(
    'error',
    { nb: 'En test av et svar har nøyaktig én operator', en: 'A test of an answer has exactly one operator' },
    { nb: 'Testen har {count} operatorer; den må ha nøyaktig én', en: 'The test has {count} operators; it must have exactly one' },
    { nb: 'Bruk én av eq, ne, in, includes, gt, gte, lt, lte; kombiner med all/any.', en: 'Use one of eq, ne, in, includes, gt, gte, lt, lte; combine with all/any.' },
  ),
  'condition-value': rule(
    'error',
    { nb: 'Verdien en betingelse sammenligner med må passe spørsmålet', en: 'The value a condition compares with must fit the question' },
    { nb: '{detail}', en: '{detail}' },
    { nb: 'Se spørsmålets type og tillatte verdier med «orgfit questions».', en: 'See the question’s type and allowed values with "orgfit questions".' },
  ),
  'duplicate-id': rule(
    'error',
    { nb: 'Id-er må være unike', en: 'Ids must be unique' },
    { nb: 'Id-en «{id}» er brukt før ({first})', en: 'The id "{id}" is already used ({first})' },
    { nb: 'Gi den ene et annet navn.', en: 'Give one of them another name.' },
  ),
  'filename-id': rule(
    'warning',
    { nb: 'En modellfil bør hete som modellens id', en: 'A model file should be named after the model id' },
    { nb: 'Filen heter «{file}», men id-en er «{id}»', en: 'The file is named "{file}" but the id is "{id}"' },
    { nb: 'Gi filen navnet {id}.yaml, eller endre id-en.', en: 'Name the file {id}.yaml, or change the id.' },
  ),
  'context-finding': rule(
    'warning',
    { nb: 'Bakgrunnsfunn bør ikke bære en vurdering', en: 'Background findings should not carry a rating' },
    { nb: 'Funnet «{id}» er merket som bakgrunn (use: context)', en: 'The finding "{id}" is marked as background (use: context)' },
    { nb: 'Siter et funn med use: scoring, eller endre funnet i seeds/findings.yaml.', en: 'Cite a finding with use: scoring, or change the finding in seeds/findings.yaml.' },
  ),
  'untranslated': rule(
    'warning',
    { nb: 'Bokmål og engelsk tekst bør ikke være like', en: 'Bokmål and English texts should differ' },
    { nb: 'Teksten er lik på bokmål og engelsk', en: 'The text is the same in bokmål and English' },
    { nb: 'Oversett den ene av dem.', en: 'Translate one of them.' },
  ),
  'review-lines': rule(
    'error',
    { nb: 'Linjehenvisninger må ligge innenfor litteraturstudien', en: 'Line references must lie within the review' },
    { nb: 'Linjene {lines} ligger utenfor 1–{last} eller er baklengs', en: 'Lines {lines} are outside 1–{last} or reversed' },
    { nb: 'Bruk linjenumre fra seeds-filen, for eksempel «330-349».', en: 'Use line numbers of the seed file, for example "330-349".' },
  ),
  'missing-downgrade': rule(
    'error',
    { nb: 'Funn under høy tillit må si hvorfor', en: 'Findings below high confidence must say why' },
    { nb: 'Tilliten er «{confidence}», men ingen nedgradering er begrunnet', en: 'Confidence is "{confidence}" but no downgrade is explained' },
    { nb: 'Legg til downgrades med concern og reason.', en: 'Add downgrades with concern and reason.' },
  ),
  'unused-reference': rule(
    'error',
    { nb: 'Hver referanse må brukes av minst ett funn', en: 'Every reference must be used by at least one finding' },
    { nb: 'Referansen «{id}» brukes ikke av noe funn', en: 'The reference "{id}" is used by no finding' },
    { nb: 'Legg til et funn som bruker den (use: context om den bare er bakgrunn).', en: 'Add a finding that uses it (use: context if it is only background).' },
  ),
  'unused-finding': rule(
    'warning',
    { nb: 'Et funn merket use: scoring bør brukes', en: 'A finding marked use: scoring should be used' },
    { nb: 'Funnet «{id}» brukes ikke av noe kriterium, spørsmål eller modell', en: 'The finding "{id}" is used by no criterion, question or model' },
    { nb: 'Bruk det, eller merk det use: context.', en: 'Use it, or mark it use: context.' },
  ),
  'question-shape': rule(
    'error',
    { nb: 'Et spørsmål må ha feltene typen krever', en: 'A question must have the fields its type needs' },
    { nb: '{detail}', en: '{detail}' },
    { nb: 'Se schema/questions.schema.json.', en: 'See schema/questions.schema.json.' },
  ),
  'answer-unknown-question': rule(
    'error',
    { nb: 'Svar må høre til et spørsmål som finnes', en: 'Answers must belong to a question that exists' },
    { nb: 'Det finnes ikke noe spørsmål «{id}»{suggestion}', en: 'There is no question "{id}"{suggestion}' },
    { nb: 'Se «orgfit template» for alle spørsmåls-id-er.', en: 'See "orgfit template" for every question id.' },
  ),
  'answer-missing': rule(
    'error',
    { nb: 'Påkrevde spørsmål må besvares', en: 'Required questions must be answered' },
    { nb: 'Spørsmålet «{id}» er ikke besvart', en: 'The question "{id}" is not answered' },
    { nb: 'Skriv et svar; «orgfit questions» viser hva som er tillatt, også om «dont-know» er det.', en: 'Write an answer; "orgfit questions" shows what is allowed, including whether "dont-know" is.' },
  ),
  'answer-type': rule(
    'error',
    { nb: 'Svaret må ha typen spørsmålet ber om', en: 'The answer must have the type the question asks for' },
    { nb: 'Svaret på «{id}» må være {expected}; fant {found}', en: 'The answer to "{id}" must be {expected}; found {found}' },
    { nb: 'Skriv {expected}.', en: 'Write {expected}.' },
  ),
  'answer-range': rule(
    'error',
    { nb: 'Svaret må ligge innenfor spørsmålets grenser', en: 'The answer must lie within the question’s bounds' },
    { nb: 'Svaret på «{id}» er {found}; det må være mellom {min} og {max}', en: 'The answer to "{id}" is {found}; it must be between {min} and {max}' },
    { nb: 'Skriv et tall mellom {min} og {max}.', en: 'Write a number between {min} and {max}.' },
  ),
  'answer-option': rule(
    'error',
    { nb: 'Svaret må være et av spørsmålets alternativer', en: 'The answer must be one of the question’s options' },
    { nb: 'Svaret på «{id}» er «{found}»; tillatt: {allowed}', en: 'The answer to "{id}" is "{found}"; allowed: {allowed}' },
    { nb: 'Bruk et av alternativene.', en: 'Use one of the options.' },
  ),
  'answer-dont-know': rule(
    'error',
    { nb: '«Vet ikke» er bare tillatt der spørsmålet åpner for det', en: '"Don’t know" is allowed only where the question allows it' },
    { nb: 'Spørsmålet «{id}» må besvares; «vet ikke» er ikke tillatt her', en: 'The question "{id}" needs an answer; "don’t know" is not allowed here' },
    { nb: 'Gi ditt beste anslag.', en: 'Give your best estimate.' },
  ),
  'answer-sum': rule(
    'error',
    { nb: 'Svar som skal summeres må gå opp', en: 'Answers that add up must add up' },
    { nb: '{message} (summen er {sum}, skal være {total} ± {tolerance})', en: '{message} (the sum is {sum}, should be {total} ± {tolerance})' },
    { nb: 'Juster andelene så de summerer til {total}.', en: 'Adjust the shares so that they add up to {total}.' },
  ),
} satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES).sort() as RuleId[];

export function ruleDefinition(id: string): RuleDefinition {
  const definition = (RULES as Record<string, RuleDefinition>)[id];
  if (!definition) throw new Error(`orgfit bug: unknown rule id ${id}`);
  return definition;
}
