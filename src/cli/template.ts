import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
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
    const from = target === undefined ? io.cwd : dirname(resolveTarget(target));
    const schemaPath = schemaReference(from);
    // Comments wrap at 100 columns: the file is read in an editor, not on this terminal.
    const text = renderTemplate({ sections: kb.sections, questions: kb.questions, sums: kb.sums }, { ...(await renderOptions(io.stdout, io, lang, false, 100)), schemaPath, fileName: out });
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

/**
 * Where an editor finds the answers schema from a file in `folder`: relative to it when the
 * file lands in the package's own tree (a checkout: the reference survives a move of the
 * whole checkout), else the schema file of this installation as a file: URL, which exists
 * wherever the file is moved on this machine. (orgfit has no published schema URL yet; a
 * path relative to a global install breaks as soon as the file leaves its folder.)
 */
function schemaReference(folder: string): string {
  const schema = join(PACKAGE_ROOT, 'schema', 'answers.schema.json');
  const inside = relative(PACKAGE_ROOT, folder);
  if (inside.startsWith('..') || isAbsolute(inside)) return pathToFileURL(schema).href;
  return relative(folder, schema).split(sep).join('/');
}
