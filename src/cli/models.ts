import type { CommandContext } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb, modelsWithUserDir } from './kb.js';
import { DEFAULT_FORMAT, type FormatOf } from '../render/formats.js';
import type { ListedModel } from '../render/models.js';
import renderers from '../render/registry/models.js';
import { renderOptions } from './render-options.js';

export default async function models({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as FormatOf<'models'> | undefined) ?? DEFAULT_FORMAT.models;
  const kb = builtinKb(lang);
  const all = await modelsWithUserDir(kb, options.models as string | undefined, io, lang, options.color as boolean | undefined);
  const builtIn = new Set(kb.models);
  const listed: ListedModel[] = all.map((model) => ({ model, builtIn: builtIn.has(model) }));
  // The table is laid out for 80 columns, whatever the terminal.
  io.stdout.write(renderers[format](listed, renderOptions(io.stdout, io, lang, options.color as boolean | undefined, 80)));
  return EXIT.ok;
}
