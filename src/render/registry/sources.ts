import type { Reference } from '../../schema/index.js';
import type { Registry } from '../renderer.js';
import { renderSourcesBibtex, renderSourcesCsl, renderSourcesText } from '../sources.js';

/** `orgfit sources --format …`: the bibliography. (`--findings` has one format, src/render/sources.ts renderFindingsText.) */
export default { text: renderSourcesText, bibtex: renderSourcesBibtex, 'csl-json': renderSourcesCsl } satisfies Registry<'sources', readonly Reference[]>;
