import { describe, expect, it } from 'vitest';
import { citation } from '../../src/render/citation.js';

// One citation for every output (review §3.3: `sources --findings` said "Busch, Vanebo 2001"
// where `explain` said "Busch and Vanebo 2001").
describe('citation: "Author year"', () => {
  it.each([
    [['Helgøy'], 2003, 'Helgøy 2003', 'Helgøy 2003'],
    [['Busch', 'Vanebo'], 2001, 'Busch and Vanebo 2001', 'Busch og Vanebo 2001'],
    [['Aas', 'Berg', 'Dahl'], 1999, 'Aas et al. 1999', 'Aas mfl. 1999'],
    [['Fehn', 'et al.'], 1994, 'Fehn et al. 1994', 'Fehn mfl. 1994'],
    [['Gran', 'm.fl.'], 1994, 'Gran et al. 1994', 'Gran mfl. 1994'],
    [['Eik', 'Fos', 'et al.'], 2001, 'Eik and Fos et al. 2001', 'Eik og Fos mfl. 2001'],
    [['Oltedal'], null, 'Oltedal n.d.', 'Oltedal u.å.'],
    [[], null, '[issuer not named] n.d.', '[utsteder ikke navngitt] u.å.'],
  ] as const)('%j %s → %s / %s', (authors, year, en, nb) => {
    expect(citation({ authors, year }, 'en')).toBe(en);
    expect(citation({ authors, year }, 'nb')).toBe(nb);
  });
});
