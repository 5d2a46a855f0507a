/**
 * min (or max) of Σ wᵢvᵢ / Σ wᵢ over the box lowᵢ ≤ wᵢ ≤ highᵢ. The optimum of a
 * linear-fractional function over a box puts the criteria with the lowest values at
 * their highest weight and the rest at their lowest, so trying every threshold in
 * value order is exact.
 */
export function extremeAverage(values: readonly number[], low: readonly number[], high: readonly number[], mode: 'min' | 'max'): number {
  const order = values.map((_, i) => i).sort((a, b) => (mode === 'min' ? values[a]! - values[b]! : values[b]! - values[a]!));
  // Threshold k: the first k criteria (in value order) at their high weight, the rest low.
  // Start with all low and move one criterion at a time to high: O(n) after the sort.
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    num += low[i]! * values[i]!;
    den += low[i]!;
  }
  let best = den > 0 ? num / den : mode === 'min' ? Infinity : -Infinity;
  for (const i of order) {
    num += (high[i]! - low[i]!) * values[i]!;
    den += high[i]! - low[i]!;
    if (den <= 0) continue;
    const ratio = num / den;
    best = mode === 'min' ? Math.min(best, ratio) : Math.max(best, ratio);
  }
  // Every weight can be 0: the score is then the plain average (equal weights, see normalise()).
  return Number.isFinite(best) ? best : values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
