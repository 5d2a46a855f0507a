#!/usr/bin/env node
// The only place that touches the process: run() returns the exit code.
import { run } from '../dist/cli.js';
import { nodeIo } from '../dist/node-io.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
