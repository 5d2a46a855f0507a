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

export type VerdictKind = 'clear' | 'indistinguishable' | 'undecided';

export interface Verdict {
  kind: VerdictKind;
  /** The model most often first (absent when no model is workable). */
  leader?: string;
  /** The models that cannot be told apart from the leader, the leader first; just the leader when clear. */
  models: string[];
  thresholds: { clearFirst: number; topSet: number };
}

export interface VerdictInput {
  /** Model ids in display order (most often first, first). */
  order: readonly string[];
  first: ReadonlyMap<string, number>;
  /** How often each model beats the leader. */
  beatsLeader: ReadonlyMap<string, number>;
  workable: ReadonlySet<string>;
}

/**
 * One of three verdicts: a clear first choice; a set of models the evidence cannot tell
 * apart; or, when every workable model is in that set, "the evidence does not decide here".
 */
export function verdictOf({ order, first, beatsLeader, workable }: VerdictInput): Verdict {
  const thresholds = { clearFirst: CLEAR_FIRST, topSet: TOP_SET };
  const candidates = order.filter((id) => workable.has(id));
  const leader = candidates[0];
  if (leader === undefined) return { kind: 'undecided', models: [], thresholds };
  if ((first.get(leader) ?? 0) >= CLEAR_FIRST) return { kind: 'clear', leader, models: [leader], thresholds };
  const models = [leader, ...candidates.slice(1).filter((id) => (beatsLeader.get(id) ?? 0) >= TOP_SET)];
  return { kind: models.length >= candidates.length ? 'undecided' : 'indistinguishable', leader, models, thresholds };
}
