import type { CommandContext, SourcesOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { renderOptions } from './render-options.js';
import { cliText } from '../i18n/cli.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers from '../render/registry/sources.js';
import { renderFindingsText } from '../render/sources.js';

export default async function sources({ io, lang, options }: CommandContext<SourcesOptions>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.sources;
  const kb = builtinKb(lang);
  // Paragraphs wrap at 80 columns, whatever the terminal.
  const render = await renderOptions(io.stdout, io, lang, options.color, 80);
  if (options.findings) {
    if (format !== 'text') throw new UsageError(cliText(lang, 'findings-text-only', { format }));
    io.stdout.write(renderFindingsText({ findings: kb.findings, references: kb.references }, render));
    return EXIT.ok;
  }
  io.stdout.write(renderers[format](kb.references, render));
  return EXIT.ok;
}
