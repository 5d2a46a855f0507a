/** A small seeded generator (mulberry32), so the panel never depends on Math.random or the clock. */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed for item `i` of a run seeded with `seed` (an integer hash). Each
 * municipality gets its own stream, so municipality i is the same whatever the panel
 * size, the number of worker threads or the order in which they are computed.
 */
export function seedFor(seed: number, i: number, salt = 0): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35) ^ Math.imul(salt + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform integer in [lo, hi]. */
export const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** An index drawn with the given probabilities (they need not add up to exactly 1). */
export function pick(random: Random, probabilities: readonly number[]): number {
  const total = probabilities.reduce((a, b) => a + b, 0);
  let u = random() * total;
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i]!;
    if (u < 0) return i;
  }
  return probabilities.length - 1;
}

/** Log-uniform integer in [lo, hi] (drawn on the log scale, then rounded). */
export const logUniformInt = (random: Random, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Math.round(Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo))))));
