#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';

// `orgfit --version` alone, the commonest call from scripts, answers without loading the
// CLI (commander and the command table cost more than Node's own start): the same line
// as the full path, which any failure to write falls back to, for its message.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  try {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    writeSync(1, `${version}\n`);
    process.exit(0);
  } catch {
    // fall through
  }
}

// The only place that touches the process: run() returns the exit code.
const { run } = await import('../dist/cli.js');
const { guardProcess, nodeIo } = await import('../dist/node-io.js');

// A failing standard output ends with one line and exit 2 (EPIPE quietly); a signal
// removes the temporary files of a write in progress. Node already ignores SIGXFSZ,
// so a write past `ulimit -f` fails with EFBIG instead of killing the process.
guardProcess(args);
process.exitCode = await run(args, nodeIo());
