import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStackTrace, orgfitBinAsync, waitForBuild, type BinAsyncOptions, type BinRan } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';
import { ANSWERS, closeCorpus, CORPUS, MODEL, type HostileCase, type Verdict } from './corpus.js';

// The reliability review's hostile corpus (D1-D4, D10-D13), every case through every
// command that reads a file, with the built binary: the exit code the case calls for,
// a message that names the file (with line:column when the file is invalid, at the
// planted line where the command reads the file as its own kind), no stack trace, no
// internal error, nothing on standard output when score or explain refuse, and no raw
// control character on it when they accept. Time and memory are bounded by the helper
// (20 s, then killed; address space capped at 2 GiB), never by a timed assertion.

/** Each command that reads a file, and what it reads it as. */
const COMMANDS: { name: string; args: (path: string, folder: string) => string[]; reads: 'own' | 'answers' | 'model' }[] = [
  { name: 'validate', args: (path) => ['validate', path], reads: 'own' },
  { name: 'validate --answers', args: (path) => ['validate', '--answers', path], reads: 'answers' },
  { name: 'score', args: (path) => ['score', path, '--samples', '20'], reads: 'answers' },
  { name: 'explain', args: (path) => ['explain', 'specialised', path], reads: 'answers' },
  { name: '--models DIR', args: (_path, folder) => ['--models', folder, 'score', 'seeds/examples/bygdvik.yaml', '--samples', '20'], reads: 'model' },
];

/** The exit code a command must give for a case. */
function expectedExit(verdict: Verdict, reads: 'own' | 'answers' | 'model'): number {
  switch (verdict) {
    case 'usage':
      return 2;
    case 'reject':
      return 1;
    case 'answers':
      return reads === 'model' ? 1 : 0;
    case 'model':
      return reads === 'answers' ? 1 : 0;
  }
}

/**
 * At most this many orgfit processes at once, across all cases: a core each, less one for
 * the other vitest worker, whose property tests of the engine are CPU-bound and timed.
 */
const slots = { free: Math.max(1, availableParallelism() - 1), waiting: [] as (() => void)[] };
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}
const orgfit = (args: string[], options: BinAsyncOptions = {}): Promise<BinRan> => limited(() => orgfitBinAsync(['--lang', 'en', ...args], { memoryKiB: 2 * 1024 * 1024, ...options }));

/** Problem lines of the text format: "  12:3  error  …". */
const problemLines = (text: string): number[] => [...text.matchAll(/^ {2}(\d+):(\d+) +(?:error|warning) /gm)].map((m) => Number(m[1]));
/** Anything a terminal would act on; CSV's own CRLF line ends aside. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let work: string;
beforeAll(async () => {
  await waitForBuild();
  work = mkdtempSync(join(tmpdir(), 'orgfit-hostile-'));
});
afterAll(() => {
  closeCorpus();
  rmSync(work, { recursive: true, force: true });
});

/** Builds a case in a folder of its own: the path to give orgfit and the folder (the --models DIR). */
async function build(c: HostileCase, index: number): Promise<{ path: string; folder: string }> {
  const folder = join(work, String(index).padStart(3, '0'));
  mkdirSync(folder);
  return { path: await c.make(folder), folder };
}

describe.concurrent('the hostile corpus, through every command that reads a file (built binary)', () => {
  it.each(CORPUS.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, index) => {
    const { path, folder } = await build(c, index);
    const kind = c.kind;
    for (const command of COMMANDS) {
      const args = command.args(path, folder);
      const ran = await orgfit(args, { cwd: ROOT });
      const what = `${command.name} on ${c.name}: exit ${ran.status}\n${ran.stderr.slice(0, 600)}${ran.stdout.slice(0, 600)}`;
      expect(ran.status, what).toBe(expectedExit(c.verdict, command.reads));
      noStackTrace(ran);
      const said = ran.stdout + ran.stderr;
      expect(said, what).not.toMatch(/internal error|intern feil|Maximum call stack|FATAL ERROR|RangeError/);
      if (ran.status === 2) {
        // One line that names what was given.
        expect(ran.stderr.trim().split('\n'), what).toHaveLength(1);
        expect(ran.stderr, what).toContain(command.reads === 'model' ? folder : path);
      }
      if (ran.status === 1) {
        expect(said, what).toContain(command.reads === 'model' ? folder : path);
        expect(problemLines(said).length, what).toBeGreaterThan(0);
        const own = command.reads === 'own' || command.reads === kind;
        if (c.line !== undefined && own) expect(problemLines(said), what).toContain(c.line);
      }
      if (ran.status !== 0 && command.name !== 'validate' && command.name !== 'validate --answers') expect(ran.stdout, what).toBe('');
      if (ran.status === 0) expect(ran.stdout.replace(/\r\n/g, '\n'), what).not.toMatch(RAW);
    }
  }, 180_000);
});

describe.concurrent('the hostile corpus through standard input (score -)', () => {
  it('endless input (< /dev/zero) stops at the size limit: exit 1, "more than 2097152 bytes", at once', async () => {
    const ran = await orgfit(['score', '-'], { stdinFile: '/dev/zero' });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/^<stdin>\n {2}1:1 +error +The file is more than 2097152 bytes; the limit is 2097152 +file-too-large/m);
    noStackTrace(ran);
  });

  it('random bytes without end (< /dev/urandom): exit 1, no crash', async () => {
    const ran = await orgfit(['validate', '--answers', '-'], { stdinFile: '/dev/urandom' });
    expect(ran.status).toBe(1);
    noStackTrace(ran);
  });

  it.each([
    { name: 'a byte-order mark and CRLF', input: `\ufeff${ANSWERS.replace(/\n/g, '\r\n')}`, code: 0 },
    { name: '3 MB', input: 'a'.repeat(3 * 1024 * 1024), code: 1 },
    { name: 'a model', input: MODEL, code: 1 },
    { name: 'a: [[[[… 20,000 deep', input: `${ANSWERS}deep: ${'['.repeat(20_000)}\n`, code: 1 },
  ])('$name: exit $code', async ({ input, code }) => {
    const ran = await orgfit(['score', '-', '--samples', '20'], { input });
    expect(ran.status).toBe(code);
    noStackTrace(ran);
    if (code === 1) expect(ran.stderr).toMatch(/^<stdin>\n {2}\d+:\d+ +error/m);
  });
});

describe.concurrent('what accepted hostile text looks like', () => {
  const folder = () => {
    const dir = mkdtempSync(join(work, 'shown-'));
    return dir;
  };

  it('-1+HYPERLINK(…) reaches the CSV as text, not as a formula', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.yaml'), ANSWERS.replace(/^municipality: .*$/m, 'municipality: "-1+HYPERLINK(\\"http://example.com\\", \\"x\\")"'));
    const ran = await orgfit(['score', join(dir, 'a.yaml'), '--format', 'csv', '--samples', '20']);
    expect(ran.status).toBe(0);
    expect(ran.stdout.split('\r\n')[1]).toContain(`,"'-1+HYPERLINK(""http://example.com"", ""x"")",`);
  });

  it('ESC, CR, C1 and bidi in the municipality are shown escaped in the table and in explain', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.yaml'), ANSWERS.replace(/^municipality: .*$/m, 'municipality: "Evil\\e[2J\\e]0;pwned\\a\\r\\u009b\\u202e"'));
    for (const args of [['score', join(dir, 'a.yaml'), '--samples', '20'], ['explain', 'specialised', join(dir, 'a.yaml')]]) {
      const ran = await orgfit(args);
      expect(ran.status).toBe(0);
      expect(ran.stdout).toContain('Evil\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u009b\\u202e');
      expect(ran.stdout).not.toMatch(RAW);
    }
  });
});
