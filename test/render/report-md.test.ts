import { lint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { buildReport, REVIEW_KEY } from '../../src/core/report.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import type { Lang } from '../../src/i18n/lang.js';
import { md, renderReportMd } from '../../src/render/report-md.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

const kb = repoKb();
const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
function reportOf(names: string[], lang: Lang) {
  const results = names.map((name) => scoreMunicipality(repoEngine(), example(name), { lang, seed: 1, samples: 200, source: `seeds/examples/${name}.yaml` }));
  return buildReport({ results, sections: kb.sections, questions: kb.questions, review, lang });
}

// Line length is the reader's editor's business (MD013); headings repeat per file of a comparison, never among siblings (MD024).
const CONFIG = { default: true, MD013: false, MD024: { siblings_only: true } };
const processor = unified().use(remarkParse).use(remarkGfm);
const strip = (node: unknown): unknown =>
  Array.isArray(node) ? node.map(strip) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'position').map(([k, v]) => [k, strip(v)])) : node;

describe.each<[Lang, string[]]>([
  ['nb', ['bydel-nord']],
  ['en', ['bygdvik']],
  ['nb', ['bygdvik', 'bydel-nord', 'fjordby']],
])('the Markdown report (%s, %j)', (lang, names) => {
  const report = reportOf(names, lang);
  const text = renderReportMd(report, { lang, version: '0.0.0' });

  it('passes markdownlint', () => {
    const found = lint({ strings: { report: text }, config: CONFIG }).report ?? [];
    expect(found.slice(0, 5).map((e) => `${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`)).toEqual([]);
  });

  it('survives a remark round-trip: parsed, written back and parsed again, it is the same tree', () => {
    const tree = processor.parse(text);
    const again = processor.parse(unified().use(remarkGfm).use(remarkStringify).stringify(tree as never));
    expect(strip(again)).toEqual(strip(tree));
  });

  it('is parsed as a document with real tables, real footnotes and no raw HTML', () => {
    const tree = processor.parse(text) as { children: { type: string }[] };
    const types = new Set(tree.children.map((n) => n.type));
    expect(types).toContain('table');
    expect(types).toContain('footnoteDefinition');
    expect(types).not.toContain('html');
    // Every footnote reference has its definition.
    const refs = new Set([...text.matchAll(/\[\^([^\]]+)\](?!:)/g)].map((m) => m[1]));
    const defs = new Set([...text.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]));
    expect([...refs].filter((r) => !defs.has(r))).toEqual([]);
  });

  it('names every model, and the verdict, and puts the review first in the bibliography', () => {
    for (const file of report.files) for (const entry of file.result.ranking) expect(text).toContain(md(entry.name));
    const bibliography = text.slice(text.lastIndexOf('\n## '));
    expect(bibliography.split('\n').find((l) => l.startsWith('- '))).toMatch(/Nesvåg/);
  });
});

describe('md(): text from files is inert', () => {
  it.each([
    ['*fet* og _skrå_', '\\*fet\\* og \\_skrå\\_'],
    ['a | b', 'a \\| b'],
    ['<script>', '\\<script\\>'],
    ['# heading', '\\# heading'],
    ['- list', '\\- list'],
    ['1. list', '1\\. list'],
    ['[lenke](http://x)', '\\[lenke\\](http://x)'],
  ])('%j → %j', (input, output) => {
    expect(md(input)).toBe(output);
  });
});
