import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CommandContext, TemplateOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { cliText } from '../i18n/cli.js';
import { resolveTarget, WriteError, writeErrorMessage, writeFileSafely } from '../load/write.js';
import { PACKAGE_ROOT } from '../paths.js';
import { renderTemplate } from '../render/template.js';
import { renderOptions } from './render-options.js';

export default async function template({ io, lang, options }: CommandContext<TemplateOptions>): Promise<number> {
  const out = options.out;
  const kb = builtinKb(lang);
  try {
    const target = out === undefined ? undefined : resolve(io.cwd, out);
    // The schema path is relative to where the file lands (through a symbolic link too), so an editor finds it from there.
    const from = target === undefined ? io.cwd : dirname(resolveTarget(target));
    const schemaPath = relative(from, join(PACKAGE_ROOT, 'schema', 'answers.schema.json')).split(sep).join('/');
    // Comments wrap at 100 columns: the file is read in an editor, not on this terminal.
    const text = renderTemplate({ sections: kb.sections, questions: kb.questions, sums: kb.sums }, { ...renderOptions(io.stdout, io, lang, false, 100), schemaPath, fileName: out });
    if (out === undefined || target === undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    await writeFileSafely(target, text, { overwrite: options.force === true });
  } catch (error) {
    if (error instanceof WriteError) throw new UsageError(writeErrorMessage(error, out ?? '', lang));
    throw error;
  }
  io.stderr.write(cliText(lang, 'wrote', { path: out }) + '\n');
  return EXIT.ok;
}
