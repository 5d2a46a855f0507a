// Builds orgfit: bundles the CLI into dist/ (one file per lazily loaded command),
// then validates the knowledge base and compiles it into dist/kb.json.
// `node scripts/build.mjs --schema` also rewrites the published schema/*.schema.json.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// commander is CommonJS and calls require(); an ES module bundle needs one.
const banner = "import { createRequire as __orgfitRequire } from 'node:module'; const require = __orgfitRequire(import.meta.url);";
const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', banner: { js: banner }, logLevel: 'warning', legalComments: 'none' };

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: `${root}src/cli.ts`, 'node-io': `${root}src/cli/node-io.ts` },
  outdir: `${root}dist`,
  splitting: true,
  minify: true,
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
});
await build({ ...common, entryPoints: { compile: `${root}src/build/compile.ts` }, outdir: `${root}dist/build` });

const compile = await import(pathToFileURL(`${root}dist/build/compile.js`).href);
if (process.argv.includes('--schema')) compile.writeSchemas(root);
const code = compile.compileKb(root, (text) => process.stderr.write(text));
rmSync(`${root}dist/build`, { recursive: true, force: true });
if (code !== 0) {
  process.stderr.write('build: the knowledge base is invalid (see above); dist/kb.json was not written.\n');
  process.exitCode = code;
}
