import type { Bilingual, Lang } from '../i18n/lang.js';
import type { Io } from '../io.js';

export interface CommandContext {
  io: Io;
  lang: Lang;
  /** Positional arguments, as commander gives them (variadic ones as arrays). */
  args: unknown[];
  /** The command's options merged with the global ones (lang, color, models). */
  options: Record<string, unknown>;
}

export type CommandModule = { default: (context: CommandContext) => Promise<number> };

export interface CommandSpec {
  usage: string;
  description: Bilingual;
  options: { flags: string; description: Bilingual; choices?: string[]; default?: unknown }[];
  examples: [string, Bilingual][];
  /** Loaded only when the command runs: `validate` never loads the scoring engine or a prompt library. */
  load: () => Promise<CommandModule>;
}

const format = (choices: string[], nbDefault: string, enDefault = nbDefault): CommandSpec['options'][number] => ({
  flags: '-f, --format <format>',
  description: { nb: `utdataformat (standard ${nbDefault})`, en: `output format (default ${enDefault})` },
  choices,
});

export const COMMANDS: CommandSpec[] = [
  {
    usage: 'score <files...>',
    description: { nb: 'ranger modellene for hver svarfil («-» leser standard inn, en mappe gir alle svarfilene i den)', en: 'rank the models for each answers file ("-" reads standard input, a folder means every answers file in it)' },
    options: [
      format(['table', 'json', 'csv'], 'table'),
      { flags: '--samples <n>', description: { nb: 'fast antall trekk i robusthetsanalysen (standard: til tallene er stabile, høyst 40 000; 0 hopper over den)', en: 'a fixed number of samples in the robustness analysis (default: until the figures are stable, at most 40,000; 0 skips it)' } },
      { flags: '--seed <n>', description: { nb: 'frø for robusthetsanalysen (standard 1)', en: 'seed of the robustness analysis (default 1)' } },
    ],
    examples: [
      ['orgfit score seeds/examples/bygdvik.yaml', { nb: 'én kommune, som tabell', en: 'one municipality, as a table' }],
      ['orgfit score seeds/examples --format json', { nb: 'alle eksemplene, som JSON', en: 'every example, as JSON' }],
      ['cat svar.yaml | orgfit score -', { nb: 'les svarene fra standard inn', en: 'read the answers from standard input' }],
    ],
    load: () => import('./score.js'),
  },
  {
    usage: 'explain <model> <file>',
    description: { nb: 'hvert bidrag til én modells poengsum, med funnene og referansene bak', en: 'every contribution to one model’s score, with the findings and references behind it' },
    options: [format(['text', 'json'], 'text')],
    examples: [['orgfit explain specialised seeds/examples/bydel-nord.yaml', { nb: 'hvorfor fikk «spesialisert» sin poengsum?', en: 'why did "specialised" get its score?' }]],
    load: () => import('./explain.js'),
  },
  {
    usage: 'validate [paths...]',
    description: { nb: 'sjekk modellfiler (standard: de innebygde) mot skjemaet og de semantiske reglene', en: 'check model files (default: the built-in ones) against the schema and the semantic rules' },
    options: [
      format(['text', 'json', 'github', 'junit', 'sarif'], 'text; github når GITHUB_ACTIONS=true', 'text; github when GITHUB_ACTIONS=true'),
      { flags: '--answers <files...>', description: { nb: 'sjekk svarfiler i stedet for modellfiler', en: 'check answers files instead of model files' } },
      { flags: '--max-warnings <n>', description: { nb: 'feil (exit 1) når det er flere advarsler enn n', en: 'fail (exit 1) when there are more than n warnings' } },
      { flags: '--list-rules', description: { nb: 'list reglene med id og hvordan feilene rettes', en: 'list the rules with their id and how to fix what they report' } },
    ],
    examples: [
      ['orgfit validate', { nb: 'sjekk de innebygde modellene', en: 'check the built-in models' }],
      ['orgfit validate mine-modeller/ --format sarif > orgfit.sarif', { nb: 'egne modeller, SARIF for kodeskanning', en: 'your own models, SARIF for code scanning' }],
      ['orgfit validate --answers svar.yaml', { nb: 'sjekk en svarfil', en: 'check an answers file' }],
    ],
    load: () => import('./validate.js'),
  },
  {
    usage: 'models',
    description: { nb: 'list organisasjonsmodellene', en: 'list the organisation models' },
    options: [format(['table', 'json'], 'table')],
    examples: [['orgfit models --models ./egne', { nb: 'med egne modeller', en: 'with your own models' }]],
    load: () => import('./models.js'),
  },
  {
    usage: 'questions',
    description: { nb: 'spørsmålsbanken', en: 'the question bank' },
    options: [format(['md', 'yaml', 'json'], 'md')],
    examples: [['orgfit questions --format md > sporsmal.md', { nb: 'spørsmålene som Markdown', en: 'the questions as Markdown' }]],
    load: () => import('./questions.js'),
  },
  {
    usage: 'template',
    description: { nb: 'en tom svarfil å fylle ut for hånd, med hvert spørsmål som kommentar', en: 'a blank answers file to fill in by hand, with every question as a comment' },
    options: [
      { flags: '-o, --out <file>', description: { nb: 'skriv til fil i stedet for standard ut', en: 'write to a file instead of standard output' } },
      { flags: '--force', description: { nb: 'overskriv filen om den finnes', en: 'overwrite the file if it exists' } },
    ],
    examples: [['orgfit template --out svar.yaml', { nb: 'lag en svarfil, fyll den ut, og kjør «orgfit score svar.yaml»', en: 'make an answers file, fill it in, then run "orgfit score svar.yaml"' }]],
    load: () => import('./template.js'),
  },
  {
    usage: 'sources',
    description: { nb: 'litteraturlisten: verkene litteraturstudien siterer', en: 'the bibliography: the works the review cites' },
    options: [
      format(['text', 'bibtex', 'csl-json'], 'text'),
      { flags: '--findings', description: { nb: 'list funnene i stedet, med styrke og referanser', en: 'list the findings instead, with their strength and references' } },
    ],
    examples: [['orgfit sources --format bibtex > orgfit.bib', { nb: 'BibTeX for rapporten', en: 'BibTeX for your report' }]],
    load: () => import('./sources.js'),
  },
  {
    usage: 'schema',
    description: { nb: 'skriv ut JSON-skjemaet for en filtype', en: 'print the JSON Schema of a kind of file' },
    options: [{ flags: '--kind <kind>', description: { nb: 'filtypen, eller result/results for utdataene fra score (standard model)', en: 'the kind of file, or result/results for the output of score (default model)' }, choices: ['model', 'answers', 'findings', 'references', 'criteria', 'questions', 'result', 'results'], default: 'model' }],
    examples: [
      ['orgfit schema > model.schema.json', { nb: 'skjemaet for modellfiler', en: 'the schema of model files' }],
      ['orgfit schema --kind result', { nb: 'kontrakten for «score --format json»', en: 'the contract of "score --format json"' }],
    ],
    load: () => import('./schema.js'),
  },
];
