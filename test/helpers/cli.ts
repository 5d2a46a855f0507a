import { Readable } from 'node:stream';
import { run, type Io } from '../../src/cli.js';
import { ROOT } from './kb.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: (string | Buffer)[];
  columns?: number;
  isTTY?: boolean;
}

/** Runs orgfit in-process, as `bin/orgfit.js` would, with a fake terminal that records what it is told. */
export async function cli(argv: string[], { env = {}, cwd = ROOT, stdin = [], columns, isTTY }: CliOptions = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: {
      write: (s: string) => ((stdout += s), true),
      ...(columns !== undefined ? { columns } : {}),
      ...(isTTY !== undefined ? { isTTY } : {}),
    },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin: Readable.from(stdin),
    env: { ...env },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
