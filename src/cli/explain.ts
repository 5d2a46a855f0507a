import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext, ExplainOptions } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb } from './kb.js';
import { loadAnswers, modelsWithUserDir } from './inputs.js';
import { renderOptions } from './render-options.js';
import { compileEngine } from '../core/engine.js';
import { DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { closest } from '../core/suggest.js';
import { cliText } from '../i18n/cli.js';
import { DEFAULT_FORMAT } from '../render/formats.js';
import renderers, { SHOWS_CONFIDENCE } from '../render/registry/explain.js';
import type { Lang } from '../i18n/lang.js';
import type { Model } from '../schema/index.js';

export default async function explain({ io, lang, args: [asked, file], options }: CommandContext<ExplainOptions, [model: string, file: string]>): Promise<number> {
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models, io, lang, options.color);
  const modelId = resolveModel(asked, models, lang);
  // Only organisations are ranked, so only they can be explained; a frame's effects show under theirs.
  const organisations = models.filter((m) => m.kind !== 'frame').map((m) => m.id);
  if (models.some((m) => m.id === modelId && m.kind === 'frame')) {
    throw new UsageError(cliText(lang, 'explain-frame', { id: modelId, known: organisations.join(', ') }));
  }
  if (!organisations.includes(modelId)) {
    const near = closest(modelId, organisations);
    const suggestion = near ? cliText(lang, 'did-you-mean', { name: { message: 'quoted', params: { text: near } } }) : '';
    throw new UsageError(cliText(lang, 'unknown-model', { id: modelId, suggestion, known: organisations.join(', ') }));
  }
  // loadAnswers takes a folder as every answers file in it; explain explains one.
  if (file !== '-' && isFolder(resolve(io.cwd, file))) throw new UsageError(cliText(lang, 'explain-one-file', { path: file }));
  const [loaded] = await loadAnswers([file], kb, io, lang, options.color);
  const format = options.format ?? DEFAULT_FORMAT.explain;
  const result = scoreMunicipality(compileEngine(kb, models), loaded!.value, { lang, seed: DEFAULT_SEED, source: loaded!.path, ...(SHOWS_CONFIDENCE.has(format) ? {} : { skipConfidence: true }) });
  // Long lines wrap to the terminal, up to 120 columns (100 when there is no terminal).
  const width = Math.min(io.stdout.columns ?? 100, 120);
  io.stdout.write(renderers[format]({ result, model: modelId }, await renderOptions(io.stdout, io, lang, options.color, width)));
  return EXIT.ok;
}

/** Whether a path is a folder; anything unreadable is left for loadAnswers to report. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The model a reader means: its id, its name in either language ("Spesialisert modell"),
 * or the start of either that fits one model only ("spesialisert", "matrise"); case and
 * spacing do not matter. Anything else is left as typed, for the unknown-model message.
 */
export function resolveModel(asked: string, models: readonly Pick<Model, 'id' | 'name'>[], lang: Lang): string {
  const normal = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const wanted = normal(asked);
  if (wanted === '') return asked;
  const names = (m: Pick<Model, 'id' | 'name'>) => [m.id, m.name.nb, m.name.en].map(normal);
  const exact = models.filter((m) => names(m).includes(wanted));
  if (exact.length === 1) return exact[0]!.id;
  const prefixed = models.filter((m) => names(m).some((n) => n.startsWith(wanted)));
  if (prefixed.length === 1) return prefixed[0]!.id;
  if (prefixed.length > 1) {
    const list = prefixed.map((m) => `${m.id} (${m.name[lang]})`).join(', ');
    throw new UsageError(cliText(lang, 'ambiguous-model', { id: asked, list }));
  }
  return asked;
}
