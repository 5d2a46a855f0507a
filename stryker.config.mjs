// @ts-check
/**
 * Mutation testing of src/core: `npm run mutation` (not part of `npm test`). Reports and
 * the incremental file go to reports/mutation/ (git-ignored). See the README, "Mutation
 * testing". `node scripts/mutation-groups.mjs` runs the same in groups of files, each with
 * the tests that reach them (ORGFIT_MUTATE, ORGFIT_MUTATION_TESTS, ORGFIT_MUTATION_GROUP).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const group = process.env.ORGFIT_MUTATION_GROUP;
const out = group ? `reports/mutation/groups/${group}` : 'reports/mutation/mutation';
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: process.env.ORGFIT_MUTATE?.split(',') ?? ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level table or constant, evaluated once at import) can only be
  // tested by reloading every test file: on two shared cores a third of the mutants would take
  // 95 % of the time. They are left out of the score (the README says which promises the
  // named mutations and the tests of those constants cover instead).
  ignoreStatic: true,
  // Two cores shared with other work: one or two test processes.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // Reruns only test the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `${out}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}.html` },
  jsonReporter: { fileName: `${out}.json` },
  thresholds: { high: 90, low: 80, break: 80 },
  timeoutMS: 10_000,
  // The first run (coverage per test) of the instrumented code is slow on a busy machine.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
