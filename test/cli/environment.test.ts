import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { spawnSync } from 'node:child_process';
import { BIN, environment, TIMEOUT_MS } from '../helpers/bin.js';
import { ROOT } from '../helpers/kb.js';

// The environment a CI runner or a terminal gives: ORGFIT_LANG chooses the language of
// every command (CI runners have LANG=C.UTF-8, which would give bokmål), --lang still wins;
// FORCE_COLOR=0 and NO_COLOR turn colour off even on a terminal.

const ESC = '\u001b';
const FAST = ['--samples', '20'];
/** One run of each command that says something in words. */
const COMMANDS: string[][] = [
  ['score', 'seeds/examples/bygdvik.yaml', ...FAST],
  ['explain', 'specialised', 'seeds/examples/bygdvik.yaml'],
  ['validate'],
  ['validate', '--answers', 'test/fixtures/answers/invalid/several-problems.yaml'],
  ['validate', '--list-rules'],
  ['models'],
  ['questions'],
  ['template'],
  ['sources'],
  ['score', '--help'],
  ['no-such-command'],
];

describe('ORGFIT_LANG', () => {
  it.each(COMMANDS.map((argv) => [argv.join(' '), argv] as const))('orgfit %s: ORGFIT_LANG=en beats LANG=C.UTF-8 and nb_NO; --lang nb beats it', async (_name, argv) => {
    const english = await cli([...argv, '--lang', 'en']);
    const bokmal = await cli([...argv, '--lang', 'nb']);
    expect(english.stdout + english.stderr).not.toBe(bokmal.stdout + bokmal.stderr);
    for (const LANG of ['C.UTF-8', 'nb_NO.UTF-8']) {
      const ran = await cli(argv, { env: { LANG, LC_ALL: LANG, ORGFIT_LANG: 'en' } });
      expect({ code: ran.code, stdout: ran.stdout, stderr: ran.stderr }).toEqual({ code: english.code, stdout: english.stdout, stderr: english.stderr });
    }
    const overridden = await cli([...argv, '--lang', 'nb'], { env: { ORGFIT_LANG: 'en' } });
    expect(overridden.stdout + overridden.stderr).toBe(bokmal.stdout + bokmal.stderr);
  }, 60_000);

  it('an unknown ORGFIT_LANG falls back to the locale, as if unset', async () => {
    const fromLocale = await cli(['validate'], { env: { LANG: 'en_GB.UTF-8' } });
    expect((await cli(['validate'], { env: { LANG: 'en_GB.UTF-8', ORGFIT_LANG: 'sv' } })).stdout).toBe(fromLocale.stdout);
    expect((await cli(['validate'], { env: { ORGFIT_LANG: ' EN ' } })).stdout).toBe(fromLocale.stdout);
  });

  it('the process itself speaks it too: what bin/orgfit.js says of a failing standard output (> /dev/full)', () => {
    const ran = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" validate --list-rules > /dev/full`], { cwd: ROOT, env: environment({ ORGFIT_LANG: 'en', LANG: 'C.UTF-8' }), encoding: 'utf8', timeout: TIMEOUT_MS });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe('orgfit: cannot write standard output: the disk is full (ENOSPC)\n');
  });
});

describe('colour from the environment, on a terminal', () => {
  const argv = ['score', 'seeds/examples/bygdvik.yaml', ...FAST];
  it('is on by default, off with FORCE_COLOR=0 or false, NO_COLOR or --no-color, and on again with FORCE_COLOR=1 on a pipe', async () => {
    expect((await cli(argv, { isTTY: true })).stdout).toContain(ESC);
    for (const env of [{ FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { NO_COLOR: '1' }, { NO_COLOR: '1', FORCE_COLOR: '1' }]) {
      expect((await cli(argv, { isTTY: true, env })).stdout, JSON.stringify(env)).not.toContain(ESC);
    }
    expect((await cli([...argv, '--no-color'], { isTTY: true })).stdout).not.toContain(ESC);
    expect((await cli(argv, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await cli(argv)).stdout).not.toContain(ESC);
  });

  it('FORCE_COLOR=0 turns off the colour of validate\'s text report as well', async () => {
    const broken = ['validate', 'test/fixtures/models/invalid/several-problems.yaml'];
    expect((await cli(broken, { isTTY: true })).stdout).toContain(ESC);
    expect((await cli(broken, { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout).not.toContain(ESC);
  });
});
