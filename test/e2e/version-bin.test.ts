/**
 * `orgfit --version` answers from bin/orgfit.js without loading the CLI (start-up, see
 * scripts/bench.mjs): it must say exactly what the full path says, and fail as it does.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { orgfitBin, waitForBuild } from '../helpers/bin.js';
import { cli } from '../helpers/cli.js';

beforeAll(waitForBuild);

describe('orgfit --version (built binary)', () => {
  it.each([['--version'], ['-V']])('%s prints what the full CLI prints, exit 0', async (flag) => {
    const full = await cli([flag]);
    const bin = orgfitBin([flag]);
    expect(bin.stdout).toBe(full.stdout);
    expect(bin.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(bin.stderr).toBe('');
    expect(bin.status).toBe(full.code);
  });

  it('with other arguments it goes the full way', async () => {
    const bin = orgfitBin(['--version', '--lang', 'en']);
    expect(bin.stdout).toBe((await cli(['--version', '--lang', 'en'])).stdout);
  });
});
