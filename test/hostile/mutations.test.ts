import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/load/fast-yaml.js';
import { cli, type Ran } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';

// The reliability review's fuzz, as a property: example answers files and built-in models,
// mutated (bytes flipped, cut short, hostile snippets put in, lines doubled or dropped),
// never crash a command. Every run ends with exit 0, 1 or 2, says nothing of an internal
// error, a stack overflow or a stack trace, writes nothing to standard output when score
// or explain refuse, and leaves Object.prototype alone.

const seedFiles = (folder: string) =>
  readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => readFileSync(join(ROOT, folder, name)));
const ANSWERS = seedFiles('seeds/examples');
// A user's model must not reuse a built-in id, and its file is named after its id.
const MODELS = seedFiles('models').map((bytes) => Buffer.from(bytes.toString('utf8').replace(/^id: .*$/m, 'id: my-model')));

/** Values and characters the review's fuzz planted; each one broke something somewhere once. */
const SNIPPETS = [
  '[]', '{}', 'null', '~', '-0', '1e309', '-.inf', '.nan', '0x1F', '12345678901234567890', '!!binary aGk=', '!!str 5', '!foo x', '!!js/function x',
  '&a x', '*a', '<<: *a', '[1, [2, [3]]]', '{a: {b: {c: 1}}}', '|\n    block', '>-\n    folded', '"\\u0000"', '"\\e[31mred"', '"\\e]0;title\\a"',
  '=cmd|calc', '-1+HYPERLINK("x")', '@SUM(1)', '__proto__: 1', 'constructor: {prototype: {x: 1}}', '? x', '- a', ': b', '#', '%YAML 1.1', '---', '...',
  '\t', '\r', '\r\n', '\u00a0', '\ufeff', '\u2028', '\u202e', '\u009b', '\u0000', '\u001b', 'æøå', '漢字', '[['.repeat(50), '- '.repeat(80), `"${'x'.repeat(5000)}"`,
];

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string; atLineStart: boolean }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...SNIPPETS), atLineStart: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('delete-line' as const), at: position }),
);

function mutate(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(seed);
  for (const m of mutations) {
    const at = Math.floor(m.at * bytes.length);
    switch (m.kind) {
      case 'flip':
        if (bytes.length > 0) bytes[at] = m.byte;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert': {
        const where = m.atLineStart ? bytes.lastIndexOf(0x0a, at) + 1 : at;
        const text = m.atLineStart ? `${m.text}\n` : m.text;
        bytes = Buffer.concat([bytes.subarray(0, where), Buffer.from(text), bytes.subarray(where)]);
        break;
      }
      case 'duplicate-line':
      case 'delete-line': {
        const lines = bytes.toString('latin1').split('\n');
        const i = Math.floor(m.at * lines.length);
        if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
        else lines.splice(i, 1);
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
    }
  }
  return bytes;
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
function neverCrashed(argv: string[], ran: Ran): void {
  const what = `orgfit ${argv.join(' ')}: exit ${ran.code}\n${ran.stderr.slice(0, 400)}`;
  expect([0, 1, 2], what).toContain(ran.code);
  for (const text of [ran.stdout, ran.stderr]) {
    expect(text, what).not.toMatch(/internal error|intern feil|Maximum call stack|RangeError/);
    expect(text, what).not.toMatch(/^[ \t]+at .+:\d+:\d+\)?$/m);
  }
  if (ran.code !== 0 && (argv.includes('score') || argv.includes('explain'))) expect(ran.stdout, what).toBe('');
  expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype), what).toHaveLength(prototypeKeys);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'orgfit-mutations-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Hundreds of in-process runs (explain scores until its figures are stable): about 15 s
// alone, several times that beside the hostile corpus on two cores.
describe('mutated example files never crash a command (in-process)', () => {
  it('answers files: validate --answers, score (table, csv, json) and explain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ANSWERS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('table', 'csv', 'json'), async (seed, mutations, format) => {
        const stdin = mutate(ANSWERS[seed]!, mutations);
        for (const argv of [['validate', '--answers', '-'], ['score', '-', '--format', format, '--samples', '10'], ['explain', 'specialised', '-']]) {
          neverCrashed(argv, await cli(['--lang', 'en', ...argv], { stdin }));
        }
      }),
      { numRuns: 200 },
    );
  }, 180_000);

  it('model files: validate, --models DIR score and --models DIR models', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: MODELS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seed, mutations) => {
        const bytes = mutate(MODELS[seed]!, mutations);
        const folder = join(work, `models-${run++}`);
        mkdirSync(folder);
        writeFileSync(join(folder, 'my-model.yaml'), bytes);
        for (const argv of [['validate', '-'], ['--models', folder, 'score', 'seeds/examples/bygdvik.yaml', '--format', 'json', '--samples', '10'], ['--models', folder, 'models']]) {
          neverCrashed(argv, await cli(['--lang', 'nb', ...argv], { stdin: bytes }));
        }
        rmSync(folder, { recursive: true, force: true });
      }),
      { numRuns: 120 },
    );
  }, 180_000);
});

// The fast path for plain answers files (src/load/fast-yaml.ts) must read whatever it
// accepts exactly as the full parser does (the review's fuzz found 4 disagreements in
// 15,000 mutated files: D12). The same mutations, no command: thousands of files a second.
describe('the fast YAML path on mutated example files', () => {
  it('accepts only what the full parser reads the same way', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let taken = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ANSWERS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        let text: string;
        try {
          text = decoder.decode(mutate(ANSWERS[seed]!, mutations));
        } catch {
          return;
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const fast = parseSimpleYaml(text);
        if (fast === undefined) return;
        taken++;
        const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, strict: true });
        expect(doc.errors.map((e) => e.code), text).toEqual([]);
        expect(fast, text).toEqual(doc.toJS());
      }),
      { numRuns: 2000 },
    );
    // Most mutations break the file; enough survive to matter.
    expect(taken).toBeGreaterThan(100);
  });
});
