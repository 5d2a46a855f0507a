import { decide } from './decision.js';
import { frameOf, withinFrame, type Engine } from './engine.js';
import { buildResult, type Result } from './result.js';
import { analyseRobustness } from './robustness.js';
import { estimate } from './score.js';
import { tippingPoints, unknownsThatMatter } from './tipping.js';
import { municipalityOf } from './unknowns.js';
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
  /**
   * Leave out SMAA-2's second pass, the confidence factors (up to 2,000 samples for every
   * model that ever ranks first: most of a single file's samples). Only JSON prints them;
   * nothing else in the result depends on them.
   */
  skipConfidence?: boolean;
}

export const DEFAULT_SEED = 1;

/**
 * Scores every model of a compiled engine for one municipality's (already validated)
 * answers: expected scores with 80 % intervals, SMAA-2 robustness, the verdict, the
 * tipping points, and the evidence behind each part.
 *
 * @example
 * const result = scoreMunicipality(compileEngine(kb), answersFile, { lang: 'en', seed: 1 });
 * result.verdict.kind; // 'keep' | 'clear' | 'indistinguishable' | 'undecided'
 */
export function scoreMunicipality(engine: Engine, answers: AnswersFile, options: ScoreOptions): Result {
  const given = municipalityOf(engine, answers.answers);
  // Organisations are scored within the frame the municipality works in (a NAV office, say): its effects apply to each.
  const framed = withinFrame(engine, frameOf(engine, given.values.map((v, q) => (given.known[q] ? v : null!))));
  const municipality = municipalityOf(framed, answers.answers);
  const estimates = estimate(framed, municipality);
  const robustness = analyseRobustness(framed, municipality, { seed: options.seed, ...(options.samples !== undefined ? { samples: options.samples } : {}), ...(options.skipConfidence ? { skipConfidence: true } : {}) });
  const { order, verdict, today } = decide(
    framed,
    municipality,
    robustness,
    estimates.models.map((m) => m.score),
    estimates.models.map((m) => m.feasible),
  );
  const runnerUp = order[1] !== undefined && estimates.models[order[1]]!.feasible ? framed.models[order[1]]!.id : undefined;
  return buildResult({
    engine: framed,
    municipality,
    answers: { municipality: answers.municipality, ...(answers.scenario ? { scenario: answers.scenario } : {}) },
    ...(options.source ? { source: options.source } : {}),
    estimates,
    robustness,
    order,
    verdict,
    today,
    tippingPoints: options.skipSearches || robustness.samples === 0 ? [] : tippingPoints(framed, municipality, verdict, runnerUp, options.seed),
    unknownsThatMatter: options.skipSearches ? [] : unknownsThatMatter(framed, municipality),
    lang: options.lang,
  });
}
