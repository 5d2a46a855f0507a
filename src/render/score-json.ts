import type { ScoredFile } from '../core/summary.js';
import type { ScoreRenderOptions } from './registry/score.js';
import type { FormatRenderer, StreamRenderer } from './renderer.js';
import { jsonText } from './text.js';

/** One result as the orgfit/result@1 object; several as orgfit/results@1 holding them in order. */
export function renderScoreJson(files: readonly ScoredFile[]): string {
  return scoreJsonStream.start(files.length) + files.map((file, i) => scoreJsonStream.item(file, i, files.length)).join('') + scoreJsonStream.end(files.length);
}

/** The result is the published contract (schema/result.schema.json); its summary is the table's and the report's reading of it. */
export const scoreJson: FormatRenderer<readonly ScoredFile[], ScoreRenderOptions, ScoredFile, string> = { render: renderScoreJson, stream: () => scoreJsonStream };

/**
 * The same JSON, one result at a time: what jsonText (JSON.stringify(value, null, 2), unsafe characters escaped) writes for
 * `{ format, results: [...] }`, each result indented two levels (a JSON string holds no
 * raw line break, so every line break is the layout's).
 */
export const scoreJsonStream: StreamRenderer<ScoredFile> = {
  start: (count) => (count === 1 ? '' : count === 0 ? '{\n  "format": "orgfit/results@1",\n  "results": []' : '{\n  "format": "orgfit/results@1",\n  "results": [\n'),
  item: ({ result }, index, count) => {
    // jsonText escapes, character by character, what must not reach a terminal raw.
    const text = jsonText(result).slice(0, -1);
    if (count === 1) return text + '\n';
    return (index > 0 ? ',\n' : '') + '    ' + text.replaceAll('\n', '\n    ');
  },
  end: (count) => (count === 1 ? '' : count === 0 ? '\n}\n' : '\n  ]\n}\n'),
};
