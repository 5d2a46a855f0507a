import { describe, expect, it } from 'vitest';
import { buildReport, REVIEW_KEY } from '../../src/core/report.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { escapeHtml, html, raw } from '../../src/render/html.js';
import { BLUES, heatClass, PLACES } from '../../src/render/report-charts.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { example, repoEngine, repoKb } from '../helpers/kb.js';

/** Relative luminance (WCAG) of a #rrggbb colour: what is left of it in greyscale. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the tagged template', () => {
  it('escapes every interpolated text, joins arrays, drops null and false, and takes SafeHtml as it is', () => {
    expect(html`<p title="${'"x"'}">${'<script>&'}</p>`.html).toBe('<p title="&quot;x&quot;">&lt;script&gt;&amp;</p>');
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.html).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.html).toBe('0');
    expect(html`${raw('<b>ok</b>')}`.html).toBe('<b>ok</b>');
    expect(escapeHtml("'")).toBe('&#39;');
  });

  it('shows control and bidi characters from a file escaped, never obeyed', () => {
    expect(html`${'Evil\u202e\u001b[2J'}`.html).toBe('Evil\\u202e\\u001b[2J');
  });
});

describe('the charts read in greyscale and for colour-blind readers', () => {
  it('places run dark to light: every step lighter than the last (viridis)', () => {
    const l = PLACES.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeGreaterThan(l[i - 1]!);
  });

  it('heat-map cells run light to dark with performance, in five steps around neutral 50', () => {
    const l = BLUES.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
    expect([30, 45, 50, 55, 70].map(heatClass)).toEqual(['heat0', 'heat1', 'heat2', 'heat3', 'heat4']);
  });
});

describe('the HTML report as a file', () => {
  const kb = repoKb();
  const review = kb.references.find((r) => r.key === REVIEW_KEY)!;
  const answers = example('bygdvik');
  const hostile = { ...answers, municipality: '<img src=x onerror=alert(1)> Bygdvik' };
  const result = scoreMunicipality(repoEngine(), hostile, { lang: 'nb', seed: 1, samples: 100 });
  const text = renderReportHtml(buildReport({ results: [result], sections: kb.sections, questions: kb.questions, review, lang: 'nb' }), { lang: 'nb', version: '0.0.0' });

  it('is self-contained: no script, no external resource, no URL but the in-page notes', () => {
    expect(text).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect([...text.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]).every((u) => u!.startsWith('#'))).toBe(true);
  });

  it('escapes what the answers file says', () => {
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; Bygdvik');
  });

  it('has lang set, an A4 print stylesheet with page numbers in the reader\'s language, and SVG charts', () => {
    expect(text).toMatch(/<html lang="nb">/);
    expect(text).toMatch(/@page\{size:A4;/);
    expect(text).toContain('"Side " counter(page) " av " counter(pages)');
    expect((text.match(/<svg /g) ?? []).length).toBeGreaterThan(2 * result.ranking.length);
  });
});
