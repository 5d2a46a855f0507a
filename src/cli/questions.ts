import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { t } from '../i18n/messages.js';
import { renderQuestionsJson, renderQuestionsMarkdown, renderQuestionsYaml, type QuestionBank } from '../render/questions.js';

const FORMATS = ['md', 'yaml', 'json'] as const;

export default async function questions({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as string | undefined) ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(t(lang, 'badFormat', { format, allowed: FORMATS.join(', ') }));
  const kb = builtinKb(lang);
  const bank: QuestionBank = { sections: kb.sections, questions: kb.questions, sums: kb.sums };
  const text = format === 'json' ? renderQuestionsJson(bank) : format === 'yaml' ? renderQuestionsYaml(bank) : renderQuestionsMarkdown(bank, { lang });
  io.stdout.write(text);
  return EXIT.ok;
}
