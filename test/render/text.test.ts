import { describe, expect, it } from 'vitest';
import { decimal, pad, padStart, percent, signed, truncate, visible, visibleDeep, width, wrap } from '../../src/render/text.js';

describe('visible: text from files cannot drive the terminal', () => {
  it.each([
    ['ESC (colour, clearing the screen)', 'a\x1b[2Jb', 'a\\u001b[2Jb'],
    ['CR (overwriting the line)', 'safe\rEVIL', 'safe\\rEVIL'],
    ['LF and tab (a line or column of their own in a table)', 'two\nlines\tand a tab', 'two\\nlines\\tand a tab'],
    ['BEL and other C0 controls', 'ding\u0007', 'ding\\u0007'],
    ['C1 controls (NEL, CSI)', '\u0085\u009b31m', '\\u0085\\u009b31m'],
    ['bidi overrides and isolates (Trojan Source)', 'abc\u202edef\u2066x\u2069', 'abc\\u202edef\\u2066x\\u2069'],
    ['bidi marks and line separators', '\u200e\u200f\u061c\u2028\u2029', '\\u200e\\u200f\\u061c\\u2028\\u2029'],
  ])('escapes %s', (_, text, expected) => {
    expect(visible(text)).toBe(expected);
  });

  it('keeps ordinary text (Norwegian letters, dashes, no-break spaces)', () => {
    expect(visible('Første linje, andre – «sitat» 58\u00a0%')).toBe('Første linje, andre – «sitat» 58\u00a0%');
  });

  it('visibleDeep makes every string of a value visible, and keeps its shape', () => {
    expect(visibleDeep({ name: 'x\x1b', list: ['\r', 3], nested: { ok: true, none: null } })).toEqual({ name: 'x\\u001b', list: ['\\r', 3], nested: { ok: true, none: null } });
  });
});

describe('widths', () => {
  it('count code points and ignore colour codes', () => {
    expect(width('«ø»')).toBe(3);
    expect(width('\x1b[1mbold\x1b[22m')).toBe(4);
    expect(pad('ø', 3)).toBe('ø  ');
    expect(padStart('ø', 3)).toBe('  ø');
    expect(pad('long', 2)).toBe('long');
  });

  it('truncate marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});

describe('wrap', () => {
  it('breaks at spaces, with a first-line prefix kept as written and an indent after', () => {
    expect(wrap('one two three four', 10, { first: '#  1. ', indent: '#     ' })).toEqual(['#  1. one', '#     two', '#     three', '#     four']);
  });

  it('keeps each paragraph and its leading whitespace, and a word longer than the width whole', () => {
    expect(wrap('  a b\nlongerthanwidth c', 5, { indent: '..' })).toEqual(['  a b', 'longerthanwidth', '..c']);
  });

  it('does not count colour codes', () => {
    expect(wrap('\x1b[1maaaa\x1b[22m bbbb', 9)).toEqual(['\x1b[1maaaa\x1b[22m bbbb']);
  });
});

describe('numbers for people', () => {
  it('use the language’s decimal separator, percent sign and a real minus', () => {
    expect(decimal(2.5, 1, 'nb')).toBe('2,5');
    expect(decimal(2.5, 1, 'en')).toBe('2.5');
    expect(percent(0.583, 'nb')).toBe('58\u00a0%');
    expect(percent(0.583, 'en')).toBe('58%');
    expect(signed(-2.14, 1, 'en')).toBe('−2.1');
    expect(signed(3, 0, 'nb')).toBe('+3');
    expect(signed(0, 0, 'nb')).toBe('0');
  });
});
