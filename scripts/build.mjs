// Builds orgfit: bundles the CLI into dist/ (one file per lazily loaded command),
// then validates the knowledge base and compiles it into dist/kb.json.
// `node scripts/build.mjs --schema` also rewrites the published schema/*.schema.json.
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
} else {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('build: the knowledge base is invalid (see above); dist/kb.json was not written.\n');
  process.exitCode = code;
}
