import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, resolveTarget, STALE_MS, temporaryPrefix, WriteError, writeErrorMessage, writeFileSafely } from '../../src/load/write.js';

// D5-D8 of the reliability review, in-process: what writeFileSafely does with the
// target it is given. The faults that need a process of their own (a full disk,
// ulimit -f, kill -9, signals, racing writers) are in test/e2e/write-faults.test.ts.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgfit-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const temporaries = (folder = dir): string[] => readdirSync(folder).filter((name) => name.startsWith('.orgfit-'));
async function problemOf(write: Promise<void>): Promise<WriteError> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriteError);
  return error as WriteError;
}
const isRoot = process.getuid?.() === 0;

describe('writeFileSafely', () => {
  it('writes a new file whole, with the usual mode, and leaves no temporary file', async () => {
    const target = join(dir, 'new.yaml');
    await writeFileSafely(target, 'a: 1\n', { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('a: 1\n');
    expect(statSync(target).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(temporaries()).toEqual([]);
  });

  it('without overwrite, refuses a file that exists and leaves it as it was', async () => {
    const target = join(dir, 'old.yaml');
    writeFileSync(target, 'OLD');
    const error = await problemOf(writeFileSafely(target, 'NEW', { overwrite: false }));
    expect(error.problem.kind).toBe('exists');
    expect(writeErrorMessage(error, 'old.yaml', 'en')).toBe('The file "old.yaml" already exists; use --force to overwrite it');
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(temporaries()).toEqual([]);
  });

  it('with overwrite (--force), keeps the mode of a 0600 file', async () => {
    const target = join(dir, 'private.yaml');
    writeFileSync(target, 'OLD');
    chmodSync(target, 0o600);
    await writeFileSafely(target, 'NEW', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('NEW');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('keeps the owner of the file it replaces (as root: another user\'s file stays theirs)', async () => {
    const target = join(dir, 'theirs.yaml');
    writeFileSync(target, 'OLD');
    // Only root can give a file away; anyone else replaces only files that are theirs already.
    const owner = isRoot ? 65534 : process.getuid!();
    if (isRoot) chownSync(target, owner, owner);
    else console.info('write.test: not root, so the owner kept is our own');
    const group = statSync(target).gid;
    await writeFileSafely(target, 'NEW', { overwrite: true });
    expect(statSync(target)).toMatchObject({ uid: owner, gid: group });
  });

  it('writes through a symbolic link: the link stays, its target (in its own folder) gets the text', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'real.yaml'), 'OLD');
    chmodSync(join(elsewhere, 'real.yaml'), 0o640);
    const link = join(dir, 'link.yaml');
    symlinkSync(join(elsewhere, 'real.yaml'), link);
    expect(resolveTarget(link)).toBe(join(elsewhere, 'real.yaml'));
    await writeFileSafely(link, 'NEW', { overwrite: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'real.yaml'), 'utf8')).toBe('NEW');
    expect(statSync(join(elsewhere, 'real.yaml')).mode & 0o777).toBe(0o640);
    expect(temporaries()).toEqual([]);
    expect(temporaries(elsewhere)).toEqual([]);
  });

  it('refuses a symbolic link that leads nowhere, naming where it leads', async () => {
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    const error = await problemOf(writeFileSafely(join(dir, 'dangling.yaml'), 'NEW', { overwrite: true }));
    expect(writeErrorMessage(error, 'dangling.yaml', 'en')).toBe('"dangling.yaml" is a symbolic link to "nowhere.yaml", which does not exist; give the file itself');
    expect(writeErrorMessage(error, 'dangling.yaml', 'nb')).toBe('«dangling.yaml» er en symbolsk lenke til «nowhere.yaml», som ikke finnes; oppgi filen selv');
  });

  it('refuses a folder, with or without overwrite', async () => {
    mkdirSync(join(dir, 'folder'));
    for (const overwrite of [false, true]) {
      const error = await problemOf(writeFileSafely(join(dir, 'folder'), 'NEW', { overwrite }));
      expect(writeErrorMessage(error, 'folder', 'en')).toBe('"folder" is a folder; give a file name');
    }
  });

  it('refuses a FIFO even with overwrite, and leaves it a FIFO', async () => {
    const fifo = join(dir, 'fifo.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const error = await problemOf(writeFileSafely(fifo, 'NEW', { overwrite: true }));
    expect(writeErrorMessage(error, 'fifo.yaml', 'en')).toBe('"fifo.yaml" is not a regular file but a named pipe (FIFO); give a .yaml file');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  // A replica of /dev/null in the scratch folder: the review showed `--force` turned one into a regular file.
  it('refuses a character device even with overwrite, and leaves it a device', async () => {
    let device = join(dir, 'null');
    if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) {
      // Without root no device can be made; the machine's own /dev/null is the device then (refused before any write).
      expect(isRoot).toBe(false);
      console.info('write.test: mknod needs root; checking /dev/null itself');
      device = '/dev/null';
    }
    const error = await problemOf(writeFileSafely(device, 'NEW', { overwrite: true }));
    expect(writeErrorMessage(error, 'null', 'en')).toBe('"null" is not a regular file but a character device; give a .yaml file');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('says why a write failed, in both languages: a missing folder', async () => {
    const error = await problemOf(writeFileSafely(join(dir, 'no', 'x.yaml'), 'NEW', { overwrite: false }));
    expect(writeErrorMessage(error, 'no/x.yaml', 'en')).toBe('Cannot write "no/x.yaml": the folder does not exist (ENOENT)');
    expect(writeErrorMessage(error, 'no/x.yaml', 'nb')).toBe('Kan ikke skrive «no/x.yaml»: mappen finnes ikke (ENOENT)');
  });

  it('writes binary data and large texts whole', async () => {
    const target = join(dir, 'big.bin');
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 7, 0xab);
    await writeFileSafely(target, bytes, { overwrite: false });
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});

describe('temporary files left by a killed writer', () => {
  const target = () => join(dir, 'answers.yaml');
  const leftover = (pid: number, hex: string) => join(dir, `${temporaryPrefix(target())}${pid}.${hex}.tmp`);
  /** A process id that is surely not running: a child that has exited. */
  const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

  it('are recognisable: .orgfit-<name>.<pid>.<random>.tmp beside the target', () => {
    expect(temporaryPrefix(target())).toBe('.orgfit-answers.yaml.');
  });

  it('are removed by the next write when their process is gone or they are older than an hour, not otherwise', async () => {
    const dead = leftover(deadPid(), 'aaaa1111');
    const old = leftover(process.pid, 'bbbb2222');
    const live = leftover(process.pid, 'cccc3333');
    const otherName = join(dir, `${temporaryPrefix(join(dir, 'other.yaml'))}1.dddd4444.tmp`);
    for (const path of [dead, old, live, otherName]) writeFileSync(path, 'half');
    const hoursAgo = (Date.now() - STALE_MS - 60_000) / 1000;
    utimesSync(old, hoursAgo, hoursAgo);
    await writeFileSafely(target(), 'NEW', { overwrite: false });
    expect(temporaries().sort()).toEqual([live, otherName].map((p) => p.slice(dir.length + 1)).sort());
  });

  it('are swept without a write too (removeStaleTemporaries), and a folder that cannot be read is no error', () => {
    const dead = leftover(deadPid(), 'eeee5555');
    writeFileSync(dead, 'half');
    removeStaleTemporaries(target());
    expect(temporaries()).toEqual([]);
    expect(() => removeStaleTemporaries(join(dir, 'missing', 'x.yaml'))).not.toThrow();
  });
});
