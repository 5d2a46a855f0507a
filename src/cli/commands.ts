import type { MessageRef } from '../i18n/catalog.js';
import type { CliId } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import type { Io } from '../io.js';
import { DEFAULT_FORMAT, FORMATS, type FormatCommand, type FormatOf } from '../render/formats.js';
import type { SchemaKind } from '../schema/json-schema.js';

/** The global options, which every command gets as well as its own. */
export interface GlobalOptions {
  /** false with --no-color. */
  color?: boolean;
  /** --models DIR: the user's own model files. */
  models?: string;
}

export interface CommandContext<O = {}, A extends unknown[] = []> {
  io: Io;
  lang: Lang;
  /** Positional arguments, as commander gives them (variadic ones as arrays). */
  args: A;
  /** The command's options merged with the global ones. */
  options: GlobalOptions & O;
}

export type CommandModule<O = {}, A extends unknown[] = []> = { default: (context: CommandContext<O, A>) => Promise<number> };

export interface OptionSpec {
  flags: string;
  description: CliId | MessageRef<CliId>;
  choices?: string[];
  default?: unknown;
}

/** One command: its usage line, help and options, and the module that runs it, typed by its options `O` and arguments `A`. */
export interface CommandSpec<O = {}, A extends unknown[] = []> {
  usage: string;
  description: CliId;
  options: OptionSpec[];
  /** Command lines with what each does; the command lines are the same in every language. */
  examples: [string, CliId][];
  /** Loaded only when the command runs: `validate` never loads the scoring engine or a prompt library. */
  load: () => Promise<CommandModule<O, A>>;
}

/** A command as the program registers it, whatever its options. */
export interface RegisteredCommand extends Omit<CommandSpec, 'load'> {
  run: (context: CommandContext<Record<string, unknown>, unknown[]>) => Promise<number>;
}

/**
 * Commander has parsed the command line against the flags and arguments declared in the
 * same spec: this is the one place where what it gives (untyped) is taken as the
 * command's options and arguments.
 */
function command<O, A extends unknown[]>({ load, ...spec }: CommandSpec<O, A>): RegisteredCommand {
  return { ...spec, run: async (context) => (await load()).default(context as CommandContext<O, A>) };
}

export interface ScoreOptions {
  format?: FormatOf<'score'>;
  samples?: string;
  seed?: string;
}
export interface ExplainOptions {
  format?: FormatOf<'explain'>;
}
export interface ValidateOptions {
  format?: FormatOf<'validate'>;
  answers?: string[];
  maxWarnings?: string;
  listRules?: boolean;
}
export interface ModelsOptions {
  format?: FormatOf<'models'>;
}
export interface QuestionsOptions {
  format?: FormatOf<'questions'>;
}
export interface TemplateOptions {
  out?: string;
  force?: boolean;
}
export interface SourcesOptions {
  format?: FormatOf<'sources'>;
  findings?: boolean;
}
export interface SchemaOptions {
  kind: SchemaKind;
}

/** `--format`, with the command's formats as commander's choices and its default named in the help. */
const format = (command: FormatCommand, fallback: string | MessageRef<CliId> = DEFAULT_FORMAT[command]): OptionSpec => ({
  flags: '-f, --format <format>',
  description: { message: 'option-format', params: { default: fallback } },
  choices: [...FORMATS[command]],
});

export const COMMANDS: RegisteredCommand[] = [
  command<ScoreOptions, [files: string[]]>({
    usage: 'score <files...>',
    description: 'command-score',
    options: [
      format('score'),
      { flags: '--samples <n>', description: 'option-samples' },
      { flags: '--seed <n>', description: 'option-seed' },
    ],
    examples: [
      ['orgfit score {examples}/bygdvik.yaml', 'example-score-one'],
      ['orgfit score {examples} --format json', 'example-score-json'],
      ['cat svar.yaml | orgfit score -', 'example-score-stdin'],
    ],
    load: () => import('./score.js'),
  }),
  command<ExplainOptions, [model: string, file: string]>({
    usage: 'explain <model> <file>',
    description: 'command-explain',
    options: [format('explain')],
    examples: [['orgfit explain specialised {examples}/bydel-nord.yaml', 'example-explain']],
    load: () => import('./explain.js'),
  }),
  command<ValidateOptions, [paths: string[] | undefined]>({
    usage: 'validate [paths...]',
    description: 'command-validate',
    options: [
      format('validate', { message: 'format-default-validate' }),
      { flags: '--answers <files...>', description: 'option-answers' },
      { flags: '--max-warnings <n>', description: 'option-max-warnings' },
      { flags: '--list-rules', description: 'option-list-rules' },
    ],
    examples: [
      ['orgfit validate', 'example-validate-builtin'],
      ['orgfit validate mine-modeller/ --format sarif > orgfit.sarif', 'example-validate-sarif'],
      ['orgfit validate --answers svar.yaml', 'example-validate-answers'],
    ],
    load: () => import('./validate.js'),
  }),
  command<ModelsOptions, []>({
    usage: 'models',
    description: 'command-models',
    options: [format('models')],
    examples: [['orgfit models --models ./egne', 'example-models-own']],
    load: () => import('./models.js'),
  }),
  command<QuestionsOptions, []>({
    usage: 'questions',
    description: 'command-questions',
    options: [format('questions')],
    examples: [['orgfit questions --format md > sporsmal.md', 'example-questions-md']],
    load: () => import('./questions.js'),
  }),
  command<TemplateOptions, []>({
    usage: 'template',
    description: 'command-template',
    options: [
      { flags: '-o, --out <file>', description: 'option-out' },
      { flags: '--force', description: 'option-force' },
    ],
    examples: [['orgfit template --out svar.yaml', 'example-template']],
    load: () => import('./template.js'),
  }),
  command<SourcesOptions, []>({
    usage: 'sources',
    description: 'command-sources',
    options: [
      format('sources'),
      { flags: '--findings', description: 'option-findings' },
    ],
    examples: [['orgfit sources --format bibtex > orgfit.bib', 'example-sources-bibtex']],
    load: () => import('./sources.js'),
  }),
  command<SchemaOptions, []>({
    usage: 'schema',
    description: 'command-schema',
    options: [{ flags: '--kind <kind>', description: 'option-kind', choices: ['model', 'answers', 'findings', 'references', 'criteria', 'questions', 'result', 'results'] satisfies SchemaKind[], default: 'model' }],
    examples: [
      ['orgfit schema > model.schema.json', 'example-schema-model'],
      ['orgfit schema --kind result', 'example-schema-result'],
    ],
    load: () => import('./schema.js'),
  }),
];
