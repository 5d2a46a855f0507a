import fc from 'fast-check';

// Locally every run explores new cases; on CI the seed is fixed so that a landing
// never depends on luck. (A failure prints its seed and path for replaying.)
if (process.env.CI) fc.configureGlobal({ seed: 20261128 });
