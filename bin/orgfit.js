#!/usr/bin/env node
'use strict';
// A CommonJS file (bin/package.json): Node starts one faster than an ES module, and it can
// run the CLI's bundle from V8's code cache, which Node 20 offers for scripts, not modules.
const { readFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');

/**
 * node:module's Module class itself: asking for node:module by name also loads the ES module
 * loader and the source map support it exports (about a millisecond), which the CLI never uses.
 */
const Module = module.constructor;
const DIST = join(__dirname, '..', 'dist');
/** The CLI as one CommonJS bundle (scripts/build.mjs); its last line names the build. */
const BUNDLE = join(DIST, 'orgfit.cjs');
const BUILD_LINE = '\n//# orgfit-build=';

/**
 * The commands whose code caches are made apart: V8 reads a whole cache before it runs a
 * line (about 7 ms for every command's code, 2–4 ms for one group's), so each group gets
 * the bytecode it uses and no more. Anything else (help, models, sources…) is 'other'.
 */
const CACHE_GROUPS = { validate: 'validate', score: 'score', explain: 'score', report: 'score' };

/** The cache group of a command line: by its first word that is not an option (a guess is only ever slower). */
function cacheGroup(args) {
  const word = args.find((arg) => !arg.startsWith('-'));
  return Object.hasOwn(CACHE_GROUPS, word ?? '') ? CACHE_GROUPS[word] : 'other';
}

/** Where the build keeps V8's code cache of one group for the bundle with this build id. */
function cachePath(build, group) {
  return join(DIST, `orgfit.${build}.${group}.cache`);
}

/**
 * The bundle compiled as Node compiles a CommonJS module, from the code cache the build
 * wrote for exactly this bundle when there is one. The cache is named after the bundle's
 * content hash (its last line), so a rebuilt bundle never meets an old cache; V8 itself
 * rejects one made by another Node version or with other V8 flags, and then compiles the
 * source as usual: a cache only ever saves time.
 */
function compileCli(group = 'other') {
  const vm = require('node:vm');
  const source = readFileSync(BUNDLE, 'utf8');
  const at = source.lastIndexOf(BUILD_LINE);
  const build = at < 0 ? '' : source.slice(at + BUILD_LINE.length).trim();
  let cachedData;
  if (/^[0-9a-f]{16,64}$/.test(build)) {
    try {
      cachedData = readFileSync(cachePath(build, group));
    } catch {
      // no cache for this build: compile from the source
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(BUNDLE), module, BUNDLE, DIST);
  return { cli: module.exports, script, build, cacheRejected: cachedData === undefined || script.cachedDataRejected === true };
}

async function main(args) {
  // `orgfit --version` alone, the commonest call from scripts, answers without loading the
  // CLI: the same line as the full path, which any failure to write falls back to, for its message.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    try {
      const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
      writeSync(1, `${version}\n`);
      process.exit(0);
    } catch {
      // fall through
    }
  }
  let cli;
  try {
    ({ cli } = compileCli(cacheGroup(args)));
  } catch (error) {
    if (error && error.code === 'ENOENT') {
      process.stderr.write(`orgfit is not built (${BUNDLE} is missing): run "npm run build".\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  // The only place that touches the process: run() returns the exit code. A failing standard
  // output ends with one line and exit 2 (EPIPE quietly); a signal removes the temporary
  // files of a write in progress. Node already ignores SIGXFSZ, so a write past `ulimit -f`
  // fails with EFBIG instead of killing the process.
  cli.guardProcess(args);
  process.exitCode = await cli.run(args, cli.nodeIo());
}

if (require.main === module) main(process.argv.slice(2));
// The build runs the CLI through the same loader to write the code cache (scripts/code-cache.cjs).
else module.exports = { compileCli, cachePath, cacheGroup, CACHE_GROUPS };
