import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
import { EXIT } from '../errors.js';
import { cliText } from '../i18n/cli.js';
import { langFromArgv, pickLang, type Lang } from '../i18n/lang.js';
import type { Io, OutStream } from '../io.js';
import { fsReason } from '../load/fs-words.js';
import { removeLiveTemporaries } from '../load/temporaries.js';

let lang: Lang = 'nb';

/** The real process streams and environment, for bin/orgfit.js. */
export function nodeIo(): Io {
  return {
    // A closed standard output (`>&-`) is not detected: Node opens /dev/null read-write in
    // its place before any script runs, exactly as a parent that discards the output does
    // (Node's spawn with stdio 'ignore', Python's DEVNULL), and the latter must succeed.
    stdout: outStream(1, guardedStdout, failStdoutQuietlyOnEpipe),
    stderr: outStream(2, guardedStderr, () => undefined),
    // Touching process.stdin sets up its stream (for a file: fs streams, fs promises and
    // readline), a sixth of Node's own start; most commands never read it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * What bin/orgfit.js sets up before run(): the language of the process's own messages,
 * and that temporary files are removed when a signal stops it.
 */
export function guardProcess(argv: readonly string[]): void {
  lang = pickLang(langFromArgv(argv), process.env);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeLiveTemporaries();
      // Die of the same signal, so the shell sees what happened (128 + its number).
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', removeLiveTemporaries);
}

/**
 * Standard output or error as orgfit writes it. A pipe, a socket, a file or /dev/null (CI,
 * `> out.csv`, `| head`, `> /dev/null`) is written directly with writeSync: Node's
 * process.stdout and process.stderr set up the whole streams stack, net and its handles
 * first, about a sixth of Node's own start, and Node writes these synchronously too. A
 * terminal or another device gets Node's stream (the questionnaire needs a real one, and a
 * terminal's width), and so does a pipe the other side made non-blocking, from its first
 * EAGAIN on, so that nothing is lost or reordered.
 */
function outStream(fd: 1 | 2, real: () => NodeJS.WriteStream, onError: (error: NodeJS.ErrnoException) => void): OutStream {
  let kind: 'direct' | 'stream';
  try {
    const stats = fstatSync(fd);
    kind = stats.isFIFO() || stats.isSocket() || stats.isFile() || isDevNull(stats) ? 'direct' : 'stream';
  } catch {
    kind = 'stream';
  }
  return kind === 'stream' ? real() : directOut(fd, real, onError);
}

/** `> /dev/null`, as scripts and CI jobs that want only the exit code run orgfit: a device, but no terminal. */
function isDevNull(stats: Stats): boolean {
  if (!stats.isCharacterDevice() || process.platform === 'win32') return false;
  try {
    return stats.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** Writes to `fd` with `write` (writeSync) to the last byte, and hands over to `real()` from a first EAGAIN on. */
export function directOut(fd: number, real: () => NodeJS.WritableStream, onError: (error: NodeJS.ErrnoException) => void, write: (fd: number, bytes: Uint8Array, offset: number) => number = writeSync): OutStream {
  let stream: NodeJS.WritableStream | undefined;
  return {
    isTTY: false,
    write(text: string): boolean {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += write(fd, bytes, written);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          onError(error as NodeJS.ErrnoException);
          return false;
        }
        stream = real();
        return stream.write(bytes.subarray(written));
      }
      return true;
    },
  };
}

let stdoutGuarded = false;
/** process.stdout with the handler that turns its failures into one line. */
function guardedStdout(): NodeJS.WriteStream {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    process.stdout.on('error', failStdoutQuietlyOnEpipe);
  }
  return process.stdout;
}

let stderrGuarded = false;
/** process.stderr; nothing can be said when standard error itself fails, the exit code still tells. */
function guardedStderr(): NodeJS.WriteStream {
  if (!stderrGuarded) {
    stderrGuarded = true;
    process.stderr.on('error', () => undefined);
  }
  return process.stderr;
}

/** A reader that stops early (`orgfit score … | head`) closes the pipe: end quietly; anything else fails. */
function failStdoutQuietlyOnEpipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') {
    removeLiveTemporaries();
    process.exit(process.exitCode ?? EXIT.ok);
  }
  failStdout(error);
}

/** A full disk behind `> result.json`, or a closed descriptor: one line and exit 2, never a stack trace. */
function failStdout(error: NodeJS.ErrnoException): never {
  const reason = error.code === 'EBADF' ? `${cliText(lang, 'stdout-closed')} (EBADF)` : fsReason(error.code, error, lang);
  try {
    writeSync(2, cliText(lang, 'stdout-failed', { reason }) + '\n');
  } catch {
    // standard error is gone too
  }
  removeLiveTemporaries();
  process.exit(EXIT.usage);
}
