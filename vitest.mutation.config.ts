import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/*
 * The tests StrykerJS runs against each mutant of src/core (`npm run mutation`): the
 * fast, in-process unit and property tests that exercise the core (test/core, and
 * test/validate for the integrity checks). Left out: the end-to-end and
 * built-binary tests (test/e2e, test/build), the CLI and golden-file tests (test/cli,
 * test/golden: they pin whole outputs, so they would "kill" mutants without saying which
 * promise broke, and would run for every mutant), the fuzzing of test/hostile, the audits
 * of the knowledge base's data (test/kb), and the folders the core does not reach (load,
 * render, i18n, schema, architecture, scripts).
 */
export default defineConfig({
  define: { __ORGFIT_VERSION__: JSON.stringify(version) },
  test: {
    // ORGFIT_MUTATION_TESTS (comma-separated globs) narrows the tests for a run on a few files
    // (scripts/mutation-groups.mjs), so a slow suite does not run for mutants it never reaches.
    include: process.env.ORGFIT_MUTATION_TESTS?.split(',') ?? ['test/core/**/*.test.ts', 'test/validate/**/*.test.ts'],
    // The fast-check invariants over the whole knowledge base run thousands of robustness
    // samples per case: under instrumentation one case takes minutes. npm test runs them;
    // the same invariants on the tiny knowledge base (engine-maths, promises) run here.
    exclude: ['test/core/properties.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Fewer fast-check runs per property (test/helpers/runs.ts) and CI's fixed seed (test/setup.ts).
    env: { ORGFIT_MUTATION: '1', CI: 'true' },
    // Instrumented code (every mutant compiled in, coverage counted) runs several times slower.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
