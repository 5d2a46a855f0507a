import type { Engine } from './engine.js';
import type { Robustness } from './robustness.js';
import type { Municipality } from './unknowns.js';
import { CLEAR_FIRST, CLEARLY_BETTER, TOP_SET, verdictOf, type Verdict } from './verdict.js';

/** The organisation the municipality has today: the first whose `matches` its (known) answer meets. */
export function todayOf(engine: Engine, municipality: Municipality): number | undefined {
  const at = engine.models.findIndex((m) => {
    const matches = m.model.matches;
    if (!matches) return false;
    const q = engine.position.get(matches.question);
    return q !== undefined && municipality.known[q] === true && matches.in.includes(String(municipality.values[q]));
  });
  return at >= 0 ? at : undefined;
}

export interface Decision {
  /** Model indices, most often first, first; workable ones before the others. */
  order: number[];
  verdict: Verdict;
  today: number | undefined;
}

/**
 * The ranking and the verdict from the robustness analysis: most often first, first,
 * then by expected score, so the #1 shown is never beaten in P(first) by a model below it.
 */
export function decide(engine: Engine, municipality: Municipality, robustness: Robustness, scores: readonly number[], feasible: readonly boolean[]): Decision {
  const ids = engine.models.map((m) => m.id);
  const first = (m: number) => robustness.models[m]!.ranks[0]!;
  const order = ids
    .map((_, m) => m)
    .sort((a, b) => (feasible[a] !== feasible[b] ? (feasible[a] ? -1 : 1) : first(b) - first(a) || scores[b]! - scores[a]! || (ids[a]! < ids[b]! ? -1 : 1)));
  const today = todayOf(engine, municipality);
  const workable = order.filter((m) => feasible[m]).map((m) => ids[m]!);
  if (robustness.samples === 0) {
    // Without samples nothing tells the models apart: every workable one is in the top set.
    const verdict: Verdict = { kind: 'undecided', ...(workable[0] !== undefined ? { leader: workable[0] } : {}), models: workable, thresholds: { clearFirst: CLEAR_FIRST, topSet: TOP_SET, clearlyBetter: CLEARLY_BETTER } };
    return { order, verdict, today };
  }
  const leader = order[0]!;
  const verdict = verdictOf({
    order: order.map((m) => ids[m]!),
    first: new Map(order.map((m) => [ids[m]!, first(m)])),
    beatsLeader: new Map(order.map((m) => [ids[m]!, m === leader ? 0 : robustness.models[m]!.beats[leader]!])),
    workable: new Set(workable),
    ...(today !== undefined ? { today: ids[today]!, beatsToday: new Map(order.map((m) => [ids[m]!, m === today ? 0 : robustness.models[m]!.beatsAfterChange[today]!])) } : {}),
  });
  return { order, verdict, today };
}
