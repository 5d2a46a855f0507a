import type { Result } from './result.js';
import type { Confidence } from '../schema/index.js';
import type { ReportFile } from '../schema/report.js';

/** What `score` and `report` both say of one answers file: the verdict's summary and the whole result it summarises. */
export type ScoredFile = Pick<ReportFile, 'summary' | 'result'>;
export type VerdictSummary = ReportFile['summary'];

const LEVELS: readonly Confidence[] = ['high', 'moderate', 'low', 'very-low'];
const lower = (level: Confidence, steps: number): Confidence => LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(level) + steps)]!;
/** A body of evidence is as sure as its least sure part (GRADE rates a conclusion by what it rests on). */
export const lowest = (levels: readonly Confidence[]): Confidence => levels.reduce<Confidence>((a, b) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a), 'high');

/** A third of the answers "don't know" is enough to make any verdict less sure (orgfit's judgement). */
const MANY_UNKNOWNS = 1 / 3;
/** What the summary shows of what would change the verdict: what a reader takes in on one page. */
const SHOWN = 3;
/**
 * How many GRADE levels each reason takes off (orgfit's judgement, in GRADE's manner: a serious
 * concern one, a very serious two). Thin evidence takes none here: it sets where the verdict
 * starts (carryingCertainty).
 */
const STEPS = { 'not-clear': 1, 'no-clear-first': 2, 'evidence-undecided': 3, 'keep-narrow': 1, 'many-unknowns': 1, 'thin-evidence': 0 } as const;

/**
 * How sure the evidence that carries a model's score is: the surest level at which at least
 * half of what moves the score (by points, each criterion as sure as its least sure applying
 * part) rests on evidence at least that sure; so more than half on low or very low evidence
 * makes it low. High when nothing moves it.
 */
export function carryingCertainty(entry: Result['ranking'][number] | undefined): Confidence {
  const at = LEVELS.map(() => 0);
  let moved = 0;
  for (const c of entry?.criteria ?? []) {
    const points = Math.abs(c.effect);
    if (points === 0) continue;
    at[LEVELS.indexOf(lowest(applyingContributions(c).map((x) => x.confidence)))]! += points;
    moved += points;
  }
  if (moved === 0) return 'high';
  let surer = 0;
  for (let l = 0; l < LEVELS.length; l++) {
    surer += at[l]!;
    if (surer >= moved / 2) return LEVELS[l]!;
  }
  return 'very-low';
}

/** The contributions of one criterion that apply here: an adjustment that cannot apply moves nothing. */
export const applyingContributions = (c: Result['ranking'][number]['criteria'][number]) => c.contributions.filter((x) => x.kind !== 'adjustment' || x.probability > 0);

/** One answers file as `score` and `report` both say it: the result with its verdict's summary. Pure. */
export function scoredFile(result: Result): ScoredFile {
  return { summary: summaryOf(result), result };
}

/**
 * The verdict in the manner of GRADE: how sure it is (high to very low), with every reason
 * it is not higher, the headline figures, and what would change it.
 */
export function summaryOf(result: Result): VerdictSummary {
  const v = result.verdict;
  const leader = result.ranking.find((r) => r.model === v.leader);
  const answers = Object.values(result.answers);
  const unknown = answers.filter((a) => !a.known).length;
  const sampled = result.method.robustness.samples > 0;
  const downgrades: VerdictSummary['downgrades'] = [];
  const first = leader?.acceptability.first ?? 0;
  if (v.kind === 'clear' && first < 0.9) downgrades.push('not-clear');
  if (v.kind === 'indistinguishable') downgrades.push('no-clear-first');
  if (v.kind === 'undecided') downgrades.push('evidence-undecided');
  if (v.kind === 'keep' && !(result.ranking[0]?.model === v.leader && first >= 0.6)) downgrades.push('keep-narrow');
  if (answers.length > 0 && unknown / answers.length > MANY_UNKNOWNS) downgrades.push('many-unknowns');
  // GRADE: a conclusion is as sure as the evidence that carries it. The verdict starts from the
  // certainty of the evidence that carries the leader's score, and the reasons about the
  // verdict itself take it lower from there.
  const evidence = carryingCertainty(leader);
  if (evidence !== 'high') downgrades.push('thin-evidence');
  const certainty = lower(evidence, downgrades.reduce((sum, d) => sum + STEPS[d], 0));
  return {
    verdict: v.kind,
    certainty,
    evidence,
    downgrades,
    ...(v.leader ? { leader: v.leader } : {}),
    headline: {
      ...(leader && sampled ? { first: leader.acceptability.first } : {}),
      ...(leader ? { score: leader.score, interval: [...leader.interval] as [number, number] } : {}),
      ...(leader?.versusToday ? { gain: leader.versusToday.gain, ...(sampled ? { better: leader.versusToday.better } : {}) } : {}),
      unknown,
      questions: answers.length,
    },
    tipping: result.tippingPoints.slice(0, SHOWN),
    unknowns: result.unknownsThatMatter.filter((u) => u.changesLeader > 0).slice(0, SHOWN),
  };
}
