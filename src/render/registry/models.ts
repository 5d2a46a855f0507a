import { renderModelsJson, renderModelsTable, type ListedModel } from '../models.js';
import type { Registry } from '../renderer.js';

/** `orgfit models --format …`: the built-in models and the user's own. */
export default { table: renderModelsTable, json: renderModelsJson } satisfies Registry<'models', readonly ListedModel[]>;
