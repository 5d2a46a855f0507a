import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../src/load/fast-yaml.js';
import { ROOT } from '../helpers/kb.js';

/** The full parser's reading, as orgfit configures it. */
const full = (text: string): unknown => parse(text, { version: '1.2', uniqueKeys: true });

describe('the fast path for plain YAML', () => {
  it.each(readdirSync(`${ROOT}seeds/examples`).map((f) => [f]))('reads the example %s exactly as the full parser does', (file) => {
    const text = readFileSync(`${ROOT}seeds/examples/${file}`, 'utf8');
    const value = parseSimpleYaml(text);
    expect(value).toBeDefined();
    expect(value).toEqual(full(text));
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a block list', 'a:\n  - 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a tab', 'a:\t1\n'],
    ['an escape', 'a: "x\\ny"\n'],
    ['an octal-looking number', 'a: 007\n'],
    ['an exponent', 'a: 1e5\n'],
    ['.inf', 'a: .inf\n'],
    ['a document marker', '---\na: 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a nested flow list', 'a: [[1]]\n'],
    ['a continuation line', 'a: one\n  two\n'],
    ['deeper nesting', 'a:\n  b:\n    c: 1\n'],
    ['uneven nesting', 'a:\n  b: 1\n   c: 2\n'],
    ['a colon in a plain value', 'a: b: c\n'],
    ['-0', 'a: -0\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  it('never disagrees with the full parser on what it accepts', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
    const scalar = fc.oneof(
      fc.integer({ min: -1000, max: 100000 }).map(String),
      fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => n.toFixed(2)),
      fc.constantFrom('true', 'false', 'null', '~', 'True', 'NULL', 'yes', 'no', 'on', 'dont-know', 'NaN', '.nan', '0x1F', '0o17', '1e3', '+1', '-0', '007', ''),
      fc.stringMatching(/^[\p{L}][\p{L}\p{N} .,()'’–:#"\\-]{0,20}$/u),
      fc.stringMatching(/^[\p{L}\p{N} .,:#'-]{0,12}$/u).map((s) => `"${s}"`),
      fc.stringMatching(/^[\p{L}\p{N} .,:#-]{0,12}$/u).map((s) => `'${s}'`),
    );
    const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`) });
    const comment = fc.constantFrom('', ' # note', '  #', '');
    const line = fc.tuple(key, value, comment).map(([k, v, c]) => `${k}: ${v}${c}`);
    const text = fc
      .tuple(fc.array(line, { maxLength: 5 }), key, fc.array(line, { maxLength: 6 }), fc.constantFrom(2, 4), fc.constantFrom('\n', '\r\n'))
      .map(([top, nestedKey, nested, indent, eol]) => [...top, `${nestedKey}:`, ...nested.map((l) => ' '.repeat(indent) + l), '# end'].join(eol) + eol);
    fc.assert(
      fc.property(text, (source) => {
        const fast = parseSimpleYaml(source);
        if (fast === undefined) return;
        let expected: unknown;
        try {
          expected = full(source);
        } catch {
          throw new Error(`the fast path accepted text the full parser rejects:\n${source}`);
        }
        expect(fast).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts most generated answers files (so the fast path is really used)', () => {
    const text = readFileSync(`${ROOT}seeds/examples/elvestad.yaml`, 'utf8');
    expect(parseSimpleYaml(text)).toMatchObject({ format: 'orgfit/answers@1', answers: { 'staff-fte': 35 } });
  });
});
