import type { KbIndex } from './kb.js';
import type { Confidence, Finding } from '../schema/index.js';

/**
 * How far a claimed effect may be off, as a standard deviation of the factor that
 * multiplies it, by the GRADE-CERQual grade of the evidence: a "low" finding's effect
 * may well be half as large or half as large again, a "very low" one may even point
 * the other way (one draw in ten). GRADE-CERQual has no multipliers: these are
 * orgfit's judgement, chosen so that the grades differ as "highly likely", "likely",
 * "possibly" and "not clear" do in its definitions.
 */
export const EFFECT_SD: Record<Confidence, number> = { high: 0.15, moderate: 0.3, low: 0.5, 'very-low': 0.8 };
/**
 * Adequacy (CERQual): a rating backed by several independent studies is surer than
 * the best of them alone. With two studies its spread is 0.85 of the strongest
 * finding's, with three or more 0.75 (orgfit's judgement). An added corroborating
 * finding can therefore only narrow a rating, never widen it.
 */
const ADEQUACY: readonly number[] = [1, 1, 0.85, 0.75];
const GRADES: readonly Confidence[] = ['high', 'moderate', 'low', 'very-low'];

/** The body of evidence behind one rating or adjustment. */
export interface Body {
  /** The grade of its strongest finding. */
  confidence: Confidence;
  /** Standard deviation of the factor on the claimed effect (see EFFECT_SD). */
  sd: number;
  /** Distinct studies (references) behind it. */
  studies: number;
  findings: string[];
  references: string[];
  /**
   * Indices (into the engine's finding list) of the findings whose shared draws move
   * it, with unit-norm weights: each finding is drawn once per sample, so every
   * rating and adjustment citing it moves together.
   */
  draws: Int32Array;
  coefficients: Float64Array;
}

/**
 * The body of evidence of a set of cited findings, in the spirit of GRADE-CERQual:
 * methodological strength from the strongest finding, adequacy from the number of
 * studies. `slot` gives each finding its place in the engine's list of draws.
 */
export function bodyOf(ids: readonly string[], index: KbIndex, slot: (id: string) => number): Body {
  const findings = [...new Set(ids)].map((id) => index.findings.get(id)).filter((f): f is Finding => f !== undefined && slot(f.id) >= 0);
  const references: string[] = [];
  for (const f of findings) for (const key of f.references) if (!references.includes(key)) references.push(key);
  if (findings.length === 0) {
    // Uncited (only possible in a model file that failed validation): as unsure as evidence gets, moved by no draw.
    return { confidence: 'very-low', sd: EFFECT_SD['very-low'], studies: 0, findings: [...ids], references, draws: new Int32Array(0), coefficients: new Float64Array(0) };
  }
  const strongest = GRADES[Math.min(...findings.map((f) => GRADES.indexOf(f.confidence)))]!;
  // The review's own synthesis is not a study of its own: it adds nothing to adequacy.
  const studies = references.filter((key) => index.references.get(key)?.kind !== 'review-synthesis').length;
  const sd = EFFECT_SD[strongest] * ADEQUACY[Math.min(studies, ADEQUACY.length - 1)]!;
  // Stronger findings weigh more in the shared draw (precision weights), normalised to unit variance.
  const precision = findings.map((f) => 1 / EFFECT_SD[f.confidence]);
  const norm = Math.sqrt(precision.reduce((sum, p) => sum + p * p, 0));
  return {
    confidence: strongest,
    sd,
    studies,
    findings: findings.map((f) => f.id),
    references,
    draws: Int32Array.from(findings.map((f) => slot(f.id))),
    coefficients: Float64Array.from(precision.map((p) => p / norm)),
  };
}
