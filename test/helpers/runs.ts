/**
 * How many cases a fast-check property tries: `n` in `npm test`, a tenth of it (at least
 * 3) under `npm run mutation`, where the property runs once for every mutant it covers.
 * The seed is fixed there too (CI=true, see test/setup.ts), so a mutant's fate is reproducible.
 */
export const runs = (n: number): number => (process.env.ORGFIT_MUTATION ? Math.max(3, Math.ceil(n / 10)) : n);
