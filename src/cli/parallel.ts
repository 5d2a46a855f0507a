import { Worker } from 'node:worker_threads';
import type { ScoreOptions } from '../core/pipeline.js';
import type { FormatOf } from '../render/formats.js';
import type { CsvDialect } from '../render/score-csv.js';
import type { AnswersFile, Model } from '../schema/index.js';

/**
 * Scoring over worker threads (loaded only when `score` or `report` has files enough,
 * see ./scoring.ts): the files are cut into chunks, each worker scores one chunk at a
 * time, and the results come back in input order as soon as the next one is in, so that
 * a streamed format keeps writing and at most `window` chunks are held at once however
 * many files there are. src/core knows nothing of threads: each worker compiles its own
 * engine (./score-worker.ts) and calls the same pure scoreMunicipality.
 */

/** One worker as the pool sees it: it does one chunk at a time. */
export interface ChunkWorker<T, R> {
  /** The outputs of `items` (which start at `start` in the whole list), one per item, in order; rejects when the worker fails or dies. */
  run(items: readonly T[], start: number): Promise<readonly R[]>;
  /** Stops the worker; never rejects. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** How many workers the factory is called for. */
  workers: number;
  /** Items per chunk. */
  chunkSize: number;
  /** Chunks started but not yet handed on, at most (at least one per worker). */
  window: number;
}

/**
 * The outputs of every item, in input order, each chunk handed on as soon as it and every
 * chunk before it are done. The workers are made when iteration starts and closed when it
 * ends, however it ends (done, an error, or the consumer stopping early). A failing chunk
 * fails the iteration after the chunks before it: what was handed on is what one thread
 * would have written before the same failure.
 */
export async function* inOrder<T, R>(items: readonly T[], factory: () => ChunkWorker<T, R>, { workers, chunkSize, window }: PoolOptions): AsyncGenerator<R> {
  const size = Math.max(1, chunkSize);
  const chunks = Math.ceil(items.length / size);
  if (chunks === 0) return;
  const limit = Math.max(window, workers);
  const pool: ChunkWorker<T, R>[] = [];
  const idle: ChunkWorker<T, R>[] = [];
  const done = new Map<number, readonly R[]>();
  let failed: { chunk: number; error: unknown } | undefined;
  let next = 0;
  let handed = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const dispatch = () => {
    while (!failed && idle.length > 0 && next < chunks && next < handed + limit) {
      const worker = idle.pop()!;
      const chunk = next++;
      const start = chunk * size;
      worker.run(items.slice(start, start + size), start).then(
        (out) => {
          done.set(chunk, out);
          idle.push(worker);
          dispatch();
          signal();
        },
        (error: unknown) => {
          // The earliest failing chunk is the one reported (a dying worker may fail the rest).
          if (!failed || chunk < failed.chunk) failed = { chunk, error };
          signal();
        },
      );
    }
  };
  try {
    for (let i = 0; i < Math.min(workers, chunks); i++) {
      const worker = factory();
      pool.push(worker);
      idle.push(worker);
    }
    dispatch();
    while (handed < chunks) {
      while (!done.has(handed)) {
        if (failed && failed.chunk <= handed) throw failed.error;
        // Every chunk before a failed one was started before it: each ends, one way or the other.
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const out = done.get(handed)!;
      done.delete(handed);
      handed++;
      dispatch();
      for (const item of out) yield item;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
  }
}

/** What each scoring worker is started with (structured-cloned into it). */
export interface WorkerSetup {
  options: Omit<ScoreOptions, 'source'>;
  /** The user's own models (--models DIR), already read and checked; the built-in ones the worker loads itself. */
  models: readonly Model[];
  /** For a streamed format: the worker renders each result's part itself and sends text. */
  render?: { format: FormatOf<'score'>; dialect: CsvDialect };
}

export interface WorkerRequest {
  start: number;
  total: number;
  files: readonly { path: string; value: AnswersFile }[];
}

export type WorkerReply = { out: unknown[] } | { error: { message: string; stack?: string } };

/** A node:worker_threads worker running ./score-worker.ts; it fails its chunk, never hangs, when it throws or exits. */
class ThreadWorker<R> implements ChunkWorker<{ path: string; value: AnswersFile }, R> {
  private readonly worker: Worker;
  private pending: { resolve: (out: R[]) => void; reject: (error: Error) => void } | undefined;
  private dead: Error | undefined;
  private closing = false;

  constructor(script: URL, setup: WorkerSetup, private readonly total: number) {
    this.worker = new Worker(script, { workerData: setup, stdout: false, stderr: false });
    this.worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if ('out' in reply) pending?.resolve(reply.out as R[]);
      else pending?.reject(Object.assign(new Error(reply.error.message), reply.error.stack ? { stack: reply.error.stack } : {}));
    });
    this.worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
    this.worker.on('messageerror', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a scoring worker thread stopped (exit code ${code})`)));
  }

  private fail(error: Error): void {
    if (this.closing) return;
    this.dead ??= error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(this.dead);
  }

  run(files: readonly { path: string; value: AnswersFile }[], start: number): Promise<R[]> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ start, total: this.total, files } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate().catch(() => undefined);
  }
}

/**
 * Chunks small enough that the workers finish close together (a file costs 10-400 ms)
 * and few enough that passing them costs nothing that matters: about 16 per worker, at
 * most 16 files each.
 */
export function chunkSizeFor(files: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(files / (workers * 16))));
}

/** Chunks per worker that may be started ahead of the one being written: enough that no worker waits on a slow file before it. */
export const CHUNKS_AHEAD = 4;

/** Every file's result (or, with `render`, its rendered part), in input order, scored over `workers` threads running `worker`. */
export function scoreInThreads(
  files: readonly { path: string; value: AnswersFile }[],
  { options, models, render, workers, worker }: WorkerSetup & { workers: number; worker: URL },
): AsyncGenerator<unknown> {
  const setup: WorkerSetup = { options, models: [...models], ...(render ? { render } : {}) };
  return inOrder(files, () => new ThreadWorker<unknown>(worker, setup, files.length), { workers, chunkSize: chunkSizeFor(files.length, workers), window: workers * CHUNKS_AHEAD });
}
