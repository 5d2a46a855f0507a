import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBlockYaml } from '../../src/load/block-yaml.js';
import { ROOT } from '../helpers/kb.js';

/** The full parser's reading, as orgfit configures it. */
const full = (text: string): unknown => parse(text, { version: '1.2', uniqueKeys: true });
const yamlFiles = (dir: string) => readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => `${dir}/${f}`);
const MODELS = yamlFiles('models');

describe('the fast path for block YAML (model files)', () => {
  it.each(MODELS.map((f) => [f]))('reads the built-in %s exactly as the full parser does', (file) => {
    const text = readFileSync(`${ROOT}${file}`, 'utf8');
    const value = parseBlockYaml(text);
    expect(value, 'the fast path is really used for model files').toBeDefined();
    expect(value).toEqual(full(text));
  });

  it.each(yamlFiles('seeds/examples').map((f) => [f]))('reads %s exactly as the full parser does', (file) => {
    const text = readFileSync(`${ROOT}${file}`, 'utf8');
    expect(parseBlockYaml(text)).toEqual(full(text));
  });

  // Each worked out from the YAML 1.2 spec (§8.1, block scalars; §8.2, block collections) and checked against the library.
  it.each([
    ['a folded scalar, stripped', 'a: >-\n  one\n  two\n\n  three\n', { a: 'one two\nthree' }],
    ['a folded scalar, clipped', 'a: >\n  one\n  two\n', { a: 'one two\n' }],
    ['a literal scalar, clipped, with an empty line', 'a: |\n  one\n\n  two\n', { a: 'one\n\ntwo\n' }],
    ['a literal scalar, stripped, then a key', 'a: |-\n  one\n  two\nb: 1\n', { a: 'one\ntwo', b: 1 }],
    ['two empty lines in a folded scalar', 'a: >-\n  one\n\n\n  two\n', { a: 'one\n\ntwo' }],
    ['empty lines after a block scalar', 'a: >-\n  one\n\n\nb: 2\n', { a: 'one', b: 2 }],
    ['a "#" line inside a block scalar is text', 'a: |-\n  one\n  # two\n', { a: 'one\n# two' }],
    ['a sequence of mappings', 'a:\n  - b: 1\n    c: [x, y]\n  - b: 2\n', { a: [{ b: 1, c: ['x', 'y'] }, { b: 2 }] }],
    ['a sequence at its key\'s indentation', 'a:\n- 1\n- two\nb: 3\n', { a: [1, 'two'], b: 3 }],
    ['a block scalar in a sequence item\'s mapping', 'a:\n  - b: >-\n      one\n      two\n    c: 3\n', { a: [{ b: 'one two', c: 3 }] }],
    ['deep nesting', 'a:\n  b:\n    c:\n      d: 1\n  e: 2\n', { a: { b: { c: { d: 1 } }, e: 2 } }],
    ['"key:" with nothing after it', 'a:\nb: 1\n', { a: null, b: 1 }],
    ['comments everywhere', '# head\na: 1 # one\n  # indented\nb:\n  # before\n  - 2 # two\n', { a: 1, b: [2] }],
    ['a nested empty item list value', 'a:\n  -\n    b: 1\n', { a: [{ b: 1 }] }],
  ])('reads %s', (_name, text, expected) => {
    expect(full(text)).toEqual(expected);
    expect(parseBlockYaml(text)).toEqual(expected);
  });

  it.each([
    ['keep chomping', 'a: >+\n  one\n\n'],
    ['an indentation indicator', 'a: >2\n   one\n'],
    ['a more-indented line in a folded scalar', 'a: >-\n  one\n    two\n'],
    ['trailing spaces in a block scalar', 'a: |-\n  one \n'],
    ['leading empty lines in a block scalar', 'a: >-\n\n  one\n'],
    ['a comment after a block header', 'a: >- # note\n  one\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line plain scalar in a sequence', 'a:\n  - one\n    two\n'],
    ['uneven keys', 'a:\n  b: 1\n   c: 2\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a sequence item', 'a:\n  - b: 1\n    b: 2\n'],
    ['a __proto__ key', 'a:\n  __proto__: 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['an escape in double quotes', 'a: "x\\ny"\n'],
    ['a document marker', '---\na: 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a root sequence', '- a\n- b\n'],
    ['a key without a space after its colon', 'a:b\n'],
    ['a sequence item after a mapping entry at its indentation', 'a: 1\n- b\n'],
    ['an empty file', ''],
    ['a file of comments', '# just this\n'],
    ['a lone CR inside a line', 'a: 1\rb: 2\n'],
    ['a null key', 'a:\n  null: 1\n'],
    ['a key that YAML reads as a number', 'a:\n  - 007: x\n'],
    ['flow lists nested deeper than any orgfit file', `a: ${'['.repeat(40)}1${']'.repeat(40)}\n`],
    ['blocks nested deeper than any orgfit file', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(parseBlockYaml(text)).toBeUndefined();
  });

  it('never disagrees with the full parser on what it accepts, over mutated model files', () => {
    const texts = MODELS.map((f) => readFileSync(`${ROOT}${f}`, 'utf8').split('\n'));
    // Edits a person or a fuzzer makes: a line deleted, duplicated, re-indented, cut short, or a character put in.
    const odd = fc.constantFrom(' ', '  ', '#', ' #', ': ', '«', 'null', 'true', '1', '.5', '0x1', '- ', ':', '>', '|', '-', '"', "'", '[', ']', '{', '&a ', '*a', '!', '\t', '\u00a0', '\r', '', 'x');
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), at: fc.nat(), text: odd }),
      fc.record({ kind: fc.constant('blank' as const), line: fc.nat(), spaces: fc.integer({ min: 0, max: 8 }) }),
    );
    const mutated = fc.tuple(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([m, edits]) => {
      const lines = [...texts[m]!];
      for (const e of edits) {
        const n = e.line % lines.length;
        const line = lines[n]!;
        if (e.kind === 'delete') lines.splice(n, 1);
        else if (e.kind === 'duplicate') lines.splice(n, 0, line);
        else if (e.kind === 'indent') lines[n] = e.by >= 0 ? ' '.repeat(e.by) + line : line.replace(new RegExp(`^ {0,${-e.by}}`), '');
        else if (e.kind === 'cut') lines[n] = line.slice(0, e.at % (line.length + 1));
        else if (e.kind === 'insert') lines[n] = line.slice(0, e.at % (line.length + 1)) + e.text + line.slice(e.at % (line.length + 1));
        else lines.splice(n, 0, ' '.repeat(e.spaces));
      }
      return lines.join('\n');
    });
    let accepted = 0;
    fc.assert(
      fc.property(mutated, (source) => {
        const fast = parseBlockYaml(source);
        if (fast === undefined) return;
        accepted++;
        let expected: unknown;
        try {
          expected = full(source);
        } catch {
          throw new Error(`the fast path accepted text the full parser rejects:\n${source}`);
        }
        expect(fast).toEqual(expected);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    // Most single edits leave valid YAML: the property is tried on texts the fast path really reads.
    expect(accepted).toBeGreaterThan(300);
  });
});
