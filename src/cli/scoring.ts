import { availableParallelism } from 'node:os';
import type { KnowledgeBase } from '../core/kb.js';
import { compileEngine } from '../core/engine.js';
import { scoreMunicipality, type ScoreOptions } from '../core/pipeline.js';
import type { Result } from '../core/result.js';
import { scoredFile, type ScoredFile } from '../core/summary.js';
import type { Lang } from '../i18n/lang.js';
import type { FormatOf } from '../render/formats.js';
import type { StreamRenderer } from '../render/renderer.js';
import type { CsvDialect } from '../render/score-csv.js';
import type { AnswersFile, Model } from '../schema/index.js';
import type { Loaded } from './inputs.js';
import { integerOption } from './options.js';

/**
 * Scoring many answers files for `score` and `report`: in this thread, or over a pool of
 * worker threads (./parallel.ts, loaded only then) when there are cores to spare and
 * files enough to pay for starting them. Either way the results come in input order and
 * are the same, byte for byte: a result depends only on its file, the seed and the
 * sample count.
 */
export interface Scoring {
  kb: KnowledgeBase;
  /** The built-in models followed by the user's own (--models DIR). */
  models: readonly Model[];
  files: readonly Loaded<'answers'>[];
  /** Everything but `source`, which is each file's path. */
  options: Omit<ScoreOptions, 'source'>;
  /** ORGFIT_WORKERS is read from here. */
  env: Record<string, string | undefined>;
}

/** A streaming format the worker threads can render themselves (they send text, cheaper to pass than results). */
export interface StreamFormat {
  format: FormatOf<'score'>;
  dialect: CsvDialect;
  renderer: StreamRenderer<ScoredFile>;
}

/**
 * Files below which one thread is as fast: each worker loads the scoring code, compiles the
 * engine and warms up its own JIT (0.3-0.7 s CPU with V8's helper threads, measured on two
 * cores), which pays off after about 8 files with the robustness analysis and the searches
 * (`report`, the table, JSON: 0.1-0.4 s a file), 16 without the searches (CSV), and
 * about a hundred with neither (--samples 0: 10-20 ms a file). README, "Many files".
 */
export const MIN_FILES = { searches: 8, sampled: 16, unsampled: 128 } as const;

/** The break-even of `options`' kind of scoring. */
export const minFiles = (options: Pick<ScoreOptions, 'samples' | 'skipSearches'>): number =>
  options.samples === 0 ? MIN_FILES.unsampled : options.skipSearches ? MIN_FILES.sampled : MIN_FILES.searches;

/** No more threads than this unless ORGFIT_WORKERS asks: past it the main thread's reading and writing is the limit. */
const MAX_WORKERS = 16;

/**
 * How many worker threads to score `files` files with; 0 means this thread. ORGFIT_WORKERS=N
 * decides (0 or 1: this thread); otherwise one per core (os.availableParallelism) when
 * there is more than one and enough files.
 */
export function workerCount(files: number, env: Record<string, string | undefined>, lang: Lang, atLeast: number = MIN_FILES.searches): number {
  const set = env.ORGFIT_WORKERS;
  const chosen = set === undefined ? undefined : integerOption(set, 'ORGFIT_WORKERS', lang, { max: 256 });
  if (chosen === undefined && files < atLeast) return 0;
  const count = Math.min(chosen ?? Math.min(availableParallelism(), MAX_WORKERS), files);
  return count > 1 ? count : 0;
}

/** The worker script, beside this module in dist/ (scripts/build.mjs bundles it). */
const WORKER = new URL('./score-worker.js', import.meta.url);
/** Run from the sources (the tests in-process), there is no worker script to start: scoring stays in this thread. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function threads(scoring: Scoring): number {
  const count = workerCount(scoring.files.length, scoring.env, scoring.options.lang, minFiles(scoring.options));
  return count > 1 && !FROM_SOURCE ? count : 0;
}

function inThread({ kb, models, files, options }: Scoring): (file: { path: string; value: AnswersFile }) => Result {
  const engine = compileEngine(kb, [...models]);
  return (file) => scoreMunicipality(engine, file.value, { ...options, source: file.path });
}

/** The user's own models: the workers load the built-in ones themselves, and put them first (as modelsWithUserDir does). */
function ownModels({ kb, models }: Scoring): readonly Model[] {
  if (kb.models.some((model, i) => models[i] !== model)) throw new Error('the models to score must start with the built-in ones');
  return models.slice(kb.models.length);
}

/** Every file's result, in input order (for the table and the report, which need them all). */
export async function scoreAll(scoring: Scoring): Promise<Result[]> {
  const count = threads(scoring);
  if (count === 0) return scoring.files.map(inThread(scoring));
  const { scoreInThreads } = await import('./parallel.js');
  const results: Result[] = [];
  for await (const result of scoreInThreads(scoring.files, { options: scoring.options, models: ownModels(scoring), workers: count, worker: WORKER })) results.push(result as Result);
  return results;
}

/** Each file's part of a streamed format (`stream.renderer.item`), in input order, as soon as it is ready. */
export async function* scoreRendered(scoring: Scoring, stream: StreamFormat): AsyncGenerator<string> {
  const count = threads(scoring);
  const total = scoring.files.length;
  if (count === 0) {
    const score = inThread(scoring);
    for (let i = 0; i < total; i++) yield stream.renderer.item(scoredFile(score(scoring.files[i]!)), i, total);
    return;
  }
  const { scoreInThreads } = await import('./parallel.js');
  yield* scoreInThreads(scoring.files, { options: scoring.options, models: ownModels(scoring), workers: count, worker: WORKER, render: { format: stream.format, dialect: stream.dialect } }) as AsyncGenerator<string>;
}
