import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/kb.js';
import { renderRulesMarkdown } from '../../src/render/validation.js';
import { RULE_IDS } from '../../src/validate/rules.js';
import { plain } from '../../src/render/paint.js';

// The formats CI systems read, as the CLI writes them: SARIF checked against the official
// SARIF 2.1.0 JSON Schema (vendored, see test/fixtures/sarif/SOURCE.md), JUnit with one
// test case per problem, the rule list as JSON, and the rule documents helpUri names.

const BROKEN_MODEL = 'test/fixtures/models/invalid/several-problems.yaml';
const BROKEN_ANSWERS = 'test/fixtures/answers/invalid/several-problems.yaml';
const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language pattern is not a valid Unicode regular expression (a stray "]"): compile it as the schema's own draft-04 tools do.
// Both are CommonJS; their classes are also their `default` export, which is what the types describe.
const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validSarif = ajv.compile(sarifSchema);

/** The file a file: URL names, without its fragment. */
const fileOf = (uri: string) => fileURLToPath(uri.replace(/#.*$/, ''));

describe('SARIF', () => {
  it.each([
    ['built-in models', ['validate']],
    ['a broken model, named by its absolute path', ['validate', join(ROOT, BROKEN_MODEL)]],
    ['a broken answers file and a model', ['validate', 'models/matrix.yaml', '--answers', BROKEN_ANSWERS]],
  ])('meets the official SARIF 2.1.0 schema: %s', async (_what, argv) => {
    for (const lang of ['en', 'nb']) {
      const ran = await cli([...argv, '--format', 'sarif', '--lang', lang]);
      const log = JSON.parse(ran.stdout);
      expect(validSarif(log) ? [] : validSarif.errors, ran.stdout.slice(0, 300)).toEqual([]);
    }
  });

  it('names documentation that exists: informationUri the README, each rule\'s helpUri its section of the rules document', async () => {
    for (const [lang, doc] of [['en', 'rules.md'], ['nb', 'regler.md']] as const) {
      const driver = JSON.parse((await cli(['validate', '--format', 'sarif', '--lang', lang])).stdout).runs[0].tool.driver;
      expect(fileOf(driver.informationUri)).toBe(join(ROOT, 'README.md'));
      expect(existsSync(fileOf(driver.informationUri))).toBe(true);
      const text = readFileSync(join(ROOT, 'docs', doc), 'utf8');
      for (const rule of driver.rules) {
        expect(fileOf(rule.helpUri)).toBe(join(ROOT, 'docs', doc));
        expect(rule.helpUri.endsWith(`#${rule.id}`)).toBe(true);
        expect(text).toContain(`\n## ${rule.id}\n`);
      }
    }
  });

  it('gives paths relative to the checkout (%SRCROOT%), also for a file named by its absolute path or from a subfolder', async () => {
    for (const [cwd, path] of [[ROOT, join(ROOT, BROKEN_MODEL)], [join(ROOT, 'test'), `../${BROKEN_MODEL}`], [ROOT, BROKEN_MODEL]] as const) {
      const run = JSON.parse((await cli(['validate', path, '--format', 'sarif'], { cwd })).stdout).runs[0];
      expect(run.artifacts).toEqual([{ location: { uri: BROKEN_MODEL, uriBaseId: '%SRCROOT%' } }]);
      for (const result of run.results) expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: BROKEN_MODEL, uriBaseId: '%SRCROOT%', index: 0 });
    }
  });
});

describe('JUnit', () => {
  it('one test case per problem, each failing case with one failure, the file and line on it', async () => {
    const ran = await cli(['validate', BROKEN_MODEL, 'models/matrix.yaml', '--format', 'junit', '--lang', 'en']);
    const text = (await cli(['validate', BROKEN_MODEL, '--format', 'json'])).stdout;
    const problems = JSON.parse(text).files[0].problems as { severity: string; line: number }[];
    const cases = ran.stdout.split('<testcase ').slice(1);
    expect(cases).toHaveLength(problems.length + 1);
    expect(ran.stdout.match(/<failure /g)).toHaveLength(problems.filter((p) => p.severity === 'error').length);
    for (const testcase of cases) expect(testcase.match(/<failure /g)?.length ?? 0).toBeLessThanOrEqual(1);
    for (const testcase of cases.slice(0, -1)) expect(testcase).toMatch(new RegExp(`^classname="${BROKEN_MODEL}" name="\\d+:\\d+ [a-z-]+" file="${BROKEN_MODEL}" line="\\d+"`));
    expect(cases.at(-1)).toMatch(/^classname="models\/matrix.yaml" name="models\/matrix.yaml" file="models\/matrix.yaml"\/>/);
  });
});

describe('validate --list-rules', () => {
  it('--format json gives every rule with its severity, description and fix', async () => {
    const ran = await cli(['validate', '--list-rules', '--format', 'json', '--lang', 'en']);
    expect(ran.code).toBe(0);
    const listed = JSON.parse(ran.stdout);
    expect(listed.format).toBe('orgfit/rules@1');
    expect(listed.rules.map((rule: { id: string }) => rule.id)).toEqual([...RULE_IDS]);
    expect(listed.rules.find((rule: { id: string }) => rule.id === 'filename-id')).toMatchObject({ severity: 'warning', description: expect.stringMatching(/named after/) });
  });

  it('a format it cannot give is a usage error, not text', async () => {
    const ran = await cli(['validate', '--list-rules', '--format', 'sarif', '--lang', 'en']);
    expect(ran).toMatchObject({ code: 2, stdout: '' });
    expect(ran.stderr).toBe('orgfit: --list-rules prints text or json, not sarif\n');
  });

  it.each([['rules.md', 'en'], ['regler.md', 'nb']] as const)('docs/%s is the rule table as Markdown, in %s (after a change: npx vitest run test/render/ci-formats -u)', async (file, lang) => {
    await expect(renderRulesMarkdown(RULE_IDS, { lang, paint: plain, width: 80 })).toMatchFileSnapshot(`../../docs/${file}`);
  });
});

describe('validate MODEL --answers FILE', () => {
  it('checks the model as a model and the answers as answers', async () => {
    const ran = await cli(['validate', 'models/matrix.yaml', '--answers', 'seeds/examples/bygdvik.yaml', '--format', 'json']);
    expect(ran.code, ran.stdout).toBe(0);
    const files = JSON.parse(ran.stdout).files as { file: string; kind: string; valid: boolean }[];
    expect(files.map(({ file, kind, valid }) => ({ file, kind, valid }))).toEqual([
      { file: 'seeds/examples/bygdvik.yaml', kind: 'answers', valid: true },
      { file: 'models/matrix.yaml', kind: 'model', valid: true },
    ]);
  });

  it('still checks every --answers file as answers: a model given there is refused as the wrong kind', async () => {
    const ran = await cli(['validate', '--answers', 'models/matrix.yaml', '--lang', 'en']);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/expected orgfit\/answers@1 +file-kind/);
  });
});
