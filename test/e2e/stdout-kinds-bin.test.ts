/**
 * Standard output of the built CLI on every kind of target it meets: a pipe (CI), a file
 * (`> out.json`), a pipe its reader made non-blocking and reads slowly, /dev/null. orgfit
 * writes pipes and files with writeSync and hands over to Node's stream on EAGAIN
 * (src/cli/node-io.ts); the bytes must be the same everywhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, environment, TIMEOUT_MS } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

const dir = mkdtempSync(join(tmpdir(), 'orgfit-stdout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A few hundred kB of JSON: several times a pipe's 64 kB buffer.
const ARGS = ['score', join(ROOT, 'seeds', 'examples'), '--format', 'json', '--samples', '20'];
const run = (shell: string) => spawnSync('sh', ['-c', shell], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
const command = `"${process.execPath}" "${BIN}" ${ARGS.map((arg) => `"${arg}"`).join(' ')}`;
const hasPython = spawnSync('python3', ['-c', 'import os; os.set_blocking'], { encoding: 'utf8' }).status === 0;

describe('standard output, by what it is', () => {
  const piped = run(command);

  it('a pipe gets the whole result', () => {
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(4 * 65536);
    expect(() => JSON.parse(piped.stdout)).not.toThrow();
  });

  it('a file gets the same bytes', () => {
    const file = join(dir, 'out.json');
    expect(run(`${command} > "${file}"`).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });

  it('/dev/null takes it quietly', () => {
    const ran = run(`${command} > /dev/null`);
    expect({ status: ran.status, stderr: ran.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('a pipe, a file and /dev/null are written without setting up Node\'s streams (validate, as CI runs it)', () => {
    const preload = join(dir, 'modules.cjs');
    const list = join(dir, 'modules.txt');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const validate = `"${process.execPath}" -r "${preload}" "${BIN}" validate`;
    for (const target of ['| cat > /dev/null', `> "${join(dir, 'validate.txt')}"`, '> /dev/null']) {
      const ran = run(`${validate} ${target}`);
      expect(ran.status).toBe(0);
      expect(readFileSync(list, 'utf8').split('\n').filter((m) => /internal\/streams\/writable|internal\/fs\/sync_write_stream|NativeModule net$/.test(m)), target).toEqual([]);
    }
  });

  it.skipIf(!hasPython)('a non-blocking pipe read slowly (EAGAIN) gets the same bytes (needs python3 to make one)', () => {
    // python3 makes the pipe, sets its write end non-blocking, starts orgfit on it and reads
    // only after a pause, so orgfit meets a full pipe with O_NONBLOCK set.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'out = b""',
      'while True:',
      '    chunk = os.read(r, 4096)',
      '    if not chunk: break',
      '    out += chunk',
      '    time.sleep(0.0005)',
      'sys.stdout.buffer.write(out)',
      'sys.exit(p.wait())',
    ].join('\n');
    const ran = spawnSync('python3', ['-c', script, process.execPath, BIN, ...ARGS], { cwd: ROOT, env: environment(), encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(piped.stdout);
  });
});
