import type { Result } from '../core/result.js';
import { jsonText } from './text.js';

/** One result as the orgfit/result@1 object; several as orgfit/results@1 holding them in order. */
export function renderScoreJson(results: readonly Result[]): string {
  const value = results.length === 1 ? results[0] : { format: 'orgfit/results@1', results };
  return jsonText(value);
}
