import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/core/engine.js';
import { scoreMunicipality } from '../../src/core/pipeline.js';
import { renderReasons } from '../../src/render/questionnaire-result.js';
import { example, repoKb } from '../helpers/kb.js';

// What the questionnaire shows after the ranking: the leading model's reasons in the words of
// the research, each with "Forfatter år" and its evidence grade, one line per finding.
describe('the reasons for and against the leading model', () => {
  const kb = repoKb();
  const result = scoreMunicipality(compileEngine(kb, kb.models), example('bydel-nord'), { lang: 'nb', seed: 1, source: 'svar.yaml' });
  const text = renderReasons(result, 'nb', 80, 'svar.yaml');
  const top = result.ranking[0]!;

  it('names the leading model and the command for the rest, with its real id and file', () => {
    expect(text.split('\n')[0]).toBe(`Hvorfor ${top.name} kommer først – og hva som taler imot`);
    expect(text).toContain(`orgfit explain ${top.model} svar.yaml`);
  });

  it('cites the works and grades the evidence in bokmål, each claim once, its points added up', () => {
    const [id, finding] = Object.entries(result.findings).find(([, f]) => f.claim.startsWith('Ansatte på et mer spesialisert kontor'))!;
    expect(finding.references.map((k) => result.references[k]?.authors[0])).toEqual(['Helgøy']);
    const reasons = top.fit.filter((r) => r.findings.includes(id));
    expect(reasons.length).toBeGreaterThan(1); // several adjustments rest on Helgøy (2003)
    const total = reasons.reduce((a, r) => a + r.effect, 0);
    const flat = text.replace(/\n\s+/g, ' ');
    expect(flat).toContain(`${finding.claim} (Helgøy 2003; evidens: lav) +${total.toFixed(1).replace('.', ',')} poeng`);
    expect(flat.split(finding.claim).length - 1).toBe(1);
    expect(text).toMatch(/Imot:\n {2}− /);
  });

  it('fits 80 columns and says nothing in English', () => {
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(79);
    expect(renderReasons(result, 'en', 80, 'a.yaml')).toContain('evidence: low');
    expect(text).not.toMatch(/evidence|points|Why/);
  });
});
