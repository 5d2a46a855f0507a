import { describe, expect, it } from 'vitest';
import { extremeAverage } from '../../src/core/bounds.js';
import { interpolate, sortedPoints } from '../../src/core/weights.js';

describe('interpolate', () => {
  it.each([
    [-10, 0],
    [0, 0],
    [50, 1.5],
    [100, 3],
    [150, 3],
  ])('maps %d to %d on [[0,0],[100,3]]', (x, y) => {
    expect(interpolate([[0, 0], [100, 3]], x)).toBeCloseTo(y);
  });
  it('at a step on the first point (two points at one answer), the first point\'s value', () => {
    // Flat up to and at the first x: 0, though the second point at x = 0 says 2.
    expect(interpolate([[0, 0], [0, 2], [100, 4]], 0)).toBe(0);
    expect(interpolate([[0, 0], [0, 2], [100, 4]], 50)).toBe(3);
  });
  it('follows several segments in order, whatever order the points are written in', () => {
    expect(interpolate(sortedPoints([[100, 0], [0, 0], [50, 2]]), 25)).toBeCloseTo(1);
    expect(interpolate(sortedPoints([[100, 0], [0, 0], [50, 2]]), 75)).toBeCloseTo(1);
  });
});

describe('extremeAverage (weighted mean over a box of weights)', () => {
  it('equals the plain weighted mean when the box is a point', () => {
    expect(extremeAverage([10, 90], [1, 3], [1, 3], 'min')).toBeCloseTo(70);
    expect(extremeAverage([10, 90], [1, 3], [1, 3], 'max')).toBeCloseTo(70);
  });
  it('puts the low values at their highest weight for the minimum', () => {
    // weights in [1,3] each: min is (3*10 + 1*90)/4 = 30, max is (1*10 + 3*90)/4 = 70
    expect(extremeAverage([10, 90], [1, 1], [3, 3], 'min')).toBeCloseTo(30);
    expect(extremeAverage([10, 90], [1, 1], [3, 3], 'max')).toBeCloseTo(70);
  });
  it('matches brute force over the corners of the box', () => {
    const values = [20, 55, 80, 35];
    const low = [0.5, 1, 0, 2];
    const high = [2, 1, 3, 2.5];
    let min = Infinity;
    let max = -Infinity;
    for (let mask = 0; mask < 16; mask++) {
      const w = values.map((_, i) => (mask & (1 << i) ? high[i]! : low[i]!));
      const total = w.reduce((a, b) => a + b, 0);
      const avg = w.reduce((sum, wi, i) => sum + wi * values[i]!, 0) / total;
      min = Math.min(min, avg);
      max = Math.max(max, avg);
    }
    expect(extremeAverage(values, low, high, 'min')).toBeCloseTo(min);
    expect(extremeAverage(values, low, high, 'max')).toBeCloseTo(max);
  });
  it('weights that may all be 0: the lowest (or highest) value alone; a criterion that weighs 0 at both ends is skipped', () => {
    // Every weight in [0, 1]: the minimum puts all weight on 10, the maximum on 30.
    expect(extremeAverage([10, 30], [0, 0], [1, 1], 'min')).toBe(10);
    expect(extremeAverage([10, 30], [0, 0], [1, 1], 'max')).toBe(30);
    // 5 can weigh nothing (0 to 0): the minimum is 10, the maximum 30, as if it were not there.
    expect(extremeAverage([5, 10, 30], [0, 0, 0], [0, 1, 1], 'min')).toBe(10);
    expect(extremeAverage([5, 10, 30], [0, 0, 0], [0, 1, 1], 'max')).toBe(30);
  });
  it('every weight 0 at both ends: the plain average (equal weights, as normalise() gives)', () => {
    expect(extremeAverage([10, 30, 50], [0, 0, 0], [0, 0, 0], 'min')).toBe(30);
    expect(extremeAverage([10, 30, 50], [0, 0, 0], [0, 0, 0], 'max')).toBe(30);
    expect(extremeAverage([], [], [], 'min')).toBe(0);
  });
  it('the order of the values does not matter, only which is lowest', () => {
    // min with weights in [1, 3]: 90 at 1, 10 at 3 → (90 + 30) / 4 = 30; max: (270 + 10) / 4 = 70.
    expect(extremeAverage([90, 10], [1, 1], [3, 3], 'min')).toBe(30);
    expect(extremeAverage([90, 10], [1, 1], [3, 3], 'max')).toBe(70);
    // Three values, weights in [1, 2]: all low 30, 10 high (20 + 20 + 60)/4 = 25, 10 and 20 high (20 + 40 + 60)/5 = 24, all high 30.
    expect(extremeAverage([60, 20, 10], [1, 1, 1], [2, 2, 2], 'min')).toBe(24);
  });
});
