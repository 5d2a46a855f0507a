/*
 * npm run calibration [-- --panel N --seed N --samples N --influence-samples N --workers N --json]
 *
 * Generates a realistic panel of municipalities (panel.ts), scores each with the
 * engine (engine.ts, the only file that touches src/) and prints decision-quality
 * figures (measure.ts): who wins, how clearly, which answers decide the verdict, where
 * one small step changes the leader, and whether neutral model files come out even.
 *
 * Deterministic: the same options give the same bytes on stdout, with any number of
 * worker threads. Progress and the elapsed time go to stderr only.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadKb } from './engine.js';
import { aggregate, context, measure, DEFAULTS, type CalibrationOptions, type MunicipalityRecord } from './measure.js';
import { coverage } from './panel.js';
import { formatTable } from './report.js';

const USAGE = `usage: npm run calibration -- [options]
  --panel N               municipalities in the panel (default ${DEFAULTS.panel})
  --seed N                seed of the panel and of the Monte Carlo (default ${DEFAULTS.seed})
  --samples N             Monte Carlo samples per evaluation (default ${DEFAULTS.samples})
  --influence-samples N   samples per verdict in the influence sweeps (default ${DEFAULTS.influenceSamples}, at most --samples)
  --workers N             worker threads (default: the number of cores; 1 = this thread only)
  --json                  one JSON object instead of the table
`;

/** The repository: set by scripts/calibration.mjs, which runs this file from a temporary bundle. */
const root = (): string => process.env.ORGFIT_ROOT ?? process.cwd();

interface WorkerInput {
  root: string;
  options: CalibrationOptions;
}
type Task = { start: number; end: number } | { stop: true };

function workerLoop(): void {
  const { root: dir, options } = workerData as WorkerInput;
  const kb = loadKb(dir);
  const ctx = context(kb, options);
  parentPort!.on('message', (task: Task) => {
    if ('stop' in task) {
      parentPort!.close();
      return;
    }
    const records: MunicipalityRecord[] = [];
    for (let i = task.start; i < task.end; i++) records.push(measure(ctx, i));
    parentPort!.postMessage(records);
  });
}

function positive(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, not ${JSON.stringify(value)}`);
  return n;
}
class UsageError extends Error {}

/** Measures municipalities [0, panel) on `workers` threads; the records come back in any order. */
async function measureAll(options: CalibrationOptions, workers: number, progress: (done: number) => void): Promise<MunicipalityRecord[]> {
  const chunk = Math.max(1, Math.min(20, Math.ceil(options.panel / (workers * 8))));
  let next = 0;
  const records: MunicipalityRecord[] = [];
  const input: WorkerInput = { root: root(), options };
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: input });
      const give = () => {
        if (next >= options.panel) {
          worker.postMessage({ stop: true } satisfies Task);
          return;
        }
        const start = next;
        next = Math.min(options.panel, next + chunk);
        worker.postMessage({ start, end: next } satisfies Task);
      };
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (batch: MunicipalityRecord[]) => {
          records.push(...batch);
          progress(records.length);
          give();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a calibration worker stopped with exit code ${code}`))));
        give();
      });
    }),
  );
  return records;
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        panel: { type: 'string' },
        seed: { type: 'string' },
        samples: { type: 'string' },
        'influence-samples': { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`calibration: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let options: CalibrationOptions;
  let workers: number;
  try {
    const samples = positive('samples', values.samples, DEFAULTS.samples);
    options = {
      panel: positive('panel', values.panel, DEFAULTS.panel),
      seed: positive('seed', values.seed, DEFAULTS.seed, 0),
      samples,
      influenceSamples: Math.min(samples, positive('influence-samples', values['influence-samples'], DEFAULTS.influenceSamples)),
    };
    workers = Math.min(options.panel, positive('workers', values.workers, availableParallelism()));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`calibration: ${error.message}\n${USAGE}`);
    return 2;
  }

  const kb = loadKb(root());
  const { unknown, absent } = coverage(kb);
  for (const id of unknown) {
    const q = kb.questions.find((x) => x.id === id)!;
    process.stderr.write(`calibration: warning: the panel generator has no distribution for question ${id}; every municipality answers ${q.assume !== undefined ? `its assume (${JSON.stringify(q.assume)})` : 'a uniform draw over its allowed values'} — add it to scripts/calibration/panel.ts\n`);
  }
  for (const id of absent) process.stderr.write(`calibration: warning: the panel generator draws ${id}, which the question bank no longer has\n`);

  const tty = process.stderr.isTTY;
  let shown = -1;
  const progress = (done: number) => {
    const tenth = Math.floor((done * 10) / options.panel);
    if (tty && tenth !== shown) {
      shown = tenth;
      process.stderr.write(`\rcalibration: ${done}/${options.panel} municipalities`);
    }
  };
  process.stderr.write(`calibration: ${options.panel} municipalities on ${workers} thread${workers === 1 ? '' : 's'}\n`);
  let records: MunicipalityRecord[];
  if (workers <= 1) {
    const ctx = context(kb, options);
    records = [];
    for (let i = 0; i < options.panel; i++) {
      records.push(measure(ctx, i));
      progress(i + 1);
    }
  } else {
    records = await measureAll(options, workers, progress);
  }
  if (tty) process.stderr.write('\n');

  const report = aggregate(kb, options, records);
  for (const id of report.generator.replacedQuestions) {
    process.stderr.write(`calibration: warning: the bank refused the generator's value for ${id} in some municipalities (assume or a uniform draw was used) — update scripts/calibration/panel.ts\n`);
  }
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatTable(report));
  process.stderr.write(`calibration: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`calibration: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  workerLoop();
}
