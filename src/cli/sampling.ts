import type { Lang } from '../i18n/lang.js';
import { DEFAULT_SEED } from '../core/pipeline.js';
import { MAX_SAMPLES } from '../core/robustness.js';
import { integerOption } from './options.js';

/**
 * `--samples` and `--seed` of the commands that score (score, report). Without
 * `--samples` the robustness analysis stops when its figures are settled (adaptive).
 */
export function samplingOptions(options: { samples?: string; seed?: string }, lang: Lang): { samples?: number; seed: number } {
  const samples = integerOption(options.samples, '--samples', lang, { max: MAX_SAMPLES * 25 });
  const seed = integerOption(options.seed, '--seed', lang, { max: 2 ** 32 - 1 }) ?? DEFAULT_SEED;
  return samples === undefined ? { seed } : { samples, seed };
}
