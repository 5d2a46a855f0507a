/**
 * `orgfit score` over many files writes one result at a time (JSON and CSV), so 100,000
 * files never become one giant string (main crashed from about 2,100 files with "Invalid
 * string length": ../shared/docs/reviews/performance.md, §4). The pieces must add up to
 * exactly what the whole-list renderers write.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli.js';
import { renderScoreCsv, scoreCsvStream } from '../../src/render/score-csv.js';
import { scoreJsonStream } from '../../src/render/score-json.js';
import { scoredFile } from '../../src/core/summary.js';
import type { Result } from '../../src/core/result.js';
import { ROOT } from '../helpers/kb.js';

const EXAMPLES = ['bergen-vest', 'bydel-nord', 'bygdvik'].map((name) => `seeds/examples/${name}.yaml`);

/** Runs orgfit in-process and keeps every write to standard output apart. */
async function writes(argv: string[]): Promise<{ code: number; chunks: string[] }> {
  const chunks: string[] = [];
  const io: Io = {
    stdout: { write: (s: string) => (chunks.push(s), true) },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    env: {},
    cwd: ROOT,
  };
  return { code: await run(argv, io), chunks };
}

async function results(count: number): Promise<Result[]> {
  const { chunks } = await writes(['score', ...EXAMPLES.slice(0, count), '--format', 'json', '--samples', '0']);
  const value = JSON.parse(chunks.join(''));
  return count === 1 ? [value] : value.results;
}

describe('score writes one result at a time', () => {
  it.each([['json'], ['csv']])('--format %s: one write per result, nothing held back', async (format) => {
    const { code, chunks } = await writes(['score', ...EXAMPLES, '--format', format, '--samples', '0']);
    expect(code).toBe(0);
    const nonEmpty = chunks.filter((c) => c.length > 0);
    expect(nonEmpty.length).toBeGreaterThanOrEqual(EXAMPLES.length);
    // Each write holds at most one municipality.
    for (const chunk of nonEmpty) expect(EXAMPLES.filter((path) => chunk.includes(path)).length).toBeLessThanOrEqual(1);
  });

  it.each([0, 1, 2, 3])('the JSON pieces of %i results are JSON.stringify of the whole, byte for byte', async (count) => {
    const list = count === 0 ? [] : await results(Math.max(1, count));
    const whole = (list.length === 1 ? JSON.stringify(list[0], null, 2) : JSON.stringify({ format: 'orgfit/results@1', results: list }, null, 2)) + '\n';
    const pieces = scoreJsonStream.start(list.length) + list.map((r, i) => scoreJsonStream.item(scoredFile(r), i, list.length)).join('') + scoreJsonStream.end(list.length);
    expect(pieces).toBe(whole);
  });

  it('the CSV pieces are the whole CSV: one header, then every row', async () => {
    const list = await results(3);
    const pieces = list.map((r, i) => scoreCsvStream().item(scoredFile(r), i, list.length)).join('');
    expect(pieces).toBe(renderScoreCsv(list.map(scoredFile)));
    expect(pieces.split('\r\n').filter((line) => line.startsWith('source,'))).toHaveLength(1);
  });
});
