import type { CommandContext, QuestionsOptions } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb } from './kb.js';
import { renderOptions } from './render-options.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import type { QuestionBank } from '../render/questions.js';
import renderers from '../render/registry/questions.js';

export default async function questions({ io, lang, options }: CommandContext<QuestionsOptions>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.questions;
  const kb = builtinKb(lang);
  const bank: QuestionBank = { sections: kb.sections, questions: kb.questions, sums: kb.sums, ...(kb.notAsked ? { notAsked: kb.notAsked } : {}) };
  io.stdout.write(renderers[format](bank, await renderOptions(io.stdout, io, lang, options.color, 80)));
  return EXIT.ok;
}
