import type { Engine } from './engine.js';
import { adjustmentsAt, meanScore, normalise, performanceAt, weightedSum } from './evaluate.js';
import { numericBounds } from './kb.js';
import { seededRandom } from './random.js';
import { analyseInStages, type Robustness } from './robustness.js';
import { drawAnswers, expectationPoints, type Municipality, type WeightedAnswers } from './unknowns.js';
import { decide } from './decision.js';
import { CLEAR_FIRST, CLEARLY_BETTER, TOP_SET, type Verdict } from './verdict.js';
import type { AnswerValue, Question } from '../schema/index.js';

/**
 * The expected score of every model, and whether it can be workable, over weighted answer
 * sets. With the municipality the sets were drawn for, what reads none of the answers they
 * vary (its unknown ones) is worked out once, at the answers given, and the rest at each
 * set: the same sums in the same order, so the same figures.
 */
export function expectedScores(engine: Engine, points: readonly WeightedAnswers[], municipality?: Municipality): { scores: number[]; feasible: boolean[] } {
  const n = engine.criteria.length;
  const weights = new Float64Array(n);
  const perf = new Float64Array(n);
  const scores = engine.models.map(() => 0);
  const feasible = engine.models.map(() => false);
  const factors = engine.models.map((m) => new Float64Array(m.adjustments.length));
  const varied = new Set<number>();
  if (municipality) {
    for (const q of municipality.unknown) varied.add(q);
    if (municipality.openMix) for (const q of engine.composition?.questions ?? []) varied.add(q);
  } else {
    for (let q = 0; q < engine.questions.length; q++) varied.add(q);
  }
  const ids = new Set([...varied].map((q) => engine.questions[q]!.question.id));
  // Without the municipality, everything is worked out at every set (also what reads no answer at all).
  const reads = (list: readonly string[]) => !municipality || list.some((id) => ids.has(id));
  const reading = engine.models.map((m) => m.adjustments.flatMap((a, i) => (reads(a.reads) ? [i] : [])));
  const checking = engine.models.map((m) => m.preconditions.map((p) => reads(p.reads)));
  const termVaried = engine.criteria.map((criterion) => Uint8Array.from(criterion.terms, (term) => (varied.has(term.question) ? 1 : 0)));
  const given = municipality?.values;
  const fixedFactors = engine.models.map((m) => {
    const f = new Float64Array(m.adjustments.length);
    if (given) adjustmentsAt(m, given, f);
    return f;
  });
  const fixedHolds = engine.models.map((m, i) => m.preconditions.map((p, k) => (given && !checking[i]![k] ? p.requires(given) : true)));
  const fixedTerms = engine.criteria.map((criterion, c) => Float64Array.from(criterion.terms, (term, t) => (given && !termVaried[c]![t] ? term.value(given[term.question]!) : 0)));
  for (const { values, weight } of points) {
    weightsInto(engine, fixedTerms, termVaried, values, weights);
    engine.models.forEach((model, i) => {
      const f = factors[i]!;
      f.set(fixedFactors[i]!);
      for (const a of reading[i]!) f[a] = model.adjustments[a]!.factor(values);
      scores[i]! += weight * meanScore(model, weights, f, perf);
      if (feasible[i]) return;
      const holds = fixedHolds[i]!;
      const check = checking[i]!;
      let ok = true;
      for (let k = 0; k < holds.length && ok; k++) ok = check[k] ? model.preconditions[k]!.requires(values) : holds[k]!;
      if (ok) feasible[i] = true;
    });
  }
  return { scores, feasible };
}

/**
 * expectedScores over the same answer sets with known answers changed (one, or the task
 * mix's shares when it is fully known), as the search tries value after value: the answer
 * sets are the search's own with those answers replaced (the draws of the unknown answers
 * do not depend on them), and only the adjustments and preconditions that read them are
 * evaluated again, the others
 * keeping what they gave for the answer given. The same sums in the same order: the same
 * figures as expectedScores(engine, searchPoints(withAnswer(…))), at a fraction of the cost.
 */
function scoresAlong(engine: Engine, points: readonly WeightedAnswers[]): (changes: readonly (readonly [number, AnswerValue])[]) => { scores: number[]; feasible: boolean[] } {
  const n = engine.criteria.length;
  const weights = new Float64Array(n);
  const perf = new Float64Array(n);
  const saved = new Float64Array(Math.max(0, ...engine.models.map((m) => m.adjustments.length)));
  const baseFactors = points.map(({ values }) =>
    engine.models.map((m) => {
      const f = new Float64Array(m.adjustments.length);
      adjustmentsAt(m, values, f);
      return f;
    }),
  );
  const baseHolds = points.map(({ values }) => engine.models.map((m) => m.preconditions.map((p) => p.requires(values))));
  // Each weight term's value at each answer set: only the terms of a changed answer are worked out again.
  const baseTerms = points.map(({ values }) => engine.criteria.map((criterion) => Float64Array.from(criterion.terms, (term) => term.value(values[term.question]!))));
  // Each set's weights and every model's mean score and workability at the answers given:
  // a change that no weight term reads leaves the weights as they are, and a model that
  // reads none of the changed answers then scores what it scored (the same sums, done once).
  const baseWeights = points.map((_, p) => {
    const w = new Float64Array(n);
    weightsInto(engine, baseTerms[p]!, undefined, points[p]!.values, w);
    return w;
  });
  const basePerfs = points.map((_, p) =>
    engine.models.map((model, i) => {
      const out = new Float64Array(n);
      performanceAt(model, baseFactors[p]![i]!, out);
      return out;
    }),
  );
  // meanScore, with the performance at the answers given.
  const baseMeans = points.map((_, p) => basePerfs[p]!.map((perf) => weightedSum(baseWeights[p]!, perf)));
  const baseWorkable = baseHolds.map((holds) => holds.map((h) => h.every(Boolean)));
  // What reads which answers, per set of changed questions (a search changes the same ones value after value).
  const readers = new Map<string, { reading: number[][]; checking: boolean[][]; checks: boolean[]; terms: Uint8Array[]; weighs: boolean }>();
  const readersOf = (questions: readonly number[]) => {
    const key = questions.join(',');
    let found = readers.get(key);
    if (!found) {
      const ids = new Set(questions.map((q) => engine.questions[q]!.question.id));
      const reads = (list: readonly string[]) => list.some((id) => ids.has(id));
      const terms = engine.criteria.map((criterion) => Uint8Array.from(criterion.terms, (term) => (questions.includes(term.question) ? 1 : 0)));
      const checking = engine.models.map((m) => m.preconditions.map((p) => reads(p.reads)));
      found = {
        reading: engine.models.map((m) => m.adjustments.flatMap((a, i) => (reads(a.reads) ? [i] : []))),
        checking,
        checks: checking.map((check) => check.includes(true)),
        terms,
        weighs: terms.some((t) => t.includes(1)),
      };
      readers.set(key, found);
    }
    return found;
  };
  const models = engine.models;
  return (changes) => {
    const questions = changes.map(([q]) => q);
    const { reading, checking, checks, terms, weighs } = readersOf(questions);
    const scores = models.map(() => 0);
    const feasible = models.map(() => false);
    const given: AnswerValue[] = new Array(changes.length);
    for (let p = 0; p < points.length; p++) {
      const { values, weight } = points[p]!;
      for (let k = 0; k < changes.length; k++) {
        given[k] = values[questions[k]!]!;
        values[questions[k]!] = changes[k]![1];
      }
      if (weighs) weightsInto(engine, baseTerms[p]!, terms, values, weights);
      const w = weighs ? weights : baseWeights[p]!;
      for (let i = 0; i < models.length; i++) {
        const model = models[i]!;
        const read = reading[i]!;
        if (read.length === 0) scores[i]! += weight * (weighs ? weightedSum(w, basePerfs[p]![i]!) : baseMeans[p]![i]!);
        else {
          // The shares at the answers given, those that read a changed answer worked out again (and put back after).
          // Where every share comes out as it was, so does the performance: the kept one serves.
          const f = baseFactors[p]![i]!;
          let same = true;
          for (let k = 0; k < read.length; k++) {
            saved[k] = f[read[k]!]!;
            f[read[k]!] = model.adjustments[read[k]!]!.factor(values);
            if (!Object.is(f[read[k]!], saved[k])) same = false;
          }
          if (same) scores[i]! += weight * (weighs ? weightedSum(w, basePerfs[p]![i]!) : baseMeans[p]![i]!);
          else scores[i]! += weight * meanScore(model, w, f, perf);
          for (let k = 0; k < read.length; k++) f[read[k]!] = saved[k]!;
        }
        if (feasible[i]) continue;
        if (!checks[i]) {
          if (baseWorkable[p]![i]) feasible[i] = true;
          continue;
        }
        const holds = baseHolds[p]![i]!;
        const check = checking[i]!;
        let ok = true;
        for (let k = 0; k < holds.length && ok; k++) ok = check[k] ? model.preconditions[k]!.requires(values) : holds[k]!;
        if (ok) feasible[i] = true;
      }
      for (let k = 0; k < changes.length; k++) values[questions[k]!] = given[k]!;
    }
    return { scores, feasible };
  };
}

/** rawWeightsAt, term by term in the same order, with the terms not `changed` (none when undefined) taken from `base`; normalised into `out`. */
function weightsInto(engine: Engine, base: readonly Float64Array[], changed: readonly Uint8Array[] | undefined, values: readonly AnswerValue[], out: Float64Array): void {
  let total = 0;
  for (let c = 0; c < engine.criteria.length; c++) {
    const criterion = engine.criteria[c]!;
    const fixed = base[c]!;
    const read = changed?.[c];
    let w = criterion.base;
    for (let t = 0; t < criterion.terms.length; t++) w += read?.[t] ? criterion.terms[t]!.value(values[criterion.terms[t]!.question]!) : fixed[t]!;
    out[c] = w;
    total += w;
  }
  normalise(out, total);
}

/** The workable model with the highest expected score, or undefined. */
function leaderOf(scores: readonly number[], feasible: readonly boolean[]): number | undefined {
  let best: number | undefined;
  scores.forEach((s, i) => {
    if (feasible[i] && (best === undefined || s > scores[best]!)) best = i;
  });
  return best;
}

/** Answer sets for the searches below: fewer than the point estimate's, as they run many times. */
const SEARCH_POINTS = 64;
const searchPoints = (engine: Engine, municipality: Municipality) => expectationPoints(engine, municipality, SEARCH_POINTS);

/**
 * Each candidate change is checked by a robustness analysis of its own with this many
 * samples (and no second pass): enough to tell whether the verdict's leader or kind
 * changes, as the figures near a tipping point are rarely close to a threshold twice.
 * The check is sequential: it stops after its first QUICK_CHECK samples when every figure
 * the verdict rests on is already beyond CHECK_Z standard errors of its threshold (the
 * stopping rule's z), as the remaining samples would then change the verdict only with a
 * chance of about 1 %; otherwise it goes on to CHECK_SAMPLES. The samples are the same
 * draws either way (common random numbers), so a check that stops early reads the start
 * of the longer one.
 */
const CHECK_SAMPLES = 1000;
const QUICK_CHECK = 250;
const CHECK_Z = 2.576;
/** Candidates checked at most per search: the nearest ones, where a tipping point is worth knowing. */
const MAX_CHECKS = 16;

export interface TippingPoint {
  /** The model the change is about: the leader, or the runner-up. */
  model: string;
  /**
   * loses-first: another model would lead; no-longer-clear: the leader would no longer be
   * the clear first choice; becomes-clear: it would become one; takes-first: the runner-up
   * would lead; keeps-today: nothing would be clearly better than today's organisation.
   */
  kind: 'loses-first' | 'no-longer-clear' | 'becomes-clear' | 'takes-first' | 'keeps-today';
  question: string;
  from: AnswerValue;
  to: AnswerValue;
  /** Who leads the verdict after the change. */
  leader: string;
  /** How large the change is, as a share of the question's range (a step on a 1–5 scale is 0.25; another option 0.5). */
  distance: number;
}

/**
 * The smallest changes of one known answer (searched over the values the question
 * allows, outward from the answer given) that change the verdict. Expected scores mark,
 * along each question and in each direction, where the leader's margin over its best
 * rival halves, vanishes or doubles, and where the runner-up draws level; a short
 * robustness analysis at each such point, nearest first, tells whether the verdict
 * really changes there. At most `limit` of each kind.
 */
export function tippingPoints(engine: Engine, municipality: Municipality, current: Verdict, runnerUp: string | undefined, seed: number, limit = 2): TippingPoint[] {
  const ids = engine.models.map((m) => m.id);
  const leader = current.leader === undefined ? -1 : ids.indexOf(current.leader);
  const second = runnerUp === undefined ? -1 : ids.indexOf(runnerUp);
  if (leader < 0) return [];
  const margin = (scores: readonly number[], feasible: readonly boolean[], m: number) => {
    if (!feasible[m]) return -Infinity;
    let rival = -Infinity;
    scores.forEach((s, i) => {
      if (i !== m && feasible[i]) rival = Math.max(rival, s);
    });
    return scores[m]! - rival;
  };
  const points = searchPoints(engine, municipality);
  const base = expectedScores(engine, points, municipality);
  const along = scoresAlong(engine, points);
  // A share of the task mix moves the other shares with it (see withAnswer); where a share is
  // unknown, the mix's draws depend on the known ones, so the answer sets are made afresh.
  const scoresAt = (changed: Municipality) => expectedScores(engine, searchPoints(engine, changed), changed);
  const inMix = (q: number) => engine.composition?.questions.includes(q) ?? false;
  const mixChanges = (q: number, value: AnswerValue): [number, AnswerValue][] => {
    const changed = withAnswer(engine, municipality, q, value).values;
    return engine.composition!.questions.map((o) => [o, changed[o]!]);
  };
  const lead = margin(base.scores, base.feasible, leader);
  const triggers: ((scores: readonly number[], feasible: readonly boolean[]) => boolean)[] = [
    (s, f) => margin(s, f, leader) <= (lead > 0 ? lead / 2 : lead - 1),
    (s, f) => margin(s, f, leader) <= Math.min(0, lead - 1),
    (s, f) => margin(s, f, leader) >= Math.max(2 * lead, lead + 1),
    (s, f) => second >= 0 && margin(s, f, second) >= 0 && margin(base.scores, base.feasible, second) < 0,
  ];

  // The runner-up's trigger can fire only when it trails the leader now.
  const possible = triggers.map((_, t) => t).filter((t) => t !== 3 || (second >= 0 && margin(base.scores, base.feasible, second) < 0));
  const candidates: { q: number; value: AnswerValue; distance: number; after: { scores: number[]; feasible: boolean[] } }[] = [];
  // orgfit never advises a municipality to leave its frame (a NAV office, say): the questions that choose it are not searched.
  const frameQuestions = new Set(engine.frames.flatMap((f) => (f.model.matches ? [f.model.matches.question] : [])));
  // Every question's values in one list, nearest first (ties by question, then each question's
  // own order): the order the candidates are checked in. Each question and direction still
  // meets its values nearest first, so the same candidates are found, in that order, and the
  // search stops once it has as many as are checked: a later one would never be.
  const tries: { q: number; value: AnswerValue; distance: number; direction: string }[] = [];
  engine.questions.forEach(({ question }, q) => {
    if (!municipality.known[q] || frameQuestions.has(question.id)) return;
    for (const option of valuesToTry(engine, question, municipality.values[q]!)) tries.push({ q, ...option });
  });
  tries.sort((a, b) => a.distance - b.distance || a.q - b.q);
  const firedBy = new Map<number, Set<string>>();
  for (const { q, value, distance, direction } of tries) {
    if (candidates.length >= MAX_CHECKS) break;
    let fired = firedBy.get(q);
    if (!fired) firedBy.set(q, (fired = new Set()));
    if (fired.size === triggers.length * 2) continue;
    // A value whose direction has fired every trigger that can fire adds no candidate: skip its expected scores.
    if (possible.every((t) => fired.has(`${direction}/${t}`))) continue;
    const after = !inMix(q) ? along([[q, value]]) : municipality.openMix ? scoresAt(withAnswer(engine, municipality, q, value)) : along(mixChanges(q, value));
    triggers.forEach((trigger, t) => {
      const key = `${direction}/${t}`;
      if (fired.has(key) || !trigger(after.scores, after.feasible)) return;
      fired.add(key);
      if (!candidates.some((c) => c.q === q && c.value === value)) candidates.push({ q, value, distance, after });
    });
  }

  const found: TippingPoint[] = [];
  const count = (kind: TippingPoint['kind']) => found.filter((t) => t.kind === kind).length;
  for (const { q, value, distance, after } of candidates.slice(0, MAX_CHECKS)) {
    const verdict = verdictAt(engine, withAnswer(engine, municipality, q, value), seed, after);
    if (verdict.leader === undefined) continue;
    const kind: TippingPoint['kind'] | undefined =
      verdict.kind === 'keep' && current.kind !== 'keep'
        ? 'keeps-today'
        : verdict.leader === runnerUp && verdict.leader !== current.leader
        ? 'takes-first'
        : verdict.leader !== current.leader
          ? 'loses-first'
          : current.kind === 'clear' && verdict.kind !== 'clear'
            ? 'no-longer-clear'
            : current.kind !== 'clear' && verdict.kind === 'clear'
              ? 'becomes-clear'
              : undefined;
    if (kind === undefined || count(kind) >= limit) continue;
    const model = kind === 'takes-first' ? runnerUp! : current.leader!;
    found.push({ model, kind, question: engine.questions[q]!.question.id, from: municipality.values[q]!, to: value, leader: verdict.leader, distance });
  }
  const order: TippingPoint['kind'][] = ['loses-first', 'no-longer-clear', 'keeps-today', 'becomes-clear', 'takes-first'];
  return found.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.distance - b.distance);
}

/** The verdict for a changed set of answers, from a short robustness analysis with the same seed (and its expected scores, from the search). */
function verdictAt(engine: Engine, municipality: Municipality, seed: number, expected: { scores: readonly number[]; feasible: readonly boolean[] }): Verdict {
  const { scores, feasible } = expected;
  const robustness = analyseInStages(engine, municipality, seed, [QUICK_CHECK, 2 * QUICK_CHECK, CHECK_SAMPLES], (r) => settledVerdict(engine, municipality, r, scores, feasible));
  return decide(engine, municipality, robustness, scores, feasible).verdict;
}

/**
 * Whether the verdict's leader and kind (all a check reads) are settled: every comparison
 * that decides them is beyond CHECK_Z standard errors of its threshold. Who leads: the
 * leader's rank-1 acceptability against the next workable model's, as the stopping rule
 * tests it. Keep: some alternative surely beats today's organisation in at least
 * CLEARLY_BETTER of the cases, or each surely does not. Clear: the leader's rank-1
 * acceptability surely above CLEAR_FIRST, or surely below it and then, for "undecided"
 * against "indistinguishable", some rival surely beats the leader in less than TOP_SET of
 * the cases, or each surely in more. The standard error is never taken below that of one
 * sample in n (a share of 0 in 250 samples is not known to be 0).
 */
function settledVerdict(engine: Engine, municipality: Municipality, robustness: Robustness, scores: readonly number[], feasible: readonly boolean[]): boolean {
  const n = robustness.samples;
  if (n === 0) return false;
  const { order, today } = decide(engine, municipality, robustness, scores, feasible);
  const workable = order.filter((m) => feasible[m]);
  const leader = workable[0];
  if (leader === undefined) return true;
  const error = (p: number) => Math.sqrt((p * (1 - p) + 1 / n) / n);
  const above = (p: number, threshold: number) => p - threshold >= CHECK_Z * error(p);
  const below = (p: number, threshold: number) => threshold - p >= CHECK_Z * error(p);
  const first = (m: number) => robustness.models[m]!.ranks[0]!;
  const next = workable[1];
  if (next !== undefined && first(leader) - first(next) < CHECK_Z * Math.sqrt((first(leader) + first(next) + 1 / n) / n)) return false;
  const rivals = workable.filter((m) => m !== leader);
  if (today !== undefined && feasible[today]) {
    if (leader === today) return true;
    const alternatives = workable.filter((m) => m !== today);
    const better = (m: number) => robustness.models[m]!.beatsAfterChange[today]!;
    if (!alternatives.some((m) => above(better(m), CLEARLY_BETTER))) {
      if (alternatives.every((m) => below(better(m), CLEARLY_BETTER))) return true;
      return false;
    }
  }
  if (above(first(leader), CLEAR_FIRST)) return true;
  if (!below(first(leader), CLEAR_FIRST)) return false;
  const beats = (m: number) => robustness.models[m]!.beats[leader]!;
  return rivals.some((m) => below(beats(m), TOP_SET)) || rivals.every((m) => above(beats(m), TOP_SET));
}

/**
 * The answers with one of them changed; a share of the task mix moves the other known
 * shares in proportion, so the mix still adds up. Where a share of the mix is unknown, it
 * takes what the known ones leave (see compositionSampler): the other known shares make
 * room only when they no longer fit, so a "don't know" is never turned into a 0.
 */
export function withAnswer(engine: Engine, municipality: Municipality, q: number, value: AnswerValue): Municipality {
  const values = [...municipality.values];
  const known = [...municipality.known];
  values[q] = value;
  known[q] = true;
  const mix = engine.composition;
  if (mix && mix.questions.includes(q) && typeof value === 'number' && municipality.known[q]) {
    const others = mix.questions.filter((o) => o !== q && known[o]);
    const open = mix.questions.some((o) => !known[o]);
    const rest = others.reduce((sum, o) => sum + Number(values[o]), 0);
    const left = Math.max(0, mix.total - value);
    if (!open || rest > left) {
      for (const o of others) values[o] = rest > 0 ? Math.round(((Number(values[o]) * left) / rest) * 10) / 10 : Math.round((left / others.length) * 10) / 10;
    }
  }
  return { values, known, unknown: municipality.unknown.filter((u) => u !== q), openMix: mix ? mix.questions.some((m) => !known[m]) : false };
}

/** Values to try for one answer, nearest first, each with its size (a share of the question's range) and direction. */
function valuesToTry(engine: Engine, question: Question, from: AnswerValue): { value: AnswerValue; distance: number; direction: string }[] {
  const bounds = numericBounds(question);
  if (bounds && typeof from === 'number') {
    const span = bounds.max - bounds.min || 1;
    const values = new Set<number>();
    if (question.type === 'scale') {
      for (let v = 1; v <= 5; v++) values.add(v);
    } else if (question.type === 'percent') {
      // Every whole percent near the answer, then every fifth.
      for (let v = 0; v <= 100; v++) if (Math.abs(v - from) <= 10 || v % 5 === 0) values.add(v);
    } else {
      // Counts: every whole number near the answer, then steps that grow by a tenth each, and the grid's breakpoints.
      for (let v = Math.max(bounds.min, from - 10); v <= Math.min(bounds.max, from + 10); v++) values.add(v);
      for (let v = from; v < bounds.max; v = Math.ceil(v * 1.1 + 1)) values.add(Math.min(bounds.max, v));
      for (let v = from; v > bounds.min; v = Math.floor(v / 1.1 - 1)) values.add(Math.max(bounds.min, v));
      for (const g of engine.questions.find((x) => x.question === question)?.grid ?? []) values.add(Number(g));
    }
    values.delete(from);
    // Counts are compared on a log scale: 5 → 10 is as large a change as 50 → 100.
    const size =
      question.type === 'integer' && bounds.min >= 0
        ? (v: number) => Math.abs(Math.log((v + 1) / (from + 1))) / Math.log((bounds.max + 1) / (bounds.min + 1))
        : (v: number) => Math.abs(v - from) / span;
    return [...values]
      .map((value) => ({ value, distance: size(value), direction: value > from ? 'up' : 'down' }))
      .sort((a, b) => a.distance - b.distance || a.value - b.value);
  }
  if (question.type === 'boolean') return [{ value: !from, distance: 1, direction: 'other' }];
  const options = (question.options ?? []).map((o) => o.value);
  if (question.type === 'choice') return options.filter((o) => o !== from).map((value) => ({ value, distance: 0.5, direction: value }));
  if (question.type === 'multi' && Array.isArray(from)) {
    return options.map((o) => ({
      value: from.includes(o) ? from.filter((x) => x !== o) : [...from, o].sort((a, b) => options.indexOf(a) - options.indexOf(b)),
      distance: 0.5,
      direction: o,
    }));
  }
  return [];
}

export interface UnknownThatMatters {
  question: string;
  /** The chance that knowing the answer would put another model first (by expected score). */
  changesLeader: number;
  /** How many points better, on average, the first choice would be if the answer were known (the expected value of knowing it). */
  expectedGain: number;
}

/** Draws of each unknown answer tried when valuing what knowing it would change. */
const VALUE_DRAWS = 32;
/** A Map takes −0 for +0: this key keeps them apart. */
const NEGATIVE_ZERO = Symbol('-0');

/**
 * For each question answered "don't know": how much knowing it would change, by the
 * simplest honest measure of the value of information: draw the answer from its prior,
 * see whether another model would then be first by expected score, and by how much.
 */
export function unknownsThatMatter(engine: Engine, municipality: Municipality): UnknownThatMatters[] {
  const base = expectedScores(engine, searchPoints(engine, municipality), municipality);
  const leader = leaderOf(base.scores, base.feasible);
  if (leader === undefined) return [];
  const open = [...municipality.unknown, ...(engine.composition?.questions.filter((q) => !municipality.known[q]) ?? [])];
  const out = open.map((q): UnknownThatMatters => {
    const random = seededRandom(1000 + q);
    const scratch = [...municipality.values];
    let changes = 0;
    let gain = 0;
    // A discrete answer draws the same few values again and again: each one's expected scores worked out once.
    const seen = new Map<unknown, { scores: number[]; feasible: boolean[] }>();
    for (let k = 0; k < VALUE_DRAWS; k++) {
      drawAnswers(engine, municipality, random, scratch);
      const value = scratch[q]!;
      const key = typeof value === 'object' ? undefined : value === 0 && 1 / value < 0 ? NEGATIVE_ZERO : value;
      let after = key === undefined ? undefined : seen.get(key);
      if (!after) {
        const known = withKnown(engine, municipality, q, value);
        after = expectedScores(engine, searchPoints(engine, known), known);
        if (key !== undefined) seen.set(key, after);
      }
      const now = leaderOf(after.scores, after.feasible);
      if (now === undefined) continue;
      if (now !== leader) changes++;
      gain += after.scores[now]! - (after.feasible[leader] ? after.scores[leader]! : after.scores[now]!);
    }
    return { question: engine.questions[q]!.question.id, changesLeader: changes / VALUE_DRAWS, expectedGain: gain / VALUE_DRAWS };
  });
  return out.sort((a, b) => b.expectedGain - a.expectedGain || b.changesLeader - a.changesLeader || (a.question < b.question ? -1 : 1));
}

/** The answers with one unknown answer now known (a task share leaves the rest of the mix to the other unknown shares). */
function withKnown(engine: Engine, municipality: Municipality, q: number, value: AnswerValue): Municipality {
  const values = [...municipality.values];
  const known = [...municipality.known];
  values[q] = value;
  known[q] = true;
  return { values, known, unknown: municipality.unknown.filter((u) => u !== q), openMix: engine.composition?.questions.some((m) => !known[m]) ?? false };
}
