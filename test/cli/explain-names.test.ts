import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../src/cli/explain.js';
import { repoKb } from '../helpers/kb.js';
import { cli } from '../helpers/cli.js';

// `explain` takes the model as the reader sees it in the score table (ux-review §1: the
// names shown were refused, and the ids were not shown).
describe('explain finds a model by id, name or an unambiguous start of either', () => {
  const models = repoKb().models;
  it.each([
    ['specialised', 'specialised'],
    ['Spesialisert modell', 'specialised'],
    ['spesialisert', 'specialised'],
    ['SPESIALISERT  MODELL', 'specialised'],
    ['Specialised model', 'specialised'],
    ['matrise', 'matrix'],
    ['Matrix', 'matrix'],
    ['flat', 'organic-team'],
    ['integrert', 'integrated-generalist'],
    ['nav', 'nav-co-located'],
    ['spesialisrt', 'spesialisrt'], // a typo is left for the did-you-mean message
  ])('%j is %j', (asked, id) => expect(resolveModel(asked, models, 'nb')).toBe(id));

  it('a start that fits several models names them, with their ids', () => {
    expect(() => resolveModel('s', models, 'nb')).toThrow(/«s» passer til flere modeller: .*specialised \(Spesialisert modell\)/);
  });

  it('the command explains "spesialisert" as specialised', async () => {
    const ran = await cli(['explain', 'spesialisert', 'seeds/examples/bydel-nord.yaml', '--format', 'json']);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).model.model).toBe('specialised');
  });
});
