import { describe, expect, it } from 'vitest';
import { invokedCommand } from '../../src/cli.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { cli } from '../helpers/cli.js';

// A command line whose first word is one of ours sets up that command alone (a start-up
// saving); everything a user sees must be what the full set-up would have shown.

const NAMES = COMMANDS.map((spec) => spec.usage.split(' ')[0]!);

describe('invokedCommand', () => {
  it.each([
    [['validate'], 'validate'],
    [['validate', 'score'], 'validate'],
    [['--lang', 'en', 'score', 'a.yaml'], 'score'],
    [['--lang=en', 'explain', 'matrix', 'a.yaml'], 'explain'],
    [['--models', 'validate', 'score'], 'score'],
    [['--no-color', 'report', 'a.yaml'], 'report'],
  ] as const)('%j runs %s', (argv, name) => {
    expect(invokedCommand(argv)?.usage.split(' ')[0]).toBe(name);
  });

  it.each([[[]], [['help', 'validate']], [['--help', 'validate']], [['-h', 'score']], [['valdate']], [['--', 'validate']], [['--lang', 'validate']], [['a.yaml']]] as const)('%j sets up every command', (argv) => {
    expect(invokedCommand(argv)).toBeUndefined();
  });
});

describe('what the user sees is unchanged', () => {
  it.each([['--help'], ['--help', 'validate'], ['-h', 'score'], ['help']])('orgfit %s lists every command', async (...argv) => {
    const ran = await cli([...argv, '--lang', 'en']);
    for (const name of NAMES) expect(ran.stdout).toContain(`  ${name} `);
  });

  it('orgfit help score is orgfit score --help', async () => {
    expect((await cli(['help', 'score', '--lang', 'en'])).stdout).toBe((await cli(['score', '--help', '--lang', 'en'])).stdout);
  });

  it('a typo of a command is still answered with the command it resembles', async () => {
    const ran = await cli(['valdate', '--lang', 'en']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('validate');
  });

  it.each(NAMES)('orgfit %s --help shows that command, and an unknown option is a usage error', async (name) => {
    const help = await cli([name, '--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: orgfit ${name}`));
    const wrong = await cli([name, '--no-such-option', '--lang', 'en']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--no-such-option');
  });
});
