#!/usr/bin/env node
// The only place that touches the process: run() returns the exit code.
import { run } from '../dist/cli.js';
import { guardProcess, nodeIo } from '../dist/node-io.js';

// A failing standard output ends with one line and exit 2 (EPIPE quietly); a signal
// removes the temporary files of a write in progress. Node already ignores SIGXFSZ,
// so a write past `ulimit -f` fails with EFBIG instead of killing the process.
guardProcess(process.argv.slice(2));
process.exitCode = await run(process.argv.slice(2), nodeIo());
