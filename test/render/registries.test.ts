import { describe, expect, it } from 'vitest';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { buildReport, REVIEW_KEY } from '../../src/core/report.js';
import { scoredFile } from '../../src/core/summary.js';
import { FORMATS } from '../../src/render/formats.js';
import { plain } from '../../src/render/paint.js';
import reportRenderers from '../../src/render/registry/report.js';
import scoreRenderers from '../../src/render/registry/score.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

// One contract for the formats of `score` and `report`: content built once in the core, one lazily loaded renderer per format.
const kb = repoKb();
const results = ['bergen-vest', 'bydel-nord'].map((name) => scoreMunicipality(repoEngine(), example(name), { lang: 'en', seed: 1, samples: 200, source: `${name}.yaml` }));
const files = results.map(scoredFile);
const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
const report = buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang: 'en' });

describe('the format registries', () => {
  it('have a renderer for every format of score and report, and no other', () => {
    expect(Object.keys(scoreRenderers).sort()).toEqual([...FORMATS.score].sort());
    expect(Object.keys(reportRenderers).sort()).toEqual([...FORMATS.report].sort());
  });

  it.each(FORMATS.score)('score --format %s: its stream, piece by piece, is its whole rendering byte for byte', async (format) => {
    const renderer = await scoreRenderers[format]();
    const options = { lang: 'en' as const, paint: plain, width: 80, excel: false };
    const whole = renderer.render(files, options);
    expect(whole.length).toBeGreaterThan(0);
    if (!renderer.stream) return expect(format).toBe('table');
    const stream = renderer.stream(options);
    expect(stream.start(files.length) + files.map((f, i) => stream.item(f, i, files.length)).join('') + stream.end(files.length)).toBe(whole);
  });

  it('the score table says the verdict\'s certainty in the words and symbols the report uses, from the same summary', async () => {
    const table = (await scoreRenderers.table()).render(files, { lang: 'en', paint: plain, width: 100 });
    const md = String(await (await reportRenderers.md()).render(report, { lang: 'en', version: 'test' }));
    const words = { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' };
    const symbols = { high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', 'very-low': '⊕◯◯◯' };
    const said = (text: string) => text.match(/How sure: \S+ [a-z ]+/g)?.map((l) => l.trim());
    const expected = report.files.map((f) => `How sure: ${symbols[f.summary.certainty]} ${words[f.summary.certainty]}`);
    expect(new Set(expected).size).toBe(2); // the two files differ, so the order is checked too
    expect(said(table)).toEqual(expected);
    expect(said(md)).toEqual(expected);
  });

  it('report --format csv is score --format csv of the same files', async () => {
    const csv = (await reportRenderers.csv()).render(report, { lang: 'en', version: 'test' });
    expect(csv).toBe((await scoreRenderers.csv()).render(files, { lang: 'en', paint: plain, width: 80 }));
  });
});
