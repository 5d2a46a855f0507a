import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, SCHEMA_KINDS } from '../../src/schema/json-schema.js';
import { Result, Results } from '../../src/schema/result.js';
import { ROOT } from '../helpers/kb.js';

// The zod schemas are the single source of truth; the published files must not drift.
// After changing a schema: `node scripts/build.mjs --schema` and commit schema/.
describe('published JSON Schema files', () => {
  it.each(SCHEMA_KINDS)('schema/%s.schema.json matches the zod schema', (kind) => {
    const committed = JSON.parse(readFileSync(`${ROOT}schema/${kind}.schema.json`, 'utf8'));
    expect(committed).toEqual(jsonSchemaOf(kind));
  });

  it('every YAML file names its schema for editors', () => {
    for (const file of ['seeds/references.yaml', 'seeds/findings.yaml', 'seeds/criteria.yaml', 'seeds/questions.yaml', 'models/specialised.yaml']) {
      expect(readFileSync(`${ROOT}${file}`, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/\w+\.schema\.json$/);
    }
  });
});

describe('the result contract', () => {
  it.each(['bygdvik', 'elvestad', 'bydel-nord', 'fjordby'])('score output for %s meets orgfit/result@1 exactly (no missing or extra fields)', async (name) => {
    const { cli } = await import('../helpers/cli.js');
    const one = await cli(['score', `seeds/examples/${name}.yaml`, '--format', 'json', '--samples', '100']);
    expect(one.code).toBe(0);
    const parsed = Result.safeParse(JSON.parse(one.stdout));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('several files meet orgfit/results@1', async () => {
    const { cli } = await import('../helpers/cli.js');
    const many = await cli(['score', 'seeds/examples', '--format', 'json', '--samples', '50']);
    const parsed = Results.safeParse(JSON.parse(many.stdout));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('orgfit schema --kind result prints the published file', async () => {
    const { cli } = await import('../helpers/cli.js');
    const printed = await cli(['schema', '--kind', 'result']);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(readFileSync(`${ROOT}schema/result.schema.json`, 'utf8')));
  });
});
