import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src/render/score-csv.js';
import { pad, sliceColumns, truncate, visible, visibleDeep, width, wrap } from '../../src/render/text.js';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';

// D10, D11 and D15 of the reliability review: text from files reached the terminal raw
// (ESC sequences, CR, C1 CSI, bidi overrides), "-1+…" reached spreadsheets as a formula,
// and long or CJK names ran past the table's width.

const HOSTILE: [string, string, string][] = [
  ['ESC (clear screen, window title, bell)', 'Evil\u001b[2J\u001b]0;pwned\u0007', 'Evil\\u001b[2J\\u001b]0;pwned\\u0007'],
  ['OSC 52 (write the clipboard)', '\u001b]52;c;ZWNobyBoaQ==\u0007', '\\u001b]52;c;ZWNobyBoaQ==\\u0007'],
  ['CR (overwrite the line)', 'Bygdvik\rHacked', 'Bygdvik\\rHacked'],
  ['LF and tab', 'two\nlines\tand a tab', 'two\\nlines\\tand a tab'],
  ['C1 CSI (U+009B)', 'x\u009b2Jy', 'x\\u009b2Jy'],
  ['DEL', 'a\u007fb', 'a\\u007fb'],
  ['a right-to-left override (U+202E)', 'abc\u202Egpj.exe', 'abc\\u202egpj.exe'],
  ['bidi isolates (U+2066-U+2069) and marks (U+200E, U+061C)', '\u2066a\u2069\u200e\u061c', '\\u2066a\\u2069\\u200e\\u061c'],
  ['a line separator (U+2028)', 'a\u2028b', 'a\\u2028b'],
];

describe('visible', () => {
  it.each(HOSTILE)('shows %s escaped', (_name, text, shown) => {
    expect(visible(text)).toBe(shown);
  });

  it('leaves ordinary text alone, Norwegian, CJK and emoji included', () => {
    for (const text of ['Bygdvik kommune', 'Bydel Nord – Oslo', 'Årdal «sør»', '漢字', '👩‍⚕️ team', '']) expect(visible(text)).toBe(text);
  });

  it('visibleDeep escapes every string in a tree, keeps numbers, booleans and keys', () => {
    expect(visibleDeep({ a: 'x\u001b', b: [1, 'y\r', { c: true, 'k\u001b': null }] })).toEqual({ a: 'x\\u001b', b: [1, 'y\\r', { c: true, 'k\u001b': null }] });
    // Only what changed is copied: the input is left as it was, and a safe part is the same object.
    const safe = { c: [1, 'fine'], d: { e: 'ok' } };
    const input = { a: 'x\u001b', safe, list: ['ok', 'y\r'] };
    const out = visibleDeep(input);
    expect(input).toEqual({ a: 'x\u001b', safe: { c: [1, 'fine'], d: { e: 'ok' } }, list: ['ok', 'y\r'] });
    expect(out.safe).toBe(safe);
    expect(out.list).toEqual(['ok', 'y\\r']);
    expect(visibleDeep(safe)).toBe(safe);
  });
});

describe('width, truncate, pad and wrap count terminal columns', () => {
  it('counts CJK as two columns, combining marks and colour codes as none', () => {
    expect(width('漢字')).toBe(4);
    expect(width('e\u0301')).toBe(1);
    expect(width('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(sliceColumns('漢字漢字', 5)).toBe('漢字');
  });

  it('counts «», –, −, ⊕ and ø as one column each, 漢 and 😀 as two, U+200B as none, unit by unit or code point by code point alike', () => {
    expect(width('«ø» – −1 ⊕')).toBe(10);
    expect(width('😀漢\u200bx')).toBe(5);
    // A colour code takes the general way (codes stripped, code point by code point): the same count for any text.
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => width(text) === width(`\u001b[0m${text}`)),
      { numRuns: 2000 },
    );
  });

  it('wrap keeps a running width and gives the lines of measuring each candidate line whole (the way before), for words of every width, colour codes and indents', () => {
    const word = fc.oneof(
      fc.constantFrom('', 'a', 'ord', 'kommunen', '\u001b[1mfet\u001b[22m', '漢字', 'e\u0301', '😀', '–', '«ø»', 'x'.repeat(30), '漢'.repeat(25), 'langtordutenmellomrom'.repeat(4)),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((w) => w.replace(/[ \n\u001b]/g, '')),
    );
    const paragraph = fc.tuple(fc.constantFrom('', '  ', '\u001b[2m  '), fc.array(word, { maxLength: 30 })).map(([lead, words]) => lead + words.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.integer({ min: 10, max: 100 }), fc.constantFrom('', '  ', '    '), fc.constantFrom('', '- ', '\u001b[1m* \u001b[22m'), (paragraphs, columns, indent, first) => {
        const text = paragraphs.join('\n');
        expect(wrap(text, columns, { indent, first })).toEqual(referenceWrap(text, columns, { indent, first }));
      }),
      { numRuns: 1500 },
    );
  });

  it('fits and pads CJK by width', () => {
    expect(width(truncate('漢'.repeat(200), 29))).toBeLessThanOrEqual(29);
    expect(width(pad('漢字', 6))).toBe(6);
  });

  it('cuts a word longer than the line instead of letting it run past the edge', () => {
    for (const line of wrap('A'.repeat(200), 80, { indent: '  ' })) expect(width(line)).toBeLessThanOrEqual(80);
    for (const line of wrap('漢'.repeat(200), 80, { indent: '  ' })) expect(width(line)).toBeLessThanOrEqual(80);
    expect(wrap('A'.repeat(200), 80, { indent: '  ' }).join('').replace(/ /g, '')).toBe('A'.repeat(200));
  });
});

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['@SUM(1)', "'@SUM(1)"],
    ['-1+1', "'-1+1"],
    ['-1+HYPERLINK("http://evil")', `"'-1+HYPERLINK(""http://evil"")"`],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1', "\\t=1+1"],
    ['\r=1+1', '\\r=1+1'],
    ['Evil\u001b[2J', 'Evil\\u001b[2J'],
  ])('neutralises %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it.each([['-12.5'], ['-3'], ['0'], ['42'], ['1e-7'], ['-1.5e+30'], [' =1+1'], ['Bygdvik kommune']])('leaves %j as it is', (text) => {
    expect(csvCell(text)).toBe(text);
  });
});

describe('the commands print file text harmlessly', () => {
  let dir: string;
  const example = readFileSync(join(ROOT, 'seeds/examples/bygdvik.yaml'), 'utf8');
  const EVIL = 'Evil\\e[2J\\e]0;pwned\\a\\r\\u009b\\u202e';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgfit-text-safety-'));
    writeFileSync(join(dir, 'evil.yaml'), example.replace(/^municipality: .*$/m, `municipality: "${EVIL}"\nscenario: "\\e[31mred"`));
    writeFileSync(join(dir, 'long.yaml'), example.replace(/^municipality: .*$/m, `municipality: ${'漢'.repeat(200)}`));
    const model = readFileSync(join(ROOT, 'models/specialised.yaml'), 'utf8').replace(/^id: .*$/m, 'id: my-model').replace('  en: Specialised model', '  en: "Mine\\e[2J\\u202e"');
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'models/my-model.yaml'), model);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    ['score (table)', ['score', 'evil.yaml', '--samples', '20']],
    ['score (csv)', ['score', 'evil.yaml', '--format', 'csv', '--samples', '20']],
    ['score (two files, with the summary)', ['score', 'evil.yaml', 'long.yaml', '--samples', '20']],
    ['explain', ['explain', 'specialised', 'evil.yaml']],
    ['score with a model named with ESC', ['--models', 'models', 'score', 'evil.yaml', '--samples', '20']],
    ['explain of that model', ['--models', 'models', 'explain', 'my-model', 'evil.yaml']],
    ['models', ['--models', 'models', 'models']],
    ['sources', ['sources']],
    ['sources --findings', ['sources', '--findings']],
    // JSON escapes C0 itself; C1, bidi and separators are escaped too, which means the same to a parser.
    ['score (json)', ['score', 'evil.yaml', '--format', 'json', '--samples', '20']],
    ['explain (json)', ['explain', 'specialised', 'evil.yaml', '--format', 'json']],
    ['models (json), with a model named with ESC', ['--models', 'models', 'models', '--format', 'json']],
    ['score (json) with that model', ['--models', 'models', 'score', 'evil.yaml', '--format', 'json', '--samples', '20']],
    ['validate (github) of that model', ['validate', 'models/my-model.yaml', '--format', 'github']],
    ['validate (sarif) of that model', ['validate', 'models/my-model.yaml', '--format', 'sarif']],
  ])('%s: no control or bidi character reaches the terminal', async (_name, argv) => {
    const ran = await cli(['--lang', 'en', ...argv], { cwd: dir });
    expect(ran.code).toBe(0);
    // CSV ends its lines with CRLF (RFC 4180); any other CR came from the file.
    expect(ran.stdout.replace(/\r\n/g, '\n')).not.toMatch(raw);
    if (argv.includes('evil.yaml')) expect(ran.stdout).toContain('Evil\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u009b\\u202e');
    if (argv.includes('json')) expect(JSON.stringify(JSON.parse(ran.stdout))).toContain(argv.includes('evil.yaml') ? '"Evil\\u001b[2J' : 'Mine\\u001b[2J');
  });

  it('a JSON output with escaped bidi characters parses to the very text of the file', async () => {
    const ran = await cli(['--lang', 'en', 'score', 'evil.yaml', '--format', 'json', '--samples', '20'], { cwd: dir });
    expect(JSON.parse(ran.stdout).municipality).toBe('Evil\u001b[2J\u001b]0;pwned\u0007\r\u009b\u202e');
  });

  it('the score table of a 200-character CJK name stays within 80 columns', async () => {
    const ran = await cli(['--lang', 'en', 'score', 'long.yaml', 'evil.yaml', '--samples', '20'], { cwd: dir, columns: 80 });
    for (const line of ran.stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
  });
});

/** wrap as it was, measuring every candidate line whole: the oracle of the running width. */
function referenceWrap(text: string, columns: number, { indent = '', first = '' }: { indent?: string; first?: string } = {}): string[] {
  const lines: string[] = [];
  text.split('\n').forEach((paragraph, i) => {
    // The paragraph's own leading whitespace, after any colour code.
    const lead = /^((?:\x1b\[[0-9;]*m)*\s*)/.exec(paragraph)![1]!;
    let line = (i === 0 ? first : '') + lead;
    let empty = true;
    for (let word of paragraph.slice(lead.length).split(' ')) {
      if (word === '') continue;
      const candidate = empty ? line + word : `${line} ${word}`;
      if (!empty && width(candidate) > columns) {
        lines.push(line);
        line = indent + word;
      } else {
        line = candidate;
      }
      empty = false;
      // Cut only where at least 8 columns are left for the piece; a short line keeps its word whole.
      while (width(line) > columns) {
        const start = line.length - word.length;
        const room = columns - width(line.slice(0, start));
        if (room < 8) break;
        const piece = sliceColumns(word, room);
        if (piece === '') break;
        lines.push(line.slice(0, start) + piece);
        word = word.slice(piece.length);
        line = indent + word;
      }
    }
    lines.push(line);
  });
  return lines;
}
