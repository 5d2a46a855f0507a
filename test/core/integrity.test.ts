import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/core/integrity.js';
import { indexKb } from '../../src/core/kb.js';
import { miniKb, model } from '../helpers/mini-kb.js';

/*
 * The semantic checks of src/core/integrity.ts on the tiny knowledge base of
 * test/helpers/mini-kb.ts (criteria c1, c2; questions share, size, level; findings
 * f-high, f-moderate, f-low, f-very-low). Each row: what is wrong, and the rule and
 * path the check must report. The schema reports malformed parts; these checks run
 * on what is well-formed, and point at the element as it stands in the file.
 */
const kb = miniKb([]);
const index = indexKb(kb);
const base = (): Record<string, unknown> => structuredClone(model('m', 60, 50)) as unknown as Record<string, unknown>;
const found = (data: unknown) => checkModel(data, index).map((i) => [i.rule, i.path.join('.')]);

describe('checkModel points at the element as it stands in the file', () => {
  it('an unknown finding after a malformed entry is reported at its own index (bug: it was counted among the well-formed ones only)', () => {
    const data = base();
    data.findings = [42, 'f-high', 'no-such-finding'];
    expect(found(data)).toEqual([['unknown-finding', 'findings.2']]);
  });

  it('a line beyond the review after a malformed entry is reported at its own index', () => {
    const data = base();
    data.lines = ['x', 1, 9999];
    expect(found(data)).toEqual([['review-lines', 'lines.2']]);
  });

  it('the same in a rating\'s findings', () => {
    const data = base();
    (data.performance as Record<string, { findings: unknown[] }>).c1!.findings = [null, 'nope'];
    expect(found(data)).toEqual([['unknown-finding', 'performance.c1.findings.1']]);
  });
});
