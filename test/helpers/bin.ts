/**
 * The built binary, run as a user runs it: `node bin/orgfit.js …` in a child process.
 * Needs `npm run build` first (npm test does it); `waitForBuild()` says so plainly.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './kb.js';

export const BIN = join(ROOT, 'bin', 'orgfit.js');
const BUILT = [join(ROOT, 'dist', 'orgfit.cjs'), join(ROOT, 'dist', 'cli.js'), join(ROOT, 'dist', 'kb.json')];
/** Far above what any run needs (the slowest takes about 3 s); a hang fails instead of blocking the suite. */
export const TIMEOUT_MS = 20_000;

/** What would change the output under test; removed from the environment unless a test sets it. */
const CHANGES_OUTPUT = /^(LANG|LANGUAGE|LC_\w+|GITHUB_ACTIONS|FORCE_COLOR|ORGFIT_DEBUG|ORGFIT_LANG)$/;

export interface BinRan {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the run, in milliseconds. */
  ms: number;
}

export interface BinOptions {
  /** The working folder; the repository root unless given. */
  cwd?: string;
  /** Standard input. */
  input?: string | Uint8Array;
  /** Added to (or overriding) the clean environment. */
  env?: Record<string, string>;
  /** Arguments for node itself, before the script (e.g. `--import guard.mjs`). */
  node?: string[];
  /** Another copy of the binary (a package copied elsewhere); this checkout's by default. */
  bin?: string;
}

/** The user's environment minus what would change the output under test, with NO_COLOR=1, plus `extra`. */
export function environment(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (CHANGES_OUTPUT.test(name)) delete env[name];
  return { ...env, ...extra };
}

/** Waits a few seconds for dist/ (other builds may be rewriting it), then fails with a clear message. */
export async function waitForBuild(): Promise<void> {
  for (let i = 0; i < 50 && !BUILT.every(existsSync); i++) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!BUILT.every(existsSync)) throw new Error('orgfit is not built: run "npm run build" before the e2e tests');
}

/** Runs `node [node args] bin/orgfit.js args…`; a timeout or a signal (a crash such as a V8 abort) fails the test. */
export function orgfitBin(args: string[], { cwd = ROOT, input, env, node = [], bin = BIN }: BinOptions = {}): BinRan {
  const started = performance.now();
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [...node, bin, ...args], {
    cwd,
    env: environment(env),
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    ...(input === undefined ? {} : { input }),
  });
  const ms = performance.now() - started;
  expect(result.error, `orgfit ${args.join(' ')} did not finish`).toBeUndefined();
  expect(result.signal, `orgfit ${args.join(' ')} was killed`).toBeNull();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms };
}

export interface BinAsyncOptions extends BinOptions {
  /** Cap the address space (ulimit -v, in KiB), so that a runaway read crashes instead of taking the machine. */
  memoryKiB?: number;
  /** Standard input from this file, opened by the shell (`< /dev/zero`), instead of `input`. */
  stdinFile?: string;
}

/**
 * Runs the built binary as a child without blocking the test process, so that several
 * run at once. Killed after TIMEOUT_MS; a timeout or a signal fails the test, as in orgfitBin.
 */
export function orgfitBinAsync(args: string[], { cwd = ROOT, input, env, node = [], memoryKiB, stdinFile }: BinAsyncOptions = {}): Promise<BinRan> {
  const started = performance.now();
  const limit = memoryKiB === undefined ? '' : `ulimit -v ${memoryKiB} && `;
  const redirect = stdinFile === undefined ? '' : ' < "$ORGFIT_TEST_STDIN"';
  const child = spawn('sh', ['-c', `${limit}exec "$0" "$@"${redirect}`, process.execPath, ...node, BIN, ...args], {
    cwd,
    env: { ...environment(env), ...(stdinFile === undefined ? {} : { ORGFIT_TEST_STDIN: stdinFile }) },
    stdio: [stdinFile === undefined && input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  if (input !== undefined && child.stdin) child.stdin.end(input);
  child.stdin?.on('error', () => undefined);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      expect(timedOut, `orgfit ${args.join(' ')} did not finish in ${TIMEOUT_MS} ms`).toBe(false);
      expect(signal, `orgfit ${args.join(' ')} was killed`).toBeNull();
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms });
    });
  });
}

/** Never a stack trace, an "Error:" dump or a raw Node error, on either stream. */
export function noStackTrace(ran: { stdout: string; stderr: string }): void {
  for (const text of [ran.stdout, ran.stderr]) {
    // A frame ends in line:column; a wrapped line of prose may well start with "at".
    expect(text).not.toMatch(/^[ \t]+at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/\bError: /);
    expect(text).not.toContain('node:internal');
    expect(text).not.toContain('FATAL ERROR');
  }
}
