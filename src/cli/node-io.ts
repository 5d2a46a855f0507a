import { fstatSync, readFileSync, statSync } from 'node:fs';
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
    stdout: stdoutWasClosed() ? CLOSED_STDOUT : process.stdout,
    stderr: process.stderr,
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
 * What bin/orgfit.js sets up before run(): how a failing standard output ends the
 * process, and that temporary files are removed when a signal stops it.
 */
export function guardProcess(argv: readonly string[]): void {
  lang = pickLang(langFromArgv(argv), process.env);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`orgfit score … | head`) closes the pipe: end quietly.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    failStdout(error);
  });
  // Nothing can be said when standard error itself fails; the exit code still tells.
  process.stderr.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeLiveTemporaries();
      // Die of the same signal, so the shell sees what happened (128 + its number).
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', removeLiveTemporaries);
}

/** A full disk behind `> result.json`, or a closed descriptor: one line and exit 2, never a stack trace. */
function failStdout(error: NodeJS.ErrnoException): never {
  const reason = error.code === 'EBADF' ? `${cliText(lang, 'stdout-closed')} (EBADF)` : fsReason(error.code, error, lang);
  try {
    process.stderr.write(cliText(lang, 'stdout-failed', { reason }) + '\n');
  } catch {
    // standard error is gone too
  }
  removeLiveTemporaries();
  process.exit(EXIT.usage);
}

const CLOSED_STDOUT: OutStream = {
  isTTY: false,
  write: () => failStdout(Object.assign(new Error('standard output is closed'), { code: 'EBADF' })),
};

/**
 * `orgfit score … >&-`: Node opens /dev/null (read-write) on a closed standard output
 * before any script runs, so writes would vanish and the command exit 0. A shell's
 * `> /dev/null` opens it write-only, and a daemon that points all three streams at
 * /dev/null leaves standard error there too; neither is taken for closed. Linux only.
 */
function stdoutWasClosed(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const nul = statSync('/dev/null').rdev;
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev !== nul) return false;
    const err = fstatSync(2);
    if (err.isCharacterDevice() && err.rdev === nul) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}
