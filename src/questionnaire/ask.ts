/**
 * The prompter for a real terminal: the prompts of ./prompts.ts on the given streams.
 * The one file besides ./prompts.ts that reaches the prompt library.
 */
import { choicePrompt, numberPrompt, rankPrompt, sumPrompt, textPrompt } from './prompts.js';
import type { Prompter } from './session.js';

export function terminalPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const context = { input, output };
  return {
    choice: (config) => choicePrompt(config, context),
    number: (config) => numberPrompt(config, context),
    sum: (config) => sumPrompt(config, context),
    rank: (config) => rankPrompt(config, context),
    text: (config) => textPrompt(config, context),
    say: (text) => void output.write(`${text}\n`),
  };
}
