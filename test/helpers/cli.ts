import { Readable } from 'node:stream';
import { run, type Io } from '../../src/cli.js';
import { ROOT } from './kb.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The whole environment orgfit sees (nothing is inherited from the test process). */
  env?: Record<string, string | undefined>;
  /** The working folder; the repository root unless given. */
  cwd?: string;
  /** Standard input: one text or buffer, or the chunks in which it arrives. */
  stdin?: string | Buffer | (string | Buffer)[];
  /** Width of the terminal behind stdout; unset, as when output goes to a pipe. */
  columns?: number;
  /** Whether stdout and stderr are terminals; unset, neither says so. */
  isTTY?: boolean;
}

/** Runs orgfit in-process, as `bin/orgfit.js` would, with a fake terminal that records what it is told. */
export async function cli(argv: string[], { env = {}, cwd = ROOT, stdin = [], columns, isTTY }: CliOptions = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const tty = isTTY !== undefined ? { isTTY } : {};
  const io: Io = {
    stdout: {
      write: (s: string) => ((stdout += s), true),
      ...(columns !== undefined ? { columns } : {}),
      ...tty,
    },
    stderr: { write: (s: string) => ((stderr += s), true), ...tty },
    stdin: Readable.from(Array.isArray(stdin) ? stdin : [stdin]),
    env: { ...env },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
