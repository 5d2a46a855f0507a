/*
 * The realistic panel: generated municipalities whose answers decide the figures.
 *
 * This generator is orgfit's judgement, not KOSTRA or SSB data. It starts from the
 * decision review's realistic mix (docs/reviews/decision-review.md §1.3, 2026-12-01).
 * Winner shares by band move with it; the questions of separation, cliffs and dead
 * questions hardly do (the review found the same on uniform answers).
 *
 * | answer                        | rural (40 %)                   | town (35 %)                          | city district (25 %)                    |
 * |-------------------------------|--------------------------------|--------------------------------------|-----------------------------------------|
 * | staff-fte (log-uniform)       | 3–10                           | 10–40                                | 40–150                                  |
 * | rule / crisis share (uniform) | 45–70 / 10–25                  | 35–60 / 10–30                        | 30–55 / 15–35                           |
 * | means-end share               | the rest, so the three add up to exactly 100 (the bank's sum rule)                                             |
 * | current-organisation          | integrated .75, specialised    | integrated .40, specialised .40,     | specialised .50, integrated .20,        |
 * | (inside the NAV office)       | .10, team .05, other .10       | matrix .05, team .05, other .10      | matrix .10, team .05, other .15         |
 * | long-term / complex /         | 15–50 / 15–50 / 10–45          | 20–55 / 20–60 / 10–45                | 30–65 / 30–75 / 5–40                    |
 * | close-to-work % (uniform)     |                                |                                      |                                         |
 * | user-groups: P(refugees,      | .30 .15 .15 .10                | .50 .40 .35 .15                      | .70 .70 .60 .30                         |
 * | substance, young, disabled)   |                                |                                      |                                         |
 * | acute-case-volume P(1…5)      | .30 .35 .25 .08 .02            | .10 .25 .35 .20 .10                  | .02 .10 .30 .33 .25                     |
 * | management-capacity P(1…5)    | .15 .30 .35 .15 .05            | .05 .20 .40 .25 .10                  | .05 .15 .35 .30 .15                     |
 * | frame                         | nav-office for every municipality: since the NAV reform every social service works in one           |
 * | leads-work-rehabilitation     | social service .30, shared .45, state .25, in every band                                            |
 * | steering-style P(hierarchical,| .60 .35 .05                    | .35 .55 .10                          | .15 .50 .35                             |
 * | objectives, purch.–provider)  |                                |                                      |                                         |
 * | recent-reorganisations P(0…)  | .45 .35 .15 .05 (0–3)          | .30 .35 .20 .10 .05 (0–4)            | .20 .30 .22 .13 .08 .05 .02 (0–6)       |
 * | share-social-work-educated %  | 30–90                          | 40–90                                | 50–95                                   |
 * | every band                    | priorities: each of control, staff development, knowledge, user participation, coherence rated 1…5 with           |
 * |                               | P = .05 .15 .35 .30 .15, independently, then ranked by rating (ties in random order);                  |
 * |                               | recruitment-pressure, staff-preference-structure, cooperation-capacity, shared-routines and             |
 * |                               | access-measures-and-jobs around 3: .10 .25 .30 .25 .10; rule-work-crowds-out .05 .20 .35 .25 .15        |
 *
 * Every question is answered; nobody answers "don't know". Answers are drawn
 * independently within a band (no correlations beyond the band), as in the review.
 *
 * Questions of the bank that this table does not know get the question's `assume`,
 * or, without one, a uniform draw over the values the question allows; the script
 * warns about each (so a new question is never silently left at one value). Every
 * sum rule of the bank is then enforced: shares outside its tolerance are rescaled in
 * proportion to add up to its total.
 */
import { int, logUniformInt, mulberry32, pick, seedFor, type Random } from './random.js';
import { validAnswer, type AnswerValue, type Answers, type KnowledgeBase, type Question, type SumRule } from './engine.js';

export type BandId = 'rural' | 'town' | 'city';
export interface Band {
  id: BandId;
  label: string;
  share: number;
  fte: [number, number];
}

export const BANDS: readonly Band[] = [
  { id: 'rural', label: 'rural office', share: 0.4, fte: [3, 10] },
  { id: 'town', label: 'town', share: 0.35, fte: [10, 40] },
  { id: 'city', label: 'city district', share: 0.25, fte: [40, 150] },
];

/** Per band, in BANDS order. */
type ByBand<T> = readonly [rural: T, town: T, city: T];

/** A part of the generator: the questions it answers and how it draws them. */
interface Part {
  questions: readonly string[];
  draw(random: Random, band: number): Answers;
}

const AROUND_THREE = [0.1, 0.25, 0.3, 0.25, 0.1];
const PRIORITY = [0.05, 0.15, 0.35, 0.3, 0.15];

/** A 1–5 scale with probabilities per band (or one list for every band). */
const scale = (question: string, p: ByBand<readonly number[]> | readonly number[]): Part => ({
  questions: [question],
  draw: (random, band) => {
    const probabilities = (Array.isArray(p[0]) ? (p as ByBand<readonly number[]>)[band] : p) as readonly number[];
    return { [question]: 1 + pick(random, probabilities) };
  },
});
/** A percentage drawn uniformly (whole numbers) in a range per band. */
const percent = (question: string, ranges: ByBand<readonly [number, number]>): Part => ({
  questions: [question],
  draw: (random, band) => {
    const [lo, hi] = ranges[band]!;
    return { [question]: int(random, lo, hi) };
  },
});
/** A choice with probabilities per band over the listed options. */
const choice = (question: string, options: readonly string[], p: ByBand<readonly number[]>): Part => ({
  questions: [question],
  draw: (random, band) => ({ [question]: options[pick(random, p[band]!)]! }),
});

/** The generator, in drawing order (a fixed order, so reordering the bank does not change the panel). */
const PARTS: readonly Part[] = [
  {
    questions: ['staff-fte'],
    draw: (random, band) => {
      const [lo, hi] = BANDS[band]!.fte;
      return { 'staff-fte': logUniformInt(random, lo, hi) };
    },
  },
  {
    // The task mix: rule and crisis drawn, means-end work the rest, so the three add up to 100.
    questions: ['share-rule-logic', 'share-means-end-logic', 'share-crisis-logic'],
    draw: (random, band) => {
      const rule = ([[45, 70], [35, 60], [30, 55]] as const)[band]!;
      const crisis = ([[10, 25], [10, 30], [15, 35]] as const)[band]!;
      const r = int(random, rule[0], rule[1]);
      const c = int(random, crisis[0], crisis[1]);
      return { 'share-rule-logic': r, 'share-means-end-logic': 100 - r - c, 'share-crisis-logic': c };
    },
  },
  scale('rule-work-crowds-out', [0.05, 0.2, 0.35, 0.25, 0.15]),
  choice('current-organisation', ['integrated-generalist', 'specialised', 'matrix', 'team-based', 'other'], [
    [0.75, 0.1, 0, 0.05, 0.1],
    [0.4, 0.4, 0.05, 0.05, 0.1],
    [0.2, 0.5, 0.1, 0.05, 0.15],
  ]),
  percent('share-social-work-educated', [[30, 90], [40, 90], [50, 95]]),
  scale('recruitment-pressure', AROUND_THREE),
  scale('staff-preference-structure', AROUND_THREE),
  scale('management-capacity', [
    [0.15, 0.3, 0.35, 0.15, 0.05],
    [0.05, 0.2, 0.4, 0.25, 0.1],
    [0.05, 0.15, 0.35, 0.3, 0.15],
  ]),
  scale('cooperation-capacity', AROUND_THREE),
  scale('shared-routines', AROUND_THREE),
  {
    questions: ['recent-reorganisations'],
    draw: (random, band) => {
      const p = ([[0.45, 0.35, 0.15, 0.05], [0.3, 0.35, 0.2, 0.1, 0.05], [0.2, 0.3, 0.22, 0.13, 0.08, 0.05, 0.02]] as const)[band]!;
      return { 'recent-reorganisations': pick(random, p) };
    },
  },
  percent('share-long-term-recipients', [[15, 50], [20, 55], [30, 65]]),
  percent('share-complex-needs', [[15, 50], [20, 60], [30, 75]]),
  percent('share-close-to-work', [[10, 45], [10, 45], [5, 40]]),
  {
    questions: ['user-groups'],
    draw: (random, band) => {
      const groups = ['refugees', 'substance-users', 'young-people', 'disabled'];
      const p = ([[0.3, 0.15, 0.15, 0.1], [0.5, 0.4, 0.35, 0.15], [0.7, 0.7, 0.6, 0.3]] as const)[band]!;
      return { 'user-groups': groups.filter((_, g) => random() < p[g]!) };
    },
  },
  scale('acute-case-volume', [
    [0.3, 0.35, 0.25, 0.08, 0.02],
    [0.1, 0.25, 0.35, 0.2, 0.1],
    [0.02, 0.1, 0.3, 0.33, 0.25],
  ]),
  choice('frame', ['nav-office'], [[1], [1], [1]]),
  choice('leads-work-rehabilitation', ['social-service', 'shared', 'state'], [
    [0.3, 0.45, 0.25],
    [0.3, 0.45, 0.25],
    [0.3, 0.45, 0.25],
  ]),
  scale('access-measures-and-jobs', AROUND_THREE),
  choice('steering-style', ['hierarchical', 'management-by-objectives', 'purchaser-provider'], [
    [0.6, 0.35, 0.05],
    [0.35, 0.55, 0.1],
    [0.15, 0.5, 0.35],
  ]),
  {
    // Each priority rated as the old 1–5 answers were, then ranked by rating, ties in random order.
    questions: ['priorities'],
    draw: (random) => {
      const options = ['control-economy', 'staff-development', 'knowledge-practice', 'user-participation', 'coherence'];
      const rated = options.map((option) => ({ option, rating: 1 + pick(random, PRIORITY), tie: random() }));
      rated.sort((a, b) => b.rating - a.rating || a.tie - b.tie);
      return { priorities: rated.map((r) => r.option) };
    },
  },
];

/** The questions the generator has a distribution for. */
export const KNOWN_QUESTIONS: readonly string[] = PARTS.flatMap((p) => p.questions);

/** What the generator knows and does not know about a question bank, for the warnings. */
export function coverage(kb: KnowledgeBase): { unknown: string[]; absent: string[] } {
  const bank = new Set(kb.questions.map((q) => q.id));
  return {
    unknown: kb.questions.map((q) => q.id).filter((id) => !KNOWN_QUESTIONS.includes(id)),
    absent: KNOWN_QUESTIONS.filter((id) => !bank.has(id)),
  };
}

/** A uniform draw over the values a question allows. */
export function uniformAnswer(question: Question, random: Random): AnswerValue {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'percent':
      return int(random, 0, 100);
    case 'scale':
      return int(random, 1, 5);
    case 'integer':
      return int(random, question.min ?? 0, question.max ?? (question.min ?? 0) + 100);
    case 'boolean':
      return random() < 0.5;
    case 'choice':
      return options[Math.floor(random() * options.length)]!;
    case 'multi':
      return options.filter(() => random() < 0.5);
    case 'rank': {
      const order = [...options];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      return order;
    }
  }
}

/** The answer for a question the generator does not know: its `assume`, else a uniform draw. */
function fallback(question: Question, random: Random): AnswerValue {
  return question.assume !== undefined && validAnswer(question, question.assume) ? question.assume : uniformAnswer(question, random);
}

/**
 * Whole numbers in proportion to `weights` that add up to exactly `total`
 * (largest remainder; equal parts when every weight is 0).
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

/** Rescales numeric answers that break a sum rule so that they add up to its total. */
export function enforceSums(answers: Answers, sums: readonly SumRule[]): void {
  for (const sum of sums) {
    const values = sum.questions.map((id) => answers[id]);
    if (!values.every((v): v is number => typeof v === 'number')) continue;
    const total = values.reduce((a, b) => a + b, 0);
    if (Math.abs(total - sum.total) <= sum.tolerance) continue;
    apportion(values, sum.total).forEach((v, i) => (answers[sum.questions[i]!] = v));
  }
}

export interface Municipality {
  index: number;
  band: BandId;
  answers: Answers;
  /** Questions the generator drew a value for that the bank does not allow, answered by the fallback instead. */
  replaced: string[];
}

/**
 * Municipality `index` of the panel seeded with `seed`. Each municipality has its own
 * random streams (one for the table above, one for the questions it does not know),
 * so it is the same whatever the panel size, and a new question changes no other answer.
 */
export function municipality(kb: KnowledgeBase, seed: number, index: number): Municipality {
  const random = mulberry32(seedFor(seed, index, 0));
  const band = pick(random, BANDS.map((b) => b.share));
  const drawn: Answers = {};
  for (const part of PARTS) Object.assign(drawn, part.draw(random, band));

  const other = mulberry32(seedFor(seed, index, 1));
  const answers: Answers = {};
  const replaced: string[] = [];
  for (const question of kb.questions) {
    const value = drawn[question.id];
    if (value !== undefined && validAnswer(question, value)) {
      answers[question.id] = value;
    } else {
      if (value !== undefined) replaced.push(question.id);
      answers[question.id] = fallback(question, other);
    }
  }
  enforceSums(answers, kb.sums);
  return { index, band: BANDS[band]!.id, answers, replaced };
}
