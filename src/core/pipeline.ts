import type { Engine } from './engine.js';
import { buildResult, type Result } from './result.js';
import { analyseRobustness } from './robustness.js';
import { estimate } from './score.js';
import { tippingPoints, unknownsThatMatter } from './tipping.js';
import { municipalityOf } from './unknowns.js';
import { CLEAR_FIRST, TOP_SET, verdictOf, type Verdict } from './verdict.js';
import type { Lang } from '../i18n/lang.js';
import type { AnswersFile } from '../schema/index.js';

export interface ScoreOptions {
  lang: Lang;
  seed: number;
  /** A fixed number of robustness samples; without it the count is adaptive (see robustness.ts). */
  samples?: number;
  /** Where the answers came from, echoed in the result. */
  source?: string;
  /** Leave out the searches for tipping points and for the unknowns that matter (they cost more than the rest). */
  skipSearches?: boolean;
}

export const DEFAULT_SEED = 1;

/**
 * Scores every model of a compiled engine for one municipality's (already validated)
 * answers: expected scores with 80 % intervals, SMAA-2 robustness, the verdict, the
 * tipping points, and the evidence behind each part.
 *
 * @example
 * const result = scoreMunicipality(compileEngine(kb), answersFile, { lang: 'en', seed: 1 });
 * result.verdict.kind; // 'clear' | 'indistinguishable' | 'undecided'
 */
export function scoreMunicipality(engine: Engine, answers: AnswersFile, options: ScoreOptions): Result {
  const municipality = municipalityOf(engine, answers.answers);
  const estimates = estimate(engine, municipality);
  const robustness = analyseRobustness(engine, municipality, { seed: options.seed, ...(options.samples !== undefined ? { samples: options.samples } : {}) });
  // Most often first, first; then by expected score: the #1 shown is never beaten in P(first) by a model below it.
  const order = engine.models
    .map((_, m) => m)
    .sort((a, b) => {
      const ea = estimates.models[a]!;
      const eb = estimates.models[b]!;
      if (ea.feasible !== eb.feasible) return ea.feasible ? -1 : 1;
      return robustness.models[b]!.ranks[0]! - robustness.models[a]!.ranks[0]! || eb.score - ea.score || (engine.models[a]!.id < engine.models[b]!.id ? -1 : 1);
    });
  const ids = engine.models.map((m) => m.id);
  const leader = order[0]!;
  const verdict = robustness.samples === 0 ? undecided(order.filter((m) => estimates.models[m]!.feasible).map((m) => ids[m]!)) : verdictOf({
    order: order.map((m) => ids[m]!),
    first: new Map(order.map((m) => [ids[m]!, robustness.models[m]!.ranks[0]!])),
    beatsLeader: new Map(order.map((m) => [ids[m]!, m === leader ? 0 : robustness.models[m]!.beats[leader]!])),
    workable: new Set(order.filter((m) => estimates.models[m]!.feasible).map((m) => ids[m]!)),
  });
  const runnerUp = order[1] !== undefined && estimates.models[order[1]]!.feasible ? ids[order[1]] : undefined;
  return buildResult({
    engine,
    municipality,
    answers: { municipality: answers.municipality, ...(answers.scenario ? { scenario: answers.scenario } : {}) },
    ...(options.source ? { source: options.source } : {}),
    estimates,
    robustness,
    order,
    verdict,
    tippingPoints: options.skipSearches || robustness.samples === 0 ? [] : tippingPoints(engine, municipality, verdict, runnerUp, options.seed),
    unknownsThatMatter: options.skipSearches ? [] : unknownsThatMatter(engine, municipality),
    lang: options.lang,
  });
}

/** Without robustness samples nothing tells the models apart: every workable one is in the top set. */
function undecided(models: string[]): Verdict {
  return { kind: 'undecided', ...(models[0] !== undefined ? { leader: models[0] } : {}), models, thresholds: { clearFirst: CLEAR_FIRST, topSet: TOP_SET } };
}
