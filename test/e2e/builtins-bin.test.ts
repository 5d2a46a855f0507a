/**
 * Node's own modules cost start-up time too (scripts/bench.mjs): commander requires
 * node:child_process (with net, dgram and their streams) for executable subcommands, which
 * orgfit has none of, so the build serves commander a shim that loads it on first use
 * (scripts/build.mjs, lazy-child-process). The built binary, run as a user runs it, must
 * not load it for the everyday commands, and commander must still work.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { orgfitBin, waitForBuild } from '../helpers/bin.js';

beforeAll(waitForBuild);

/** Prints, at exit, the built-in modules the process loaded (one per line, after a marker). */
const REPORT = [
  '--import',
  `data:text/javascript,process.on('exit', () => process.stderr.write('\\n@@builtins\\n' + process.moduleLoadList.join('\\n')))`,
];
const builtins = (stderr: string) => stderr.split('\n@@builtins\n')[1]!.split('\n');

describe('Node built-ins the built CLI loads', () => {
  it.each(['validate', 'validate models/matrix.yaml', '--help', 'models'])('orgfit %s does not load node:child_process', (line) => {
    const run = orgfitBin(line.split(' '), { node: REPORT });
    expect(run.status, run.stderr).toBe(0);
    const loaded = builtins(run.stderr);
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded).not.toContain('NativeModule child_process');
  });

  it('commander still works through the shim: an unknown command is a usage error', () => {
    const run = orgfitBin(['no-such-command']);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
