import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __ORGFIT_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // A hang guard, not a timing target: the heaviest property tests take ~10 s alone and
    // several times that on a loaded two-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Two cores: keep the pool small so spawned CLIs and fast-check runs do not starve.
    maxWorkers: 2,
    // On CI also a machine-readable report, from which .ci/run prints its closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    ...(process.env.CI ? { outputFile: { json: 'test-results.json' } } : {}),
  },
});
