import { closeSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Lang } from '../i18n/lang.js';
import { cliText } from '../i18n/cli.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { MAX_BYTES } from './parse.js';
import { STDIN, type SourceFile } from './source.js';

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
    } catch {
      throw new UsageError(cliText(lang, 'file-not-found', { path }));
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
  try {
    const stats = statSync(absolute);
    // Refuse huge files before reading them; parseYaml reports the size in its own words.
    if (stats.size > MAX_BYTES) return { path, bytes: new Uint8Array(0), size: stats.size };
    return { path, bytes: readFileSync(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(cliText(lang, 'file-not-found', { path }));
    throw new UsageError(cliText(lang, 'not-readable', { path, reason: code ?? String(error) }));
  }
}

/** Reads standard input; past the size limit it keeps counting but stops storing, so the parser reports the size. */
async function readStdin(io: Io): Promise<{ bytes: Uint8Array; size: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size <= MAX_BYTES) chunks.push(buffer);
  }
  return size > MAX_BYTES ? { bytes: new Uint8Array(0), size } : { bytes: Buffer.concat(chunks), size };
}

/**
 * Writes a file so that a reader never sees half of it: a temporary file in the
 * same folder, flushed, then renamed over the target (atomic on POSIX).
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}
