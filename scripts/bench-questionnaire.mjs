// The questionnaire's first screen, for `npm run bench` (section "questionnaire"): the time
// from starting `orgfit questionnaire` in a pseudo-terminal until the first question is
// drawn, beside the same measure for bare Node.js printing one line. A figure, not a target.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Milliseconds from spawn until `marker` has been drawn; the process is then stopped with Ctrl-C. */
async function firstScreen(spawn, argv, cwd, env, marker) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let seen = '';
    let ms;
    const pty = spawn(argv[0], argv.slice(1), { name: 'xterm-256color', cols: 80, rows: 30, cwd, env });
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 20 s: ${JSON.stringify(seen.slice(-300))}`));
    }, 20_000);
    pty.onData((data) => {
      seen += data;
      if (ms === undefined && seen.includes(marker)) {
        ms = performance.now() - started;
        pty.write('\x03');
      }
    });
    pty.onExit(() => {
      clearTimeout(timer);
      if (ms === undefined) reject(new Error(`ended before "${marker}": ${JSON.stringify(seen.slice(-300))}`));
      else resolve(ms);
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function questionnaireStartup(root, runs) {
  let spawn;
  try {
    ({ spawn } = await import('@lydell/node-pty'));
  } catch {
    return { skipped: '@lydell/node-pty is not installed (a devDependency)' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'orgfit-bench-quest-'));
  try {
    const env = { ...process.env, NO_COLOR: '1', LANG: 'nb_NO.UTF-8', TERM: 'xterm-256color' };
    delete env.CI;
    delete env.NODE_OPTIONS;
    const floorScript = join(dir, 'floor.mjs');
    writeFileSync(floorScript, "process.stdout.write('ready\\n'); await new Promise((r) => process.stdin.once('data', r)); process.exit(0);\n");
    const quest = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a busy moment weighs on both alike; a fresh draft folder each time.
      floor.push(await firstScreen(spawn, [process.execPath, floorScript], dir, env, 'ready'));
      rmSync(join(dir, 'svar.yaml.draft.json'), { force: true });
      quest.push(await firstScreen(spawn, [process.execPath, join(root, 'bin/orgfit.js'), 'questionnaire'], dir, env, 'I hvilken rolle'));
    }
    return { runs, firstScreenMs: median(quest), nodeFloorMs: median(floor), ratio: median(quest) / median(floor) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
