/** Everything a command may touch of the outside world; tests pass fakes. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}
