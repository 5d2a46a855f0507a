#!/usr/bin/env node
/**
 * The four one-line changes issue 7 names, each of which once left the whole test suite
 * green, applied one at a time to src/core: the named test in test/core/promises.test.ts
 * must fail on each, and pass on the code as it is. Every file is restored afterwards,
 * whatever happens.
 *
 *   node scripts/mutation-named.mjs        (about half a minute)
 *
 * Exit 0 when every mutation is killed by its test, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TESTS = 'test/core/promises.test.ts';

const MUTATIONS = [
  {
    name: '(a) no spread widening for weak evidence: every grade gets the same effect sd',
    file: 'src/core/evidence.ts',
    from: "{ high: 0.15, moderate: 0.3, low: 0.5, 'very-low': 0.8 }",
    to: "{ high: 0.3, moderate: 0.3, low: 0.3, 'very-low': 0.3 }",
    test: '(a) weaker evidence, wider spread',
  },
  {
    name: '(b) "don\'t know" adjustments left out of the interval: only the assumed answers are bounded',
    file: 'src/core/score.ts',
    from: 'const points = boundingPoints(engine, municipality, POINT_LIMIT);',
    to: 'const points = [municipality.values];',
    test: '(b) a "don\'t know" widens the interval',
  },
  {
    name: '(c) "don\'t know" left out of every robustness sample: unknown answers stay at their assumed value',
    file: 'src/core/robustness.ts',
    from: 'drawAnswers(engine, this.municipality, random, this.values);',
    to: 'void drawAnswers;',
    test: '(c) a "don\'t know" is drawn in the robustness samples',
  },
  {
    name: '(d) the fit/misfit explanation cut to one reason',
    file: 'src/core/result.ts',
    from: 'const REASONS_SHOWN = 5;',
    to: 'const REASONS_SHOWN = 1;',
    test: '(d) the fit and misfit explanations',
  },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function vitest(pattern) {
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', TESTS, '-t', escape(pattern)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const line = run.stdout.split('\n').find((l) => /^\s*Tests\s/.test(l)) ?? '';
  const count = (word) => Number((line.match(new RegExp(`(\\d+) ${word}`)) ?? [])[1] ?? 0);
  return { code: run.status, failed: count('failed'), passed: count('passed') };
}

let ok = true;
for (const m of MUTATIONS) {
  const path = `${ROOT}${m.file}`;
  const original = readFileSync(path, 'utf8');
  const count = original.split(m.from).length - 1;
  if (count !== 1) {
    console.log(`✗ ${m.name}\n    ${m.file}: expected the line once, found it ${count} times (has the code moved?)`);
    ok = false;
    continue;
  }
  const before = vitest(m.test);
  let after;
  try {
    writeFileSync(path, original.replace(m.from, m.to));
    after = vitest(m.test);
  } finally {
    writeFileSync(path, original);
  }
  const killed = before.code === 0 && after.code !== 0;
  ok &&= killed;
  console.log(`${killed ? '✓' : '✗'} ${m.name}`);
  console.log(`    ${m.file}: ${m.from}  →  ${m.to}`);
  console.log(`    test "${m.test}…": unchanged code ${before.passed} passed, ${before.failed} failed; mutated ${after.passed} passed, ${after.failed} failed → ${killed ? 'killed' : 'SURVIVED'}`);
}
process.exitCode = ok ? 0 : 1;
