/**
 * The validator's rules, ESLint-style: for every rule id, small files that break it
 * (each derived from a valid file by editing one thing) with the exact rule, line and
 * column expected, and valid files that must pass. Every problem in a file is compared,
 * not just the first, so a rule that over-reports fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/kb.js';
import { LANGS, type Lang } from '../../src/i18n/lang.js';
import type { Problem } from '../../src/validate/problem.js';
import { RULE_IDS, RULES, ruleDefinition, ruleText } from '../../src/validate/rules.js';
import { validateFiles, type CheckOptions } from '../../src/validate/check.js';
import { loadKnowledgeBase } from '../../src/validate/knowledge-base.js';
import type { SourceFile } from '../../src/load/source.js';
import { edit, lineOf, MINI_ANSWERS, MINI_MODEL } from '../fixtures/validate/texts.js';
import { ROOT } from '../helpers/kb.js';

const read = (path: string): Buffer => readFileSync(join(ROOT, path));
const source = (path: string): SourceFile => ({ path, bytes: read(path) });
const seedText = (name: string): string => read(`seeds/${name}`).toString('utf8');
const MODEL_FILES = readdirSync(join(ROOT, 'models')).filter((name) => /\.ya?ml$/.test(name)).sort();

// The knowledge base from the repository's seed files. No models: the rules under test
// read only the evidence, criteria and questions, and the built-in models are being
// edited elsewhere.
const loaded = loadKnowledgeBase({
  references: source('seeds/references.yaml'),
  findings: source('seeds/findings.yaml'),
  criteria: source('seeds/criteria.yaml'),
  questions: source('seeds/questions.yaml'),
  models: [],
});
if (!loaded.kb) throw new Error('the seed files do not form a valid knowledge base');
const kb: KnowledgeBase = loaded.kb;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function check(text: string | Uint8Array, path = 'mini.yaml', options: Partial<CheckOptions> = {}, lang: Lang = 'en'): Problem[] {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  const [result] = validateFiles([{ path, bytes }], kb, { lang, ...options });
  return result!.problems;
}
/** `rule@line:column`, in the order the validator reports them. */
const brief = (problems: readonly Problem[]): string[] => problems.map((p) => `${p.rule}@${p.line}:${p.column}`);

interface Case {
  name: string;
  text: string;
  path?: string;
  options?: Partial<CheckOptions>;
  /** Every problem, in order. */
  expected: string[];
  /** The first problem's JSON pointer. */
  pointer?: string;
  /** The first problem's message (English). */
  message?: string | RegExp;
}

function runTable(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems = check(c.text, c.path, c.options);
    expect(brief(problems)).toEqual(c.expected);
    for (const problem of problems) expect(problem.severity).toBe(ruleDefinition(problem.rule).severity);
    if (c.pointer !== undefined) expect(problems[0]!.pointer).toBe(c.pointer);
    if (typeof c.message === 'string') expect(problems[0]!.message).toBe(c.message);
    else if (c.message) expect(problems[0]!.message).toMatch(c.message);
  });
}

const covered = new Set<string>();
const table = (cases: Case[]): Case[] => {
  for (const c of cases) for (const e of c.expected) covered.add(e.split('@')[0]!);
  return cases;
};

// ---------------------------------------------------------------- model: schema

const M = MINI_MODEL;
/** The `when:` of the fixture's adjustment (lines 19-21), replaced by another test. */
const when = (question: string, test: string): string => edit(M, '      question: staff-fte\n      lt: 15\n', `      question: ${question}\n      ${test}\n`);

describe('valid files', () => {
  it('the fixture model has no problems', () => {
    expect(check(M)).toEqual([]);
  });

  it('the fixture answers file has no problems', () => {
    expect(check(MINI_ANSWERS, 'testvik.yaml')).toEqual([]);
  });

  it.each(['bergen-vest', 'bydel-nord', 'bygdvik', 'elvestad', 'fjellvik', 'fjordby'])('the example answers file %s has no problems', (name) => {
    expect(check(read(`seeds/examples/${name}.yaml`), `seeds/examples/${name}.yaml`)).toEqual([]);
  });

  it.each(MODEL_FILES)('the built-in model %s has no errors', (name) => {
    const problems = check(read(`models/${name}`), `models/${name}`);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a model file may be .yml and carry a $schema', () => {
    expect(check(edit(M, 'format: orgfit/model@1\n', '$schema: ../schema/model.schema.json\nformat: orgfit/model@1\n'), 'models/mini.yml')).toEqual([]);
  });

  it('a nested condition that fits its questions is valid', () => {
    const text = edit(
      M,
      '    when:\n      question: staff-fte\n      lt: 15\n',
      '    when:\n      all:\n        - not: { question: current-organisation, in: [specialised, matrix] }\n        - any:\n            - { question: user-groups, includes: refugees }\n            - { question: share-crisis-logic, gte: 30 }\n',
    );
    expect(check(text)).toEqual([]);
  });
});

describe('model files: schema rules', () => {
  runTable(
    table([
      {
        name: 'schema-required: a top-level property is missing (reported at the mapping that lacks it)',
        text: edit(M, 'name: { nb: Liten modell, en: Small model }\n', ''),
        expected: ['schema-required@1:1'],
        pointer: '/name',
        message: 'The property "name" is missing',
      },
      {
        name: 'schema-required: a nested property is missing',
        text: edit(M, '[specialised-office-easier-to-balance-tasks], rationale: { nb: Godt, en: Good } }', '[specialised-office-easier-to-balance-tasks] }'),
        expected: ['schema-required@8:24'],
        pointer: '/performance/rule-administration/rationale',
      },
      {
        name: 'schema-unknown-property: a misspelt top-level key, at the key',
        text: edit(M, 'id: mini\n', 'id: mini\nnmae: Mini\n'),
        expected: ['schema-unknown-property@3:1'],
        pointer: '/nmae',
        message: 'Unknown property "nmae"',
      },
      {
        name: 'schema-unknown-property: a key inside a flow mapping',
        text: edit(M, '[three-task-logics], rationale', '[three-task-logics], wieght: 1, rationale'),
        expected: ['schema-unknown-property@10:76'],
        pointer: '/performance/crisis-response/wieght',
      },
      {
        name: 'schema-type: a number written as a string',
        text: edit(M, 'value: 62', 'value: "62"'),
        expected: ['schema-type@8:33'],
        pointer: '/performance/rule-administration/value',
        message: 'Expected a number, found "62"',
      },
      {
        name: 'schema-type: a single finding where a list belongs',
        text: edit(M, 'findings: [four-degrees-of-specialisation]\nperformance', 'findings: four-degrees-of-specialisation\nperformance'),
        expected: ['schema-type@6:11'],
        message: 'Expected a list, found "four-degrees-of-specialisation"',
      },
      {
        name: 'schema-type: a condition that is neither a test nor all/any/not',
        text: edit(M, '    requires: { question: staff-fte, gte: 6 }', '    requires: [staff-fte]'),
        expected: ['schema-type@29:15'],
        pointer: '/preconditions/0/requires',
      },
      {
        name: 'schema-range: a value above 100',
        text: edit(M, 'value: 62', 'value: 162'),
        expected: ['schema-range@8:33'],
        message: 'The value must be <= 100',
      },
      {
        name: 'schema-range: a negative spread',
        text: edit(M, 'spread: 12, findings: [specialised', 'spread: -1, findings: [specialised'),
        expected: ['schema-range@8:45'],
        message: 'The value must be >= 0',
      },
      {
        name: 'schema-range: an effect beyond ±50',
        text: edit(M, 'delta: -8', 'delta: -80'),
        expected: ['schema-range@24:16'],
        pointer: '/adjustments/0/effects/0/delta',
      },
      {
        name: 'schema-range: an empty list of findings',
        text: edit(M, 'findings: [four-degrees-of-specialisation]\nperformance', 'findings: []\nperformance'),
        expected: ['schema-range@6:11'],
        message: 'The length of the list must be >= 1',
      },
      {
        name: 'schema-format: an id that is not kebab-case',
        text: edit(M, 'id: mini', 'id: Mini_Model'),
        expected: ['schema-format@2:5'],
        message: /kebab-case/,
      },
      {
        name: 'schema-format: a malformed line range',
        text: edit(M, '"170-185"', '"170-"'),
        expected: ['schema-format@5:9'],
        pointer: '/lines/0',
      },
      {
        name: 'file-kind: no format line (reported at the root)',
        text: edit(M, 'format: orgfit/model@1\n', ''),
        expected: ['file-kind@1:1'],
        pointer: '',
        message: /"format" is missing; expected orgfit\/model@1, orgfit\/answers@1/,
      },
      {
        name: 'file-kind: an unknown format, at its value',
        text: edit(M, 'format: orgfit/model@1', 'format: orgfit/modell@1'),
        expected: ['file-kind@1:9'],
        pointer: '/format',
        message: /"format" is "orgfit\/modell@1"/,
      },
      {
        name: 'file-kind: a root that is a list',
        text: '- format: orgfit/model@1\n- id: mini\n',
        expected: ['file-kind@1:1'],
      },
      {
        name: 'file-kind: an empty file',
        text: '',
        expected: ['file-kind@1:1'],
      },
    ]),
  );
});

// ---------------------------------------------------------------- model: semantics

describe('model files: semantic rules', () => {
  runTable(
    table([
      {
        name: 'unknown-finding: a typo, with a did-you-mean suggestion',
        text: edit(M, '[three-task-logics]', '[three-task-logic]'),
        expected: ['unknown-finding@10:56'],
        pointer: '/performance/crisis-response/findings/0',
        message: 'The finding "three-task-logic" is not in seeds/findings.yaml (did you mean "three-task-logics"?)',
      },
      {
        name: 'unknown-finding: nothing close, no suggestion',
        text: edit(M, '[three-task-logics]', '[zzzzzzzzzzzzzzzz]'),
        expected: ['unknown-finding@10:56'],
        message: 'The finding "zzzzzzzzzzzzzzzz" is not in seeds/findings.yaml',
      },
      {
        name: 'unknown-finding: in the model\'s own findings and in an adjustment',
        text: edit(
          edit(M, 'findings: [four-degrees-of-specialisation]\nperformance', 'findings: [four-degree-of-specialisation]\nperformance'),
          '    findings: [specialists-satisfied-generalists-left-behind-not]',
          '    findings: [specialists-satisfied]',
        ),
        expected: ['unknown-finding@6:12', 'unknown-finding@25:16'],
      },
      {
        name: 'unknown-criterion: a misspelt performance key (and so the real one is missing)',
        text: edit(M, '  coherence: { value', '  coherense: { value'),
        expected: ['missing-criterion@7:1', 'unknown-criterion@12:3'],
        message: 'The model has no rating for "coherence"',
      },
      {
        name: 'unknown-criterion: an effect on a criterion that does not exist',
        text: edit(M, 'criterion: staff-development', 'criterion: staff-develop'),
        expected: ['unknown-criterion@23:20'],
        pointer: '/adjustments/0/effects/0/criterion',
        message: 'The criterion "staff-develop" does not exist (did you mean "staff-development"?)',
      },
      {
        name: 'missing-criterion: a criterion without a rating, at the performance key',
        text: edit(M, '  coherence: { value: 40, spread: 12, findings: [specialisation-ignored-whole-service-consequences], rationale: { nb: Svakt, en: Weak } }\n', ''),
        expected: ['missing-criterion@7:1'],
        pointer: '/performance',
      },
      {
        name: 'unknown-question: a condition reads a question that does not exist',
        text: when('staff-ftes', 'lt: 15'),
        expected: ['unknown-question@20:17'],
        pointer: '/adjustments/0/when/question',
        message: 'The question "staff-ftes" is not in the question bank (did you mean "staff-fte"?)',
      },
      {
        name: 'unknown-question: inside all/any/not',
        text: edit(M, '    requires: { question: staff-fte, gte: 6 }', '    requires: { all: [{ question: staff-fte, gte: 6 }, { not: { question: nav-office, eq: true } }] }'),
        expected: ['unknown-question@29:75'],
        pointer: '/preconditions/0/requires/all/1/not/question',
      },
      {
        name: 'condition-operator: a test without an operator',
        text: edit(M, '      lt: 15\n', ''),
        expected: ['condition-operator@20:7'],
        pointer: '/adjustments/0/when',
        message: 'The test has 0 operators; it must have exactly one',
      },
      {
        name: 'condition-operator: a test with two operators',
        text: edit(M, '      lt: 15\n', '      lt: 15\n      gt: 2\n'),
        expected: ['condition-operator@20:7'],
        message: 'The test has 2 operators; it must have exactly one',
      },
      {
        name: 'condition-value: a number outside the question\'s range',
        text: when('staff-fte', 'lt: 5000'),
        expected: ['condition-value@21:11'],
        pointer: '/adjustments/0/when/lt',
        message: 'Does not fit the question: 5000 is outside the range of "staff-fte" (1–2000)',
      },
      {
        name: 'condition-value: a scale question compared beyond 5',
        text: when('management-capacity', 'lte: 7'),
        expected: ['condition-value@21:12'],
        message: 'Does not fit the question: 7 is outside the range of "management-capacity" (1–5)',
      },
      {
        name: 'condition-value: a text compared with a number question',
        text: when('staff-fte', 'eq: many'),
        expected: ['condition-value@21:11'],
        message: 'Does not fit the question: "staff-fte" is a number question (integer); compare it with a number',
      },
      {
        name: 'condition-value: one wrong value in an `in` list',
        text: when('staff-fte', 'in: [3, "x"]'),
        expected: ['condition-value@21:11'],
        pointer: '/adjustments/0/when/in',
      },
      {
        name: 'condition-value: an option that is not in the question\'s list',
        text: when('current-organisation', 'eq: hierarchical'),
        expected: ['condition-value@21:11'],
        message: /^Does not fit the question: "hierarchical" is not an option of "current-organisation" \(options: integrated-generalist, specialised, matrix/,
      },
      {
        name: 'condition-value: includes on a question that is not multiple-choice',
        text: when('current-organisation', 'includes: matrix'),
        expected: ['condition-value@21:17'],
        message: 'Does not fit the question: "includes" needs a multiple-choice question, but "current-organisation" is choice',
      },
      {
        name: 'condition-value: includes with a value that is not an option',
        text: when('user-groups', 'includes: elderly'),
        expected: ['condition-value@21:17'],
        message: /^Does not fit the question: "elderly" is not an option of "user-groups"/,
      },
      {
        name: 'condition-value: eq on a multiple-choice question',
        text: when('user-groups', 'eq: refugees'),
        expected: ['condition-value@21:11'],
        message: 'Does not fit the question: use "includes" for the multiple-choice question "user-groups"',
      },
      {
        name: 'condition-value: a numeric operator on a choice question',
        text: when('current-organisation', 'gt: 2'),
        expected: ['condition-value@21:11'],
        message: 'Does not fit the question: "gt" needs a number question, but "current-organisation" is choice',
      },
      {
        name: 'condition-value: inside not',
        text: edit(M, '    when:\n      question: staff-fte\n      lt: 15\n', '    when:\n      not:\n        question: staff-fte\n        lt: 15000\n'),
        expected: ['condition-value@22:13'],
        pointer: '/adjustments/0/when/not/lt',
      },
      {
        name: 'duplicate-id: two adjustments with one id, at the second',
        text: edit(
          M,
          'preconditions:\n',
          '  - id: small-office\n    when: { question: staff-fte, lt: 10 }\n    effects: [{ criterion: coherence, delta: -2 }]\n    findings: [specialists-satisfied-generalists-left-behind-not]\n    rationale: { nb: Enda mindre, en: Even smaller }\npreconditions:\n',
        ),
        expected: ['duplicate-id@27:9'],
        pointer: '/adjustments/1/id',
        message: 'The id "small-office" is already used (adjustments.0.id)',
      },
      {
        name: 'duplicate-id: a precondition reusing an adjustment id',
        text: edit(M, '  - id: enough-staff', '  - id: small-office'),
        expected: ['duplicate-id@28:9'],
        pointer: '/preconditions/0/id',
      },
      {
        name: 'duplicate-id: a user model reusing a built-in id (reservedModelIds)',
        text: M,
        options: { reservedModelIds: new Map([['mini', 'built-in model "mini"']]) },
        expected: ['duplicate-id@2:5'],
        pointer: '/id',
        message: 'The id "mini" is already used (built-in model "mini")',
      },
      {
        name: 'filename-id: a file not named after its id (a warning)',
        text: M,
        path: 'models/other-name.yaml',
        expected: ['filename-id@2:5'],
        message: 'The file is named "other-name" but the id is "mini"',
      },
      {
        name: 'context-finding: a background finding carrying a rating (a warning)',
        text: edit(M, '[three-task-logics]', '[evidence-based-practice-term-from-medicine]'),
        expected: ['context-finding@10:56'],
        message: 'The finding "evidence-based-practice-term-from-medicine" is marked as background (use: context)',
      },
      {
        name: 'untranslated: the same long text in both languages (a warning)',
        text: edit(M, 'name: { nb: Liten modell, en: Small model }', 'name: { nb: The same long name in both languages, en: The same long name in both languages }'),
        expected: ['untranslated@3:7'],
        pointer: '/name',
      },
      {
        name: 'review-lines: a line beyond the review (line 900)',
        text: edit(M, '333]', '900]'),
        expected: ['review-lines@5:20'],
        pointer: '/lines/1',
        message: 'Lines 900 are outside 1–875 or reversed',
      },
      {
        name: 'review-lines: a reversed range ("20-10")',
        text: edit(M, '"170-185"', '"20-10"'),
        expected: ['review-lines@5:9'],
        message: 'Lines 20-10 are outside 1–875 or reversed',
      },
      {
        name: 'review-lines: a range starting at 0',
        text: edit(M, '"170-185"', '"0-5"'),
        expected: ['review-lines@5:9'],
      },
    ]),
  );

  it('the warning rules are warnings and the rest errors', () => {
    const warnings = RULE_IDS.filter((id) => RULES[id].severity === 'warning');
    expect(warnings).toEqual(['context-finding', 'filename-id', 'untranslated', 'unused-finding']);
  });
});

describe('duplicate ids across files', () => {
  it('reports a second file with the same model id, naming the first', () => {
    const results = validateFiles(
      [
        { path: 'a/mini.yaml', bytes: utf8(M) },
        { path: 'b/mini.yaml', bytes: utf8(M) },
      ],
      kb,
      { lang: 'en' },
    );
    expect(brief(results[0]!.problems)).toEqual([]);
    expect(brief(results[1]!.problems)).toEqual(['duplicate-id@2:5']);
    expect(results[1]!.problems[0]!.message).toBe('The id "mini" is already used (a/mini.yaml)');
  });

  it('does not count the same path twice as a duplicate of itself', () => {
    const results = validateFiles([{ path: 'mini.yaml', bytes: utf8(M) }], kb, { lang: 'en', reservedModelIds: new Map([['mini', 'mini.yaml']]) });
    expect(results[0]!.problems).toEqual([]);
  });

  it('does not let one validateFiles call leak ids into the next', () => {
    validateFiles([{ path: 'a/mini.yaml', bytes: utf8(M) }], kb, { lang: 'en' });
    expect(check(M, 'b/mini.yaml')).toEqual([]);
  });
});

// ---------------------------------------------------------------- YAML and file rules through the validator

describe('YAML and file problems, through validateFiles', () => {
  runTable(
    table([
      {
        name: 'yaml-syntax: an unclosed quote, at the end of its line; nothing else is checked',
        text: edit(M, 'id: mini', 'id: "mini'),
        expected: ['yaml-syntax@2:10'],
        pointer: '',
        message: 'Invalid YAML: Missing closing "quote',
      },
      {
        name: 'yaml-duplicate-key: the second key',
        text: edit(M, 'id: mini\n', 'id: mini\nid: mini2\n'),
        expected: ['yaml-duplicate-key@3:1'],
        message: 'This key already appears earlier in the same mapping',
      },
      {
        name: 'yaml-alias: the alias is refused, with no echo from the schema about the null left where it stood',
        text: edit(
          edit(M, 'findings: [four-degrees-of-specialisation]\nperformance', 'findings: &f [four-degrees-of-specialisation]\nperformance'),
          '    findings: [four-degrees-of-specialisation]\n',
          '    findings: *f\n',
        ),
        expected: ['yaml-alias@30:15'],
        message: 'The alias *f is not allowed',
      },
      {
        name: 'yaml-forbidden-key: __proto__',
        text: edit(M, 'id: mini\n', 'id: mini\n__proto__: { polluted: true }\n'),
        expected: ['yaml-forbidden-key@3:1'],
        pointer: '/__proto__',
        message: 'The key "__proto__" is not allowed',
      },
      {
        name: 'yaml-complex-key: a list as a key',
        text: edit(M, 'id: mini\n', 'id: mini\n? [a, b]\n: 1\n'),
        expected: ['yaml-complex-key@3:3'],
      },
      {
        name: 'yaml-too-deep: 70 levels (the schema also rejects the key)',
        text: edit(M, 'id: mini\n', `id: mini\ndeep: ${'['.repeat(70)}${']'.repeat(70)}\n`),
        expected: ['schema-unknown-property@3:1', 'yaml-too-deep@3:71'],
      },
    ]),
  );

  it('yaml-syntax: tab indentation is reported at the tab first', () => {
    const problems = check(edit(M, '    effects:\n', '\teffects:\n'));
    expect(brief(problems)[0]).toBe('yaml-syntax@22:1');
    expect(problems[0]!.message).toBe('Invalid YAML: Tabs are not allowed as indentation');
  });

  it('yaml-syntax: a stray bracket is reported where it is, and nothing but syntax is checked', () => {
    const problems = check(edit(M, 'id: mini', 'id: }'));
    expect(brief(problems)[0]).toBe('yaml-syntax@2:5');
    expect(problems[0]!.message).toBe('Invalid YAML: Unexpected flow-map-end token in YAML stream: "}"');
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['yaml-syntax']));
  });

  // Regression test for a fixed bug (src/load/parse.ts, parseText: every entry of doc.errors becomes an issue): after
  // one stray `}` the yaml library reports every following token as unexpected, so this
  // 31-line file gets 370 yaml-syntax problems (one per token to the end of the file).
  // yamllint and ESLint report the first fatal syntax error only; after an
  // UNEXPECTED_TOKEN the rest of the file's syntax errors should be dropped or capped.
  it('reports one stray bracket as one problem, not a cascade', () => {
    expect(check(edit(M, 'id: mini', 'id: }')).length).toBeLessThanOrEqual(3);
  });

  covered.add('file-encoding');
  it('file-encoding: binary data', () => {
    const problems = check(new Uint8Array([0x66, 0x6f, 0x72, 0x00, 0xff]), 'blob.yaml');
    expect(brief(problems)).toEqual(['file-encoding@1:1']);
    expect(problems[0]!.message).toBe('The file is not UTF-8 text (binary)');
  });

  covered.add('file-too-large');
  it('file-too-large: judged by the size when the bytes were not read', () => {
    const [result] = validateFiles([{ path: 'huge.yaml', bytes: new Uint8Array(0), size: 3 * 1024 * 1024 }], kb, { lang: 'en' });
    expect(brief(result!.problems)).toEqual(['file-too-large@1:1']);
    expect(result!.problems[0]!.message).toBe('The file is 3145728 bytes; the limit is 2097152');
  });
});

// ---------------------------------------------------------------- answers files

const A = MINI_ANSWERS;

describe('empty texts', () => {
  covered.add('schema-empty');
  it('schema-empty: an empty municipality name, at its value, named', () => {
    const problems = check(edit(A, 'municipality: Testvik kommune', 'municipality: ""'), 'answers.yaml');
    expect(brief(problems)).toEqual(['schema-empty@2:15']);
    expect(problems[0]!.message).toBe('"municipality" is empty');
    expect(problems[0]!.hint).toBe('Fill in "municipality".');
  });
});

describe('answers files', () => {
  runTable(
    table([
      {
        name: 'answer-unknown-question: a misspelt id, at the key, with a suggestion',
        text: edit(A, '  staff-fte: 4\n', '  staff-fte: 4\n  staff-ftes: 4\n'),
        expected: ['answer-unknown-question@10:3'],
        pointer: '/answers/staff-ftes',
        message: 'There is no question "staff-ftes" (did you mean "staff-fte"?)',
      },
      {
        name: 'answer-missing: a required question left out (at the answers key)',
        text: edit(A, '  staff-fte: 4\n', ''),
        expected: ['answer-missing@3:1'],
        pointer: '/answers',
        message: 'The question "staff-fte" is not answered',
      },
      {
        name: 'answer-missing: a required question left empty (at its key)',
        text: edit(A, '  staff-fte: 4\n', '  staff-fte:\n'),
        expected: ['answer-missing@9:3'],
        pointer: '/answers/staff-fte',
      },
      {
        name: 'answer-type: text for a number',
        text: edit(A, 'staff-fte: 4', 'staff-fte: four'),
        expected: ['answer-type@9:14'],
        message: 'The answer to "staff-fte" must be a number 1–2000 in steps of 0.1 (such as 12.5); found "four"',
      },
      {
        // staff-fte takes tenths of an FTE (decimals: 1), so 4.5 is an answer and 4.25 is not.
        name: 'answer-type: more decimals than the question takes',
        text: edit(A, 'staff-fte: 4', 'staff-fte: 4.25'),
        expected: ['answer-type@9:14'],
      },
      {
        name: 'answer-type: a list for a yes/no or choice question',
        text: edit(A, 'steering-style: hierarchical', 'steering-style: [hierarchical]'),
        expected: ['answer-type@24:19'],
      },
      {
        name: 'answer-range: below the question\'s minimum',
        text: edit(A, 'staff-fte: 4', 'staff-fte: 0'),
        expected: ['answer-range@9:14'],
        message: 'The answer to "staff-fte" is 0; it must be between 1 and 2000',
      },
      {
        name: 'answer-range: a scale answer of 6',
        text: edit(A, 'rule-work-crowds-out: 3', 'rule-work-crowds-out: 6'),
        expected: ['answer-range@7:25'],
      },
      {
        name: 'answer-option: a choice that is not an option',
        text: edit(A, 'steering-style: hierarchical', 'steering-style: anarchic'),
        expected: ['answer-option@24:19'],
        message: 'The answer to "steering-style" is "anarchic"; allowed: hierarchical, management-by-objectives, purchaser-provider',
      },
      {
        name: 'answer-option: one wrong value in a multiple choice',
        text: edit(A, 'user-groups: []', 'user-groups: [refugees, elderly]'),
        expected: ['answer-option@20:16'],
        message: /^The answer to "user-groups" is "elderly"/,
      },
      {
        name: 'answer-type: a ranking that leaves out an option',
        text: edit(A, 'priorities: [coherence, control-economy, staff-development, knowledge-practice, user-participation]', 'priorities: [coherence, control-economy]'),
        expected: ['answer-type@26:15'],
        message:
          'The answer to "priorities" must be every option once, in order of importance (control-economy, staff-development, knowledge-practice, user-participation, coherence); found a list',
      },
      {
        name: 'answer-type: a ranking that names an option twice',
        text: edit(A, 'knowledge-practice, user-participation]', 'knowledge-practice, coherence]'),
        expected: ['answer-type@26:15'],
      },
      {
        name: 'answer-type: one option where a ranking is asked for',
        text: edit(A, 'priorities: [coherence, control-economy, staff-development, knowledge-practice, user-participation]', 'priorities: coherence'),
        expected: ['answer-type@26:15'],
      },
      {
        name: 'answer-option: a ranking with a value that is not an option',
        text: edit(A, 'knowledge-practice, user-participation]', 'knowledge-practice, user-participaton]'),
        expected: ['answer-option@26:15'],
        message: /^The answer to "priorities" is "user-participaton"/,
      },
      {
        name: 'answer-dont-know: where the question needs an answer',
        text: edit(A, 'frame: nav-office', 'frame: dont-know'),
        expected: ['answer-dont-know@22:10'],
        message: 'The question "frame" needs an answer; "don’t know" is not allowed here',
      },
      {
        name: 'answer-sum: the task shares add up to 130',
        text: edit(A, 'share-rule-logic: 55', 'share-rule-logic: 85'),
        expected: ['answer-sum@4:21'],
        message: 'The three shares of the work should add up to about 100% (the sum is 130, should be 100 ± 10)',
      },
      {
        name: 'file-kind: an answers file with a model format, under --answers',
        text: edit(A, 'format: orgfit/answers@1', 'format: orgfit/model@1'),
        options: { expect: 'answers' },
        expected: ['file-kind@1:9'],
        message: '"format" is "orgfit/model@1"; expected orgfit/answers@1',
      },
      {
        name: 'schema-required: an answers file without answers',
        text: edit(A, 'municipality: Testvik kommune\n', ''),
        expected: ['schema-required@1:1'],
        pointer: '/municipality',
      },
    ]),
  );

  it('answer-sum stays quiet within the tolerance and when a share is dont-know', () => {
    expect(check(edit(A, 'share-rule-logic: 55', 'share-rule-logic: 64'))).toEqual([]);
    expect(check(edit(A, 'share-rule-logic: 55', 'share-rule-logic: dont-know'))).toEqual([]);
  });

  it('reports every problem of an answers file, sorted by line', () => {
    let text = edit(A, 'share-rule-logic: 55', 'share-rule-logic: 85');
    text = edit(text, 'staff-fte: 4', 'staff-fte: four');
    text = edit(text, '  access-measures-and-jobs: 2\n', '  access-measures-and-jobs: 2\n  acces-measures-and-jobs: 2\n');
    text = edit(text, 'steering-style: hierarchical', 'steering-style: anarchic');
    // The last answer, so that leaving it out moves no other line.
    text = edit(text, '  priorities: [coherence, control-economy, staff-development, knowledge-practice, user-participation]\n', '');
    expect(brief(check(text))).toEqual([
      'answer-missing@3:1',
      'answer-sum@4:21',
      'answer-type@9:14',
      'answer-unknown-question@24:3',
      'answer-option@25:19',
    ]);
  });

  // Regression test for a fixed bug (src/validate/schema-issues.ts, collect(): `default:` case): an answer whose key
  // is not a valid id (zod `invalid_key` from z.record(Id, …) in src/schema/answers.ts)
  // is reported as "schema-type: Expected a valid value, found 4" at the VALUE, and the
  // message never names the offending key. The product promises unknown ids "reported by
  // id, with line and column". It should point at the key and name it (schema-format or
  // answer-unknown-question, with a suggestion: "Staff_FTE" → "staff-fte"). The same
  // happens to a model's performance key written `Coherence`.
  it('names an answer key that is not an id, at the key', () => {
    const problems = check(edit(A, '  staff-fte: 4\n', '  staff-fte: 4\n  Staff_FTE: 4\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Staff_FTE');
    expect(`${problems[0]!.line}:${problems[0]!.column}`).toBe('10:3');
  });
});

// ---------------------------------------------------------------- knowledge-base files

/** A findings file with one valid background finding. Lines in the comments. */
const FINDINGS = [
  'format: orgfit/findings@1', // 1
  'findings:', // 2
  '  - id: tiny-background', // 3
  '    claim: { nb: Et bakgrunnsfunn, en: A background finding }', // 4
  '    references: [ekeland-2005]', // 5
  '    lines: ["97-106"]', // 6
  '    evidence: analysis', // 7
  '    origin: unknown', // 8
  '    confidence: low', // 9
  '    downgrades:', // 10
  '      - concern: adequacy', // 11
  '        reason: { nb: Én kilde, en: One source }', // 12
  '    use: context', // 13
  '',
].join('\n');

/** A references file with one reference that the seed findings use. */
const REFERENCES = [
  'format: orgfit/references@1', // 1
  'references:', // 2
  '  - key: ekeland-2005', // 3
  '    authors: [Ekeland]', // 4
  '    year: 2005', // 5
  '    citedAs: ["Ekeland 2005"]', // 6
  '    lines: ["97-99"]', // 7
  '    origin: unknown', // 8
  '    kind: analysis', // 9
  '    summary: { nb: Et verk, en: A work }', // 10
  '',
].join('\n');

const UNUSED_REFERENCE = [
  '  - key: nobody-1999', // 11
  '    authors: [Nobody]',
  '    year: 1999',
  '    citedAs: ["Nobody 1999"]',
  '    lines: ["97-99"]',
  '    origin: unknown',
  '    kind: analysis',
  '    summary: { nb: Et ubrukt verk, en: An unused work }',
  '',
].join('\n');

describe('knowledge-base files', () => {
  it('a small valid findings file and references file have no problems', () => {
    expect(check(FINDINGS, 'findings.yaml')).toEqual([]);
    expect(check(REFERENCES, 'references.yaml')).toEqual([]);
  });

  runTable(
    table([
      {
        name: 'unknown-reference: a misspelt reference key, with a suggestion',
        text: edit(FINDINGS, '[ekeland-2005]', '[ekeland-2005, ekland-2005]'),
        path: 'findings.yaml',
        expected: ['unknown-reference@5:32'],
        pointer: '/findings/0/references/1',
        message: 'The reference "ekland-2005" is not in seeds/references.yaml (did you mean "ekeland-2005"?)',
      },
      {
        name: 'missing-downgrade: low confidence without a downgrade',
        text: edit(FINDINGS, '    downgrades:\n      - concern: adequacy\n        reason: { nb: Én kilde, en: One source }\n', ''),
        path: 'findings.yaml',
        expected: ['missing-downgrade@9:17'],
        pointer: '/findings/0/confidence',
        message: 'Confidence is "low" but no downgrade is explained',
      },
      {
        name: 'unused-finding: a scoring finding nothing cites (a warning)',
        text: edit(FINDINGS, 'use: context', 'use: scoring'),
        path: 'findings.yaml',
        expected: ['unused-finding@3:9'],
        pointer: '/findings/0/id',
      },
      {
        name: 'schema-value: a value outside an enumeration',
        text: edit(FINDINGS, 'use: context', 'use: sometimes'),
        path: 'findings.yaml',
        expected: ['schema-value@13:10'],
        pointer: '/findings/0/use',
        message: 'The value "sometimes" is not allowed; allowed: scoring, context',
      },
      {
        name: 'schema-value: an unknown evidence kind',
        text: edit(FINDINGS, 'evidence: analysis', 'evidence: anecdote'),
        path: 'findings.yaml',
        expected: ['schema-value@7:15'],
      },
      {
        name: 'review-lines: a finding citing lines beyond the review',
        text: edit(FINDINGS, '"97-106"', '"97-1006"'),
        path: 'findings.yaml',
        expected: ['review-lines@6:13'],
      },
      {
        name: 'duplicate-id: two findings with one id',
        text: FINDINGS + FINDINGS.split('\n').slice(2).join('\n'),
        path: 'findings.yaml',
        expected: ['duplicate-id@14:5'],
        pointer: '/findings/1',
        message: 'The id "tiny-background" is already used (findings[0])',
      },
      {
        name: 'unused-reference: a reference no finding uses',
        text: REFERENCES + UNUSED_REFERENCE,
        path: 'references.yaml',
        expected: ['unused-reference@11:10'],
        pointer: '/references/1/key',
        message: 'The reference "nobody-1999" is used by no finding',
      },
      {
        name: 'schema-range: a reference year after the review',
        text: edit(REFERENCES, 'year: 2005', 'year: 2050'),
        path: 'references.yaml',
        expected: ['schema-range@5:11'],
        message: 'The value must be <= 2006',
      },
    ]),
  );

  it('unknown-reference in a modified copy of seeds/findings.yaml', () => {
    const text = seedText('findings.yaml').replace('      - ekeland-2005\n', '      - ekeland-2055\n');
    const problems = check(text, 'seeds/findings.yaml');
    const errors = problems.filter((p) => p.severity === 'error');
    expect(brief(errors)).toEqual([`unknown-reference@${lineOf(text, 'ekeland-2055')}:9`]);
    expect(errors[0]!.message).toContain('(did you mean "ekeland-2005"?)');
    // Without the models every scoring finding is unused; those are the only warnings.
    expect(new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.rule))).toEqual(new Set(['unused-finding']));
  });

  it('missing-downgrade in a modified copy of seeds/findings.yaml', () => {
    const seed = seedText('findings.yaml');
    const from = seed.indexOf('    downgrades:\n');
    const to = seed.indexOf('    use: ', from);
    const text = seed.slice(0, from) + seed.slice(to);
    const errors = check(text, 'seeds/findings.yaml').filter((p) => p.severity === 'error');
    expect(brief(errors)).toEqual([`missing-downgrade@${lineOf(text, '    confidence: ')}:17`]);
  });

  it('unused-reference in a modified copy of seeds/references.yaml', () => {
    const seed = seedText('references.yaml');
    const text = (seed.endsWith('\n') ? seed : `${seed}\n`) + UNUSED_REFERENCE;
    const problems = check(text, 'seeds/references.yaml');
    expect(brief(problems)).toEqual([`unused-reference@${lineOf(text, '  - key: nobody-1999')}:10`]);
  });

  it('unknown-question and condition-value in a modified copy of seeds/criteria.yaml', () => {
    let text = seedText('criteria.yaml').replace('- question: share-rule-logic\n', '- question: share-rule-logik\n');
    text = text.replace('"5": 1 }', '"6": 1 }');
    const problems = check(text, 'seeds/criteria.yaml');
    const mapLine = lineOf(text, '"6": 1 }');
    const mapColumn = text.split('\n')[mapLine - 1]!.indexOf('"6"') + 1;
    expect(brief(problems)).toEqual([`unknown-question@${lineOf(text, 'share-rule-logik')}:21`, `condition-value@${mapLine}:${mapColumn}`]);
    expect(problems[0]!.message).toContain('(did you mean "share-rule-logic"?)');
    expect(problems[1]!.message).toMatch(/^Does not fit the question: "6" is not a value of "/);
  });

  covered.add('question-shape');
  it('question-shape in a modified copy of seeds/questions.yaml', () => {
    const text = seedText('questions.yaml').replace('    section: task-logic\n', '    section: tasks\n');
    const problems = check(text, 'seeds/questions.yaml');
    expect(brief(problems)).toEqual([`question-shape@${lineOf(text, '    section: tasks')}:14`]);
    expect(problems[0]!.message).toBe('The question "share-rule-logic" is set up wrong: section "tasks" is not declared under sections');
  });
});

// ---------------------------------------------------------------- several problems, languages

describe('several problems in one file', () => {
  it('reports every schema problem, sorted by line and column', () => {
    let text = edit(M, 'id: mini\n', 'id: mini\nnmae: Mini\n'); // line 3
    text = edit(text, 'value: 62', 'value: 162'); // line 9
    text = edit(text, 'spread: 15, findings: [three-task-logics]', 'spread: 51, findings: [three-task-logics]'); // line 11
    text = edit(text, 'delta: -8', 'delta: 99'); // line 25
    text = edit(text, '"170-185"', '"170-"'); // line 6
    expect(brief(check(text))).toEqual([
      'schema-unknown-property@3:1',
      'schema-format@6:9',
      'schema-range@9:33',
      'schema-range@11:41',
      'schema-range@25:16',
    ]);
  });

  it('reports every semantic problem, errors and warnings, sorted by line and column', () => {
    let text = edit(M, '333]', '900]'); // line 5
    text = edit(text, '[three-task-logics]', '[three-task-logic]'); // line 10
    text = edit(text, '[helgoy-four-development-demands]', '[evidence-based-practice-term-from-medicine]'); // line 16
    text = edit(text, 'lt: 15', 'lt: 5000'); // line 21
    text = edit(text, 'criterion: staff-development', 'criterion: staff-develop'); // line 23
    text = edit(text, '  - id: enough-staff', '  - id: small-office'); // line 28
    text = edit(text, '    requires: { question: staff-fte, gte: 6 }', '    requires: { question: staff-ftes, gte: 6 }'); // line 29
    const problems = check(text, 'models/renamed.yaml');
    expect(brief(problems)).toEqual([
      'filename-id@2:5',
      'review-lines@5:20',
      'unknown-finding@10:56',
      'context-finding@16:59',
      'condition-value@21:11',
      'unknown-criterion@23:20',
      'duplicate-id@28:9',
      'unknown-question@29:27',
    ]);
  });

  it('reports several YAML problems, not just the first', () => {
    let text = edit(M, 'id: mini\n', 'id: mini\nid: again\n'); // duplicate at 3:1
    text = edit(text, 'summary: {', '__proto__: 1\nsummary: {'); // forbidden at 5:1
    text = edit(text, '  coherence: { value: 40', '  coherence: { value: 40, value: 41'); // duplicate in a flow map
    expect(brief(check(text))).toEqual(['yaml-duplicate-key@3:1', 'yaml-forbidden-key@5:1', 'yaml-duplicate-key@14:27']);
  });

  // Regression test for a fixed bug (src/validate/run.ts, validateFiles: `file.value === undefined ? [] : semanticIssues(…)`):
  // one schema error anywhere in a model hides every semantic problem in the same file,
  // so a user fixes a typo in a property name, re-runs, and only then learns that a
  // finding id is wrong too. The contract is "every problem reported (never only the
  // first)". The semantic checks should run on the parts that did pass the schema (or the
  // checks should be made tolerant of partial data).
  it('reports a semantic problem even when the same file has a schema problem', () => {
    let text = edit(M, 'id: mini\n', 'id: mini\nnmae: Mini\n'); // schema, line 3
    text = edit(text, '[three-task-logics]', '[three-task-logic]'); // semantic, line 11
    expect(brief(check(text))).toEqual(['schema-unknown-property@3:1', 'unknown-finding@11:56']);
  });
});

describe('languages', () => {
  const broken = (() => {
    let text = edit(M, '[three-task-logics]', '[three-task-logic]');
    text = edit(text, 'lt: 15', 'lt: 5000');
    text = edit(text, '333]', '900]');
    return text;
  })();

  it('puts the same problems in the same places in nb and en', () => {
    expect(brief(check(broken, 'mini.yaml', {}, 'nb'))).toEqual(brief(check(broken, 'mini.yaml', {}, 'en')));
    expect(brief(check(broken))).toEqual(['review-lines@5:20', 'unknown-finding@10:56', 'condition-value@21:11']);
  });

  it('words every message and hint differently in nb', () => {
    const en = check(broken, 'mini.yaml', {}, 'en');
    const nb = check(broken, 'mini.yaml', {}, 'nb');
    en.forEach((problem, i) => {
      expect(nb[i]!.message).not.toBe(problem.message);
      expect(nb[i]!.hint).not.toBe(problem.hint);
    });
    expect(nb[1]!.message).toBe('Funnet «three-task-logic» finnes ikke i seeds/findings.yaml (mente du «three-task-logics»?)');
    expect(nb[2]!.message).toBe('Passer ikke til spørsmålet: 5000 er utenfor området til «staff-fte» (1–2000)');
  });

  it('words answers problems in nb', () => {
    const [problem] = check(edit(A, 'staff-fte: 4', 'staff-fte: four'), 'a.yaml', {}, 'nb');
    expect(problem!.message).toBe('Svaret på «staff-fte» må være et tall 1–2000 i steg på 0.1 (som 12.5); fant "four"');
  });

  // Regression test for a fixed bug (src/validate/schema-issues.ts, collect(), case 'too_small'/'too_big'): the
  // `what` parameter is a plain English token ('value', 'list-length', 'text-length'),
  // so the bokmål message reads "value må være <= 100" and "list-length må være >= 1".
  // It should be a Bilingual param ({ nb: 'verdien', en: 'the value' } etc.).
  it('has no English words in a bokmål schema-range message', () => {
    const [value] = check(edit(M, 'value: 62', 'value: 162'), 'mini.yaml', {}, 'nb');
    const [list] = check(edit(M, 'findings: [four-degrees-of-specialisation]\nperformance', 'findings: []\nperformance'), 'mini.yaml', {}, 'nb');
    expect(value!.message).not.toMatch(/\bvalue\b/);
    expect(list!.message).not.toMatch(/list-length/);
  });
});

describe('rule table', () => {
  it('every rule id is exercised by at least one invalid case above', () => {
    const missing = RULE_IDS.filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  it('every rule has a description, message and hint in every language', () => {
    for (const id of RULE_IDS) {
      for (const lang of LANGS) {
        for (const part of ['description', 'message', 'hint'] as const) expect(ruleText(lang, id, part).length, `${lang} ${id}.${part}`).toBeGreaterThan(0);
      }
    }
  });

  it('rule ids are kebab-case and sorted', () => {
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect([...RULE_IDS].sort()).toEqual(RULE_IDS);
  });

  it('an unknown rule id is a bug that throws', () => {
    expect(() => ruleDefinition('no-such-rule')).toThrow(/unknown rule id/);
  });
});
