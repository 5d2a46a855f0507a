import { numericBounds } from './kb.js';
import { gammaDraw } from './random.js';
import type { AnswerValue, Question, SumRule } from '../schema/index.js';

/**
 * What orgfit assumes about an answer the municipality does not know (a "dont-know"):
 * a distribution centred on the question's `assume`, drawn from identically by the
 * point estimate, the interval and the robustness samples. The ranges and weights are
 * orgfit's judgement, stated in the question bank (`prior.why`).
 */
export type Sampler = (random: () => number) => AnswerValue;

/**
 * A prior as the point estimate averages over it: every value of a discrete prior with
 * its probability, or a number's prior at the midpoints of 16 equally likely bands
 * (exact enough for an average, and deterministic).
 */
export type Support = readonly { value: AnswerValue; weight: number }[];
const QUANTILE_POINTS = 16;

/** The prior of one question's "dont-know": how to draw from it, and its support for averages. */
export interface Prior {
  sample: Sampler;
  support: Support;
}

export function priorOf(question: Question): Prior {
  const sample = priorSampler(question);
  if (question.type === 'rank') {
    // Every ordering equally likely: an unknown ranking says nothing about what matters most.
    const orders = orderings((question.options ?? []).map((o) => o.value));
    return { sample, support: orders.length <= 720 ? orders.map((value) => ({ value, weight: 1 / orders.length })) : [] };
  }
  const bounds = numericBounds(question);
  if (question.type === 'multi') {
    // Every subset with its probability when that is few enough; otherwise none (the caller draws).
    const options = (question.options ?? []).map((o) => o.value);
    const assumed = new Set(Array.isArray(question.assume) ? question.assume.map(String) : []);
    const chances = options.map((o) => weightOf(question.prior?.weights, o, assumed.has(o) ? OPTION_CHANCE.assumed : OPTION_CHANCE.other));
    if (options.length > 8) return { sample, support: [] };
    const support = Array.from({ length: 2 ** options.length }, (_, mask) => ({
      value: options.filter((_, i) => mask & (1 << i)),
      weight: chances.reduce((p, c, i) => p * (mask & (1 << i) ? c : 1 - c), 1),
    }));
    return { sample, support };
  }
  if (bounds && question.type !== 'scale') {
    // The quantile function at band midpoints: the sampler with evenly spaced "uniform draws".
    const points = new Map<string, { value: AnswerValue; weight: number }>();
    for (let k = 0; k < QUANTILE_POINTS; k++) {
      const value = sample(() => (k + 0.5) / QUANTILE_POINTS);
      const key = String(value);
      const entry = points.get(key);
      if (entry) entry.weight += 1 / QUANTILE_POINTS;
      else points.set(key, { value, weight: 1 / QUANTILE_POINTS });
    }
    return { sample, support: [...points.values()] };
  }
  return { sample, support: discreteSupport(question) };
}

function discreteSupport(question: Question): Support {
  const values: AnswerValue[] = question.type === 'scale' ? [1, 2, 3, 4, 5] : question.type === 'boolean' ? [true, false] : (question.options ?? []).map((o) => o.value);
  const weights = values.map((v) => discreteWeight(question, v));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return values.map((value, i) => ({ value, weight: weights[i]! / total })).filter((p) => p.weight > 0);
}

/** The unnormalised weight of one value of a discrete prior (see priorSampler). */
function discreteWeight(question: Question, value: AnswerValue): number {
  if (question.type === 'scale') {
    const mode = typeof question.assume === 'number' ? question.assume : 3;
    return weightOf(question.prior?.weights, String(value), Math.max(0, 3 - Math.abs(Number(value) - mode)));
  }
  return weightOf(question.prior?.weights, String(value), value === question.assume ? 2 : 1);
}

/**
 * Default concentration of the Dirichlet that splits an unknown task mix around its
 * assumed proportions: 20 puts about two thirds of the draws within ±10 points of a
 * 50 % share. A judgement; the bank may set its own (`sums[].concentration`).
 */
export const DEFAULT_CONCENTRATION = 20;
/** Default chance that an option of a multiple-choice question applies (in `assume`: 0.7). */
const OPTION_CHANCE = { assumed: 0.7, other: 0.2 };

/** The sampler for one question's "dont-know". */
export function priorSampler(question: Question): Sampler {
  const bounds = numericBounds(question);
  if (bounds) return numericSampler(question, bounds);
  const prior = question.prior;
  switch (question.type) {
    case 'boolean':
      return discreteSampler([true, false], (v) => discreteWeight(question, v));
    case 'choice':
      return discreteSampler((question.options ?? []).map((o) => o.value), (v) => discreteWeight(question, v));
    case 'rank': {
      const options = (question.options ?? []).map((o) => o.value);
      return (random) => {
        const order = [...options];
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        return order;
      };
    }
    case 'multi': {
      const assumed = new Set(Array.isArray(question.assume) ? question.assume.map(String) : []);
      const options = (question.options ?? []).map((o) => o.value);
      const chances = options.map((o) => weightOf(prior?.weights, o, assumed.has(o) ? OPTION_CHANCE.assumed : OPTION_CHANCE.other));
      return (random) => options.filter((_, i) => random() < chances[i]!);
    }
    default:
      return () => question.assume ?? 0;
  }
}

function weightOf(weights: Readonly<Record<string, number>> | undefined, key: string, fallback: number): number {
  return weights?.[key] ?? fallback;
}

function discreteSampler(values: readonly AnswerValue[], weight: (value: AnswerValue) => number): Sampler {
  const cumulative: number[] = [];
  let total = 0;
  for (const v of values) cumulative.push((total += weight(v)));
  return (random) => {
    const u = random() * total;
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}

/**
 * Numbers: a triangular distribution between `low` and `high` with its peak at
 * `assume`, on a log scale for counts that span orders of magnitude. Scales are
 * weighted towards `assume` (1, 2, 3, 2, 1 around 3) unless the bank gives weights.
 */
function numericSampler(question: Question, bounds: { min: number; max: number }): Sampler {
  const prior = question.prior;
  const mode = typeof question.assume === 'number' ? question.assume : (bounds.min + bounds.max) / 2;
  if (question.type === 'scale') return discreteSampler([1, 2, 3, 4, 5], (v) => discreteWeight(question, v));
  const low = Math.max(bounds.min, Math.min(mode, prior?.low ?? bounds.min));
  const high = Math.min(bounds.max, Math.max(mode, prior?.high ?? bounds.max));
  const log = prior?.scale === 'log' && low > 0;
  const [a, b, c] = log ? [Math.log(low), Math.log(high), Math.log(mode)] : [low, high, mode];
  // Whole numbers, or as many decimals as the question allows (staff in tenths of an FTE).
  const integer = question.type === 'integer';
  const unit = integer ? 10 ** (question.decimals ?? 0) : 10;
  return (random) => {
    const x = triangular(a, b, c, random());
    const value = log ? Math.exp(x) : x;
    return integer ? Math.min(high, Math.max(low, Math.round(value * unit) / unit)) : Math.round(value * 10) / 10;
  };
}

/** The inverse distribution function of a triangular distribution on [a, b] with its mode at c. */
export function triangular(a: number, b: number, c: number, u: number): number {
  if (b <= a) return a;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/**
 * Answers that must add up (the task mix): the unknown ones share what the known ones
 * leave of the total, split by a Dirichlet around their assumed proportions, so every
 * draw meets the sum rule exactly.
 */
export function compositionSampler(rule: SumRule, assumed: readonly number[]): (known: readonly (number | undefined)[], random: () => number) => number[] {
  const concentration = rule.concentration ?? DEFAULT_CONCENTRATION;
  return (known, random) => {
    const rest = Math.max(0, rule.total - known.reduce<number>((sum, v) => sum + (v ?? 0), 0));
    const open = known.map((v, i) => (v === undefined ? i : -1)).filter((i) => i >= 0);
    const assumedOpen = open.reduce((sum, i) => sum + Math.max(assumed[i]!, 1e-9), 0);
    const draws = open.map((i) => gammaDraw((concentration * Math.max(assumed[i]!, 1e-9)) / assumedOpen, random));
    const drawn = draws.reduce((a, b) => a + b, 0);
    const out = known.map((v) => v ?? 0);
    open.forEach((i, j) => (out[i] = Math.round(((rest * draws[j]!) / drawn) * 10) / 10));
    return out;
  };
}

/** Every ordering of a few options (a ranking question has four or five). */
export function orderings(options: readonly string[]): string[][] {
  if (options.length <= 1) return [[...options]];
  return options.flatMap((first, i) => orderings([...options.slice(0, i), ...options.slice(i + 1)]).map((rest) => [first, ...rest]));
}
