import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { Io } from '../../src/io.js';
import { expandPaths, readSource } from '../../src/load/files.js';
import { MAX_BYTES } from '../../src/load/parse.js';

// D1 and D2 of the reliability review: a FIFO blocked every command forever, and
// /dev/zero (or a link to it) was read until memory ran out. Nothing that is not a
// regular file is read now, and no read goes past MAX_BYTES + 1 bytes.

let dir: string;
let server: Server | undefined;
const io = (stdin: Io['stdin'] = Readable.from([])): Io => ({ stdout: { write: () => true }, stderr: { write: () => true }, stdin, env: {}, cwd: dir });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgfit-files-'));
  expect(spawnSync('mkfifo', [join(dir, 'fifo.yaml')]).status, 'mkfifo').toBe(0);
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'small.yaml'), 'a: 1\n');
  writeFileSync(join(dir, 'limit.yaml'), Buffer.alloc(MAX_BYTES, 0x61));
  writeFileSync(join(dir, 'over.yaml'), Buffer.alloc(MAX_BYTES + 1, 0x61));
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(join(dir, 'socket.yaml'), resolve));
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Opening a FIFO for reading without O_NONBLOCK waits, in the main thread, for a writer:
 * a regression would hang the test run. A writer that comes after two seconds (and gives
 * up after ten) turns that hang into a failed test.
 */
function writerLater(path: string): void {
  if (path.includes('fifo')) spawn('timeout', ['10', 'sh', '-c', `sleep 2; printf 'a: 1\\n' > '${join(dir, path)}'`], { stdio: 'ignore', detached: true }).unref();
}

/** The usage error a read gives, as its message. */
async function refusal(path: string): Promise<string> {
  writerLater(path);
  const error = await readSource(path, io(), 'en').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('readSource: only regular files are read', () => {
  it.each([
    ['a FIFO (it would block until a writer came)', 'fifo.yaml', 'a named pipe (FIFO)'],
    ['/dev/zero itself', '/dev/zero', 'a character device'],
    ['/dev/urandom', '/dev/urandom', 'a character device'],
    ['a symbolic link to /dev/zero', 'zero.yaml', 'a character device'],
    ['/dev/null', '/dev/null', 'a character device'],
    ['a socket', 'socket.yaml', 'a socket'],
    ['a folder', 'folder', 'a folder'],
  ])('refuses %s in one line (exit 2), before reading a byte', async (_name, path, kind) => {
    expect(await refusal(path)).toBe(`"${path}" is not a regular file but ${kind}; give a .yaml file`);
  });

  it('says so in bokmål', async () => {
    writerLater('fifo.yaml');
    const error = await readSource('fifo.yaml', io(), 'nb').catch((e: unknown) => e);
    expect((error as Error).message).toBe('«fifo.yaml» er ikke en vanlig fil, men en navngitt rørledning (FIFO); oppgi en .yaml-fil');
  });

  it('names a symbolic-link loop as one, not as a missing file', async () => {
    expect(await refusal('loop-a.yaml')).toBe('Cannot read "loop-a.yaml": symbolic links go round in a loop (ELOOP)');
    expect(() => expandPaths(['loop-a.yaml'], io(), 'en')).toThrow('symbolic links go round in a loop (ELOOP)');
  });

  it('still says a missing file is missing', async () => {
    expect(await refusal('nothing.yaml')).toBe('No such file or folder: "nothing.yaml"');
  });
});

describe('readSource: reads are bounded', () => {
  it('reads a small file whole', async () => {
    const source = await readSource('small.yaml', io(), 'en');
    expect(Buffer.from(source.bytes).toString()).toBe('a: 1\n');
  });

  it('reads a file of exactly MAX_BYTES', async () => {
    expect((await readSource('limit.yaml', io(), 'en')).bytes).toHaveLength(MAX_BYTES);
  });

  it('does not read a file over MAX_BYTES, and reports its size', async () => {
    const source = await readSource('over.yaml', io(), 'en');
    expect(source).toMatchObject({ size: MAX_BYTES + 1 });
    expect(source.bytes).toHaveLength(0);
  });

  it('reads a /proc file that claims size 0 to its end', async () => {
    const source = await readSource('/proc/self/status', io(), 'en');
    expect(Buffer.from(source.bytes).toString()).toMatch(/^Name:/);
  });

  it('stops reading endless standard input just past MAX_BYTES (< /dev/zero)', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 0x61));
      },
    });
    const source = await readSource('-', io(endless), 'en');
    expect(source).toMatchObject({ size: expect.any(Number), sizeIsLowerBound: true });
    expect(source.size!).toBeGreaterThan(MAX_BYTES);
    expect(source.bytes).toHaveLength(0);
    // Read no further than a few chunks past the limit, and the stream is let go.
    expect(produced).toBeLessThan(MAX_BYTES + 16 * 65536);
    expect(endless.destroyed).toBe(true);
  });
});
