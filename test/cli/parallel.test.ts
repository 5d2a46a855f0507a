/**
 * Scoring over worker threads (src/cli/parallel.ts): results in input order whatever order
 * the workers finish in, no more than a window of chunks held, every worker closed however
 * the run ends, and a failing or dying worker an error, never a hang. The pool is tested
 * with fake workers; the thread plumbing with a stand-in worker script
 * (test/fixtures/parallel/echo-worker.mjs). That the real workers give the same bytes as
 * one thread is test/e2e/parallel-bin.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chunkSizeFor, inOrder, scoreInThreads, type ChunkWorker } from '../../src/cli/parallel.js';
import { MIN_FILES, minFiles, workerCount } from '../../src/cli/scoring.js';
import { UsageError } from '../../src/errors.js';
import type { AnswersFile } from '../../src/schema/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fake workers that double numbers after a delay of the item's choosing, with a log of what they did. */
function fakes(delay: (item: number) => number, fail?: (item: number) => unknown) {
  const log = { made: 0, closed: 0, running: 0, maxRunning: 0, started: [] as number[] };
  const factory = (): ChunkWorker<number, number> => {
    log.made++;
    let busy = false;
    return {
      async run(items, start) {
        expect(busy, 'a worker was given a second chunk before it finished the first').toBe(false);
        busy = true;
        log.running++;
        log.maxRunning = Math.max(log.maxRunning, log.running);
        log.started.push(start);
        try {
          await sleep(Math.max(...items.map(delay)));
          for (const item of items) if (fail?.(item)) throw fail(item);
          return items.map((item) => item * 2);
        } finally {
          busy = false;
          log.running--;
        }
      },
      async close() {
        log.closed++;
      },
    };
  };
  return { factory, log };
}

async function collect<R>(iterable: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('inOrder: a pool of chunk workers', () => {
  it('hands results on in input order though later chunks finish first', async () => {
    // Early items are slow, late ones fast: the workers finish out of order.
    const { factory, log } = fakes((i) => (i % 7 === 0 ? 30 : 1));
    const out = await collect(inOrder(range(50), factory, { workers: 3, chunkSize: 4, window: 6 }));
    expect(out).toEqual(range(50).map((i) => i * 2));
    expect(log.made).toBe(3);
    expect(log.closed).toBe(3);
    expect(log.maxRunning).toBeLessThanOrEqual(3);
    expect([...log.started].sort((a, b) => a - b)).toEqual(range(13).map((c) => c * 4));
  });

  it('no chunk starts more than `window` chunks ahead of the one being handed on', async () => {
    const { factory, log } = fakes((i) => (i === 0 ? 60 : 1));
    const handedAt: number[] = [];
    let handed = 0;
    for await (const value of inOrder(range(40), factory, { workers: 2, chunkSize: 2, window: 4 })) {
      handed++;
      handedAt.push(value);
      // Chunks started so far never exceed those handed on (as chunks) plus the window.
      expect(log.started.length).toBeLessThanOrEqual(Math.ceil(handed / 2) + 4);
    }
    expect(handedAt).toEqual(range(40).map((i) => i * 2));
    // While item 0 was slow the other worker went ahead by the window, and stopped there.
    expect(log.started.slice(0, 4)).toEqual([0, 2, 4, 6]);
  });

  it('as many workers as there are chunks, when there are fewer chunks than workers; none for no items', async () => {
    const few = fakes(() => 0);
    expect(await collect(inOrder([1, 2, 3], few.factory, { workers: 8, chunkSize: 2, window: 16 }))).toEqual([2, 4, 6]);
    expect(few.log.made).toBe(2);
    const none = fakes(() => 0);
    expect(await collect(inOrder([], none.factory, { workers: 4, chunkSize: 2, window: 8 }))).toEqual([]);
    expect(none.log.made).toBe(0);
  });

  it('a failing chunk fails the run after every result before it, and every worker is closed', async () => {
    const boom = new Error('boom');
    // Item 21 fails fast while items before it are still being worked on.
    const { factory, log } = fakes((i) => (i === 21 ? 0 : 5), (i) => (i === 21 ? boom : undefined));
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const value of inOrder(range(40), factory, { workers: 3, chunkSize: 3, window: 9 })) out.push(value);
      })(),
    ).rejects.toBe(boom);
    // Chunk 7 (items 21-23) failed: chunks 0-6 were handed on, nothing after.
    expect(out).toEqual(range(21).map((i) => i * 2));
    expect(log.closed).toBe(log.made);
  });

  it('stopping early (break) closes every worker', async () => {
    const { factory, log } = fakes(() => 1);
    for await (const value of inOrder(range(100), factory, { workers: 2, chunkSize: 5, window: 4 })) if (value >= 10) break;
    expect(log.made).toBe(2);
    expect(log.closed).toBe(2);
  });
});

describe('scoreInThreads: real threads running a stand-in worker script', () => {
  const script = new URL('../fixtures/parallel/echo-worker.mjs', import.meta.url);
  const files = (paths: string[]) => paths.map((path) => ({ path, value: {} as AnswersFile }));
  const run = (paths: string[], workers = 2) => collect(scoreInThreads(files(paths), { options: { lang: 'en', seed: 7 }, models: [], workers, worker: script }));

  it('sends each file with its place in the whole list and the setup, and hands the answers on in order', async () => {
    const paths = range(37).map((i) => (i % 5 === 0 ? `slow:${20}` : `f${i}`));
    expect(await run(paths, 3)).toEqual(paths.map((path, i) => `${path}@${i}/37#7`));
  });

  it('an error the worker reports rejects with its message and stack', async () => {
    const error = await run(['a', 'b', 'error', 'c']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('scoring failed on purpose');
    expect((error as Error).stack).toContain('echo-worker.mjs');
  });

  it.each([['throw', /thrown in the worker on purpose/], ['exit', /stopped \(exit code 3\)/]])('a worker that dies (%s) rejects the run instead of hanging', async (how, message) => {
    await expect(run(['a', 'b', 'c', how, ...range(20).map((i) => `x${i}`)])).rejects.toThrow(message);
  });
});

describe('how many workers', () => {
  it('ORGFIT_WORKERS decides: 0 and 1 mean this thread, N at most one per file', () => {
    expect(workerCount(100, { ORGFIT_WORKERS: '0' }, 'en')).toBe(0);
    expect(workerCount(100, { ORGFIT_WORKERS: '1' }, 'en')).toBe(0);
    expect(workerCount(100, { ORGFIT_WORKERS: '3' }, 'en')).toBe(3);
    expect(workerCount(2, { ORGFIT_WORKERS: '3' }, 'en')).toBe(2);
    expect(workerCount(1, { ORGFIT_WORKERS: '3' }, 'en')).toBe(0);
  });

  it('ORGFIT_WORKERS that is no whole number is a usage error', () => {
    for (const value of ['', 'two', '-1', '1.5']) expect(() => workerCount(10, { ORGFIT_WORKERS: value }, 'en'), value).toThrow(UsageError);
  });

  it('unset: this thread below the break-even, else one per core (never more than files)', () => {
    expect(workerCount(1, {}, 'en')).toBe(0);
    expect(workerCount(MIN_FILES.searches - 1, {}, 'en')).toBe(0);
    expect(workerCount(MIN_FILES.unsampled - 1, {}, 'en', MIN_FILES.unsampled)).toBe(0);
    expect(minFiles({ samples: 0, skipSearches: true })).toBe(MIN_FILES.unsampled);
    expect(minFiles({ skipSearches: true })).toBe(MIN_FILES.sampled);
    expect(minFiles({ samples: 500 })).toBe(MIN_FILES.searches);
    const many = workerCount(10_000, {}, 'en');
    expect(many === 0 || many >= 2).toBe(true);
  });

  it('chunks: about 16 per worker, 1 to 16 files each', () => {
    expect(chunkSizeFor(1, 2)).toBe(1);
    expect(chunkSizeFor(50, 2)).toBe(2);
    expect(chunkSizeFor(100_000, 2)).toBe(16);
  });
});
