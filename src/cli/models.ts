import type { CommandContext, ModelsOptions } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb } from './kb.js';
import { modelsWithUserDir } from './inputs.js';
import { renderOptions } from './render-options.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import type { ListedModel } from '../render/models.js';
import renderers from '../render/registry/models.js';

export default async function models({ io, lang, options }: CommandContext<ModelsOptions>): Promise<number> {
  const format = options.format ?? DEFAULT_FORMAT.models;
  const kb = builtinKb(lang);
  const all = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const builtIn = new Set(kb.models);
  const listed: ListedModel[] = all.map((model) => ({ model, builtIn: builtIn.has(model) }));
  // The table is laid out for 80 columns, whatever the terminal.
  io.stdout.write(renderers[format](listed, await renderOptions(io.stdout, io, lang, options.color, 80)));
  return EXIT.ok;
}
