import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { t } from '../i18n/messages.js';
import { writeFileAtomic } from '../load/files.js';
import { PACKAGE_ROOT } from '../paths.js';
import { renderTemplate } from '../render/template.js';

const CANNOT_WRITE = { nb: 'Kan ikke skrive «{path}»: {reason}', en: 'Cannot write "{path}": {reason}' } as const;
const IS_FOLDER = { nb: '«{path}» er en mappe; oppgi et filnavn', en: '"{path}" is a folder; give a file name' } as const;

export default async function template({ io, lang, options }: CommandContext): Promise<number> {
  const out = options.out as string | undefined;
  const kb = builtinKb(lang);
  const target = out === undefined ? undefined : resolve(io.cwd, out);
  // The schema path is relative to where the file lands, so an editor finds it from there.
  const from = target === undefined ? io.cwd : dirname(target);
  const schemaPath = relative(from, join(PACKAGE_ROOT, 'schema', 'answers.schema.json')).split(sep).join('/');
  const text = renderTemplate(
    { sections: kb.sections, questions: kb.questions, sums: kb.sums },
    { lang, schemaPath, ...(out !== undefined ? { fileName: out } : {}) },
  );
  if (out === undefined || target === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(IS_FOLDER[lang].replace('{path}', out));
    if (!options.force) throw new UsageError(t(lang, 'outExists', { path: out }));
  }
  try {
    writeFileAtomic(target, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(CANNOT_WRITE[lang].replace('{path}', out).replace('{reason}', reason));
  }
  io.stderr.write(t(lang, 'wrote', { path: out }) + '\n');
  return EXIT.ok;
}
