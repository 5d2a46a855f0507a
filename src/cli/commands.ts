import type { MessageRef } from '../i18n/catalog.js';
import type { CliId } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import type { Io } from '../io.js';
import { DEFAULT_FORMAT, FORMATS, type FormatCommand } from '../render/formats.js';

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
  description: CliId;
  options: { flags: string; description: CliId | MessageRef<CliId>; choices?: string[]; default?: unknown }[];
  /** Command lines with what each does; the command lines are the same in every language. */
  examples: [string, CliId][];
  /** Loaded only when the command runs: `validate` never loads the scoring engine or a prompt library. */
  load: () => Promise<CommandModule>;
}

/** `--format`, with the command's formats as commander's choices and its default named in the help. */
const format = (command: FormatCommand, fallback: string | MessageRef<CliId> = DEFAULT_FORMAT[command]): CommandSpec['options'][number] => ({
  flags: '-f, --format <format>',
  description: { message: 'option-format', params: { default: fallback } },
  choices: [...FORMATS[command]],
});

export const COMMANDS: CommandSpec[] = [
  {
    usage: 'score <files...>',
    description: 'command-score',
    options: [
      format('score'),
      { flags: '--samples <n>', description: 'option-samples' },
      { flags: '--seed <n>', description: 'option-seed' },
    ],
    examples: [
      ['orgfit score seeds/examples/bygdvik.yaml', 'example-score-one'],
      ['orgfit score seeds/examples --format json', 'example-score-json'],
      ['cat svar.yaml | orgfit score -', 'example-score-stdin'],
    ],
    load: () => import('./score.js'),
  },
  {
    usage: 'explain <model> <file>',
    description: 'command-explain',
    options: [format('explain')],
    examples: [['orgfit explain specialised seeds/examples/bydel-nord.yaml', 'example-explain']],
    load: () => import('./explain.js'),
  },
  {
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
  },
  {
    usage: 'models',
    description: 'command-models',
    options: [format('models')],
    examples: [['orgfit models --models ./egne', 'example-models-own']],
    load: () => import('./models.js'),
  },
  {
    usage: 'questions',
    description: 'command-questions',
    options: [format('questions')],
    examples: [['orgfit questions --format md > sporsmal.md', 'example-questions-md']],
    load: () => import('./questions.js'),
  },
  {
    usage: 'template',
    description: 'command-template',
    options: [
      { flags: '-o, --out <file>', description: 'option-out' },
      { flags: '--force', description: 'option-force' },
    ],
    examples: [['orgfit template --out svar.yaml', 'example-template']],
    load: () => import('./template.js'),
  },
  {
    usage: 'sources',
    description: 'command-sources',
    options: [
      format('sources'),
      { flags: '--findings', description: 'option-findings' },
    ],
    examples: [['orgfit sources --format bibtex > orgfit.bib', 'example-sources-bibtex']],
    load: () => import('./sources.js'),
  },
  {
    usage: 'schema',
    description: 'command-schema',
    options: [{ flags: '--kind <kind>', description: 'option-kind', choices: ['model', 'answers', 'findings', 'references', 'criteria', 'questions', 'result', 'results'], default: 'model' }],
    examples: [
      ['orgfit schema > model.schema.json', 'example-schema-model'],
      ['orgfit schema --kind result', 'example-schema-result'],
    ],
    load: () => import('./schema.js'),
  },
];
