/**
 * The thresholds of the verdict, stated in every result. A model is the clear first
 * choice when it comes first in at least 60 % of the plausible cases (its rank-1
 * acceptability, SMAA-2): more often than all its rivals together, with a margin. When
 * no model is, the top set holds the leader and every workable model that beats it in
 * at least a quarter of the plausible cases: those the evidence cannot tell apart from
 * it. Both thresholds are orgfit's judgement.
 */
export const CLEAR_FIRST = 0.6;
export const TOP_SET = 0.25;
/**
 * An alternative is clearly better than what the municipality has today when it beats
 * today's organisation, change cost included, in at least 80 % of the plausible cases;
 * when none is, the verdict is to keep what it has. orgfit's judgement: a change must
 * earn its cost with some margin, as GRADE's evidence-to-decision frameworks ask of an
 * option against current practice.
 */
export const CLEARLY_BETTER = 0.8;

export type VerdictKind = 'clear' | 'indistinguishable' | 'undecided' | 'keep';

export interface Verdict {
  kind: VerdictKind;
  /** The model most often first (absent when no model is workable). */
  leader?: string;
  /** The models that cannot be told apart from the leader, the leader first; just the leader when clear. */
  models: string[];
  thresholds: { clearFirst: number; topSet: number; clearlyBetter: number };
}

export interface VerdictInput {
  /** Model ids in display order (most often first, first). */
  order: readonly string[];
  first: ReadonlyMap<string, number>;
  /** How often each model beats the leader. */
  beatsLeader: ReadonlyMap<string, number>;
  workable: ReadonlySet<string>;
  /** The model the municipality has today, when it is one of the ranked ones. */
  today?: string;
  /** How often each model beats today's organisation (change cost included). */
  beatsToday?: ReadonlyMap<string, number>;
}

/**
 * One of four verdicts: keep today's organisation, when it is most often first or no
 * alternative is clearly better than it; a clear first choice; a set of models the
 * evidence cannot tell apart; or, when every workable model is in that set, "the
 * evidence does not decide here".
 */
export function verdictOf({ order, first, beatsLeader, workable, today, beatsToday }: VerdictInput): Verdict {
  const thresholds = { clearFirst: CLEAR_FIRST, topSet: TOP_SET, clearlyBetter: CLEARLY_BETTER };
  const candidates = order.filter((id) => workable.has(id));
  const leader = candidates[0];
  if (leader === undefined) return { kind: 'undecided', models: [], thresholds };
  if (today !== undefined && workable.has(today)) {
    const better = candidates.filter((id) => id !== today && (beatsToday?.get(id) ?? 0) >= CLEARLY_BETTER);
    if (leader === today || better.length === 0) return { kind: 'keep', leader: today, models: [today], thresholds };
  }
  if ((first.get(leader) ?? 0) >= CLEAR_FIRST) return { kind: 'clear', leader, models: [leader], thresholds };
  const models = [leader, ...candidates.slice(1).filter((id) => (beatsLeader.get(id) ?? 0) >= TOP_SET)];
  return { kind: models.length >= candidates.length ? 'undecided' : 'indistinguishable', leader, models, thresholds };
}
