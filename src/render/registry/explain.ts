import { renderExplain, type Explanation } from '../explain.js';
import { renderExplainJson } from '../explain-json.js';
import type { FormatOf } from '../formats.js';
import type { Registry } from '../renderer.js';

/** `orgfit explain --format …`: one model of one result. */
export default { text: renderExplain, json: renderExplainJson } satisfies Registry<'explain', Explanation>;

/** The formats that print SMAA-2's confidence factors; the others skip its second pass. */
export const SHOWS_CONFIDENCE: ReadonlySet<FormatOf<'explain'>> = new Set(['json']);
