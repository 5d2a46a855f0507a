import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { cliText } from '../i18n/cli.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { MAX_BYTES, STDIN, type SourceFile } from './source.js';
import { fileKind, fsReason, notRegularFile } from './fs-words.js';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Turns command-line paths into the files they name: a file is itself, a folder
 * is every .yaml/.yml file under it (sorted, so output is stable), "-" is standard
 * input. A path that does not exist is a usage error (exit 2).
 */
export function expandPaths(paths: readonly string[], io: Io, lang: Lang): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // The same file named twice (./a.yaml and a.yaml, or a file and its folder) is read once.
  const add = (path: string) => {
    const key = path === '-' ? '-' : resolve(io.cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(path);
  };
  for (const path of paths) {
    if (path === '-') {
      if (seen.has('-')) throw new UsageError(cliText(lang, 'stdin-twice'));
      add('-');
      continue;
    }
    const absolute = resolve(io.cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      throw unreadable(error, path, lang);
    }
    if (stats.isDirectory()) {
      const found = listYaml(absolute).map((file) => join(path, relative(absolute, file)));
      if (found.length === 0) throw new UsageError(cliText(lang, 'no-yaml-in-folder', { path }));
      found.forEach(add);
    } else {
      add(path);
    }
  }
  return out;
}

function listYaml(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => YAML_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      // A link counts when it leads to a file (a broken link is reported when read).
      try {
        return statSync(file).isFile();
      } catch {
        return true;
      }
    })
    .sort();
}

/** Reads one named file (or standard input for "-") into a source for the validator. */
export async function readSource(path: string, io: Io, lang: Lang): Promise<SourceFile> {
  if (path === '-') return { path: STDIN, ...(await readStdin(io)) };
  const absolute = resolve(io.cwd, path);
  let fd: number;
  try {
    // Without O_NONBLOCK, opening a FIFO waits for a writer forever; it is refused below anyway.
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(error, path, lang);
  }
  try {
    const stats = fstatSync(fd);
    // A FIFO, a device or a socket has no size to check and may never end: never read one.
    if (!stats.isFile()) throw new UsageError(notRegularFile(path, fileKind(stats), lang));
    // Refuse huge files before reading them; parseYaml reports the size in its own words.
    if (stats.size > MAX_BYTES) return { path, bytes: new Uint8Array(0), size: stats.size };
    return readAtMost(fd, path, stats.size);
  } catch (error) {
    throw error instanceof UsageError ? error : unreadable(error, path, lang);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open regular file to its end, but never more than MAX_BYTES + 1 bytes: a
 * file that grows while it is read (or a /proc file that claims size 0) stays bounded.
 */
function readAtMost(fd: number, path: string, expected: number): SourceFile {
  let buffer = Buffer.allocUnsafe(Math.min(expected, MAX_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_BYTES) return { path, bytes: new Uint8Array(0), size: length, sizeIsLowerBound: true };
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_BYTES + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return { path, bytes: buffer.subarray(0, length) };
}

/** Standard input, read until its end or until it passes the size limit, whichever comes first. */
async function readStdin(io: Io): Promise<{ bytes: Uint8Array; size?: number; sizeIsLowerBound?: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream: an endless input (< /dev/zero) is read no further.
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BYTES) return { bytes: new Uint8Array(0), size, sizeIsLowerBound: true };
    chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks) };
}

/** Why a path could not be read, in one line (exit 2). */
function unreadable(error: unknown, path: string, lang: Lang): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(cliText(lang, 'file-not-found', { path }));
  // Opening a Unix socket gives ENXIO: it is not a file either.
  if (code === 'ENXIO') return new UsageError(notRegularFile(path, 'file-kind-socket', lang));
  return new UsageError(cliText(lang, 'not-readable', { path, reason: fsReason(code, error, lang) }));
}
