import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { t } from '../i18n/messages.js';
import { renderFindingsText, renderSources, type SourcesFormat } from '../render/sources.js';

const FORMATS: readonly SourcesFormat[] = ['text', 'bibtex', 'csl-json'];

const FINDINGS_TEXT_ONLY = {
  nb: '--findings gir bare tekst; dropp --format {format}',
  en: '--findings gives text only; drop --format {format}',
} as const;

export default async function sources({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(t(lang, 'badFormat', { format, allowed: FORMATS.join(', ') }));
  }
  const kb = builtinKb(lang);
  if (options.findings) {
    if (format !== 'text') throw new UsageError(FINDINGS_TEXT_ONLY[lang].replace('{format}', format));
    io.stdout.write(renderFindingsText(kb.findings, kb.references, { lang }));
    return EXIT.ok;
  }
  io.stdout.write(renderSources(kb.references, format as SourcesFormat, { lang }));
  return EXIT.ok;
}
