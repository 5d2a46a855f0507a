import { Command, CommanderError, Option } from 'commander';
import { EXIT, InvalidInput, UsageError } from './errors.js';
import type { Io } from './io.js';
import { LANGS, langFromArgv, pickLang, type Lang } from './i18n/lang.js';
import type { MessageRef } from './i18n/catalog.js';
import { cliText, type CliId } from './i18n/cli.js';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PACKAGE_ROOT, VERSION } from './paths.js';
import { pad } from './render/text.js';
import { COMMANDS, type RegisteredCommand } from './cli/commands.js';

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
  const program = buildProgram(io, lang, invokedCommand(argv), (c) => {
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
  io.stderr.write(cliText(lang, 'internal', { message }) + '\n');
  if (io.env.ORGFIT_DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT.internal;
}

/** Commander's error codes, and the message each is said again with. */
const USAGE: Partial<Record<string, CliId>> = {
  'commander.unknownOption': 'usage-unknown-option',
  'commander.unknownCommand': 'usage-unknown-command',
  'commander.missingArgument': 'usage-missing-argument',
  'commander.optionMissingArgument': 'usage-option-missing-argument',
  'commander.invalidArgument': 'usage-invalid-argument',
  'commander.excessArguments': 'usage-excess-arguments',
};

/**
 * Commander's English usage errors, said again in the chosen language, with what to do next.
 * CommanderError carries no data, so the names are read back from its message: the first
 * quoted name is the option, command or argument, the second the value.
 */
function usageMessage(error: CommanderError, lang: Lang): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const choices = /Allowed choices are (.*)\./.exec(error.message)?.[1] ?? '';
  const suggestion = /\(Did you mean (.*)\?\)/.exec(error.message)?.[1];
  const id = USAGE[error.code];
  const quote = (i: number): MessageRef<CliId> => ({ message: 'quoted', params: { text: quoted[i] ?? '' } });
  const text = id ? cliText(lang, id, { name: quote(0), value: quote(1), choices }) : error.message.replace(/^error: /, '').split('\n')[0]!;
  // Commander offers several names as "one of a, b".
  const several = suggestion?.startsWith('one of ') ? suggestion.slice('one of '.length) : undefined;
  const name = several === undefined ? suggestion : { message: 'one-of' as const, params: { list: several } };
  const mean = name === undefined ? '' : cliText(lang, 'did-you-mean', { name });
  return `${text}${mean}\n${cliText(lang, 'usage-hint')}`;
}

function isCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The global options that take a value, whose value is not the command's name. */
const GLOBAL_VALUE_OPTIONS = new Set(['--lang', '--models']);

/**
 * The command the command line runs, when its first word is exactly one of ours: that one
 * alone is then set up in full. Setting up all ten with their options and help costs a few
 * milliseconds of every start, and `validate` in CI starts once per commit. Anything else
 * (no command, `help`, a typo commander should suggest a fix for) sets up all of them.
 */
export function invokedCommand(argv: readonly string[]): RegisteredCommand | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // Program help before the command (`orgfit --help validate`) lists every command.
    if (arg === '--' || arg === '--help' || arg === '-h') return undefined;
    if (GLOBAL_VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return COMMANDS.find((spec) => spec.usage.split(' ')[0] === arg);
  }
  return undefined;
}

function buildProgram(io: Io, lang: Lang, only: RegisteredCommand | undefined, setCode: (code: number) => void): Command {
  const program = new Command('orgfit');
  program
    .description(cliText(lang, 'program-description'))
    .version(VERSION, '-V, --version', cliText(lang, 'option-version'))
    .helpOption('-h, --help', cliText(lang, 'option-help'))
    .helpCommand('help [command]', cliText(lang, 'help-command'))
    .addOption(new Option('--lang <lang>', cliText(lang, 'option-lang')).choices(LANGS))
    .option('--no-color', cliText(lang, 'option-no-color'))
    .option('--models <dir>', cliText(lang, 'option-models'))
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors are reported by run(), in the chosen language.
      outputError: () => undefined,
    })
    .configureHelp(helpConfiguration(io, lang))
    .addHelpText('after', () => examples(io, lang, [['orgfit score {examples}/*.yaml', 'example-score-examples'], ['orgfit validate --format github', 'example-validate-ci']]));

  for (const spec of only ? [only] : COMMANDS) addCommand(program, spec, io, lang, setCode);
  return program;
}

/**
 * The help's examples, with `{examples}` standing for the example answers files the
 * package ships: `seeds/examples` in a checkout, their full path from anywhere else
 * (a global install), so that every example runs where it is read.
 */
function examples(io: Io, lang: Lang, list: readonly (readonly [string, CliId])[]): string {
  if (list.length === 0) return '';
  const folder = examplesFolder(io.cwd);
  const commands = list.map(([cmd, what]) => [cmd.replaceAll('{examples}', folder), what] as const);
  const width = Math.max(...commands.map(([cmd]) => cmd.length));
  return `\n${cliText(lang, 'help-examples')}:\n` + commands.map(([cmd, what]) => `  $ ${pad(cmd, width)}  # ${cliText(lang, what)}`).join('\n') + '\n';
}

/** The shipped examples folder as the user can type it from `cwd`: relative inside the package, else absolute (quoted for the shell when it must be). */
function examplesFolder(cwd: string): string {
  const inside = relative(PACKAGE_ROOT, cwd);
  const folder = inside.startsWith('..') || isAbsolute(inside) ? join(PACKAGE_ROOT, 'seeds', 'examples') : relative(cwd, join(PACKAGE_ROOT, 'seeds', 'examples'));
  return /^[\w@%+=:,./-]+$/.test(folder) ? folder.split(sep).join('/') : `'${folder.replace(/'/g, `'\\''`)}'`;
}

/** Commander's headings, and the message each is said with. */
const TITLES: Partial<Record<string, CliId>> = {
  'Usage:': 'title-usage',
  'Options:': 'title-options',
  'Commands:': 'title-commands',
  'Arguments:': 'title-arguments',
  'Global Options:': 'title-global-options',
};

/** Commander's help layout, with its headings and notes in the chosen language. */
function helpConfiguration(io: Io, lang: Lang) {
  return {
    helpWidth: Math.min(100, io.stdout.columns ?? 80),
    sortSubcommands: false,
    styleTitle: (title: string) => {
      const id = TITLES[title];
      return id ? cliText(lang, id) : title;
    },
    // Commander appends "(choices: …)" and "(default: …)" to an option's description.
    styleOptionDescription: (text: string) => text.replace(/\((choices|default): /g, (_, word: string) => `(${cliText(lang, word === 'choices' ? 'help-choices' : 'help-default')}: `),
  };
}

function addCommand(program: Command, spec: RegisteredCommand, io: Io, lang: Lang, setCode: (code: number) => void): void {
  const command = program.command(spec.usage).description(cliText(lang, spec.description));
  command.helpOption('-h, --help', cliText(lang, 'option-help'));
  command.configureHelp(helpConfiguration(io, lang));
  for (const option of spec.options) {
    const description = typeof option.description === 'string' ? cliText(lang, option.description) : cliText(lang, option.description.message, option.description.params);
    const opt = new Option(option.flags, description);
    if (option.choices) opt.choices(option.choices);
    if (option.default !== undefined) opt.default(option.default);
    command.addOption(opt);
  }
  command.addHelpText('after', () => examples(io, lang, spec.examples));
  command.action(async (...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    const positional = args.slice(0, -2);
    setCode(await spec.run({ io, lang, args: positional, options: self.optsWithGlobals() }));
  });
}
