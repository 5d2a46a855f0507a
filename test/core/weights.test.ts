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
});
