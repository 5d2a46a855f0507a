import type { CommandContext } from './commands.js';
import { EXIT, UsageError } from '../errors.js';
import { builtinKb, modelsWithUserDir } from './kb.js';
import { loadAnswers } from './answers.js';
import { painter, useColor } from './color.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, scoreMunicipality } from '../core/pipeline.js';
import { closest } from '../core/suggest.js';
import { t } from '../i18n/messages.js';
import { renderExplain } from '../render/explain.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fill } from '../i18n/lang.js';

// words: move to the catalog
const ONE_FILE = { nb: '«{path}» er en mappe; explain tar én svarfil', en: '"{path}" is a folder; explain takes one answers file' } as const;

export default async function explain({ io, lang, args, options }: CommandContext): Promise<number> {
  const [modelId, file] = args as [string, string];
  const kb = builtinKb(lang);
  const models = await modelsWithUserDir(kb, options.models as string | undefined, io, lang, options.color as boolean | undefined);
  if (!models.some((m) => m.id === modelId)) {
    const near = closest(modelId, models.map((m) => m.id));
    const suggestion = near ? (lang === 'nb' ? ` (mente du «${near}»?)` : ` (did you mean "${near}"?)`) : '';
    throw new UsageError(t(lang, 'unknownModel', { id: modelId, suggestion, known: models.map((m) => m.id).join(', ') }));
  }
  // loadAnswers takes a folder as every answers file in it; explain explains one.
  if (file !== '-' && isFolder(resolve(io.cwd, file))) throw new UsageError(fill(ONE_FILE[lang], { path: file }));
  const [loaded] = await loadAnswers([file], kb, io, lang, options.color as boolean | undefined);
  const result = scoreMunicipality(kb, models, loaded!.answers, { lang, samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED, source: loaded!.path });
  if (options.format === 'json') {
    const entry = result.ranking.find((r) => r.model === modelId)!;
    // Only the evidence this model's explanation cites.
    const ids = new Set<string>([...entry.criteria.flatMap((c) => c.contributions.flatMap((x) => x.findings)), ...entry.preconditions.flatMap((p) => p.findings), ...result.weights.flatMap((w) => w.findings)]);
    const findings = Object.fromEntries(Object.entries(result.findings).filter(([id]) => ids.has(id)));
    const keys = new Set(Object.values(findings).flatMap((f) => f.references));
    const references = Object.fromEntries(Object.entries(result.references).filter(([key]) => keys.has(key)));
    io.stdout.write(JSON.stringify({ format: 'orgfit/explanation@1', municipality: result.municipality, ...(result.scenario ? { scenario: result.scenario } : {}), model: entry, weights: result.weights, findings, references }, null, 2) + '\n');
    return EXIT.ok;
  }
  const color = useColor(io.stdout, io.env, options.color as boolean | undefined);
  io.stdout.write(renderExplain(result, modelId, { lang, paint: painter(color), width: Math.min(io.stdout.columns ?? 100, 120) }));
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
