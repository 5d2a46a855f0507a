import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { cliText } from '../i18n/cli.js';
import { renderFindingsText, renderSources, type SourcesFormat } from '../render/sources.js';

export default async function sources({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as string | undefined) ?? 'text';
  const kb = builtinKb(lang);
  if (options.findings) {
    if (format !== 'text') throw new UsageError(cliText(lang, 'findings-text-only', { format }));
    io.stdout.write(renderFindingsText(kb.findings, kb.references, { lang }));
    return EXIT.ok;
  }
  io.stdout.write(renderSources(kb.references, format as SourcesFormat, { lang }));
  return EXIT.ok;
}
