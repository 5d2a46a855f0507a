import type { Io } from '../io.js';

/** The real process streams and environment, for bin/orgfit.js. */
export function nodeIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
