// orgfit's benchmark (`npm run bench`; not part of `npm test`: performance is measured
// here, never asserted in tests). It prints every figure beside its target, writes them
// all to bench-results.json, and exits 1 when a target is missed.
//
// Start-up is the CPU time (user + sys) of the orgfit process over that of `node -e 0`,
// taken pair by pair: each pair runs both commands in one bash, in alternating order,
// and reads the children's CPU from bash's `times` (getrusage, millisecond precision);
// the pairs of all rows are interleaved. CPU ratios are steadier than wall time on a
// shared machine (see ../shared/docs/reviews/performance.md, "Method").
// NODE_EXTRA_CA_CERTS makes Node 20 load a certificate bundle at every start (40-60 ms),
// which a user's machine usually does not: the targets hold with it unset on both sides,
// and the ratio with it set is printed beside.
//
//   node scripts/bench.mjs [--root DIR] [--only startup,where,robustness,throughput,models,questionnaire]
//                          [--pairs N] [--quick] [--out FILE] [--label TEXT]
//
// --root measures another built checkout (a clone of main, for the "before" figures).
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { availableParallelism, cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { questionnaireStartup } from './bench-questionnaire.mjs';

const self = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    root: { type: 'string' },
    only: { type: 'string' },
    pairs: { type: 'string' },
    quick: { type: 'boolean' },
    out: { type: 'string' },
    label: { type: 'string' },
    // --table BEFORE.json AFTER.json: print the two runs side by side as Markdown (for the README), and stop.
    table: { type: 'boolean' },
  },
  allowPositionals: true,
});
if (flags.table) {
  const { positionals } = parseArgs({ options: { table: { type: 'boolean' } }, allowPositionals: true, strict: false });
  const [before, after] = positionals.map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const f = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const out = [];
  out.push(`Machine: ${after.machine.cpu}, ${after.machine.cores} cores, ${after.machine.memory}, Node ${after.machine.node}; load average ${before.machine.loadAtStart} (before) and ${after.machine.loadAtStart} (after) at the start.`, '');
  // A run of some sections only (--only) has no start-up rows: its table leaves them out.
  if (after.startup.length > 0) {
    out.push('| start-up: CPU × `node -e 0` | target | before | after | after, CA variable set |', '|---|---|---|---|---|');
    for (const row of after.startup) {
      const old = before.startup.find((r) => r.name === row.name);
      out.push(`| ${row.name.replace(/^orgfit /, '`orgfit ').replace(/^(`orgfit [^(]*?)( \(|$)/, '$1`$2')} | ${row.target ? `≤ ${row.target}` : ''} | ${f(old?.withoutCa.ratio)} | ${f(row.withoutCa.ratio)}${row.met === false ? ' (missed)' : ''} | ${f(row.withCa?.ratio)} |`);
    }
    out.push('', `\`node -e 0\` itself: ${f(after.startup[0].withoutCa.baseCpuMs, 0)} ms CPU without the CA variable, ${f(after.startup[0].withCa?.baseCpuMs, 0)} ms with it.`, '');
  }
  if (after.robustness?.rows) {
    out.push('| robustness, 10,000 samples (first call / warm, ms CPU) | before | after |', '|---|---|---|');
    for (const row of after.robustness.rows) {
      const old = before.robustness?.rows?.find((r) => r.example === row.example);
      out.push(`| ${row.example} | ${f(old?.coldMs, 0)} / ${f(old?.warmMs, 0)} | ${f(row.coldMs, 0)} / ${f(row.warmMs, 0)} |`);
    }
    out.push('');
  }
  out.push('| throughput (wall s, CPU s, peak RSS) | files | before | after |', '|---|---|---|---|');
  for (const t of after.throughput) {
    for (const row of t.rows) {
      const old = before.throughput.find((x) => x.name === t.name)?.rows.find((r) => r.files === row.files);
      const cell = (r) => (!r ? '–' : r.ok ? `${f(r.wallS)} s, ${f(r.cpuS)} s CPU, ${f(r.peakRssMiB, 0)} MiB` : r.why);
      out.push(`| \`${t.name}\` | ${row.files.toLocaleString('en')} | ${cell(old)} | ${cell(row)} |`);
    }
  }
  out.push('', '| 1,000 model files | before | after |', '|---|---|---|');
  for (const row of after.models.rows ?? []) {
    const old = before.models.rows?.find((r) => r.tool === row.tool);
    const cell = (r) => (!r ? '–' : r.ok ? `${f(r.wallS)} s wall, ${f(r.cpuS)} s CPU, ${f(r.peakRssMiB, 0)} MiB` : r.why);
    out.push(`| ${row.tool} | ${cell(old)} | ${cell(row)} |`);
  }
  console.log(out.join('\n'));
  process.exit(0);
}
const root = resolve(flags.root ?? self);
const quick = flags.quick ?? false;
const PAIRS = Number(flags.pairs ?? process.env.BENCH_PAIRS ?? (quick ? 7 : 21));
const CA_PAIRS = Math.max(5, Math.round(PAIRS / 2));
const sections = new Set((flags.only ?? 'startup,where,robustness,throughput,report,models,questionnaire').split(','));
const sizes = (process.env.BENCH_SIZES ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
// A run past this many seconds is stopped and reported as such (main as it was needs hours for 100k files).
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 300) * 1000;
const bin = join(root, 'bin/orgfit.js');
const work = mkdtempSync(join(tmpdir(), 'orgfit-bench-'));
// BENCH_KEEP=1 keeps the generated files (and says where) for a closer look.
process.on('exit', () => (process.env.BENCH_KEEP ? console.log(`kept ${work}`) : rmSync(work, { recursive: true, force: true })));

const baseEnv = { ...process.env, NO_COLOR: '1', LC_ALL: 'C' };
delete baseEnv.NODE_OPTIONS;
const ca = process.env.NODE_EXTRA_CA_CERTS;
const plainEnv = { ...baseEnv };
delete plainEnv.NODE_EXTRA_CA_CERTS;

const results = { label: flags.label ?? '', root, date: new Date().toISOString(), machine: machine(), startup: [], where: [], robustness: [], throughput: [], report: [], models: [], missed: [] };

function machine() {
  const git = spawnSync('git', ['-C', root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).stdout.trim();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free)`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: loadavg().map((x) => x.toFixed(2)).join(' '),
    commit: git,
    caVariable: ca ? `set (${ca})` : 'not set',
    workers: workersNote(),
  };
}

/** The worker threads `score` and `report` use for many files (src/cli/scoring.ts): the runs inherit ORGFIT_WORKERS. */
function workersNote() {
  const set = process.env.ORGFIT_WORKERS;
  if (set !== undefined) return `ORGFIT_WORKERS=${set} (${Number(set) > 1 ? `${set} worker threads` : 'one thread'})`;
  return `one worker thread per core above the break-even (src/cli/scoring.ts MIN_FILES): os.availableParallelism() = ${availableParallelism()}, ORGFIT_WORKERS unset`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
const line = (argv) => argv.map(quote).join(' ');

// ---------------------------------------------------------------- start-up

/** Whole-process CPU and wall milliseconds of two command lines, run in the given order in one bash. */
function pair(first, second, env) {
  const script = [
    `t0=$EPOCHREALTIME; ${line(first)} >/dev/null 2>&1; r1=$?; t1=$EPOCHREALTIME; times`,
    `${line(second)} >/dev/null 2>&1; r2=$?; t2=$EPOCHREALTIME; times`,
    'echo "$r1 $r2 $t0 $t1 $t2"',
  ].join('\n');
  const out = spawnSync('bash', ['-c', script], { cwd: root, env, encoding: 'utf8' });
  const lines = out.stdout.trim().split('\n');
  const seconds = (text) => text.split(/\s+/).map((t) => /(\d+)m([\d.]+)s/.exec(t)).reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  const c1 = seconds(lines[1]) * 1000;
  const c2 = seconds(lines[3]) * 1000;
  const [r1, r2, t0, t1, t2] = lines[4].split(' ').map(Number);
  return { cpu: [c1, c2 - c1], wall: [(t1 - t0) * 1000, (t2 - t1) * 1000], codes: [r1, r2] };
}

function startup() {
  const emptyCjs = join(work, 'empty.cjs');
  const emptyMjs = join(work, 'empty.mjs');
  writeFileSync(emptyCjs, '');
  writeFileSync(emptyMjs, '');
  // A small model file of the user's own: the smallest built-in under another id (parsed and checked in full).
  const small = join(work, 'own-model');
  mkdirSync(small);
  writeFileSync(join(small, 'min-matrise.yaml'), readFileSync(join(root, 'models/matrix.yaml'), 'utf8').replace(/^id: matrix$/m, 'id: min-matrise'));
  const example = 'seeds/examples/bygdvik.yaml';
  const o = (...args) => [process.execPath, bin, ...args];
  const rows = [
    { name: 'floor: node empty.cjs', argv: [process.execPath, emptyCjs], floor: true },
    { name: 'floor: node empty.mjs', argv: [process.execPath, emptyMjs], floor: true },
    { name: 'orgfit --version', argv: o('--version'), target: 1.3 },
    { name: 'orgfit --help', argv: o('--help') },
    { name: 'orgfit validate (built-in models)', argv: o('validate'), target: 1.5 },
    { name: 'orgfit validate one model file (14.6 kB)', argv: o('validate', join(small, 'min-matrise.yaml')), target: 1.5 },
    { name: 'orgfit validate --answers (1 file)', argv: o('validate', '--answers', example), target: 1.6 },
    { name: 'orgfit score (1 file, table)', argv: o('score', example), target: 3 },
    { name: 'orgfit score (1 file, json)', argv: o('score', example, '--format', 'json') },
    { name: 'orgfit score --samples 0', argv: o('score', example, '--samples', '0') },
    { name: 'orgfit explain (1 file)', argv: o('explain', 'specialised', example), target: 3 },
    { name: 'orgfit models', argv: o('models') },
  ];
  // A row added by another part of the work appears once its command exists.
  const help = spawnSync(process.execPath, [bin, '--help'], { cwd: root, env: plainEnv, encoding: 'utf8' }).stdout;
  if (/^\s+report\b/m.test(help)) rows.push({ name: 'orgfit report (1 file)', argv: o('report', example), target: 3 });
  for (const row of rows) {
    const check = spawnSync(row.argv[0], row.argv.slice(1), { cwd: root, env: plainEnv, encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`${row.name}: exit ${check.status}\n${check.stderr.slice(0, 2000)}`);
    row.plain = { ratios: [], cpu: [], base: [], wall: [], baseWall: [] };
    row.ca = { ratios: [], cpu: [], base: [], wall: [], baseWall: [] };
  }
  const base = [process.execPath, '-e', '0'];
  const measure = (env, key, count) => {
    for (let i = 0; i < count; i++) {
      for (const row of rows) {
        const swap = i % 2 === 1;
        const p = swap ? pair(row.argv, base, env) : pair(base, row.argv, env);
        const [b, c] = swap ? [1, 0] : [0, 1];
        if (p.codes[c] !== 0 || p.codes[b] !== 0) throw new Error(`${row.name}: exit ${p.codes[c]}`);
        const into = row[key];
        into.base.push(p.cpu[b]);
        into.cpu.push(p.cpu[c]);
        into.ratios.push(p.cpu[c] / p.cpu[b]);
        into.wall.push(p.wall[c]);
        into.baseWall.push(p.wall[b]);
      }
    }
  };
  measure(plainEnv, 'plain', PAIRS);
  if (ca) measure(baseEnv, 'ca', CA_PAIRS);
  for (const row of rows) {
    const sum = (s) => (s.ratios.length === 0 ? undefined : { ratio: median(s.ratios), cpuMs: median(s.cpu), baseCpuMs: median(s.base), wallMs: median(s.wall), wallRatio: median(s.wall) / median(s.baseWall), pairs: s.ratios.length, raw: { ratios: s.ratios.map((x) => +x.toFixed(3)), cpuMs: s.cpu, baseCpuMs: s.base } });
    const entry = { name: row.name, command: row.argv.slice(1).join(' ').replace(root, '.').replace(work, '$TMP'), target: row.target, withoutCa: sum(row.plain), withCa: sum(row.ca) };
    entry.met = row.target === undefined ? undefined : entry.withoutCa.ratio <= row.target;
    if (entry.met === false) results.missed.push(`${row.name}: ${entry.withoutCa.ratio.toFixed(2)}× > ${row.target}×`);
    results.startup.push(entry);
  }
  return rows;
}

function printStartup() {
  const floor = results.startup.find((r) => r.name.startsWith('floor: node empty.cjs'));
  console.log(`\nStart-up: CPU (user+sys) of the process ÷ that of \`node -e 0\`, median of ${PAIRS} interleaved pairs (${CA_PAIRS} with the CA variable)`);
  console.log(`node -e 0 itself: ${floor.withoutCa.baseCpuMs.toFixed(1)} ms CPU without NODE_EXTRA_CA_CERTS${floor.withCa ? `, ${floor.withCa.baseCpuMs.toFixed(1)} ms with it` : ''}\n`);
  // On a heavily loaded machine `node -e 0` has been seen to take 4-7× the CPU of an empty file
  // (seen at load averages of 15-28 on two cores, never on a quiet one): the ratios are then void.
  if (floor.withoutCa.baseCpuMs > 1.5 * floor.withoutCa.cpuMs) {
    const warning = `node -e 0 took ${(floor.withoutCa.baseCpuMs / floor.withoutCa.cpuMs).toFixed(1)}× the CPU of an empty CommonJS file: the machine is too loaded, every ratio here is void (compare the CPU ms with the floor rows instead)`;
    console.log(`WARNING: ${warning}\n`);
    results.missed.push(warning);
  }
  const head = ['', 'CPU ms', '× node', 'target', '', 'wall ×', 'CA set: ×'];
  const w = Math.max(...results.startup.map((r) => r.name.length));
  console.log(`${'command'.padEnd(w)}  ${head.slice(1).map((h, i) => h.padStart([7, 7, 7, 5, 7, 10][i])).join('  ')}`);
  for (const r of results.startup) {
    const o = r.withoutCa;
    const mark = r.met === undefined ? '' : r.met ? 'ok' : 'MISS';
    console.log(`${r.name.padEnd(w)}  ${o.cpuMs.toFixed(1).padStart(7)}  ${o.ratio.toFixed(2).padStart(7)}  ${(r.target ? `≤ ${r.target}` : '').padStart(7)}  ${mark.padStart(5)}  ${o.wallRatio.toFixed(2).padStart(7)}  ${(r.withCa ? r.withCa.ratio.toFixed(2) : '–').padStart(10)}`);
  }
}

// ---------------------------------------------------------------- where the time goes

/** Self time of one run's CPU profile, by where the code comes from (source maps of dist/ resolve orgfit's own modules). */
function whereTimeGoes(name, argv) {
  const dir = join(work, `prof-${results.where.length}`);
  mkdirSync(dir);
  const totals = new Map();
  const files = new Map();
  const runs = quick ? 2 : 5;
  const maps = new Map();
  const mapOf = (url) => {
    if (!maps.has(url)) {
      let map;
      try {
        // bin/orgfit.js compiles the CommonJS bundle with vm.Script under its path, not a URL;
        // the bundle's last line names its build, after the source map's.
        const file = url.startsWith('file:') ? fileURLToPath(url) : url;
        const text = readFileSync(file, 'utf8');
        const ref = [...text.matchAll(/\/\/# sourceMappingURL=(\S+)/g)].pop()?.[1];
        if (ref) map = new SourceMap(JSON.parse(readFileSync(join(file, '..', ref), 'utf8')));
      } catch {
        map = undefined;
      }
      maps.set(url, map);
    }
    return maps.get(url);
  };
  let sampled = 0;
  for (let r = 0; r < runs; r++) {
    const out = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', dir, bin, ...argv], { cwd: root, env: plainEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (out.status !== 0) throw new Error(`${name}: exit ${out.status} ${out.stderr.slice(0, 500)}`);
  }
  for (const file of readdirSync(dir)) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const total = (profile.endTime - profile.startTime) / 1000;
    const count = profile.samples.length;
    sampled += total;
    for (const node of profile.nodes) {
      if (!node.hitCount) continue;
      const ms = (node.hitCount / count) * total;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      let group;
      let source = url;
      if (!url) group = { '(garbage collector)': 'GC', '(program)': 'V8: compiling, parsing, native', '(idle)': 'idle (I/O, exit)' }[functionName] ?? 'native calls (fs, regexp…)';
      else if (url.startsWith('node:')) group = 'node: module loader, fs, streams';
      else {
        const entry = url.startsWith('file:') || url.startsWith('/') ? mapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
        source = entry?.originalSource ? entry.originalSource.replace(/^(\.\.\/)+/, '') : url.replace(pathToFileURL(root).href, '').replace(root, '/');
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
        const folder = /^src\/([^/]+)\//.exec(source)?.[1];
        group = pkg ? pkg[1] : folder ? `src/${folder}` : /^src\//.test(source) ? 'src' : 'dist (unmapped)';
      }
      totals.set(group, (totals.get(group) ?? 0) + ms);
      if (url && !url.startsWith('node:')) files.set(source, (files.get(source) ?? 0) + ms);
    }
  }
  const per = (m) => [...m].map(([k, v]) => [k, v / runs]).sort((a, b) => b[1] - a[1]);
  results.where.push({ name, command: argv.join(' '), profiledMs: sampled / runs, groups: Object.fromEntries(per(totals).map(([k, v]) => [k, +v.toFixed(2)])), topFiles: Object.fromEntries(per(files).slice(0, 8).map(([k, v]) => [k, +v.toFixed(2)])) });
}

function printWhere() {
  console.log('\nWhere the time goes: self time from V8 CPU profiles (200 µs sampling, mean of the runs), by origin');
  console.log('(the time before the profiler starts, Node\'s own bootstrap, is the floor above; profiling adds overhead)');
  for (const w of results.where) {
    const groups = Object.entries(w.groups).filter(([, v]) => v >= 1);
    console.log(`\n  ${w.name}: ${w.profiledMs.toFixed(1)} ms profiled`);
    console.log('    ' + groups.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · '));
    console.log('    top files: ' + Object.entries(w.topFiles).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · '));
  }
}

// ---------------------------------------------------------------- robustness in-process

async function robustness() {
  const bundle = await build({
    stdin: {
      contents: `export { compileEngine, frameOf, withinFrame } from './src/core/engine.js'; export { municipalityOf } from './src/core/unknowns.js'; export { analyseRobustness } from './src/core/robustness.js';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
  });
  const core = join(work, 'core.mjs');
  writeFileSync(core, bundle.outputFiles[0].text);
  // A fresh process per example: the first call is cold, as in a CLI run.
  const child = `
    import { readFileSync } from 'node:fs';
    import { parse } from ${JSON.stringify(pathToFileURL(join(root, 'node_modules/yaml/dist/index.js')).href)};
    const core = await import(${JSON.stringify(pathToFileURL(core).href)});
    const kb = JSON.parse(readFileSync(${JSON.stringify(join(root, 'dist/kb.json'))}, 'utf8'));
    const answers = parse(readFileSync(process.argv[2], 'utf8')).answers;
    const engine = core.compileEngine(kb);
    const given = core.municipalityOf(engine, answers);
    const framed = core.withinFrame(engine, core.frameOf(engine, given.values.map((v, q) => (given.known[q] ? v : null))));
    const m = core.municipalityOf(framed, answers);
    const run = () => { const t = process.cpuUsage(); core.analyseRobustness(framed, m, { seed: 1, samples: 10000 }); const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };
    const cold = run();
    const warm = [run(), run(), run(), run(), run()].sort((a, b) => a - b)[2];
    console.log(JSON.stringify({ cold, warm }));`;
  writeFileSync(join(work, 'robustness.mjs'), child);
  const examples = readdirSync(join(root, 'seeds/examples')).filter((f) => f.endsWith('.yaml')).sort();
  const rows = [];
  for (const ex of examples) {
    const colds = [];
    const warms = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const out = spawnSync(process.execPath, [join(work, 'robustness.mjs'), join(root, 'seeds/examples', ex)], { env: plainEnv, encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      const { cold, warm } = JSON.parse(out.stdout);
      colds.push(cold);
      warms.push(warm);
    }
    rows.push({ example: ex.replace('.yaml', ''), coldMs: median(colds), warmMs: median(warms) });
  }
  const worst = Math.max(...rows.map((r) => r.coldMs));
  results.robustness = { samples: 10_000, target: '< 300 ms (first call, cold)', worstColdMs: worst, met: worst < 300, rows };
  if (worst >= 300) results.missed.push(`robustness 10,000 samples: ${worst.toFixed(0)} ms ≥ 300 ms`);
}

function printRobustness() {
  const r = results.robustness;
  console.log(`\nRobustness analysis, 10,000 samples, built-in models, in-process CPU ms (median of fresh processes; target ${r.target})`);
  for (const row of r.rows) console.log(`  ${row.example.padEnd(14)} first call ${row.coldMs.toFixed(1).padStart(7)}   warm ${row.warmMs.toFixed(1).padStart(7)}`);
  console.log(`  worst first call ${r.worstColdMs.toFixed(1)} ms: ${r.met ? 'ok' : 'MISS'}`);
}

// ---------------------------------------------------------------- throughput

/** Answers files as a person or `orgfit template` writes them (plain flow lists), each valid. */
function writeAnswers(dir, count) {
  mkdirSync(dir, { recursive: true });
  const kb = JSON.parse(readFileSync(join(root, 'dist/kb.json'), 'utf8'));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const examples = readdirSync(join(root, 'seeds/examples')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(root, 'seeds/examples', f), 'utf8'));
  for (let i = 0; i < count; i++) {
    let text;
    if (i % 4 === 3) {
      // A quarter: the examples under another name and staff count.
      text = pick(examples).replace(/^municipality: .*$/m, `municipality: Kommune ${i}`).replace(/^  staff-fte: .*$/m, `  staff-fte: ${1 + Math.floor(random() * 400)}`);
    } else {
      const lines = ['format: orgfit/answers@1', `municipality: Kommune ${i}`, 'answers:'];
      const rule = Math.floor(random() * 70);
      const means = Math.floor(random() * (100 - rule));
      const shares = { 'share-rule-logic': rule, 'share-means-end-logic': means, 'share-crisis-logic': 100 - rule - means };
      for (const q of kb.questions) {
        let v;
        if (q.id in shares) v = shares[q.id];
        else if (q.dontKnow && random() < 0.1) v = 'dont-know';
        else if (q.type === 'percent') v = Math.floor(random() * 101);
        else if (q.type === 'scale') v = 1 + Math.floor(random() * 5);
        else if (q.type === 'integer') v = q.min + Math.floor(random() * Math.min(300, q.max - q.min));
        else if (q.type === 'choice') v = pick(q.options).value;
        else if (q.type === 'multi') v = `[${q.options.filter(() => random() < 0.3).map((o) => o.value).join(', ')}]`;
        else if (q.type === 'rank') v = `[${[...q.options].sort(() => random() - 0.5).map((o) => o.value).join(', ')}]`;
        else v = random() < 0.5;
        lines.push(`  ${q.id}: ${v}`);
      }
      text = lines.join('\n') + '\n';
    }
    writeFileSync(join(dir, `m${String(i).padStart(6, '0')}.yaml`), text);
  }
}

/** One whole-process run under /usr/bin/time: wall and CPU seconds, peak RSS, and the output's size. */
function timed(argv, { timeout = 600_000, env = plainEnv } = {}) {
  const out = join(work, 'out.txt');
  const r = spawnSync('bash', ['-c', `/usr/bin/time -f '%e %U %S %M' -o ${quote(join(work, 'time.txt'))} ${line(argv)} > ${quote(out)} 2> ${quote(join(work, 'err.txt'))}`], { cwd: root, env, timeout, encoding: 'utf8' });
  let stats = [NaN, NaN, NaN, NaN];
  try {
    stats = readFileSync(join(work, 'time.txt'), 'utf8').trim().split('\n').pop().split(' ').map(Number);
  } catch {}
  const err = existsSync(join(work, 'err.txt')) ? readFileSync(join(work, 'err.txt'), 'utf8') : '';
  // The size from the file system: 10,000 results as JSON are about 2.5 GB, more than one buffer holds.
  const size = existsSync(out) ? statSync(out).size : 0;
  const ok = r.status === 0 && r.signal === null;
  const why = ok ? undefined : r.error?.code === 'ETIMEDOUT' || r.signal ? `stopped after ${timeout / 1000} s` : err.split('\n').find((l) => /error|Error|orgfit:/.test(l))?.slice(0, 160) ?? `exit ${r.status}`;
  return { ok, why, wallS: stats[0], cpuS: stats[1] + stats[2], peakRssMiB: stats[3] / 1024, outputBytes: size };
}

function throughput() {
  const dirs = {};
  // The sets are nested prefixes of one series: 1k ⊂ 10k ⊂ 100k (written once, hard-linked per size).
  const all = join(work, 'answers');
  writeAnswers(all, Math.max(...sizes));
  const names = readdirSync(all).sort();
  for (const n of sizes) {
    const dir = join(work, `answers-${n}`);
    mkdirSync(dir);
    for (const name of names.slice(0, n)) linkSync(join(all, name), join(dir, name));
    dirs[n] = dir;
  }
  const runs = [
    { name: 'score DIR --format csv --samples 0', format: 'csv', args: ['--format', 'csv', '--samples', '0'], target: { 10_000: 2 } },
    { name: 'score DIR --format json --samples 0', format: 'json', args: ['--format', 'json', '--samples', '0'] },
  ];
  for (const run of runs) {
    const rows = [];
    for (const n of sizes) {
      if (rows.length > 0 && !rows[rows.length - 1].ok) {
        rows.push({ files: n, ok: false, why: 'not run: the smaller set failed' });
        continue;
      }
      const r = timed([process.execPath, bin, 'score', dirs[n], ...run.args], { timeout: TIMEOUT });
      rows.push({ files: n, ...r, msPerFile: (r.wallS * 1000) / n });
    }
    const target = run.target?.[10_000];
    const ten = rows.find((r) => r.files === 10_000);
    const entry = { name: run.name, rows };
    if (target) {
      entry.target = `10,000 files < ${target} s wall`;
      entry.met = Boolean(ten?.ok && ten.wallS < target);
      if (!entry.met) results.missed.push(`${run.name}, 10,000 files: ${ten?.ok ? `${ten.wallS.toFixed(2)} s` : (ten?.why ?? 'not run (BENCH_SIZES)')}`);
    }
    const hundred = rows.find((r) => r.files === 100_000);
    if (ten && hundred) {
      // Linear: 100k may take at most 12× as long as 10k, in memory that does not grow with the count (≤ 1.5× 10k's peak).
      entry.linear = hundred.ok && ten.ok && hundred.cpuS <= 12 * ten.cpuS && hundred.peakRssMiB <= 1.5 * ten.peakRssMiB;
      if (!entry.linear) results.missed.push(`${run.name}, 100,000 files not linear in bounded memory (${hundred.ok ? `${hundred.cpuS.toFixed(1)} s CPU, ${hundred.peakRssMiB.toFixed(0)} MiB` : hundred.why})`);
    }
    results.throughput.push(entry);
  }
}

function printThroughput() {
  console.log('\nThroughput: answers files in one folder (¾ random answers, ¼ the examples renamed), whole process, wall s');
  console.log(`  worker threads: ${results.machine.workers}`);
  for (const t of results.throughput) {
    console.log(`\n  orgfit ${t.name}${t.target ? `   target ${t.target}: ${t.met ? 'ok' : 'MISS'}` : ''}${t.linear === undefined ? '' : `; linear to 100k in bounded memory: ${t.linear ? 'ok' : 'MISS'}`}`);
    console.log(`    ${'files'.padStart(7)}  ${'wall s'.padStart(7)}  ${'CPU s'.padStart(7)}  ${'ms/file'.padStart(7)}  ${'peak RSS'.padStart(9)}  ${'output'.padStart(9)}`);
    for (const r of t.rows) {
      if (!r.ok) console.log(`    ${String(r.files).padStart(7)}  failed: ${r.why}${Number.isFinite(r.peakRssMiB ?? NaN) ? ` (peak ${r.peakRssMiB.toFixed(0)} MiB)` : ''}`);
      else console.log(`    ${String(r.files).padStart(7)}  ${r.wallS.toFixed(2).padStart(7)}  ${r.cpuS.toFixed(2).padStart(7)}  ${r.msPerFile.toFixed(3).padStart(7)}  ${(r.peakRssMiB.toFixed(0) + ' MiB').padStart(9)}  ${((r.outputBytes / 2 ** 20).toFixed(1) + ' MiB').padStart(9)}`);
    }
  }
}

// ---------------------------------------------------------------- a consultant's comparison report

/** 50 answers files in one HTML comparison report: as a consultant runs it, and with the robustness analysis left out (the report's own cost). */
function reportBench() {
  const dir = join(work, 'report-50');
  writeAnswers(dir, 50);
  for (const [name, extra] of [['report DIR --format html (50 files)', []], ['report DIR --format html --samples 0 (50 files)', ['--samples', '0']]]) {
    const runs = [0, 1, 2].map(() => timed([process.execPath, bin, 'report', dir, '--format', 'html', ...extra], { timeout: TIMEOUT }));
    const ok = runs.every((r) => r.ok);
    const wallS = median(runs.map((r) => r.wallS));
    const entry = { name, files: 50, ok, why: runs.find((r) => !r.ok)?.why, wallS, cpuS: median(runs.map((r) => r.cpuS)), outputBytes: runs[0].outputBytes };
    if (extra.length === 0) {
      entry.target = '< 1 s wall';
      entry.met = ok && wallS < 1;
      if (!entry.met) results.missed.push(`${name}: ${ok ? `${wallS.toFixed(2)} s` : entry.why}`);
    }
    results.report.push(entry);
  }
}

function printReport() {
  console.log('\nA comparison report: 50 answers files, whole process, median of 3 runs');
  console.log(`  worker threads: ${results.machine.workers}`);
  for (const r of results.report) console.log(`  orgfit ${r.name}: ${r.ok ? `${r.wallS.toFixed(2)} s wall, ${r.cpuS.toFixed(2)} s CPU, ${(r.outputBytes / 2 ** 20).toFixed(1)} MiB` : `failed: ${r.why}`}${r.target ? `   target ${r.target}: ${r.met ? 'ok' : 'MISS'}` : ''}`);
}

// ---------------------------------------------------------------- 1,000 model files, against ajv-cli

function models() {
  const dir = join(work, 'models-1000');
  mkdirSync(dir);
  const built = readdirSync(join(root, 'models')).filter((f) => f.endsWith('.yaml')).sort();
  const texts = built.map((f) => [f.replace('.yaml', ''), readFileSync(join(root, 'models', f), 'utf8')]);
  for (let i = 0; i < 1000; i++) {
    const [id, text] = texts[i % texts.length];
    const fresh = `${id}-${i}`;
    writeFileSync(join(dir, `${fresh}.yaml`), text.replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${fresh}`));
  }
  const rows = [];
  const orgfit = timed([process.execPath, bin, 'validate', dir, '--format', 'json']);
  rows.push({ tool: 'orgfit validate DIR (1,000 models)', ...orgfit });
  // The peer: ajv-cli (a dev dependency of this checkout) against the published schema.
  const ajv = [join(self, 'node_modules/ajv-cli/dist/index.js'), join(root, 'node_modules/ajv-cli/dist/index.js')].find(existsSync);
  let peer;
  if (ajv) {
    peer = timed([process.execPath, ajv, 'validate', '--spec=draft2020', '--strict=false', '--errors=line', '-s', join(root, 'schema/model.schema.json'), '-d', `${dir}/*.yaml`]);
    rows.push({ tool: 'ajv-cli validate (1,000 models, published schema)', ...peer });
  }
  const entry = { files: 1000, target: 'faster than ajv-cli (CPU)', rows };
  if (peer?.ok) {
    entry.met = orgfit.ok && orgfit.cpuS < peer.cpuS;
    if (!entry.met) results.missed.push(`1,000 model files: orgfit ${orgfit.ok ? orgfit.cpuS.toFixed(2) + ' s CPU' : orgfit.why} vs ajv-cli ${peer.cpuS.toFixed(2)} s`);
  }
  results.models = entry;
}

function printModels() {
  const m = results.models;
  console.log(`\n1,000 model files (the built-ins under fresh ids, ${m.files} files), whole process; target: ${m.target}${m.met === undefined ? '' : `: ${m.met ? 'ok' : 'MISS'}`}`);
  for (const r of m.rows) console.log(`  ${r.tool.padEnd(52)} ${r.ok ? `${r.wallS.toFixed(2)} s wall, ${r.cpuS.toFixed(2)} s CPU, peak ${r.peakRssMiB.toFixed(0)} MiB` : `failed: ${r.why}`}`);
}

// ---------------------------------------------------------------- run

if (!existsSync(join(root, 'dist/kb.json'))) throw new Error(`${root} is not built (npm run build)`);
console.log(`orgfit bench${results.label ? ` (${results.label})` : ''}: ${root}`);
for (const [k, v] of Object.entries(results.machine)) console.log(`  ${k}: ${v}`);
if (sections.has('startup')) {
  startup();
  printStartup();
}
if (sections.has('where')) {
  const example = 'seeds/examples/bygdvik.yaml';
  for (const [name, argv] of [
    ['--version', ['--version']],
    ['validate', ['validate']],
    ['validate --answers', ['validate', '--answers', example]],
    ['score', ['score', example]],
    ['explain', ['explain', 'specialised', example]],
  ])
    whereTimeGoes(name, argv);
  printWhere();
}
if (sections.has('robustness')) {
  await robustness();
  printRobustness();
}
if (sections.has('throughput')) {
  throughput();
  printThroughput();
}
if (sections.has('report')) {
  reportBench();
  printReport();
}
if (sections.has('models')) {
  models();
  printModels();
}
if (sections.has('questionnaire')) {
  // The first screen of the questionnaire in a pseudo-terminal (a figure, no target).
  results.questionnaire = await questionnaireStartup(root, quick ? 5 : 11);
  const q = results.questionnaire;
  console.log('\nquestionnaire: spawn to first question drawn, in a pseudo-terminal');
  if (q.skipped) console.log(`  skipped: ${q.skipped}`);
  else console.log(`  orgfit questionnaire ${q.firstScreenMs.toFixed(0).padStart(5)} ms   node floor ${q.nodeFloorMs.toFixed(0).padStart(5)} ms   ${q.ratio.toFixed(2)}× (median of ${q.runs})`);
}
results.machine.loadAtEnd = loadavg().map((x) => x.toFixed(2)).join(' ');
const outFile = flags.out ?? join(self, 'bench-results.json');
writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
console.log(`\nload average at the end: ${results.machine.loadAtEnd}; figures written to ${outFile}`);
if (results.missed.length > 0) {
  console.log(`\n${results.missed.length} target(s) missed:\n` + results.missed.map((m) => `  - ${m}`).join('\n'));
  process.exitCode = 1;
} else console.log('\nevery target met');
