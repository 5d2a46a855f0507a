import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseBlockYaml } from '../../src/load/block-yaml.js';
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
    ['a null key', 'null: 1\n'],
    ['a key that YAML reads as a number', '0x1F: 1\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  // The fuzz of the reliability review (D12) found these four: JavaScript's trim() strips
  // Unicode spaces that YAML counts as text, and a CR at the very end was dropped.
  const plain = 'format: orgfit/answers@1\nmunicipality: Bydel Nord\nanswers:\n  staff-fte: 4\n';
  it.each([
    ['a no-break space before a number (fuzz seed 1, case 912)', plain.replace('staff-fte: 4', 'share-long-term-recipients:\u00a055')],
    ['a no-break space before a number after the blank', plain.replace('staff-fte: 4', 'share-long-term-recipients: \u00a055')],
    ['a line holding only a no-break space (seed 1, case 3434)', `${plain}\u00a0\n`],
    ['a lone CR at the end of the text (seed 1, case 4685)', `${plain}\r`],
    ['indentation and a no-break space on an empty line (seed 2, case 2965)', `${plain}  \u00a0\n`],
    ['a byte-order mark inside the text', `${plain}  \ufeffstaff: 1\n`],
    ['a line separator (U+2028)', `${plain}  x: a\u2028b\n`],
    ['a paragraph separator (U+2029) before a value', `${plain}  x:\u20291\n`],
    ['an ideographic space (U+3000) as indentation', `${plain}\u3000x: 1\n`],
    ['a vertical tab', `${plain}  x: 1\u000b\n`],
    ['a form feed', `${plain}\u000c\n`],
    ['a next-line character (U+0085)', `${plain}  x: a\u0085b\n`],
    ['an escape character', `municipality: Evil\u001b[2J\n`],
    ['a CR inside a line', `a: 1\rb: 2\n`],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });

  it('still takes CRLF line ends itself', () => {
    expect(parseSimpleYaml(plain.replace(/\n/g, '\r\n'))).toEqual(full(plain));
  });

  it('never disagrees with the full parser on what it accepts', () => {
    // White space and controls that JavaScript and YAML read differently (D12 of the reliability review).
    const odd = fc.constantFrom('\u00a0', '\ufeff', '\u2028', '\u2029', '\u3000', '\u200b', '\u0085', '\r', '\u000b', '\u000c', '\u001b', '\t', ' ');
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
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(key, value, comment).map(([k, v, c]) => `${k}: ${v}${c}`) },
      // The same with an odd character before the value, after it, or as a line of its own.
      { weight: 1, arbitrary: fc.tuple(key, odd, value).map(([k, o, v]) => `${k}:${o}${v}`) },
      { weight: 1, arbitrary: fc.tuple(key, value, odd).map(([k, v, o]) => `${k}: ${v}${o}`) },
      { weight: 1, arbitrary: odd },
    );
    const text = fc
      .tuple(fc.array(line, { maxLength: 5 }), key, fc.array(line, { maxLength: 6 }), fc.constantFrom(2, 4), fc.constantFrom('\n', '\r\n'))
      .map(([top, nestedKey, nested, indent, eol]) => [...top, `${nestedKey}:`, ...nested.map((l) => ' '.repeat(indent) + l), '# end'].join(eol) + eol);
    fc.assert(
      fc.property(text, (source) => {
        // The block path (./block-yaml.ts) reads these texts too: both are held to the full parser.
        const block = parseBlockYaml(source);
        if (block !== undefined) expect(block).toEqual(full(source));
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
