import type { CommandContext } from './commands.js';
import { EXIT } from '../errors.js';
import { builtinKb, modelsWithUserDir } from './kb.js';
import { renderModelsJson, renderModelsTable, type ListedModel } from '../render/models.js';

export default async function models({ io, lang, options }: CommandContext): Promise<number> {
  const format = (options.format as string | undefined) ?? 'table';
  const kb = builtinKb(lang);
  const all = await modelsWithUserDir(kb, options.models as string | undefined, io, lang, options.color as boolean | undefined);
  const builtIn = new Set(kb.models);
  const listed: ListedModel[] = all.map((model) => ({ model, builtIn: builtIn.has(model) }));
  io.stdout.write(format === 'json' ? renderModelsJson(listed) : renderModelsTable(listed, { lang }));
  return EXIT.ok;
}
