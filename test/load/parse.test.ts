import { describe, expect, it } from 'vitest';
import { MAX_BYTES, MAX_DEPTH, parseYaml, type Parsed, type PlacedIssue } from '../../src/load/parse.js';
import { validateText } from '../../src/i18n/validate.js';
import { aliasBomb } from '../fixtures/validate/texts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string): Parsed => parseYaml(utf8(text));
/** `rule@line:column` for every issue, in the order parseYaml gives them. */
const where = (issues: readonly PlacedIssue[]): string[] => issues.map((i) => `${i.rule}@${i.position.line}:${i.position.column}`);
/** The English detail of a syntax issue (a known error code's detail is a message of the catalog). */
const detailOf = (issue: PlacedIssue): string => {
  const detail = issue.params?.detail;
  return typeof detail === 'object' && 'message' in detail ? validateText('en', detail.message, detail.params) : String(detail);
};
const rules = (issues: readonly PlacedIssue[]): string[] => [...new Set(issues.map((i) => i.rule))];
/** A parameter in both languages' words: a message of the validate catalog, or a plain value as it is. */
const inWords = (param: unknown): unknown =>
  typeof param === 'object' && param !== null && 'message' in param
    ? Object.fromEntries((['nb', 'en'] as const).map((lang) => [lang, validateText(lang, (param as { message: never }).message, (param as { params?: never }).params)]))
    : param;
const paramsInWords = (issue: PlacedIssue) => Object.fromEntries(Object.entries(issue.params ?? {}).map(([name, value]) => [name, inWords(value)]));

describe('parseYaml: valid input', () => {
  it('returns the data and no issues', () => {
    const parsed = parse('format: orgfit/model@1\nlist: [1, two, true]\nnested:\n  a: 1.5\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({ format: 'orgfit/model@1', list: [1, 'two', true], nested: { a: 1.5 } });
  });

  it('accepts a UTF-8 byte-order mark and keeps it out of the first key', () => {
    const parsed = parseYaml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a: 1\nb: ø\n')]));
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({ a: 1, b: 'ø' });
  });

  it('accepts CRLF line ends', () => {
    const parsed = parse('a: 1\r\nb: 2\r\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({ a: 1, b: 2 });
  });

  it('reads an empty file as null without issues (the validator then asks for format:)', () => {
    const parsed = parse('');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toBeNull();
    expect(parsed.locate(['format'])).toMatchObject({ line: 1, column: 1 });
  });

  it('reads a comment-only file as null', () => {
    const parsed = parse('# nothing here\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toBeNull();
  });

  it('reads a list or a scalar root as such (the file kind is judged later)', () => {
    expect(parse('- a\n- b\n')).toMatchObject({ issues: [], value: ['a', 'b'] });
    expect(parse('hello\n')).toMatchObject({ issues: [], value: 'hello' });
    expect(parse('42\n')).toMatchObject({ issues: [], value: 42 });
  });
});

describe('parseYaml: syntax errors', () => {
  it('reports a mapping item at the wrong indentation on its line', () => {
    const parsed = parse('a:\n  b: 1\n c: 2\n');
    expect(where(parsed.issues)).toEqual(['yaml-syntax@3:1']);
    expect(parsed.value).toBeUndefined();
  });

  it('reports tab indentation where the tab is', () => {
    expect(where(parse('a: 1\nb:\n\tc: 1\n').issues)).toEqual(['yaml-syntax@3:1']);
  });

  it('reports a stray closing bracket where it is', () => {
    const parsed = parse('a: 1\nb: }\n');
    expect(where(parsed.issues)).toEqual(['yaml-syntax@2:4']);
    expect(detailOf(parsed.issues[0]!)).toContain('}');
  });

  it('reports an unclosed quote where the file ends (as yamllint does), with a message that says so', () => {
    const parsed = parse('a: "abc\nb: 2\n');
    expect(where(parsed.issues)).toEqual(['yaml-syntax@3:1']);
    expect(detailOf(parsed.issues[0]!)).toMatch(/quote/i);
  });

  it('gives the detail without the library\'s own "at line x, column y" suffix', () => {
    for (const issue of parse('a: "abc\nb: 2\n').issues) expect(detailOf(issue)).not.toMatch(/at line \d+/);
  });

  it('reports a multi-document file at the second document', () => {
    const parsed = parse('---\na: 1\n---\nb: 2\n');
    expect(where(parsed.issues)).toEqual(['yaml-syntax@3:1']);
    expect(detailOf(parsed.issues[0]!)).toMatch(/more than one YAML document/i);
    expect(parsed.value).toBeUndefined();
  });

  // Regression test for a fixed bug (src/load/parse.ts, parseText → firstLine(error.message)): the yaml library's
  // message is passed through verbatim: "Source contains multiple documents; please use
  // YAML.parseAllDocuments()". That advice names a JavaScript API, not something the
  // author of a YAML file can act on; it should say "one document per file; remove the
  // second `---`".
  it('explains a multi-document file in the author\'s terms, not the parser API\'s', () => {
    const detail = detailOf(parse('---\na: 1\n---\nb: 2\n').issues[0]!);
    expect(detail).not.toMatch(/parseAllDocuments/);
  });
});

describe('parseYaml: duplicate keys', () => {
  it('reports the second occurrence of a key, and returns no value', () => {
    const parsed = parse('a: 1\nb: 2\na: 3\n');
    expect(where(parsed.issues)).toEqual(['yaml-duplicate-key@3:1']);
    expect(parsed.value).toBeUndefined();
  });

  it('reports a duplicate inside a nested mapping at its own column', () => {
    expect(where(parse('x:\n  a: 1\n  b: 2\n  a: 2\n').issues)).toEqual(['yaml-duplicate-key@4:3']);
  });

  it('reports a duplicate inside a flow mapping', () => {
    expect(where(parse('x: { a: 1, a: 2 }\n').issues)).toEqual(['yaml-duplicate-key@1:12']);
  });

  it('reports every duplicate, sorted by position', () => {
    expect(where(parse('a: 1\nb: 1\nb: 2\na: 2\n').issues)).toEqual(['yaml-duplicate-key@3:1', 'yaml-duplicate-key@4:1']);
  });

  // Regression test for a fixed bug (src/load/parse.ts, parseText: `path: []` for every library error): a duplicate
  // key is reported with the empty JSON pointer ("" = the whole file) although the key's
  // path is known; `/x/a` would let the json/sarif/github outputs point at it, as the
  // product asks ("1-based line:column plus a JSON-pointer path in every format").
  it('gives a duplicate key the path of the key', () => {
    const issue = parse('x:\n  a: 1\n  a: 2\n').issues[0]!;
    expect(issue.path).toEqual(['x', 'a']);
  });
});

describe('parseYaml: aliases', () => {
  it('refuses an alias, at the alias, and does not resolve it', () => {
    const parsed = parse('a: &x 1\nb: *x\n');
    expect(where(parsed.issues)).toEqual(['yaml-alias@2:4']);
    expect(parsed.issues[0]).toMatchObject({ path: ['b'], params: { alias: 'x' } });
    expect(parsed.value).toEqual({ a: 1, b: null });
  });

  it('refuses a merge key alias', () => {
    const parsed = parse('base: &b { x: 1 }\nc:\n  <<: *b\n');
    expect(where(parsed.issues)).toEqual(['yaml-alias@3:7']);
    expect((parsed.value as { c: Record<string, unknown> }).c.x).toBeUndefined();
  });

  it('refuses an alias whose anchor does not exist', () => {
    expect(rules(parse('a: 1\nb: *nowhere\n').issues)).toContain('yaml-alias');
  });

  it('stops a billion-laughs bomb quickly, without expanding it', () => {
    const bomb = aliasBomb();
    const started = performance.now();
    const parsed = parse(bomb);
    const elapsed = performance.now() - started;
    // Expanded, this is 10^10 strings; unexpanded it is 90 alias nodes.
    expect(elapsed).toBeLessThan(10_000); // a guard against hanging, not a timing target
    expect(parsed.issues).toHaveLength(90);
    expect(rules(parsed.issues)).toEqual(['yaml-alias']);
    expect(where(parsed.issues)[0]).toBe('yaml-alias@2:8');
    expect(JSON.stringify(parsed.value ?? null).length).toBeLessThan(bomb.length * 2);
    const value = parsed.value as Record<string, unknown[]>;
    expect(value.j).toEqual(Array.from({ length: 10 }, () => null));
  });
});

describe('parseYaml: prototype keys', () => {
  it('refuses __proto__, constructor and prototype keys at every depth, with their positions', () => {
    const parsed = parse('x: 1\n__proto__:\n  polluted: true\nconstructor: { prototype: { p: 1 } }\nn:\n  - prototype: 3\n');
    expect(where(parsed.issues)).toEqual(['yaml-forbidden-key@2:1', 'yaml-forbidden-key@4:1', 'yaml-forbidden-key@6:5']);
    expect(parsed.issues.map((i) => i.path)).toEqual([['__proto__'], ['constructor'], ['n', 0, 'prototype']]);
  });

  it('leaves the forbidden keys out of the value and Object.prototype untouched', () => {
    const parsed = parse('x: 1\n__proto__:\n  polluted: true\n"constructor": 2\nnested: { __proto__: { polluted: true } }\n');
    const value = parsed.value as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(value).sort()).toEqual(['nested', 'x']);
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    expect(Object.hasOwn(value, 'constructor')).toBe(false);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(value.nested as object)).toEqual([]);
    expect(Object.getPrototypeOf(value.nested)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a quoted "__proto__" key too', () => {
    expect(where(parse('"__proto__": { polluted: 1 }\n').issues)).toEqual(['yaml-forbidden-key@1:1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseYaml: complex keys', () => {
  it('refuses a collection as a key', () => {
    const parsed = parse('? [a, b]\n: 1\nc: 2\n');
    expect(where(parsed.issues)).toEqual(['yaml-complex-key@1:3']);
    expect(parsed.value).toEqual({ c: 2 });
  });
});

describe('parseYaml: nesting depth', () => {
  it(`accepts nesting up to ${MAX_DEPTH} levels`, () => {
    const parsed = parse('a: ' + '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + '\n');
    expect(parsed.issues).toEqual([]);
  });

  it('refuses 100 levels of flow nesting, at the first level too deep', () => {
    const parsed = parse('a: ' + '['.repeat(100) + ']'.repeat(100) + '\n');
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
    expect(parsed.issues).toHaveLength(1);
    // Level 1 is `a`'s list at column 4; level 65 (the first too deep) opens 64 brackets later.
    expect(where(parsed.issues)).toEqual(['yaml-too-deep@1:68']);
    expect(parsed.issues[0]!.params).toEqual({ limit: MAX_DEPTH });
  });

  it('refuses 100 levels of block nesting, at the first level too deep', () => {
    let text = '';
    for (let i = 0; i < 100; i++) text += `${' '.repeat(2 * i)}k${i}:\n`;
    text += `${' '.repeat(200)}leaf\n`;
    const parsed = parse(text);
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
    // The value of k64 (depth 65) begins on the line of k65, at its key.
    expect(where(parsed.issues)).toEqual(['yaml-too-deep@66:131']);
    expect(parsed.issues[0]!.path).toHaveLength(MAX_DEPTH + 1);
  });

  // Same bug as below, at a depth a hand-made file can reach: the library's stack gives
  // out at roughly 800-1000 levels, long before anything is "huge".
  it('reports 5 000 levels of nesting as too deep only', () => {
    const parsed = parse('['.repeat(5_000) + ']'.repeat(5_000) + '\n');
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
  });

  // Parsing this takes a second or two; both tests below share one parse.
  let huge: Parsed | undefined;
  const hugeNesting = (): Parsed => (huge ??= parse('['.repeat(100_000) + ']'.repeat(100_000) + '\n'));

  it('survives 100 000 levels of flow nesting with an issue, without throwing', () => {
    let parsed: Parsed | undefined;
    expect(() => {
      parsed = hugeNesting();
    }).not.toThrow();
    expect(parsed!.issues.length).toBeGreaterThan(0);
    expect(parsed!.issues[0]).toMatchObject({ rule: 'yaml-too-deep', position: { line: 1, column: 66 } });
  });

  // Regression test for a fixed bug (src/load/parse.ts, parseText): the nesting limit is only checked after the yaml
  // library has composed the whole tree, so for very deep input the library's own
  // recursion overflows the stack first, and those RangeErrors come back as extra
  // "yaml-syntax: Invalid YAML: Maximum call stack size exceeded" issues (sometimes
  // "Invalid regular expression: /(.*?)\r?\n/sy: Stack overflow") at arbitrary columns,
  // with the hint "fix the indentation, colons or quotes". The depth should be bounded
  // before composing (e.g. from the token stream) and reported once as yaml-too-deep.
  // In one standalone run the regex compile near the stack limit even aborted the
  // process (V8 "FATAL ERROR: RegExpCompiler Allocation failed").
  it('reports 100 000 levels of nesting as too deep only, never as a stack overflow', () => {
    const parsed = hugeNesting();
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
    for (const issue of parsed.issues) expect(JSON.stringify(issue.params)).not.toMatch(/stack/i);
  });

  // D4 of the reliability review: the prescan counted a bracket only after " : " or "- ",
  // so "deep: [[[[…" (a colon right after the key) reached the library 20,000 deep, and it
  // answered "Maximum call stack size exceeded".
  it.each([
    ['a flow list after a key', 'deep: ' + '['.repeat(20_000) + '\n', 'yaml-too-deep@2:71'],
    ['a flow mapping after a key', 'deep: ' + '{'.repeat(20_000) + '\n', 'yaml-too-deep@2:71'],
    ['closed flow lists after a key', 'deep: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n', 'yaml-too-deep@2:71'],
    ['a flow list in a list item', '- ' + '['.repeat(20_000) + '\n', 'yaml-too-deep@2:67'],
  ])('refuses 20,000 levels of %s before the YAML library sees them, at the level too deep', (_name, deep, expected) => {
    const parsed = parse(`a: 1\n${deep}`);
    expect(where(parsed.issues)).toEqual([expected]);
  });

  it('scans half a million brackets on one line in one pass (the prescan was quadratic in the line length)', () => {
    // The old prescan took about a minute on this (and 20 s and more for 1 MB); the test's own timeout is the bound, not a timing target.
    const parsed = parse('deep: ' + '['.repeat(500_000) + '\n');
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
  });

  it('places too-deep block lists ("- - - …") at their line, not at 1:1', () => {
    const parsed = parse('a: 1\nb: 2\nc:\n' + '- '.repeat(1_000) + 'x\n');
    expect(rules(parsed.issues)).toEqual(['yaml-too-deep']);
    expect(parsed.issues[0]!.position.line).toBe(4);
  });

  it('counts no bracket inside plain text or quotes', () => {
    expect(parse(`a: text with ${'['.repeat(300)} brackets\n`).issues).toEqual([]);
    expect(parse(`a: "${'['.repeat(300)}"\n`).issues).toEqual([]);
    expect(parse(`a: x # ${'['.repeat(300)}\n`).issues).toEqual([]);
  });
});

describe('parseYaml: encodings and sizes', () => {
  it('refuses binary data with NUL bytes', () => {
    const parsed = parseYaml(new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]));
    expect(where(parsed.issues)).toEqual(['file-encoding@1:1']);
    expect(parsed.issues[0]!.params).toEqual({ encoding: 'binary' });
    expect(parsed.value).toBeUndefined();
  });

  it('refuses UTF-16 in either byte order', () => {
    const le = parseYaml(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00]));
    const be = parseYaml(new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0x3a]));
    for (const parsed of [le, be]) {
      expect(where(parsed.issues)).toEqual(['file-encoding@1:1']);
      expect(parsed.issues[0]!.params).toEqual({ encoding: 'UTF-16' });
    }
  });

  it('refuses bytes that are not UTF-8 (Latin-1 ø) at the first bad byte, naming Windows-1252', () => {
    const parsed = parseYaml(new Uint8Array([...utf8('a: 1\nname: Bj'), 0xf8, ...utf8('rn\n')]));
    expect(where(parsed.issues)).toEqual(['file-encoding@2:9']);
    expect(paramsInWords(parsed.issues[0]!)).toEqual({
      encoding: { nb: 'ser ut som Windows-1252 eller Latin-1: byten 0xF8 er «ø» der', en: 'it looks like Windows-1252 or Latin-1: byte 0xF8 is "ø" there' },
    });
  });

  it('counts characters, not bytes, for the column of a bad byte', () => {
    const parsed = parseYaml(new Uint8Array([...utf8('æøå: '), 0xc3, 0x28, 0x0a]));
    expect(where(parsed.issues)).toEqual(['file-encoding@1:6']);
    expect(paramsInWords(parsed.issues[0]!)).toEqual({ encoding: { nb: 'byten 0xC3 er ikke UTF-8', en: 'byte 0xC3 is not UTF-8' } });
  });

  it('calls UTF-16 without a byte-order mark by its name, not binary', () => {
    const le = new Uint8Array([...Buffer.from('format: orgfit/answers@1\n', 'utf16le')]);
    expect(where(parseYaml(le).issues)).toEqual(['file-encoding@1:1']);
    expect(paramsInWords(parseYaml(le).issues[0]!)).toEqual({ encoding: { nb: 'UTF-16 uten byte-rekkefølgemerke', en: 'UTF-16 without a byte-order mark' } });
  });

  it('shows a NUL byte in otherwise plain text where it is', () => {
    const parsed = parseYaml(utf8('a: 1\n# note\u0000\n'));
    expect(where(parsed.issues)).toEqual(['file-encoding@2:7']);
  });

  it('reads a file with CR-only line ends (old Mac) as YAML does: each CR ends a line', () => {
    const parsed = parse('a: 1\rb: two\r');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({ a: 1, b: 'two' });
  });

  it('says "more than" the limit when only a part was read (standard input)', () => {
    const parsed = parseYaml(new Uint8Array(0), MAX_BYTES + 1, true);
    expect(paramsInWords(parsed.issues[0]!)).toEqual({ bytes: { nb: `mer enn ${MAX_BYTES}`, en: `more than ${MAX_BYTES}` }, limit: MAX_BYTES });
  });

  it('refuses a 3 MB file without parsing it', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    const parsed = parseYaml(bytes);
    expect(performance.now() - started).toBeLessThan(10_000); // a guard against reading it, not a timing target
    expect(where(parsed.issues)).toEqual(['file-too-large@1:1']);
    expect(parsed.issues[0]!.params).toEqual({ bytes: 3 * 1024 * 1024, limit: MAX_BYTES });
  });

  it('refuses by the size given when the bytes were not read', () => {
    const parsed = parseYaml(new Uint8Array(0), 5_000_000);
    expect(parsed.issues.map((i) => i.rule)).toEqual(['file-too-large']);
    expect(parsed.issues[0]!.params).toMatchObject({ bytes: 5_000_000 });
  });

  it('accepts a file of exactly the limit', () => {
    const text = `a: "${'x'.repeat(MAX_BYTES - 6)}"\n`;
    expect(utf8(text).length).toBe(MAX_BYTES);
    expect(parse(text).issues).toEqual([]);
  });
});

describe('locate', () => {
  const parsed = parse('a:\n  b:\n    - x\n    - y: 1\n      z: [10, 20]\n  c: hello\nd: { e: 5 }\n');
  const at = (path: (string | number)[], atKey = false): string => {
    const p = parsed.locate(path, atKey);
    return `${p.line}:${p.column}`;
  };

  it('finds values in nested maps and lists', () => {
    expect(at(['a', 'b', 0])).toBe('3:7');
    expect(at(['a', 'b', 1, 'y'])).toBe('4:10');
    expect(at(['a', 'b', 1, 'z'])).toBe('5:10');
    expect(at(['a', 'b', 1, 'z', 1])).toBe('5:15');
    expect(at(['a', 'c'])).toBe('6:6');
    expect(at(['d', 'e'])).toBe('7:9');
  });

  it('finds keys when asked', () => {
    expect(at(['a'], true)).toBe('1:1');
    expect(at(['a', 'b', 1, 'y'], true)).toBe('4:7');
    expect(at(['d', 'e'], true)).toBe('7:6');
  });

  it('gives the whole value as a range', () => {
    expect(parsed.locate(['a', 'b', 1, 'z', 1])).toEqual({ line: 5, column: 15, endLine: 5, endColumn: 17 });
    expect(parsed.locate(['a', 'c'])).toEqual({ line: 6, column: 6, endLine: 6, endColumn: 11 });
  });

  it('falls back to the nearest existing ancestor for a missing path', () => {
    expect(at(['a', 'missing'])).toBe('2:3'); // the value of a
    expect(at(['a', 'b', 7])).toBe('3:5'); // the list under b
    expect(at(['a', 'b', 1, 'nope', 'deeper'])).toBe('4:7'); // the second list item
    expect(at(['a', 'c', 0])).toBe('6:6'); // into a scalar
    expect(at(['zz'])).toBe('1:1'); // the root
  });

  it('places the root of an empty path at 1:1', () => {
    expect(at([])).toBe('1:1');
  });
});
