/**
 * The built CLI in a real pseudo-terminal, as a person meets it: @lydell/node-pty runs
 * `node bin/orgfit.js …` on a /dev/pts terminal, and @xterm/headless turns what it draws
 * into screen lines. Tests wait for text that only the new screen has before they type
 * (the prompt library drops keys typed before a prompt is drawn).
 */
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN, environment } from './bin.js';
import { ROOT } from './kb.js';

export const KEYS = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlB: '\x02',
  ctrlC: '\x03',
  esc: '\x1b',
  space: ' ',
  backspace: '\x7f',
  tab: '\t',
} as const;

export interface Session {
  pty: IPty;
  /** The visible screen, one string per row, right-trimmed. */
  screen(): string;
  /** Everything drawn so far, scrollback included. */
  all(): string;
  /** Waits until the screen (scrollback included) matches, or fails with what it shows. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  type(keys: string): void;
  /** Resolves with the exit code (or 128 + signal number) when the process ends. */
  exited: Promise<number>;
  kill(signal?: string): void;
}

export function startPty(args: string[], { cwd = ROOT, cols = 80, rows = 30, env = {} }: { cwd?: string; cols?: number; rows?: number; env?: Record<string, string> } = {}): Session {
  const base = environment(env);
  // The questionnaire refuses to prompt when CI is set; the test suite runs with CI=true.
  if (!('CI' in env)) delete base.CI;
  const pty = spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, cwd, env: { ...base, TERM: 'xterm-256color' } as Record<string, string> });
  const term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  let pending = Promise.resolve();
  let raw = '';
  pty.onData((data) => {
    raw += data;
    pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  });
  // The last output may arrive just after the exit: give it a moment, then let it be drawn.
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode, signal }) =>
      setTimeout(() => {
        void pending.then(() => resolve(signal ? 128 + signal : exitCode));
      }, 200),
    ),
  );
  let done = false;
  void exited.then(() => (done = true));
  const lines = (from: number, to: number) => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return out.join('\n');
  };
  const screen = () => lines(term.buffer.active.baseY, term.buffer.active.baseY + rows);
  const all = () => lines(0, term.buffer.active.length);
  return {
    pty,
    screen,
    all,
    exited,
    type: (keys) => pty.write(keys),
    kill: (signal = 'SIGKILL') => {
      if (!done) pty.kill(signal);
    },
    async waitFor(text, timeoutMs = 15_000) {
      const matches = () => (typeof text === 'string' ? all().includes(text) : text.test(all()));
      const started = Date.now();
      for (;;) {
        await pending;
        if (matches()) return;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen()}\n--- raw tail ---\n${JSON.stringify(raw.slice(-400))}`);
        if (done) {
          await pending;
          if (matches()) return;
          throw new Error(`the process ended before ${String(text)} appeared; the screen shows:\n${all()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
