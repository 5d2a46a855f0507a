// `npm run calibration`: bundles scripts/calibration/main.ts (and the src/ it imports)
// with the project's own esbuild into a temporary directory, runs it with the given
// arguments, and removes the bundle again. See scripts/calibration/main.ts for options.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the checkout, so that what the bundle loads at run time (the YAML library, which
// src/load/yaml-lib.ts requires lazily) resolves from its node_modules.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'orgfit-calibration-'));
let status = 1;
try {
  const outfile = join(dir, 'calibration.mjs');
  await build({
    entryPoints: [join(root, 'scripts/calibration/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some dependencies are CommonJS and call require(); an ES module bundle needs one.
    banner: { js: "import { createRequire as __orgfitRequire } from 'node:module'; const require = __orgfitRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ORGFIT_ROOT: root } });
  if (run.error) throw run.error;
  status = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = status;
