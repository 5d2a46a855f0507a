import { describe, it, expect } from 'vitest';
import { FORMATS } from '../../src/render/formats.js';
import { plain, type Painter } from '../../src/render/paint.js';
import formatters from '../../src/render/registry/validate.js';
import type { RenderOptions } from '../../src/render/renderer.js';
import { renderRules, type ReportOptions } from '../../src/render/validation.js';
import { summarise, type ValidationReport } from '../../src/validate/problem.js';
import { RULE_IDS } from '../../src/validate/rules.js';

// A Windows-style path with a space and a comma: exercises SARIF URIs and GitHub property escaping.
const BAD = 'models\\bad model,v2.yaml';
const GOOD = 'models/good.yaml';
// Every character some format has to escape: % , : newline < & " and a control character.
const TRICKY = 'Expected number, found string: 50% <high> & "low"\nsecond line';

const sample: ValidationReport = summarise([
  {
    file: BAD,
    kind: 'model',
    problems: [
      {
        file: BAD,
        rule: 'schema-type',
        severity: 'error',
        line: 12,
        column: 5,
        endLine: 12,
        endColumn: 9,
        pointer: '/performance/matrix/value',
        message: TRICKY,
        hint: 'Write a value of type number.',
      },
      {
        file: BAD,
        rule: 'filename-id',
        severity: 'warning',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 8,
        pointer: '/id',
        message: 'The file is named "bad model,v2.yaml"\u0007 but the id is "bad-model"',
        hint: 'Name the file bad-model.yaml, or change the id.',
      },
    ],
  },
  { file: GOOD, kind: 'model', problems: [] },
]);

const empty: ValidationReport = { files: [], errorCount: 0, warningCount: 0 };
const en: RenderOptions & ReportOptions = { lang: 'en', paint: plain, width: 80, toolVersion: '0.1.0' };
const nb: RenderOptions & ReportOptions = { ...en, lang: 'nb' };

/** Wraps like a terminal colour library would, with real escape codes. */
const ansi = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const ansiPainter: Painter = { red: ansi(31), yellow: ansi(33), dim: ansi(2), bold: ansi(1), underline: ansi(4), green: ansi(32) };
/** Wraps in visible tags, so the tests can see which part got which colour. */
const tag = (t: string) => (s: string) => `<${t}>${s}</${t}>`;
const tagPainter: Painter = { red: tag('r'), yellow: tag('y'), dim: tag('d'), bold: tag('b'), underline: tag('u'), green: tag('g') };

describe('every format', () => {
  it.each(FORMATS.validate)('%s is deterministic', (format) => {
    expect(formatters[format](sample, en)).toBe(formatters[format](sample, en));
  });

  it.each(FORMATS.validate)('%s ends with exactly one newline', (format) => {
    const out = formatters[format](sample, en);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });

  it.each(FORMATS.validate)('%s renders the empty report', (format) => {
    const out = formatters[format](empty, en);
    expect(out === '' || (out.endsWith('\n') && !out.endsWith('\n\n'))).toBe(true);
  });

  it.each(FORMATS.validate)('%s carries the line:column and the JSON pointer', (format) => {
    const out = formatters[format](sample, en);
    expect(out).toMatch(/12:5|"line": 12|line=12|"startLine": 12/);
    expect(out).toContain('/performance/matrix/value');
  });
});

describe('text', () => {
  const out = formatters.text(sample, en);
  const outNb = formatters.text(sample, nb);

  it('lists the failing file, then one line per problem with place, severity, message, rule and pointer', () => {
    const lines = out.split('\n');
    expect(lines[0]).toBe(BAD);
    expect(lines[1]).toMatch(/^ {2}12:5 +error +Expected number, found string: 50% <high> & "low" second line +schema-type +\/performance\/matrix\/value$/);
    expect(lines[2]).toBe('    → Write a value of type number.');
    expect(lines[3]).toMatch(/^ {2}1:1 +warning +.* +filename-id +\/id$/);
    expect(out).not.toContain(GOOD);
  });

  it('aligns the columns of a file', () => {
    const [error, , warning] = out.split('\n').slice(1);
    expect(error!.indexOf('schema-type')).toBe(warning!.indexOf('filename-id'));
    expect(error!.indexOf('error')).toBe(warning!.indexOf('warning'));
  });

  it('keeps control characters out of the terminal', () => {
    expect(out).not.toContain('\u0007');
    expect(out).toContain('\\u0007');
  });

  it('summarises in both languages', () => {
    expect(out).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(outNb).toContain('✖ 2 problemer (1 feil, 1 advarsel)');
    expect(outNb).toMatch(/12:5 +feil /);
    expect(outNb).toMatch(/1:1 +advarsel /);
  });

  it('says how many files are valid when there are no problems', () => {
    const valid = summarise([{ file: GOOD, problems: [] }, { file: 'models/other.yaml', problems: [] }]);
    expect(formatters.text(valid, en)).toBe('✔ 2 files valid\n');
    expect(formatters.text(valid, nb)).toBe('✔ 2 filer er gyldige\n');
    expect(formatters.text(empty, en)).toBe('✔ 0 files valid\n');
  });

  it('reports too many warnings only when the maximum is exceeded', () => {
    expect(formatters.text(sample, { ...en, maxWarnings: 0 })).toContain('orgfit: too many warnings (1); the maximum is 0.');
    expect(formatters.text(sample, { ...nb, maxWarnings: 0 })).toContain('orgfit: for mange advarsler (1); maksimum er 0.');
    expect(formatters.text(sample, { ...en, maxWarnings: 1 })).not.toContain('too many warnings');
  });

  it('has no escape codes with the plain painter, and only the text format paints with a real one', () => {
    expect(formatters.text(sample, en)).not.toContain('\x1b');
    expect(formatters.text(sample, { ...en, paint: ansiPainter })).toContain('\x1b[31m');
    for (const format of FORMATS.validate.filter((f) => f !== 'text')) expect(formatters[format](sample, { ...en, paint: ansiPainter }), format).not.toContain('\x1b');
  });

  it('paints each part with the injected painter', () => {
    const painted = formatters.text(sample, { ...en, paint: tagPainter });
    expect(painted).toContain(`<u>${BAD}</u>`);
    expect(painted).toContain('<r>error  </r>');
    expect(painted).toContain('<y>warning</y>');
    expect(painted).toContain('<d>/performance/matrix/value</d>');
    expect(painted).toContain('<d>    → Write a value of type number.</d>');
    expect(painted).toContain('<b><r>✖ 2 problems (1 error, 1 warning)</r></b>');
  });
});

describe('json', () => {
  it('parses and carries counts, validity and every problem field', () => {
    const document = JSON.parse(formatters.json(sample, en));
    expect(document).toMatchObject({ format: 'orgfit/validation@1', valid: false, errorCount: 1, warningCount: 1 });
    expect(document.files).toHaveLength(2);
    expect(document.files[0]).toMatchObject({ file: BAD, kind: 'model', valid: false });
    expect(document.files[0].problems[0]).toEqual({
      rule: 'schema-type',
      severity: 'error',
      line: 12,
      column: 5,
      endLine: 12,
      endColumn: 9,
      pointer: '/performance/matrix/value',
      message: TRICKY,
      hint: 'Write a value of type number.',
    });
    expect(document.files[1]).toEqual({ file: GOOD, kind: 'model', valid: true, problems: [] });
  });

  it('is valid for the empty report', () => {
    expect(JSON.parse(formatters.json(empty, en))).toEqual({
      format: 'orgfit/validation@1',
      valid: true,
      errorCount: 0,
      warningCount: 0,
      files: [],
    });
  });
});

describe('github', () => {
  it('writes one escaped workflow command per problem', () => {
    expect(formatters.github(sample, en).split('\n')).toEqual([
      '::error file=models\\bad model%2Cv2.yaml,line=12,col=5,endLine=12,endColumn=9,title=schema-type::' +
        'Expected number, found string: 50%25 <high> & "low"%0Asecond line [/performance/matrix/value] (hint: Write a value of type number.)',
      '::warning file=models\\bad model%2Cv2.yaml,line=1,col=1,endLine=1,endColumn=8,title=filename-id::' +
        'The file is named "bad model,v2.yaml"\\u0007 but the id is "bad-model" [/id] (hint: Name the file bad-model.yaml, or change the id.)',
      '',
    ]);
  });

  it('shows a control character escaped (the log is read on a terminal), after the runner\'s own escapes', () => {
    expect(formatters.github(sample, en)).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('escapes : and , in properties but not in data', () => {
    const report = summarise([
      {
        file: 'a:b,c%.yaml',
        problems: [{ ...sample.files[0]!.problems[0]!, file: 'a:b,c%.yaml', pointer: '', hint: '', message: 'x:y,z\r\n' }],
      },
    ]);
    expect(formatters.github(report, en)).toBe(
      '::error file=a%3Ab%2Cc%25.yaml,line=12,col=5,endLine=12,endColumn=9,title=schema-type::x:y,z%0D%0A\n',
    );
  });

  it('prints nothing for the empty report', () => {
    expect(formatters.github(empty, en)).toBe('');
  });
});

describe('junit', () => {
  const out = formatters.junit(sample, en);

  it('has the XML declaration, and counts test cases (one per problem, one per clean file) and failures (errors)', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(out).toContain('<testsuites name="orgfit validate" tests="3" failures="1" errors="0">');
    expect(out).toContain(`<testsuite name="${BAD}" tests="2" failures="1" errors="0" skipped="0">`);
    expect(out).toContain(`<testsuite name="${GOOD}" tests="1" failures="0" errors="0" skipped="0">`);
    expect(out.match(/<testcase /g)).toHaveLength(3);
    expect(out.match(/<failure /g)).toHaveLength(1);
  });

  it('gives every failing test case exactly one failure (Jenkins keeps one per case)', () => {
    for (const testcase of out.split('<testcase ').slice(1)) expect(testcase.match(/<failure /g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('lists the passing file as an empty test case, with a file attribute', () => {
    expect(out).toContain(`<testcase classname="${GOOD}" name="${GOOD}" file="${GOOD}"/>`);
  });

  it('makes each problem a test case named by place and rule, with file and line: an error fails, a warning passes with its text in system-out', () => {
    expect(out).toContain(
      `<testcase classname="${BAD}" name="12:5 schema-type" file="${BAD}" line="12">` +
        '<failure message="Expected number, found string: 50% &lt;high&gt; &amp; &quot;low&quot;&#10;second line" type="schema-type">' +
        '12:5 schema-type Expected number, found string: 50% &lt;high&gt; &amp; &quot;low&quot;\nsecond line' +
        ' [/performance/matrix/value] → Write a value of type number.</failure></testcase>',
    );
    expect(out).toMatch(/<testcase classname="[^"]+" name="1:1 filename-id" file="[^"]+" line="1"><system-out>1:1 filename-id The file is named &quot;bad model,v2.yaml&quot; but .* \[\/id\] → Name the file.*<\/system-out><\/testcase>/);
  });

  it('escapes attribute values and strips characters illegal in XML', () => {
    for (const [, value] of out.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<>&](?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
    expect(out).not.toContain('\u0007');
    // Outside tags no raw < or & may remain.
    const textOnly = out.replace(/<[^<>]*>/g, '');
    expect(textOnly).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
  });

  it('is a well-formed empty suite for the empty report', () => {
    expect(formatters.junit(empty, en)).toContain('<testsuites name="orgfit validate" tests="0" failures="0" errors="0">');
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatters.sarif(sample, en));
  const run = log.runs[0];

  it('is SARIF 2.1.0 from orgfit, without an informationUri or helpUri unless told where the documentation is', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'orgfit', version: '0.1.0' });
    expect(run.tool.driver).not.toHaveProperty('informationUri');
    expect(run.tool.driver.rules[0]).not.toHaveProperty('helpUri');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('names the documentation it is told of: informationUri, and each rule\'s helpUri at its section', () => {
    const told = JSON.parse(formatters.sarif(sample, { ...en, docs: { tool: 'file:///opt/orgfit/README.md', rules: 'file:///opt/orgfit/docs/rules.md' } })).runs[0];
    expect(told.tool.driver.informationUri).toBe('file:///opt/orgfit/README.md');
    for (const rule of told.tool.driver.rules) expect(rule.helpUri).toBe(`file:///opt/orgfit/docs/rules.md#${rule.id}`);
  });

  it('places files as the CLI says (relative to the checkout, or absolute)', () => {
    const artifact = (file: string) => (file === GOOD ? { uri: 'file:///elsewhere/good.yaml' } : { uri: 'sub/bad.yaml', uriBaseId: '%SRCROOT%' });
    const placed = JSON.parse(formatters.sarif(sample, { ...en, artifact })).runs[0];
    expect(placed.artifacts).toEqual([{ location: { uri: 'sub/bad.yaml', uriBaseId: '%SRCROOT%' } }, { location: { uri: 'file:///elsewhere/good.yaml' } }]);
    expect(placed.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'sub/bad.yaml', uriBaseId: '%SRCROOT%', index: 0 });
  });

  it('describes every rule', () => {
    const rules: { id: string; defaultConfiguration: { level: string } }[] = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    expect(rules.find((rule) => rule.id === 'filename-id')?.defaultConfiguration.level).toBe('warning');
    const nbRules = JSON.parse(formatters.sarif(sample, nb)).runs[0].tool.driver.rules;
    expect(nbRules.find((rule: { id: string }) => rule.id === 'schema-type').shortDescription.text).toBe('Verdier må ha riktig type');
  });

  it('points every result at its rule, file, 1-based region and JSON pointer', () => {
    expect(run.results).toHaveLength(2);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.locations[0].physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const [error] = run.results;
    expect(error).toMatchObject({ ruleId: 'schema-type', level: 'error', message: { text: TRICKY } });
    expect(error.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'models/bad%20model%2Cv2.yaml', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 9 },
    });
    expect(error.locations[0].logicalLocations[0].fullyQualifiedName).toBe('/performance/matrix/value');
    expect(run.results[1].level).toBe('warning');
  });

  it('lists every file as an artifact', () => {
    expect(run.artifacts).toEqual([{ location: { uri: 'models/bad%20model%2Cv2.yaml', uriBaseId: '%SRCROOT%' } }, { location: { uri: GOOD, uriBaseId: '%SRCROOT%' } }]);
  });

  it('has no results for the empty report', () => {
    const emptyRun = JSON.parse(formatters.sarif(empty, en)).runs[0];
    expect(emptyRun.results).toEqual([]);
    expect(emptyRun.artifacts).toEqual([]);
  });
});

describe('renderRules', () => {
  it.each(['en', 'nb'] as const)('lists every rule once, sorted and aligned (%s)', (lang) => {
    const lines = renderRules(RULE_IDS, { ...en, lang }).trimEnd().split('\n');
    expect(lines.map((line) => line.split(' ')[0])).toEqual([...RULE_IDS].sort());
    const severityColumn = new Set(lines.map((line) => line.search(/(error|warning|feil|advarsel) /)));
    expect(severityColumn.size).toBe(1);
  });

  it('uses the chosen language', () => {
    expect(renderRules(RULE_IDS, en)).toMatch(/^filename-id +warning +A model file should be named after the model id — Name the file/m);
    expect(renderRules(RULE_IDS, nb)).toMatch(/^filename-id +advarsel +En modellfil bør hete som modellens id — Gi filen/m);
    expect(renderRules(RULE_IDS, nb)).toMatch(/^schema-type +feil +/m);
  });
});
