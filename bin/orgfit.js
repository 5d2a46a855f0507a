#!/usr/bin/env node
// The only place that touches the process: run() returns the exit code.
import { run } from '../dist/cli.js';
import { nodeIo } from '../dist/node-io.js';

// A reader that stops early (`orgfit score … | head`) closes the pipe: end quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), nodeIo());
