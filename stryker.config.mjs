// @ts-check
/**
 * Mutation testing of src/core: `npm run mutation` (not part of `npm test`). Reports
 * and the incremental file go to reports/mutation/ (git-ignored). See the README,
 * "Mutation testing".
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one or two test processes.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // Reruns only test the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  timeoutMS: 10_000,
  // The first run (coverage per test) of the instrumented code is slow on a busy machine.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
