import { Command, CommanderError, Option } from 'commander';
import { EXIT, InvalidInput, UsageError } from './errors.js';
import type { Io } from './io.js';
import { langFromArgv, pickLang, type Lang } from './i18n/lang.js';
import { t } from './i18n/messages.js';
import { VERSION } from './paths.js';
import { COMMANDS, type CommandSpec } from './cli/commands.js';

export type { Io } from './io.js';

/**
 * Runs orgfit with the given arguments and returns the exit code. Nothing under
 * src/ exits the process; only bin/orgfit.js sets process.exitCode.
 *
 * @example
 * const code = await run(['score', 'seeds/examples/bygdvik.yaml', '--format', 'json'], nodeIo());
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = pickLang(langFromArgv(argv), io.env);
  let code: number = EXIT.ok;
  const program = buildProgram(io, lang, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return handleError(error, io, lang);
  }
}

function handleError(error: unknown, io: Io, lang: Lang): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    io.stderr.write(`orgfit: ${usageMessage(error, lang)}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`orgfit: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof InvalidInput) {
    if (error.message) io.stderr.write(`orgfit: ${error.message}\n`);
    return EXIT.invalid;
  }
  if (isCancel(error)) return EXIT.cancelled;
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(t(lang, 'internal', { message }) + '\n');
  if (io.env.ORGFIT_DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT.usage;
}

const USAGE: Record<string, { nb: string; en: string }> = {
  'commander.unknownOption': { nb: 'ukjent valg {0}', en: 'unknown option {0}' },
  'commander.unknownCommand': { nb: 'ukjent kommando {0}', en: 'unknown command {0}' },
  'commander.missingArgument': { nb: 'mangler argumentet {0}', en: 'missing the argument {0}' },
  'commander.optionMissingArgument': { nb: 'valget {0} mangler en verdi', en: 'the option {0} needs a value' },
  'commander.invalidArgument': { nb: 'ugyldig verdi {1} for {0}; tillatt: {choices}', en: 'invalid value {1} for {0}; allowed: {choices}' },
  'commander.excessArguments': { nb: 'for mange argumenter til {0}', en: 'too many arguments for {0}' },
};
const HELP_HINT = { nb: 'Se «orgfit --help» eller «orgfit KOMMANDO --help».', en: 'See "orgfit --help" or "orgfit COMMAND --help".' };

/** Commander's English usage errors, said again in the chosen language, with what to do next. */
function usageMessage(error: CommanderError, lang: Lang): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const choices = /Allowed choices are (.*)\./.exec(error.message)?.[1] ?? '';
  const suggestion = /\(Did you mean (.*)\?\)/.exec(error.message)?.[1];
  const template = USAGE[error.code];
  const text = template
    ? template[lang].replace(/\{(\d)\}/g, (_, i: string) => (lang === 'nb' ? `«${quoted[Number(i)] ?? ''}»` : `"${quoted[Number(i)] ?? ''}"`)).replace('{choices}', choices)
    : error.message.replace(/^error: /, '').split('\n')[0]!;
  const mean = suggestion ? (lang === 'nb' ? ` (mente du ${suggestion}?)` : ` (did you mean ${suggestion}?)`) : '';
  return `${text}${mean}\n${HELP_HINT[lang]}`;
}

function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

const HELP = {
  description: {
    nb: 'Velg hvordan sosialtjenesten skal organiseres – med forskningen bak hvert poeng.',
    en: 'Choose how to organise municipal social services – with the research behind every point.',
  },
  lang: { nb: 'språk: nb (bokmål) eller en (engelsk); standard fra LANG, ellers nb', en: 'language: nb (bokmål) or en (English); default from LANG, else nb' },
  noColor: { nb: 'ingen farger (også med NO_COLOR)', en: 'no colours (also with NO_COLOR)' },
  models: { nb: 'mappe med egne modellfiler, i tillegg til de innebygde', en: 'folder of your own model files, added to the built-in ones' },
  version: { nb: 'vis versjonen', en: 'show the version' },
  help: { nb: 'vis hjelp', en: 'show help' },
  examples: { nb: 'Eksempler', en: 'Examples' },
  helpCommand: { nb: 'vis hjelp for en kommando', en: 'show help for a command' },
} as const;

function buildProgram(io: Io, lang: Lang, setCode: (code: number) => void): Command {
  const program = new Command('orgfit');
  program
    .description(HELP.description[lang])
    .version(VERSION, '-V, --version', HELP.version[lang])
    .helpOption('-h, --help', HELP.help[lang])
    .helpCommand('help [command]', HELP.helpCommand[lang])
    .addOption(new Option('--lang <lang>', HELP.lang[lang]).choices(['nb', 'en']))
    .option('--no-color', HELP.noColor[lang])
    .option('--models <dir>', HELP.models[lang])
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors are reported by run(), in the chosen language.
      outputError: () => undefined,
    })
    .configureHelp(helpConfiguration(io, lang))
    .addHelpText('after', examples(lang, [['orgfit score seeds/examples/*.yaml', { nb: 'ranger modellene for eksempelkommunene', en: 'rank the models for the example municipalities' }], ['orgfit validate --format github', { nb: 'sjekk modellfilene i CI', en: 'check the model files in CI' }]]));

  for (const spec of COMMANDS) addCommand(program, spec, io, lang, setCode);
  return program;
}

export function examples(lang: Lang, list: readonly (readonly [string, { nb: string; en: string }])[]): string {
  if (list.length === 0) return '';
  const width = Math.max(...list.map(([cmd]) => cmd.length));
  return `\n${HELP.examples[lang]}:\n` + list.map(([cmd, what]) => `  $ ${cmd.padEnd(width)}  # ${what[lang]}`).join('\n') + '\n';
}

const TITLES: Record<string, { nb: string; en: string }> = {
  'Usage:': { nb: 'Bruk:', en: 'Usage:' },
  'Options:': { nb: 'Valg:', en: 'Options:' },
  'Commands:': { nb: 'Kommandoer:', en: 'Commands:' },
  'Arguments:': { nb: 'Argumenter:', en: 'Arguments:' },
  'Global Options:': { nb: 'Felles valg:', en: 'Global Options:' },
};

/** Commander's help layout, with its headings and notes in the chosen language. */
function helpConfiguration(io: Io, lang: Lang) {
  return {
    helpWidth: Math.min(100, io.stdout.columns ?? 80),
    sortSubcommands: false,
    styleTitle: (title: string) => TITLES[title]?.[lang] ?? title,
    styleOptionDescription: (text: string) => (lang === 'nb' ? text.replace(/\((choices|default): /g, (_, word: string) => (word === 'choices' ? '(valg: ' : '(standard: ')) : text),
  };
}

function addCommand(program: Command, spec: CommandSpec, io: Io, lang: Lang, setCode: (code: number) => void): void {
  const command = program.command(spec.usage).description(spec.description[lang]);
  command.helpOption('-h, --help', HELP.help[lang]);
  command.configureHelp(helpConfiguration(io, lang));
  for (const option of spec.options) {
    const opt = new Option(option.flags, option.description[lang]);
    if (option.choices) opt.choices(option.choices);
    if (option.default !== undefined) opt.default(option.default);
    command.addOption(opt);
  }
  command.addHelpText('after', examples(lang, spec.examples));
  command.action(async (...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    const positional = args.slice(0, -2);
    const options = self.optsWithGlobals();
    const module = await spec.load();
    setCode(await module.default({ io, lang, args: positional, options }));
  });
}
