/**
 * `score` and `report` over many files on worker threads (src/cli/parallel.ts), run as a
 * user runs the built binary: the bytes are the same with one thread and with several, in
 * every format; a worker that fails or dies is an internal error (exit 2), never a hang;
 * Ctrl-C still ends the process by SIGINT; and a one-file run starts no thread at all.
 * Needs `npm run build` first (npm test does it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, environment, noStackTrace, waitForBuild } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

let dir = '';
let answers = '';
const PRELOAD = {
  // Runs in every thread (Node passes --require on to worker threads): makes the workers fail as ORGFIT_TEST_FAULT says.
  fault: '',
  // Says at exit, in the main thread, whether node:worker_threads was ever loaded.
  threads: '',
};

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** The built binary in a child process; a run that takes more than two minutes (a hang) fails. */
function orgfit(args: string[], env: Record<string, string>, { node = [] as string[], onStdout }: { node?: string[]; onStdout?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<Ran> {
  const child = spawn(process.execPath, [...node, BIN, '--lang', 'en', ...args], { cwd: dir, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let err = '';
  let seen = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    out.push(chunk);
    if (!seen) onStdout?.(child);
    seen = true;
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) => {
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      expect(signal, `orgfit ${args.join(' ')} hung and was killed`).not.toBe('SIGKILL');
      resolve({ status, signal, stdout: Buffer.concat(out), stderr: err });
    });
  });
}

beforeAll(async () => {
  await waitForBuild();
  dir = mkdtempSync(join(tmpdir(), 'orgfit-e2e-parallel-'));
  // Twelve answers files: the six examples and a variant of each (another name and staff count).
  answers = join(dir, 'answers');
  mkdirSync(answers);
  const examples = readdirSync(join(ROOT, 'seeds/examples')).filter((f) => f.endsWith('.yaml')).sort();
  examples.forEach((name, i) => {
    const text = readFileSync(join(ROOT, 'seeds/examples', name), 'utf8');
    writeFileSync(join(answers, name), text);
    const variant = text.replace(/^municipality: .*$/m, `municipality: Variant ${i}`).replace(/^ {2}staff-fte: .*$/m, `  staff-fte: ${3 + 37 * i}`);
    expect(variant, name).not.toBe(text);
    writeFileSync(join(answers, name.replace('.yaml', '-variant.yaml')), variant);
  });
  PRELOAD.fault = join(dir, 'fault.cjs');
  writeFileSync(
    PRELOAD.fault,
    `const { isMainThread, parentPort } = require('node:worker_threads');
if (!isMainThread) {
  const fault = process.env.ORGFIT_TEST_FAULT;
  parentPort.on('message', () => {
    if (fault === 'exit') process.exit(3);
    if (fault === 'throw') throw new Error('a worker thread broke on purpose');
  });
}
`,
  );
  PRELOAD.threads = join(dir, 'threads.cjs');
  writeFileSync(
    PRELOAD.threads,
    `process.on('exit', () => {
  const loaded = process.moduleLoadList.includes('NativeModule worker_threads');
  // Asked only now, so that asking does not load it first; the workers' own copies say nothing.
  if (require('node:worker_threads').isMainThread) process.stderr.write(loaded ? 'THREADS\\n' : 'NO THREADS\\n');
});
`,
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('many files over worker threads (built binary): the same bytes as one thread', () => {
  it.each([
    ['score (table)', ['score', 'answers']],
    ['score --format json', ['score', 'answers', '--format', 'json']],
    ['score --format csv', ['score', 'answers', '--format', 'csv']],
    ['score --format csv --excel', ['score', 'answers', '--format', 'csv', '--excel']],
    ['report (Markdown)', ['report', 'answers']],
  ])('%s', async (_, args) => {
    const [one, two] = await Promise.all([orgfit(args, { ORGFIT_WORKERS: '1' }), orgfit(args, { ORGFIT_WORKERS: '2' })]);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    // Every file is there, in order (the table and the report name municipalities, the others the paths).
    const text = one.stdout.toString('utf8');
    if (args[0] === 'score' && args.includes('--format')) expect(text.indexOf('bergen-vest-variant.yaml')).toBeLessThan(text.indexOf('fjordby.yaml'));
  });

  it('with models of the user\'s own (--models DIR): the threads score them too, as one thread does', async () => {
    mkdirSync(join(dir, 'mine'), { recursive: true });
    writeFileSync(join(dir, 'mine', 'my-matrix.yaml'), readFileSync(join(ROOT, 'models', 'matrix.yaml'), 'utf8').replace(/^id: .*$/m, 'id: my-matrix'));
    const args = ['--models', 'mine', 'score', 'answers', '--format', 'csv', '--samples', '100'];
    const [one, two] = await Promise.all([orgfit(args, { ORGFIT_WORKERS: '1' }), orgfit(args, { ORGFIT_WORKERS: '2' })]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(one.stdout.toString('utf8').match(/,my-matrix,/g)).toHaveLength(12);
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });

  it('report --format json --out: the same file with one thread and with five (more threads than cores)', async () => {
    const [one, five] = await Promise.all([
      orgfit(['report', 'answers', '--format', 'json', '--out', 'one.json'], { ORGFIT_WORKERS: '1' }),
      orgfit(['report', 'answers', '--format', 'json', '--out', 'five.json'], { ORGFIT_WORKERS: '5' }),
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(five.status, five.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'one.json'));
    expect(bytes.length).toBeGreaterThan(1000);
    expect(readFileSync(join(dir, 'five.json')).equals(bytes)).toBe(true);
  });
});

describe('worker threads that fail', () => {
  it.each([['exit', /stopped \(exit code 3\)/], ['throw', /broke on purpose/]])('a worker that %ss: an internal error, exit 2, no stack trace, no hang', async (fault, message) => {
    const ran = await orgfit(['score', 'answers', '--format', 'csv'], { ORGFIT_WORKERS: '2', ORGFIT_TEST_FAULT: fault }, { node: ['--require', PRELOAD.fault] });
    expect(ran.signal).toBeNull();
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(/^orgfit: internal error: /);
    expect(ran.stderr).toMatch(message);
    noStackTrace({ stdout: '', stderr: ran.stderr });
  });

  it('Ctrl-C while the workers score: the process dies of SIGINT, threads and all', async () => {
    const started = performance.now();
    // Many samples make each file slow; the JSON's first line is written before any is scored.
    const ran = await orgfit(['score', 'answers', '--format', 'json', '--samples', '200000'], { ORGFIT_WORKERS: '2' }, { onStdout: (child) => setTimeout(() => child.kill('SIGINT'), 300) });
    expect(ran.signal).toBe('SIGINT');
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe('when no thread is started', () => {
  it('one file loads neither the pool nor node:worker_threads, whatever ORGFIT_WORKERS says', async () => {
    const ran = await orgfit(['score', 'answers/bygdvik.yaml', '--format', 'csv'], { ORGFIT_WORKERS: '4' }, { node: ['--require', PRELOAD.threads] });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toBe('NO THREADS\n');
  });

  it('the check itself: many files with ORGFIT_WORKERS=2 do load it', async () => {
    const ran = await orgfit(['score', 'answers', '--format', 'csv', '--samples', '0'], { ORGFIT_WORKERS: '2' }, { node: ['--require', PRELOAD.threads] });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toBe('THREADS\n');
  });

  it('ORGFIT_WORKERS that is no number: a usage error', async () => {
    const ran = await orgfit(['score', 'answers', '--format', 'csv'], { ORGFIT_WORKERS: 'many' });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('ORGFIT_WORKERS');
  });
});
