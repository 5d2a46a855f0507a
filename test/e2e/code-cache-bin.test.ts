/**
 * bin/orgfit.js runs the CLI's CommonJS bundle from the V8 code cache the build wrote for
 * it (scripts/build.mjs, scripts/code-cache.cjs): start-up without compiling what a command
 * uses. A cache may only ever save time: one made for another bundle must never be used,
 * and one V8 cannot use (cut short, garbage, made with other flags) or none at all must
 * give the same output byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgfitBin, waitForBuild } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

beforeAll(waitForBuild);

const BUILD_LINE = '\n//# orgfit-build=';

const GROUPS = ['other', 'score', 'validate'];

/** Whether V8 rejected the cache of a group when the binary at `bin` compiles its bundle, asked in a fresh process. */
function rejected(bin: string, group: string, node: string[] = []): boolean {
  const run = spawnSync(process.execPath, [...node, '-e', `process.stdout.write(String(require(${JSON.stringify(bin)}).compileCli(${JSON.stringify(group)}).cacheRejected))`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as boolean;
}

describe('the code cache of the built binary', () => {
  it('is named after the content of exactly the bundle it was made for, and V8 accepts it', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'orgfit.cjs'), 'utf8');
    const at = bundle.lastIndexOf(BUILD_LINE);
    expect(at).toBeGreaterThan(0);
    const build = bundle.slice(at + BUILD_LINE.length).trim();
    expect(build).toBe(createHash('sha256').update(bundle.slice(0, at)).digest('hex').slice(0, 16));
    expect(readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.cache')).sort()).toEqual(GROUPS.map((group) => `orgfit.${build}.${group}.cache`));
    for (const group of GROUPS) expect(rejected(join(ROOT, 'bin', 'orgfit.js'), group), group).toBe(false);
  });

  it('is chosen by the command: validate, score (with explain and report), the rest', async () => {
    const { cacheGroup } = (await import(join(ROOT, 'bin', 'orgfit.js'))) as { cacheGroup: (args: string[]) => string };
    expect(cacheGroup(['validate', 'models/matrix.yaml'])).toBe('validate');
    expect(cacheGroup(['--no-color', 'score', 'a.yaml'])).toBe('score');
    expect(cacheGroup(['explain', 'matrix', 'a.yaml'])).toBe('score');
    expect(cacheGroup(['report', 'a.yaml', '--format', 'html'])).toBe('score');
    expect(cacheGroup(['models'])).toBe('other');
    expect(cacheGroup([])).toBe('other');
    expect(cacheGroup(['toString'])).toBe('other');
  });

  describe('a cache V8 cannot use changes nothing but the time', () => {
    let copy: string;
    let bin: string;
    let caches: string[];
    const runs = [
      ['score', 'seeds/examples/bygdvik.yaml', '--format', 'json', '--samples', '400'],
      ['validate', 'models/matrix.yaml'],
      ['validate', 'no-such-file.yaml'],
      ['explain', 'specialised', 'seeds/examples/fjordby.yaml', '--lang', 'en'],
    ];
    const outputs = () => runs.map((args) => orgfitBin(args, { bin, cwd: copy })).map(({ status, stdout, stderr }) => ({ status, stdout, stderr }));
    let expected: ReturnType<typeof outputs>;

    beforeAll(() => {
      // A copy of the package, so that its cache can be spoilt without touching this checkout's.
      copy = mkdtempSync(join(tmpdir(), 'orgfit-cache-'));
      for (const part of ['bin', 'dist', 'models', 'seeds', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      bin = join(copy, 'bin', 'orgfit.js');
      caches = readdirSync(join(copy, 'dist')).filter((f) => f.endsWith('.cache')).map((f) => join(copy, 'dist', f));
      expect(caches).toHaveLength(GROUPS.length);
      for (const group of GROUPS) expect(rejected(bin, group)).toBe(false);
      expected = outputs();
      expect(expected.map((r) => r.status)).toEqual([0, 0, 2, 0]);
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('cut short', () => {
      for (const cache of caches) writeFileSync(cache, readFileSync(cache).subarray(0, 4096));
      for (const group of GROUPS) expect(rejected(bin, group)).toBe(true);
      expect(outputs()).toEqual(expected);
    });

    it('garbage', () => {
      for (const cache of caches) writeFileSync(cache, Buffer.alloc(200_000, 0x5a));
      for (const group of GROUPS) expect(rejected(bin, group)).toBe(true);
      expect(outputs()).toEqual(expected);
    });

    it('missing', () => {
      for (const cache of caches) rmSync(cache);
      for (const group of GROUPS) expect(rejected(bin, group)).toBe(true);
      expect(outputs()).toEqual(expected);
    });
  });

  it('made with other V8 flags, it is not used, and the binary works as ever', () => {
    const flags = ['--stack-size=2000'];
    expect(rejected(join(ROOT, 'bin', 'orgfit.js'), 'validate', flags)).toBe(true);
    const plain = orgfitBin(['validate']);
    const flagged = orgfitBin(['validate'], { node: flags });
    expect(flagged).toMatchObject({ status: plain.status, stdout: plain.stdout, stderr: plain.stderr });
  });
});
