import { indexKb, type KbIndex, type KnowledgeBase } from './kb.js';
import { analyseRobustness } from './robustness.js';
import { buildResult, type Result } from './result.js';
import { resolveAnswers, scoreModels } from './score.js';
import type { Lang } from '../i18n/lang.js';
import type { AnswersFile, Model } from '../schema/index.js';

export interface ScoreOptions {
  lang: Lang;
  /** Monte Carlo samples for the robustness analysis. */
  samples: number;
  seed: number;
  /** Where the answers came from, echoed in the result. */
  source?: string;
}

export const DEFAULT_SAMPLES = 1000;

const indexes = new WeakMap<KnowledgeBase, KbIndex>();
/** One index per knowledge base, however many municipalities are scored against it. */
function indexOf(kb: KnowledgeBase): KbIndex {
  let index = indexes.get(kb);
  if (!index) {
    index = indexKb(kb);
    indexes.set(kb, index);
  }
  return index;
}
export const DEFAULT_SEED = 1;

/**
 * Scores a set of models for one municipality's (already validated) answers:
 * weights, scores with intervals, robustness, and the evidence behind each part.
 *
 * @example
 * const result = scoreMunicipality(kb, kb.models, answersFile, { lang: 'en', samples: 1000, seed: 1 });
 */
export function scoreMunicipality(kb: KnowledgeBase, models: readonly Model[], answers: AnswersFile, options: ScoreOptions): Result {
  const index = indexOf(kb);
  const resolved = resolveAnswers(answers.answers, index);
  const scoring = scoreModels(kb, index, resolved, models);
  const robustness = analyseRobustness(kb, index, resolved, scoring, models, { samples: options.samples, seed: options.seed });
  return buildResult({
    kb,
    index,
    models,
    answers: { municipality: answers.municipality, ...(answers.scenario ? { scenario: answers.scenario } : {}), values: answers.answers },
    resolved,
    ...(options.source ? { source: options.source } : {}),
    scoring,
    robustness,
    lang: options.lang,
  });
}
