// Builds orgfit: bundles the CLI into dist/ twice — as one CommonJS file that bin/orgfit.js
// runs from V8's code cache (dist/orgfit.cjs), and as ES modules, one file per lazily loaded
// command, for the worker threads and the test of what each command loads — then validates
// the knowledge base and compiles it into dist/kb.json, and last writes the code cache.
// `node scripts/build.mjs --schema` also rewrites the published schema/*.schema.json.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// commander is CommonJS and calls require(); an ES module bundle needs one.
const banner = "import { createRequire as __orgfitRequire } from 'node:module'; const require = __orgfitRequire(import.meta.url);";
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// commander requires node:child_process at load for executable subcommands, which orgfit has
// none of; loading it (with net, dgram and streams) costs about a fifth of Node's own start.
// Its import in commander is served by a shim that loads the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'orgfit-shim' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'orgfit-shim' }, () => ({
      contents: "let real; const load = () => (real ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });",
      loader: 'js',
    }));
  },
};
const common = { plugins: [lazyChildProcess], define: { __ORGFIT_VERSION__: JSON.stringify(version) }, bundle: true, platform: 'node', target: 'node20', format: 'esm', banner: { js: banner }, logLevel: 'warning', legalComments: 'none' };

// Build beside dist/ and swap at the end, so a CLI running meanwhile never sees half a build.
const next = `${root}dist-next`;
rmSync(next, { recursive: true, force: true });
const bundle = await build({
  ...common,
  metafile: true,
  // score-worker is the script of the worker threads that score many files at once (src/cli/parallel.ts).
  entryPoints: { cli: `${root}src/cli.ts`, 'node-io': `${root}src/cli/node-io.ts`, 'score-worker': `${root}src/cli/score-worker.ts` },
  // resvg is a native addon (a prebuilt .node file per platform): loaded from node_modules, never bundled.
  external: ['@resvg/resvg-js'],
  outdir: next,
  splitting: true,
  minify: !process.env.ORGFIT_NO_MINIFY,
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
});
// The module graph, for the test that keeps each command's start-up lean.
writeFileSync(`${next}/meta.json`, JSON.stringify(bundle.metafile));
// The same CLI as one CommonJS bundle, which a V8 code cache can serve (Node 20 has none for
// ES modules): dynamic imports become lazily initialised parts of the one file, so each
// command still runs only the code it uses. import.meta.url becomes the bundle's own URL;
// the YAML library, docx and resvg stay outside it, loaded with require() when needed.
await build({
  ...common,
  stdin: { contents: "export { run } from './src/cli.ts'; export { guardProcess, nodeIo } from './src/cli/node-io.ts';", resolveDir: root, sourcefile: 'orgfit-cli.ts', loader: 'ts' },
  format: 'cjs',
  banner: { js: "var __orgfitUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__orgfitUrl' },
  external: ['@resvg/resvg-js', 'docx', 'yaml'],
  outfile: `${next}/orgfit.cjs`,
  minify: !process.env.ORGFIT_NO_MINIFY,
  sourcemap: 'linked',
});
// Its last line names the build by its content, so bin/orgfit.js only ever loads the code cache made for it.
const buildId = createHash('sha256').update(readFileSync(`${next}/orgfit.cjs`)).digest('hex').slice(0, 16);
appendFileSync(`${next}/orgfit.cjs`, `\n//# orgfit-build=${buildId}\n`);
// The YAML library as one CommonJS file, loaded only when a file needs the full parser (src/load/yaml-lib.ts).
await build({ entryPoints: [fileURLToPath(import.meta.resolve('yaml'))], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning', outfile: `${next}/yaml.cjs` });
await build({ ...common, entryPoints: { compile: `${root}src/build/compile.ts` }, outdir: `${next}/build` });

const compile = await import(pathToFileURL(`${next}/build/compile.js`).href);
if (process.argv.includes('--schema')) await compile.writeSchemas(root);
const code = await compile.compileKb(root, next, (text) => process.stderr.write(text));
rmSync(`${next}/build`, { recursive: true, force: true });
if (code === 0) {
  const old = `${root}dist-old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(`${root}dist`)) renameSync(`${root}dist`, old);
  renameSync(next, `${root}dist`);
  rmSync(old, { recursive: true, force: true });
  // The code cache is made by running the built CLI, so it comes after the swap: the CLI reads
  // dist/. A failure here costs start-up time only, never correctness, so it is a warning.
  for (const group of ['validate', 'score', 'other']) {
    const cache = spawnSync(process.execPath, [`${root}scripts/code-cache.cjs`, group], { cwd: root, encoding: 'utf8' });
    if (cache.status !== 0) process.stderr.write(`build: no code cache for ${group} was written (its start-up will be slower):\n${cache.stderr}${cache.error ?? ''}\n`);
  }
} else {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('build: the knowledge base is invalid (see above); dist/kb.json was not written.\n');
  process.exitCode = code;
}
