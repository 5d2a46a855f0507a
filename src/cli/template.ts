import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CommandContext, TemplateOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { cliText } from '../i18n/cli.js';
import { writeFileAtomic } from '../load/files.js';
import { PACKAGE_ROOT } from '../paths.js';
import { renderTemplate } from '../render/template.js';
import { renderOptions } from './render-options.js';

export default async function template({ io, lang, options }: CommandContext<TemplateOptions>): Promise<number> {
  const out = options.out;
  const kb = builtinKb(lang);
  const target = out === undefined ? undefined : resolve(io.cwd, out);
  // The schema path is relative to where the file lands, so an editor finds it from there.
  const from = target === undefined ? io.cwd : dirname(target);
  const schemaPath = relative(from, join(PACKAGE_ROOT, 'schema', 'answers.schema.json')).split(sep).join('/');
  // Comments wrap at 100 columns: the file is read in an editor, not on this terminal.
  const text = renderTemplate({ sections: kb.sections, questions: kb.questions, sums: kb.sums }, { ...renderOptions(io.stdout, io, lang, false, 100), schemaPath, fileName: out });
  if (out === undefined || target === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(cliText(lang, 'is-folder', { path: out }));
    if (!options.force) throw new UsageError(cliText(lang, 'out-exists', { path: out }));
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(cliText(lang, 'cannot-write', { path: out, reason }));
  }
  io.stderr.write(cliText(lang, 'wrote', { path: out }) + '\n');
  return EXIT.ok;
}
