/** Rounds to a number of decimals for output; `+ 0` turns -0 into 0. */
export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits + 0;
