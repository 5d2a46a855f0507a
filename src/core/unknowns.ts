import type { Engine } from './engine.js';
import { seededRandom } from './random.js';
import { DONT_KNOW } from '../schema/answers.js';
import type { AnswerValue } from '../schema/index.js';

/** One municipality's answers, in question-bank order, with which ones it does not know. */
export interface Municipality {
  /** Every answer; an unknown one holds its question's `assume` until a draw replaces it. */
  values: AnswerValue[];
  known: boolean[];
  /** Questions answered "don't know" (or left out where that is allowed), outside the task mix. */
  unknown: number[];
  /** Whether any answer of the task mix is unknown (drawn jointly, so the mix always adds up). */
  openMix: boolean;
}

export function municipalityOf(engine: Engine, answers: Readonly<Record<string, AnswerValue | null>>): Municipality {
  const values: AnswerValue[] = [];
  const known: boolean[] = [];
  engine.questions.forEach(({ question }) => {
    const given = answers[question.id];
    const isKnown = given !== undefined && given !== null && given !== DONT_KNOW;
    known.push(isKnown);
    values.push(isKnown ? given : (question.assume ?? defaultOf(question.type)));
  });
  const mix = new Set(engine.composition?.questions ?? []);
  const unknown = known.flatMap((k, q) => (k || mix.has(q) ? [] : [q]));
  const openMix = [...mix].some((q) => !known[q]);
  return { values, known, unknown, openMix };
}

function defaultOf(type: string): AnswerValue {
  return type === 'multi' ? [] : type === 'boolean' ? false : 0;
}

/** A full set of answers: the known ones, and a draw from the prior for each unknown one. */
export function drawAnswers(engine: Engine, municipality: Municipality, random: () => number, into: AnswerValue[]): void {
  for (let q = 0; q < into.length; q++) into[q] = municipality.values[q]!;
  for (const q of municipality.unknown) into[q] = engine.questions[q]!.prior.sample(random);
  const mix = engine.composition;
  if (mix && municipality.openMix) {
    const shares = mix.draw(
      mix.questions.map((q) => (municipality.known[q] ? Number(municipality.values[q]) : undefined)),
      random,
    );
    mix.questions.forEach((q, i) => (into[q] = shares[i]!));
  }
}

/** One answer set the point estimate averages over, with its probability. */
export interface WeightedAnswers {
  values: AnswerValue[];
  weight: number;
}

/**
 * The point estimate is the expectation over the priors of the unknown answers: exact
 * over every combination of their supports (see priors.ts) when there are at most this
 * many, otherwise the mean over this many draws from a seed of its own, so that it
 * never depends on `--seed` or `--samples`.
 */
export const EXPECTATION_POINTS = 2048;
const EXPECTATION_SEED = 20051122;
/** An unknown task mix split among two or three unknown shares is averaged over this many fixed draws. */
const MIX_POINTS = 64;

/** The answer sets, with their probabilities, that the point estimate averages over. */
export function expectationPoints(engine: Engine, municipality: Municipality, limit = EXPECTATION_POINTS): WeightedAnswers[] {
  const axes: { questions: number[]; values: { combo: AnswerValue[]; weight: number }[] }[] = [];
  for (const q of municipality.unknown) {
    const support = engine.questions[q]!.prior.support;
    if (support.length === 0) return randomPoints(engine, municipality, limit);
    axes.push({ questions: [q], values: support.map((p) => ({ combo: [p.value], weight: p.weight })) });
  }
  const mix = engine.composition;
  if (mix && municipality.openMix) {
    const open = mix.questions.filter((q) => !municipality.known[q]);
    const random = seededRandom(EXPECTATION_SEED);
    const known = mix.questions.map((q) => (municipality.known[q] ? Number(municipality.values[q]) : undefined));
    const count = open.length === 1 ? 1 : MIX_POINTS;
    const values = Array.from({ length: count }, () => {
      const shares = mix.draw(known, random);
      return { combo: open.map((q) => shares[mix.questions.indexOf(q)]!), weight: 1 / count };
    });
    axes.push({ questions: open, values });
  }
  let size = 1;
  for (const axis of axes) size *= axis.values.length;
  if (size > limit) return randomPoints(engine, municipality, limit);
  let points: WeightedAnswers[] = [{ values: [...municipality.values], weight: 1 }];
  for (const axis of axes) {
    points = points.flatMap((point) =>
      axis.values.map(({ combo, weight }) => {
        const values = [...point.values];
        axis.questions.forEach((q, i) => (values[q] = combo[i]!));
        return { values, weight: point.weight * weight };
      }),
    );
  }
  return points;
}

function randomPoints(engine: Engine, municipality: Municipality, count: number): WeightedAnswers[] {
  const random = seededRandom(EXPECTATION_SEED);
  return Array.from({ length: count }, () => {
    const values = [...municipality.values];
    drawAnswers(engine, municipality, random, values);
    return { values, weight: 1 / count };
  });
}

/**
 * Every answer set the interval must cover when answers are unknown: the product of
 * each unknown question's grid (its range's ends and the points where a condition or
 * weight rule changes), with the task mix enumerated jointly within its sum rule.
 * Undefined when that product would exceed `limit` points (the caller then bounds the
 * interval outright instead).
 */
export function boundingPoints(engine: Engine, municipality: Municipality, limit: number): AnswerValue[][] | undefined {
  const axes: { questions: number[]; values: AnswerValue[][] }[] = municipality.unknown.map((q) => ({ questions: [q], values: engine.questions[q]!.grid.map((v) => [v]) }));
  if (engine.composition && municipality.openMix) axes.push(mixAxis(engine, municipality));
  let size = 1;
  for (const axis of axes) size *= Math.max(1, axis.values.length);
  if (size > limit) return undefined;
  let points: AnswerValue[][] = [[...municipality.values]];
  for (const axis of axes) {
    const next: AnswerValue[][] = [];
    for (const point of points) {
      for (const combo of axis.values) {
        const copy = [...point];
        axis.questions.forEach((q, i) => (copy[q] = combo[i]!));
        next.push(copy);
      }
    }
    points = next;
  }
  return points;
}

/** The task-mix combinations the interval must cover: unknown shares on their grids, within the sum rule. */
function mixAxis(engine: Engine, municipality: Municipality): { questions: number[]; values: AnswerValue[][] } {
  const mix = engine.composition!;
  const open = mix.questions.filter((q) => !municipality.known[q]);
  const knownSum = mix.questions.filter((q) => municipality.known[q]).reduce((sum, q) => sum + Number(municipality.values[q]), 0);
  const low = Math.max(0, mix.total - knownSum - mix.tolerance);
  const high = Math.max(0, mix.total - knownSum + mix.tolerance);
  const grids = open.map((q) => engine.questions[q]!.grid.map(Number));
  const combos: number[][] = [];
  const seen = new Set<string>();
  const push = (combo: number[]) => {
    const key = combo.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      combos.push(combo);
    }
  };
  // All but the last share on their grids; the last takes its grid values that keep the
  // sum within the rule, and the values that meet the rule's ends and its exact total.
  const recurse = (i: number, prefix: number[], sum: number): void => {
    if (i === open.length - 1) {
      const last = grids[i]!;
      const candidates = [...last.filter((v) => sum + v >= low - 1e-9 && sum + v <= high + 1e-9), low - sum, high - sum, mix.total - knownSum - sum];
      for (const v of candidates) if (v >= 0 && v <= 100) push([...prefix, Math.round(v * 100) / 100]);
      return;
    }
    for (const v of grids[i]!) if (sum + v <= high + 1e-9) recurse(i + 1, [...prefix, v], sum + v);
  };
  recurse(0, [], 0);
  return { questions: open, values: combos };
}
