import { closeSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { cliText } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';
import { fileKind, fsReason, notRegularFile } from './fs-words.js';
import { liveTemporaries as live } from './temporaries.js';

export { removeLiveTemporaries } from './temporaries.js';

export interface WriteOptions {
  /** Replace an existing file (--force). Without it, a file that exists, or appears meanwhile, is never replaced. */
  overwrite: boolean;
}

export type WriteProblem =
  | { kind: 'exists' }
  | { kind: 'folder' }
  | { kind: 'not-regular'; stats: Stats }
  | { kind: 'dangling-link'; to: string }
  | { kind: 'io'; code: string | undefined; cause: unknown; existed: boolean };

/** A write that did not happen; the target is as it was. */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(readonly problem: WriteProblem) {
    super(problem.kind === 'io' ? (problem.code ?? String(problem.cause)) : problem.kind);
  }
}

/** Far larger than any file orgfit writes; each chunk is a point where a signal may stop the write. */
const CHUNK = 1 << 20;
/** A temporary file this old belongs to a write that will never finish. */
export const STALE_MS = 60 * 60 * 1000;
const TEMPORARY = /^\.orgfit-(.*)\.(\d+)\.[0-9a-f]+\.tmp$/;

/** The prefix of the temporary files for a target: the name is cut so the whole stays within NAME_MAX. */
export function temporaryPrefix(target: string): string {
  return `.orgfit-${basename(target).slice(0, 120)}.`;
}

/**
 * How orgfit writes every file (template --out, the build, and any writer after them) so
 * that nothing is lost: the data goes to a temporary file beside the target, is written
 * out in full, flushed to disk and only then renamed over the target. A reader sees the
 * old file or the new one, never a part; a full disk, a file-size limit or a kill leaves
 * the old file as it was. Temporary files are named `.orgfit-<name>.<pid>.<random>.tmp`;
 * one left by a killed process (kill -9) is removed by the next write to the same file.
 *
 * A symbolic link is written through (its target is replaced, in its own folder);
 * a folder, device, FIFO or socket is refused; an existing file keeps its mode (and, for
 * root, its owner).
 *
 * @example
 * await writeFileSafely('svar.yaml', text, { overwrite: false }); // WriteError { kind: 'exists' } if it is there
 */
export async function writeFileSafely(path: string, data: string | Uint8Array, { overwrite }: WriteOptions): Promise<void> {
  const target = resolveTarget(path);
  const existing = statOrUndefined(target);
  if (existing) {
    if (existing.isDirectory()) throw new WriteError({ kind: 'folder' });
    if (!existing.isFile()) throw new WriteError({ kind: 'not-regular', stats: existing });
    if (!overwrite) throw new WriteError({ kind: 'exists' });
  }
  removeStaleTemporaries(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temporary = join(dirname(target), `${temporaryPrefix(target)}${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  live.add(temporary);
  let handle: FileHandle | undefined;
  let committed = false;
  try {
    // A new file gets the usual mode (0666 less the umask); an existing one keeps its own.
    handle = await open(temporary, 'wx', existing ? 0o600 : 0o666);
    if (existing) {
      await handle.chmod(existing.mode & 0o7777);
      if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    for (let offset = 0; offset < bytes.length; ) {
      // A short write (a nearly full disk, ulimit -f) is followed by one that fails: loop until all is written.
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(CHUNK, bytes.length - offset));
      if (bytesWritten <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (overwrite) {
      renameSync(temporary, target);
    } else {
      createExclusively(temporary, target);
    }
    committed = true;
    syncFolder(dirname(target));
  } catch (error) {
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError({ kind: 'io', code, cause: error, existed: existing !== undefined });
  } finally {
    if (handle) await handle.close().catch(() => undefined);
    if (!committed || !overwrite) unlinkQuietly(temporary);
    live.delete(temporary);
  }
}

/** The file a write to `path` lands in: a link's final target, else the path itself (a dangling link is refused). */
export function resolveTarget(path: string): string {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch {
    return path;
  }
  if (!link.isSymbolicLink()) return path;
  try {
    return realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WriteError({ kind: 'dangling-link', to: readLinkQuietly(path) });
    throw new WriteError({ kind: 'io', code, cause: error, existed: false });
  }
}

/**
 * Puts the finished temporary file in place only if the target does not exist: link()
 * fails with EEXIST when another writer got there first, so two writers can never both
 * believe they created the file. Where hard links are not supported, an exclusive create
 * claims the name and the rename fills it.
 */
function createExclusively(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError({ kind: 'exists' });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  }
  try {
    closeSync(openSync(target, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError({ kind: 'exists' });
    throw error;
  }
  renameSync(temporary, target);
}

/**
 * Removes temporary files of earlier writes to the same target that can no longer
 * finish: their process is gone, or they are older than STALE_MS.
 */
export function removeStaleTemporaries(target: string, now = Date.now()): void {
  const folder = dirname(target);
  const prefix = temporaryPrefix(target);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = TEMPORARY.exec(name);
    if (!match || `.orgfit-${match[1]}.` !== prefix) continue;
    const path = join(folder, name);
    const stats = statOrUndefined(path);
    if (!stats?.isFile()) continue;
    if (now - stats.mtimeMs > STALE_MS || !processRuns(Number(match[2]))) unlinkQuietly(path);
  }
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** After a rename, the folder's entry is flushed too, so a power cut does not undo it. Best effort. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // not every file system lets a folder be flushed
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function readLinkQuietly(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return path;
  }
}

/** The one line a command prints for a write that did not happen (exit 2). */
export function writeErrorMessage(error: WriteError, path: string, lang: Lang): string {
  const problem = error.problem;
  switch (problem.kind) {
    case 'exists':
      return cliText(lang, 'out-exists', { path });
    case 'folder':
      return cliText(lang, 'is-folder', { path });
    case 'not-regular':
      return notRegularFile(path, fileKind(problem.stats), lang);
    case 'dangling-link':
      return cliText(lang, 'dangling-link', { path, to: problem.to });
    case 'io': {
      const reason = fsReason(problem.code, problem.cause, lang);
      return cliText(lang, problem.existed ? 'cannot-write-unchanged' : 'cannot-write', { path, reason });
    }
  }
}
