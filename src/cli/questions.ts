import type { CommandContext } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb } from './kb.js';
import { renderQuestionsJson, renderQuestionsMarkdown, renderQuestionsYaml, type QuestionBank } from '../render/questions.js';

export default async function questions({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as string | undefined) ?? 'md';
  const kb = builtinKb(lang);
  const bank: QuestionBank = { sections: kb.sections, questions: kb.questions, sums: kb.sums };
  const text = format === 'json' ? renderQuestionsJson(bank) : format === 'yaml' ? renderQuestionsYaml(bank) : renderQuestionsMarkdown(bank, { lang });
  io.stdout.write(text);
  return EXIT.ok;
}
