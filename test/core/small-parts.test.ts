import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPointer } from '../../src/core/issue.js';
import { indexKb, numericBounds } from '../../src/core/kb.js';
import { gammaDraw, inverseNormal, normalFrom, seededRandom } from '../../src/core/random.js';
import { round } from '../../src/core/round.js';
import { closest, distance } from '../../src/core/suggest.js';
import { interpolate, sortedPoints, termValue } from '../../src/core/weights.js';
import type { Question } from '../../src/schema/index.js';
import { miniKb, question } from '../helpers/mini-kb.js';
import { runs } from '../helpers/runs.js';

/* The core's small helpers, each against values a reader can check by hand or in a table. */

describe('distance (Levenshtein)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abcd', 4],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['staff-fte', 'staff-fte', 0],
    ['staff-fte', 'staff-ftes', 1],
    ['ab', 'ba', 2],
  ])('%j → %j: %d', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });
});

describe('closest (the "did you mean" of a message)', () => {
  const known = ['staff-fte', 'share-crisis-logic', 'share-rule-logic', 'access-jobs'];
  it.each([
    ['staf-fte', 'staff-fte', 'one letter missing'],
    ['Staff_FTE', 'staff-fte', 'case and underscores cost nothing'],
    ['share-rule-logics', 'share-rule-logic', 'one letter too many'],
    ['acess-job', 'access-jobs', 'two slips in 9 letters (limit 3)'],
    ['xyz', undefined, 'nothing near'],
    ['staff-fte', undefined, 'the name itself is no suggestion'],
    ['ab', undefined, 'short names: at most 2 edits, and every known id is further'],
  ] as [string, string | undefined, string][])('%j → %j (%s)', (name, expected) => {
    expect(closest(name, known)).toBe(expected);
  });
  it('of two equally near names, the first in alphabetical order', () => {
    expect(closest('ab-c', ['ab-d', 'ab-b'])).toBe('ab-b');
    expect(closest('ab-c', ['ab-b', 'ab-d'])).toBe('ab-b');
  });
  it('the limit is a third of the name, at least 2', () => {
    // 12 letters: 4 edits allowed, 5 not.
    expect(closest('abcdefghijkl', ['abcdefghWXYZ'])).toBe('abcdefghWXYZ');
    expect(closest('abcdefghijkl', ['abcdefgVWXYZ'])).toBeUndefined();
    expect(closest('abc', ['xyc'])).toBe('xyc');
  });
});

describe('toPointer (RFC 6901)', () => {
  it.each([
    [[], ''],
    [['a', 0, 'b'], '/a/0/b'],
    [['a/b'], '/a~1b'],
    [['m~n'], '/m~0n'],
    [['~/'], '/~0~1'],
  ] as const)('%j → %j', (path, pointer) => expect(toPointer(path)).toBe(pointer));
});

describe('round', () => {
  it.each([
    [1.005, 2, 1],
    [1.006, 2, 1.01],
    [-0.001, 2, 0],
    [2.5, 0, 3],
    [123.456, 1, 123.5],
    [0.12345, 4, 0.1235],
  ])('round(%d, %d) = %d', (n, digits, expected) => expect(round(n, digits)).toBe(expected));
  it('two decimals by default, and never −0', () => {
    expect(round(3.14159)).toBe(3.14);
    expect(Object.is(round(-0.001), 0)).toBe(true);
  });
});

describe('indexKb', () => {
  it('finds every reference, finding, criterion and question by its id, as the same object', () => {
    const kb = miniKb([]);
    const index = indexKb(kb);
    expect(index.criteria.get('c2')).toBe(kb.criteria[1]);
    expect(index.questions.get('size')).toBe(kb.questions[1]);
    expect(index.findings.get('f-low')).toBe(kb.findings[2]);
    expect(index.references.get('f-low-study')).toBe(kb.references.find((r) => r.key === 'f-low-study'));
    expect([index.criteria.size, index.questions.size, index.findings.size, index.references.size]).toEqual([2, 3, 4, 4]);
  });
});

describe('numericBounds', () => {
  it.each<[Partial<Question>, { min: number; max: number } | undefined]>([
    [{ type: 'percent' }, { min: 0, max: 100 }],
    [{ type: 'scale' }, { min: 1, max: 5 }],
    [{ type: 'integer', min: 3, max: 40 }, { min: 3, max: 40 }],
    [{ type: 'integer', min: undefined, max: undefined }, { min: 0, max: Number.MAX_SAFE_INTEGER }],
    [{ type: 'rank' }, undefined],
    [{ type: 'boolean' }, undefined],
    [{ type: 'choice' }, undefined],
  ])('%j → %j', (over, bounds) => expect(numericBounds(question('q', over))).toEqual(bounds));
});

describe('interpolate, sortedPoints and termValue', () => {
  const points = sortedPoints([[50, 2], [0, 0], [100, 0], [50, 2]]);
  it('sorts by answer without touching the points given', () => {
    const given: [number, number][] = [[10, 1], [0, 0]];
    expect(sortedPoints(given)).toEqual([[0, 0], [10, 1]]);
    expect(given).toEqual([[10, 1], [0, 0]]);
  });
  it.each([
    [-5, 0],
    [0, 0],
    [25, 1],
    [50, 2],
    [60, 1.6],
    [100, 0],
    [120, 0],
  ])('a tent over 0, 50, 100 at %d is %d', (x, y) => expect(interpolate(points, x)).toBeCloseTo(y, 12));
  it('a step (two points at one answer) takes the later value from there on', () => {
    const step: [number, number][] = [[0, 0], [10, 0], [10, 5], [20, 5]];
    expect(interpolate(step, 9.99)).toBe(0);
    expect(interpolate(step, 10)).toBe(0);
    expect(interpolate(step, 15)).toBe(5);
  });
  it('termValue: linear terms read numbers only, maps read their key, rankings are compiled elsewhere', () => {
    expect(termValue({ question: 'q', linear: [[0, 0], [100, 4]] }, 25)).toBe(1);
    expect(termValue({ question: 'q', linear: [[0, 0], [100, 4]] }, 'dont-know')).toBe(0);
    expect(termValue({ question: 'q', map: { '1': 0.5, yes: 2 } }, 1)).toBe(0.5);
    expect(termValue({ question: 'q', map: { '1': 0.5, yes: 2 } }, 'yes')).toBe(2);
    expect(termValue({ question: 'q', map: { '1': 0.5 } }, 3)).toBe(0);
    expect(termValue({ question: 'q', rank: 'a', total: 3 }, ['a', 'b'])).toBe(0);
  });
});

describe('random numbers', () => {
  it('mulberry32: the same seed gives the same stream, another seed another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
  it('normals continue the same stream as the uniform draws', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const out = new Float64Array(3);
    a.normals(out);
    const viaUniform = Array.from({ length: 3 }, () => normalFrom(b()));
    out.forEach((z, i) => expect(z).toBeCloseTo(viaUniform[i]!, 6));
    expect(a()).toBe(b());
  });
  it('uniform draws have mean 1/2 and variance 1/12; normal draws mean 0 and variance 1 (20,000 draws, 4 standard errors)', () => {
    const random = seededRandom(2026);
    const u = Array.from({ length: 20_000 }, () => random());
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    const variance = u.reduce((s, x) => s + (x - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 20_000));
    expect(variance).toBeCloseTo(1 / 12, 2);
    const z = new Float64Array(20_000);
    random.normals(z);
    const zMean = z.reduce((s, x) => s + x, 0) / z.length;
    const zVariance = z.reduce((s, x) => s + (x - zMean) ** 2, 0) / z.length;
    expect(Math.abs(zMean)).toBeLessThan(4 / Math.sqrt(20_000));
    expect(Math.abs(zVariance - 1)).toBeLessThan(0.04);
    // Below 1.2816 in 90 % of draws (the 80 % interval's z).
    expect(Math.abs(z.filter((x) => x < 1.2816).length / z.length - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / 20_000));
  });
  it.each([
    [0.5, 0],
    [0.9, 1.2815516],
    [0.975, 1.959964],
    [0.1, -1.2815516],
    [0.01, -2.3263479],
    [0.999, 3.0902323],
    [0.0001, -3.7190165],
  ])('inverseNormal(%d) = %d (tables of the normal distribution)', (p, z) => expect(inverseNormal(p)).toBeCloseTo(z, 6));
  it('normalFrom: the quantile function of its uniform draw, cut at ±3.5 standard deviations', () => {
    expect(normalFrom(0.5)).toBeCloseTo(0, 3);
    expect(normalFrom(0.9)).toBeCloseTo(1.2816, 3);
    expect(normalFrom(0.1)).toBeCloseTo(-1.2816, 3);
    expect(normalFrom(0)).toBeCloseTo(-3.5, 1);
    expect(normalFrom(0.9999999)).toBeCloseTo(3.5, 1);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u, v) => (u <= v ? normalFrom(u) <= normalFrom(v) : normalFrom(u) >= normalFrom(v))), { numRuns: runs(200) });
  });
  it.each([0.5, 1, 2.5, 10])('gamma(%d) draws have mean and variance equal to the shape (8,000 draws)', (shape) => {
    const random = seededRandom(99);
    const xs = Array.from({ length: 8000 }, () => gammaDraw(shape, random));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / 8000));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.15);
    for (const x of xs) expect(x).toBeGreaterThan(0);
  });
});
