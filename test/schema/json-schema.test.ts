import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, SCHEMA_KINDS } from '../../src/schema/json-schema.js';
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
