import { renderExplain, type Explanation } from '../explain.js';
import { renderExplainJson } from '../explain-json.js';
import type { Registry } from '../renderer.js';

/** `orgfit explain --format …`: one model of one result. */
export default { text: renderExplain, json: renderExplainJson } satisfies Registry<'explain', Explanation>;
