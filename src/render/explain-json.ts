import type { Explanation } from './explain.js';
import { jsonText } from './text.js';

/**
 * The explanation of one model as an orgfit/explanation@1 document: the model's entry of
 * the result, the criteria weights, and only the findings and references it cites.
 */
export function renderExplainJson({ result, model }: Explanation): string {
  const entry = result.ranking.find((r) => r.model === model)!;
  const ids = new Set<string>([...entry.criteria.flatMap((c) => c.contributions.flatMap((x) => x.findings)), ...entry.preconditions.flatMap((p) => p.findings), ...result.weights.flatMap((w) => w.findings)]);
  const findings = Object.fromEntries(Object.entries(result.findings).filter(([id]) => ids.has(id)));
  const keys = new Set(Object.values(findings).flatMap((f) => f.references));
  const references = Object.fromEntries(Object.entries(result.references).filter(([key]) => keys.has(key)));
  // The scenario key only when there is one, in its place in the key order.
  const document = { format: 'orgfit/explanation@1', municipality: result.municipality, ...(result.scenario ? { scenario: result.scenario } : {}), model: entry, weights: result.weights, findings, references };
  return jsonText(document);
}
