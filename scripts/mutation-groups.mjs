#!/usr/bin/env node
/**
 * `npm run mutation` in groups of src/core's files, each run with only the tests that
 * reach those files: on two shared cores one run over all of src/core with every test
 * spends most of its time in tests a mutant never reaches. Each group keeps its own
 * incremental file and report under reports/mutation/groups/; at the end, or with
 * `--report`, the score of every file and of src/core as a whole is printed from them.
 *
 *   node scripts/mutation-groups.mjs [group …]   run the groups (all without names), then report
 *   node scripts/mutation-groups.mjs --report    only report
 *
 * Exit 1 when the score of src/core is below the break threshold (80 %).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BREAK = 80;
const core = (...names) => names.map((n) => `src/core/${n}.ts`);
/**
 * The tests of test/core that exercise the engine on the tiny knowledge base, whose
 * expectations are worked out by hand (the ones on the repository's knowledge base run
 * its whole pipeline for every mutant; `ORGFIT_MUTATION_ALL=1` adds them).
 */
const ENGINE_TESTS = process.env.ORGFIT_MUTATION_ALL
  ? ['test/core/*.test.ts'] // less test/core/properties.test.ts: see vitest.mutation.config.ts
  : ['promises', 'engine-maths', 'robustness-table', 'result-content', 'unknowns', 'evidence-engine', 'verdict', 'intervals', 'estimate-parts', 'robustness-invariants', 'framing', 'robustness-parts', 'result-parts', 'pipeline', 'tipping-parts'].map((t) => `test/core/${t}.test.ts`);

export const GROUPS = {
  small: {
    mutate: core('bounds', 'weights', 'suggest', 'issue', 'round', 'kb', 'verdict', 'decision', 'conditions', 'evidence'),
    tests: ['small-parts', 'conditions-logic', 'conditions', 'weights', 'verdict', 'evidence-engine', 'promises', 'engine-maths'].map((t) => `test/core/${t}.test.ts`),
  },
  // Their tests draw tens of thousands of numbers, for every mutant they reach.
  sampling: { mutate: core('random', 'priors'), tests: ['small-parts', 'priors'].map((t) => `test/core/${t}.test.ts`) },
  estimate: { mutate: core('engine', 'evaluate', 'score', 'unknowns'), tests: ENGINE_TESTS },
  robustness: { mutate: core('robustness'), tests: ENGINE_TESTS },
  // The searches: their parts on designs worked out by hand (test/core/tipping-parts.test.ts).
  tipping: { mutate: core('tipping'), tests: ENGINE_TESTS },
  result: { mutate: core('result', 'pipeline'), tests: ENGINE_TESTS },
  // Less test/validate/many-keys.test.ts: it checks the parser's and validator's limits on files of
  // 20,000 to 75,000 keys (20 s a run), and would run for every mutant of checkAnswers.
  // The report's content (what every format renders) and the summary score and report share. Less
  // test/core/report.test.ts and summary.test.ts: they score the repository's examples (the whole
  // engine on the whole knowledge base) when they load, again for every mutant.
  report: { mutate: core('report', 'summary', 'review-outline'), tests: ['report-parts', 'review-outline', 'result-content'].map((t) => `test/core/${t}.test.ts`) },
  integrity: { mutate: core('integrity'), tests: ['test/core/integrity.test.ts', 'test/core/integrity-parts.test.ts', 'test/validate/rules.test.ts', 'test/validate/messages.test.ts'] },
};

const args = process.argv.slice(2);
if (!args.includes('--report')) {
  const names = args.length > 0 ? args : Object.keys(GROUPS);
  for (const name of names) {
    const group = GROUPS[name];
    if (!group) throw new Error(`no group ${name}: ${Object.keys(GROUPS).join(', ')}`);
    console.log(`\n=== ${name}: ${group.mutate.join(', ')}`);
    spawnSync('npx', ['stryker', 'run'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ORGFIT_MUTATION_GROUP: name, ORGFIT_MUTATE: group.mutate.join(','), ORGFIT_MUTATION_TESTS: group.tests.join(',') },
    });
  }
}

// The score as Stryker counts it: detected (killed, timed out) over valid mutants (those and survived, no coverage).
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const rows = [];
for (const name of Object.keys(GROUPS)) {
  const path = `${ROOT}reports/mutation/groups/${name}.json`;
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  // A file is counted from the group that names it now (an older report of a group may hold more files).
  for (const [file, { mutants }] of Object.entries(report.files).filter(([file]) => GROUPS[name].mutate.includes(file))) {
    const count = (set) => mutants.filter((m) => set.has(m.status)).length;
    rows.push({ file, group: name, detected: count(DETECTED), undetected: count(UNDETECTED), ignored: mutants.filter((m) => m.status === 'Ignored').length, survived: mutants.filter((m) => m.status === 'Survived').length, noCoverage: mutants.filter((m) => m.status === 'NoCoverage').length });
  }
}
rows.sort((a, b) => (a.file < b.file ? -1 : 1));
const pct = (d, u) => (d + u === 0 ? 'n/a' : `${((100 * d) / (d + u)).toFixed(2)} %`);
console.log('\nfile                        score     killed  survived  no cov.  ignored (static)');
for (const r of rows) console.log(`${r.file.padEnd(28)}${pct(r.detected, r.undetected).padStart(8)}  ${String(r.detected).padStart(7)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(7)}  ${String(r.ignored).padStart(7)}`);
const total = rows.reduce((t, r) => ({ d: t.d + r.detected, u: t.u + r.undetected, i: t.i + r.ignored }), { d: 0, u: 0, i: 0 });
console.log(`${'src/core (measured files)'.padEnd(28)}${pct(total.d, total.u).padStart(8)}  ${String(total.d).padStart(7)}  ${String(total.u).padStart(8)}  ${''.padStart(7)}  ${String(total.i).padStart(7)}`);
const measured = new Set(rows.map((r) => r.file));
const missing = Object.values(GROUPS).flatMap((g) => g.mutate).filter((f) => !measured.has(f));
if (missing.length > 0) console.log(`not measured yet: ${missing.join(', ')}`);
process.exitCode = total.d + total.u > 0 && (100 * total.d) / (total.d + total.u) < BREAK ? 1 : 0;
