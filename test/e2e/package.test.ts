import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment, waitForBuild } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

// orgfit as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
// fresh prefix, then the installed command run from a folder that is not the checkout.
// The install prefers npm's cache (filled by `npm ci`), so it works offline in CI, and
// fetches from the registry when the cache is cold. Where neither is possible (no cache,
// no network) the test is skipped with a note outside CI, and fails under CI.

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string>; files: string[] };
const NETWORK = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network/i;

let work: string;
let prefix: string;
let elsewhere: string;
let tarball: string;
let skipped: string | undefined;

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm test's own npm_config_* (prefix, global, …) would steer the inner npm; a plain user's environment has none.
  const env = Object.fromEntries(Object.entries(environment()).filter(([name]) => !/^npm_/i.test(name)));
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
}

/** The installed command, run as a user runs it (no NO_COLOR needed: output is a pipe). */
function orgfit(args: string[], cwd = elsewhere): SpawnSyncReturns<string> {
  return spawnSync(join(prefix, 'bin', 'orgfit'), ['--lang', 'en', ...args], { cwd, env: environment(), encoding: 'utf8', timeout: 30_000 });
}

beforeAll(async () => {
  await waitForBuild();
  work = mkdtempSync(join(tmpdir(), 'orgfit-package-'));
  prefix = join(work, 'prefix');
  elsewhere = join(work, 'somewhere else');
  mkdirSync(elsewhere);
  const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
  const installed = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], work);
  if (installed.status !== 0) {
    if (NETWORK.test(installed.stderr) && !process.env.CI) {
      skipped = `npm could neither find the dependencies in its cache nor reach the registry:\n${installed.stderr.slice(0, 400)}`;
      return;
    }
    throw new Error(`npm install -g of the tarball failed:\n${installed.stderr}`);
  }
  // What npm said while installing: no install-script warnings ("prepare" and the like).
  if (/install-scripts|allowScripts/i.test(installed.stderr)) throw new Error(`npm warned about install scripts:\n${installed.stderr}`);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Skips a test, saying why, when the install could not happen (outside CI only). */
function needsInstall(context: { skip: (note?: string) => void }): void {
  if (skipped) context.skip(skipped);
}

describe('the packed tarball, installed globally into a fresh prefix', () => {
  it('holds a LICENSE and no script that runs on install', () => {
    const listed = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    const files = (JSON.parse(listed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/orgfit.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/score-worker.js');
    expect(files).toContain('schema/answers.schema.json');
    expect(files.filter((f) => f.startsWith('seeds/examples/')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 orgfit contributors\n/);
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[script], script).toBeUndefined();
  });

  it('validates the built-in models and a model file of the user\'s, from another folder', (context) => {
    needsInstall(context);
    const builtIn = orgfit(['validate']);
    expect(builtIn.status, builtIn.stderr).toBe(0);
    expect(builtIn.stdout).toMatch(/✔ \d+ files valid/);
    const own = join(elsewhere, 'mine');
    mkdirSync(own);
    const model = readFileSync(join(ROOT, 'models', 'matrix.yaml'), 'utf8').replace(/^id: .*$/m, 'id: my-matrix');
    const path = join(own, 'my-matrix.yaml');
    writeFileSync(path, model);
    const mine = orgfit(['validate', 'mine/']);
    expect(mine.status, mine.stdout + mine.stderr).toBe(0);
  });

  it('scores an example shipped in the package, and a copy of it, from another folder', (context) => {
    needsInstall(context);
    const examples = join(prefix, 'lib', 'node_modules', pkg.name, 'seeds', 'examples');
    const example = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort()[0]!;
    copyFileSync(join(examples, example), join(elsewhere, example));
    const scored = orgfit(['score', example, '--format', 'json', '--samples', '50']);
    expect(scored.status, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout).format).toBe('orgfit/result@1');
    const table = orgfit(['score', join(examples, example), '--samples', '50']);
    expect(table.status, table.stderr).toBe(0);
  });

  it('scores the shipped examples over two worker threads, byte for byte as one thread does', (context) => {
    needsInstall(context);
    const examples = join(prefix, 'lib', 'node_modules', pkg.name, 'seeds', 'examples');
    const run = (workers: string) => spawnSync(join(prefix, 'bin', 'orgfit'), ['--lang', 'en', 'score', examples, '--format', 'csv', '--samples', '50'], { cwd: elsewhere, env: environment({ ORGFIT_WORKERS: workers }), encoding: 'utf8', timeout: 60_000 });
    const one = run('1');
    const two = run('2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.split('\r\n').length).toBeGreaterThan(6);
  });

  it('every help example that reads the shipped examples runs from another folder', (context) => {
    needsInstall(context);
    for (const command of ['score', 'explain', 'report']) {
      const help = orgfit([command, '--help']);
      const lines = [...help.stdout.matchAll(/^ {2}\$ (orgfit (?:score|explain|report) .*?seeds\/examples.*?) +#/gm)].map((m) => m[1]!.trim());
      expect(lines.length, help.stdout).toBeGreaterThan(0);
      // A PDF needs a browser (the report's own end-to-end tests try that); the HTML beside it is the same report.
      for (const line of lines.filter((l) => !l.includes('--format pdf'))) {
        const samples = command === 'explain' ? '' : ' --samples 20';
        const ran = spawnSync('sh', ['-c', `${line}${samples} > /dev/null`], { cwd: elsewhere, env: { ...environment(), PATH: `${join(prefix, 'bin')}:${process.env.PATH}` }, encoding: 'utf8', timeout: 60_000 });
        expect(ran.status, `${line}\n${ran.stderr}`).toBe(0);
      }
    }
    expect(readFileSync(join(elsewhere, 'bygdvik.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('writes a template whose $schema points at a schema file that exists', (context) => {
    needsInstall(context);
    const wrote = orgfit(['template', '--out', 'svar.yaml']);
    expect(wrote.status, wrote.stderr).toBe(0);
    const first = readFileSync(join(elsewhere, 'svar.yaml'), 'utf8').split('\n')[0]!;
    const reference = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(reference, first).toMatch(/^file:\/\//);
    const schema = fileURLToPath(reference!);
    expect(existsSync(schema), schema).toBe(true);
    expect(JSON.parse(readFileSync(schema, 'utf8'))).toHaveProperty('$schema');
  });

  it('runs as the README says for an unpublished package: npx --package=./orgfit-x.y.z.tgz orgfit validate', (context) => {
    needsInstall(context);
    copyFileSync(tarball, join(elsewhere, `${pkg.name}-${pkg.version}.tgz`));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`npx --yes --package=./${pkg.name}-${pkg.version}.tgz orgfit validate`);
    const ran = npm(['exec', '--yes', '--prefer-offline', `--package=./${pkg.name}-${pkg.version}.tgz`, '--', 'orgfit', '--lang', 'en', 'validate'], elsewhere);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/✔ \d+ files valid/);
  });
});
