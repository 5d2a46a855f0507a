// orgfit's benchmark: start-up as a ratio against bare `node -e 0` measured in the
// same run, and throughput of the engine. Prints a table; never fails on timing
// (performance is tracked here, not asserted in tests). `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(args, options = {}, count = runs) {
  const samples = [];
  for (let i = 0; i < count + 2; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', ...options });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const rows = [];
const baseline = time(['-e', '0']);
rows.push(['node -e 0 (baseline)', baseline, 1, '']);
const cli = (name, args, target) => {
  const ms = time(['bin/orgfit.js', ...args]);
  rows.push([name, ms, ms / baseline, target]);
};
cli('orgfit --version', ['--version'], '');
cli('orgfit validate (built-in models)', ['validate'], '≤ 1.3×');
cli('orgfit validate one model (15 kB)', ['validate', 'models/specialised.yaml'], '≤ 1.3×');
cli('orgfit validate one small file (answers)', ['validate', '--answers', 'seeds/examples/bygdvik.yaml'], '≤ 1.3×');
cli('orgfit score one file (table)', ['score', 'seeds/examples/bydel-nord.yaml'], '≤ 1.3×');
cli('orgfit score one file (json)', ['score', 'seeds/examples/bydel-nord.yaml', '--format', 'json'], '≤ 1.3×');
cli('orgfit explain', ['explain', 'specialised', 'seeds/examples/bydel-nord.yaml'], '');

// Engine throughput, in-process, from a bundle of the pure core.
const bundle = await build({
  stdin: {
    contents: `export { indexKb } from './src/core/kb.js'; export { resolveAnswers, scoreModels } from './src/core/score.js'; export { analyseRobustness } from './src/core/robustness.js'; export { scoreMunicipality } from './src/core/pipeline.js';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
});
const dir = mkdtempSync(join(tmpdir(), 'orgfit-bench-'));
writeFileSync(join(dir, 'core.mjs'), bundle.outputFiles[0].text);
const core = await import(pathToFileURL(join(dir, 'core.mjs')).href);
const kb = JSON.parse(readFileSync(join(root, 'dist/kb.json'), 'utf8'));
const index = core.indexKb(kb);

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const randomAnswers = () => {
  const answers = {};
  for (const q of kb.questions) {
    if (q.dontKnow && random() < 0.15) answers[q.id] = 'dont-know';
    else if (q.type === 'percent') answers[q.id] = Math.floor(random() * 101);
    else if (q.type === 'scale') answers[q.id] = 1 + Math.floor(random() * 5);
    else if (q.type === 'integer') answers[q.id] = q.min + Math.floor(random() * Math.min(200, q.max - q.min));
    else if (q.type === 'choice') answers[q.id] = q.options[Math.floor(random() * q.options.length)].value;
    else if (q.type === 'multi') answers[q.id] = q.options.filter(() => random() < 0.3).map((o) => o.value);
    else answers[q.id] = random() < 0.5;
  }
  return answers;
};
const many = Array.from({ length: 10_000 }, randomAnswers);
let start = performance.now();
for (const answers of many) core.scoreModels(kb, index, core.resolveAnswers(answers, index));
rows.push(['score 10,000 answer sets (engine)', performance.now() - start, null, '< 2000 ms']);

const one = core.resolveAnswers(many[0], index);
const scoring = core.scoreModels(kb, index, one);
core.analyseRobustness(kb, index, one, scoring, kb.models, { samples: 1000, seed: 1 });
start = performance.now();
core.analyseRobustness(kb, index, one, scoring, kb.models, { samples: 10_000, seed: 1 });
rows.push(['robustness, 10,000 samples', performance.now() - start, null, '< 300 ms']);

// 10,000 answer files through the CLI, as a consultant would run them.
const files = join(dir, 'answers');
mkdirSync(files);
many.forEach((answers, i) => {
  const shares = [answers['share-rule-logic'], answers['share-means-end-logic']].map((v) => (typeof v === 'number' ? v : 30));
  const yaml = ['format: orgfit/answers@1', `municipality: M${i}`, 'answers:', ...Object.entries({ ...answers, 'share-rule-logic': Math.min(shares[0], 60), 'share-means-end-logic': Math.min(shares[1], 30), 'share-crisis-logic': 100 - Math.min(shares[0], 60) - Math.min(shares[1], 30) }).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)].join('\n');
  writeFileSync(join(files, `m${String(i).padStart(5, '0')}.yaml`), yaml + '\n');
});
start = performance.now();
const result = spawnSync(process.execPath, ['bin/orgfit.js', 'score', files, '--format', 'csv', '--samples', '0'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
if (result.status !== 0) throw new Error(result.stderr.slice(0, 2000));
rows.push(['orgfit score 10,000 files (csv, no robustness)', performance.now() - start, null, '']);

// A consultant's comparison: 50 answers files in one HTML report, robustness and all.
const fifty = join(dir, 'fifty');
mkdirSync(fifty);
for (let i = 0; i < 50; i++) writeFileSync(join(fifty, `m${String(i).padStart(2, '0')}.yaml`), readFileSync(join(files, `m${String(i).padStart(5, '0')}.yaml`)));
// As a consultant runs it (adaptive robustness, tipping points), and with the scoring's robustness left out (the report's own cost).
const report = time(['bin/orgfit.js', 'report', fifty, '--format', 'html'], {}, 3);
rows.push(['orgfit report 50 files (html comparison)', report, report / baseline, '< 1000 ms']);
const reportOnly = time(['bin/orgfit.js', 'report', fifty, '--format', 'html', '--samples', '0'], {}, 3);
rows.push(['  the same, --samples 0', reportOnly, reportOnly / baseline, '']);
rmSync(dir, { recursive: true, force: true });

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'what'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'× node'.padStart(7)}  target`);
for (const [name, ms, ratio, target] of rows) {
  console.log(`${name.padEnd(width)}  ${ms.toFixed(1).padStart(10)}  ${ratio === null ? ''.padStart(7) : ratio.toFixed(2).padStart(7)}  ${target}`);
}
