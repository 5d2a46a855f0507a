// Writes V8's code cache of one group of commands for the CLI bundle:
//   node scripts/code-cache.cjs validate|score|other
// (run by scripts/build.mjs after each build, once per group). The CLI is loaded through
// bin/orgfit.js's own loader, so the cache is made for exactly the script the binary
// compiles, then run in-process on the group's common command lines (output discarded,
// nothing written): V8 caches the bytecode of every function compiled so far, so those
// commands start without compiling what they use.
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Readable } = require('node:stream');
const { compileCli, cachePath, cacheGroup, CACHE_GROUPS } = require('../bin/orgfit.js');

const root = join(__dirname, '..');
const example = 'seeds/examples/bygdvik.yaml';
const few = ['--samples', '300'];
const runs = [
  ['--help'],
  ['validate'],
  ['validate', 'models/matrix.yaml', '--format', 'json'],
  ['validate', 'models/matrix.yaml'],
  ['validate', '--answers', example],
  ['score', example, ...few],
  ['score', example, '--format', 'json', ...few],
  ['score', example, '--format', 'csv', '--samples', '0'],
  ['explain', 'specialised', example],
  ['report', example, ...few],
  ['models'],
  ['questions'],
  ['sources'],
  ['template'],
  ['schema'],
];
const group = process.argv[2] ?? '';
if (group !== 'other' && !Object.values(CACHE_GROUPS).includes(group)) {
  process.stderr.write(`code-cache: which group? one of ${[...new Set(Object.values(CACHE_GROUPS)), 'other'].join(', ')}\n`);
  process.exit(2);
}

async function main() {
  const { cli, script, build } = compileCli(group);
  if (!build) throw new Error('the bundle names no build (its last line)');
  for (const args of runs.filter((line) => cacheGroup(line) === group)) {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text) => ((stderr += text), true) },
      stdin: Readable.from([]),
      env: { NO_COLOR: '1' },
      cwd: root,
    };
    const code = await cli.run(args, io);
    if (code !== 0) throw new Error(`orgfit ${args.join(' ')} exited ${code}:\n${stderr}`);
  }
  const target = cachePath(build, group);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, target);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
