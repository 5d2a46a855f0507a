import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, environment, noStackTrace, orgfitBin, TIMEOUT_MS, waitForBuild } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

// D5-D8 of the reliability review, with real processes: a full disk and `ulimit -f`
// (the template used to be replaced by its first 4,096 bytes, exit 0, "Wrote"), kill -9
// and signals during a large write, and racing writers without --force (2-6 of 20 used
// to report "Wrote"). Template writes go through the built binary; the large writes go
// through a driver bundled from orgfit's own write module (test/fixtures/write/driver.ts).

let dir: string;
let driver: string;
beforeAll(async () => {
  await waitForBuild();
  dir = mkdtempSync(join(tmpdir(), 'orgfit-write-faults-'));
  driver = join(dir, 'driver.mjs');
  await build({ entryPoints: [join(ROOT, 'test/fixtures/write/driver.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: driver, logLevel: 'warning', define: { __ORGFIT_VERSION__: '"test"' } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temporaries = (folder: string): string[] => readdirSync(folder).filter((name) => name.startsWith('.orgfit-'));
const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const fresh = (name: string): string => {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
};
const OLD = 'OLD CONTENT\n';

/** `template --out` under `sh -c`, for the shell's ulimit. */
function templateUnderShell(limit: string, target: string) {
  return spawnSync('sh', ['-c', `${limit}; exec "${process.execPath}" "${BIN}" --lang en template --out "${target}" --force`], { env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
}

describe('a write that cannot finish leaves the old file', () => {
  it('ulimit -f 4 (EFBIG: Node ignores SIGXFSZ, so the write fails instead of killing): exit 2, the old file, no temporary file', () => {
    const folder = fresh('fsize');
    const target = join(folder, 'F.yaml');
    writeFileSync(target, OLD);
    const ran = templateUnderShell('ulimit -f 4', target);
    expect(ran.signal).toBeNull();
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe(`orgfit: Cannot write "${target}": the file would pass the file size limit (ulimit -f) (EFBIG); the file is unchanged\n`);
    noStackTrace(ran);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(temporaries(folder)).toEqual([]);
  });

  // A real full disk needs a file system of its own: a 64 KiB tmpfs, mounted where root may.
  it('a full disk (ENOSPC on a 64 KiB tmpfs): exit 2, the old file, no temporary file; or, where mounting is not allowed, why', () => {
    const folder = fresh('tmpfs');
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder], { encoding: 'utf8' });
    if (mount.status !== 0) {
      // Not root, or a container without the capability: say so, and prove the reason.
      const reason = process.getuid?.() !== 0 ? 'not root' : `mount refused: ${mount.stderr.trim() || mount.error?.message}`;
      console.info(`write-faults: no tmpfs for the full-disk case (${reason}); the ulimit -f case above covers a short write`);
      expect(process.getuid?.() !== 0 || mount.status !== 0).toBe(true);
      return;
    }
    try {
      const target = join(folder, 'F.yaml');
      writeFileSync(target, OLD);
      // Leave less room than the template needs (about 13 KB) but some, so the first write is short.
      writeFileSync(join(folder, 'filler'), Buffer.alloc(64 * 1024 - 4096 * 3));
      console.info('write-faults: full disk on a 64 KiB tmpfs');
      const ran = spawnSync(process.execPath, [BIN, '--lang', 'en', 'template', '--out', target, '--force'], { env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
      expect(ran.status).toBe(2);
      expect(ran.stderr).toBe(`orgfit: Cannot write "${target}": the disk is full (ENOSPC); the file is unchanged\n`);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
      expect(temporaries(folder)).toEqual([]);
    } finally {
      spawnSync('umount', [folder]);
    }
  });

  it('standard output on a full disk (> /dev/full): one line, exit 2, no stack trace', () => {
    const ran = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" --lang en score seeds/examples/bygdvik.yaml --format json > /dev/full`], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe('orgfit: cannot write standard output: the disk is full (ENOSPC)\n');
  });

  it('standard output discarded by the parent (read-write /dev/null: Node spawn with stdio "ignore", Python DEVNULL, 1<>/dev/null): exit 0, nothing said', () => {
    const ignored = spawnSync(process.execPath, [BIN, '--lang', 'en', 'score', 'seeds/examples/bygdvik.yaml'], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'ignore', 'pipe'] });
    expect(ignored.status).toBe(0);
    expect(ignored.stderr).toBe('');
    const readWrite = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" --lang en score seeds/examples/bygdvik.yaml 1<>/dev/null`], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(readWrite.status).toBe(0);
    expect(readWrite.stderr).toBe('');
  });

  it('standard output closed (>&-) cannot be told from a discarded one (Node reopens it on read-write /dev/null): exit 0, like the parent that discards it', () => {
    const ran = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" --lang en score seeds/examples/bygdvik.yaml >&-`], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(ran.status).toBe(0);
    expect(ran.stderr).toBe('');
  });

  it('standard output on /dev/null (> /dev/null) is not taken for closed', () => {
    const ran = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" --lang en score seeds/examples/bygdvik.yaml > /dev/null`], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(ran.status).toBe(0);
    expect(ran.stderr).toBe('');
  });
});

/** Starts the driver writing `bytes` copies of "N" over `target`. */
const startWrite = (target: string, bytes: number, mode: 'new' | 'force' = 'force'): ChildProcess =>
  spawn(process.execPath, [driver, target, String(bytes), mode], { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a write that is stopped', () => {
  const SIZE = 32 * 1024 * 1024;

  it('kill -9 at random moments of a 32 MB write, 25 times: the file is always the old one or the whole new one, never torn; a later write sweeps what the kills left', async () => {
    const folder = fresh('kill9');
    const target = join(folder, 'big.yaml');
    writeFileSync(target, OLD);
    const oldDigest = digest(target);
    const newDigest = createHash('sha256').update(Buffer.alloc(SIZE, 'N')).digest('hex');
    const seen = { old: 0, new: 0 };
    for (let round = 0; round < 25; round++) {
      const child = startWrite(target, SIZE);
      const done = exited(child);
      await sleep(20 + ((round * 37) % 400));
      child.kill('SIGKILL');
      await done;
      const now = digest(target);
      expect([oldDigest, newDigest]).toContain(now);
      seen[now === oldDigest ? 'old' : 'new']++;
      // One killed writer leaves at most one temporary file (a later write removes it: its process is gone).
      expect(temporaries(folder).length).toBeLessThanOrEqual(1);
      if (now === newDigest) writeFileSync(target, OLD);
    }
    expect(seen.old + seen.new).toBe(25);
    console.info(`write-faults: kill -9 left the old file ${seen.old} times and the whole new one ${seen.new} times`);
    const last = startWrite(target, 16);
    expect((await exited(last)).code).toBe(0);
    expect(temporaries(folder)).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s during a large write: the temporary file is removed, the old file stays, and the process dies of the signal', async (signal) => {
    const folder = fresh(`signal-${signal}`);
    const target = join(folder, 'big.yaml');
    writeFileSync(target, OLD);
    const child = startWrite(target, 256 * 1024 * 1024);
    const done = exited(child);
    // Wait until the temporary file exists: the write is under way.
    for (let i = 0; i < 2000 && temporaries(folder).length === 0; i++) await sleep(2);
    expect(temporaries(folder)).toHaveLength(1);
    child.kill(signal);
    const { signal: died } = await done;
    const finished = readFileSync(target).length !== OLD.length;
    // The write may have won the race on a fast disk; either way nothing is torn or left behind.
    console.info(`write-faults: ${signal} ${finished ? 'came after the write had finished' : 'stopped the write'}`);
    if (!finished) {
      expect(died).toBe(signal);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
    }
    expect(temporaries(folder)).toEqual([]);
  });
});

describe('writers that race', () => {
  const run = (args: string[]): Promise<{ status: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, '--lang', 'en', ...args], { env: environment(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('close', (status) => resolve({ status, stderr }));
    });

  it('20 template --out NEW at once, without --force: exactly one writes, the others say it already exists', async () => {
    const folder = fresh('race');
    const target = join(folder, 'new.yaml');
    const results = await Promise.all(Array.from({ length: 20 }, () => run(['template', '--out', target])));
    const wrote = results.filter((r) => r.status === 0);
    expect(wrote).toHaveLength(1);
    expect(wrote[0]!.stderr).toBe(`Wrote ${target}\n`);
    for (const r of results.filter((r) => r.status !== 0)) {
      expect([1, 2]).toContain(r.status);
      expect(r.stderr).toBe(`orgfit: The file "${target}" already exists; use --force to overwrite it\n`);
    }
    expect(readFileSync(target, 'utf8')).toMatch(/^# yaml-language-server/);
    expect(temporaries(folder)).toEqual([]);
  });

  it('20 template --out F --force at once: one whole template, its mode kept, no temporary file', async () => {
    const folder = fresh('race-force');
    const target = join(folder, 'F.yaml');
    writeFileSync(target, OLD, { mode: 0o600 });
    const results = await Promise.all(Array.from({ length: 20 }, () => run(['template', '--out', target, '--force'])));
    expect(results.every((r) => r.status === 0)).toBe(true);
    const raced = readFileSync(target, 'utf8');
    expect(orgfitBin(['--lang', 'en', 'template', '--out', target, '--force']).status).toBe(0);
    expect(raced).toBe(readFileSync(target, 'utf8'));
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(temporaries(folder)).toEqual([]);
  });
});
