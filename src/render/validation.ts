import { validateText, type ValidateId } from '../i18n/validate.js';
import type { Params } from '../i18n/catalog.js';
import type { Renderer } from './renderer.js';
import { jsonText, pad, visible, width } from './text.js';
import type { Problem, ValidationReport } from '../validate/problem.js';
import { RULE_IDS, RULES, ruleText, type RuleId } from '../validate/rules.js';

/*
 * The output formats of `orgfit validate` (registered in ./registry/validate.ts). Every
 * one is a pure function of the report and its options (no IO, no clock, no chalk), so
 * the same report always renders to the same bytes and tests need no terminal. Only
 * the text format paints.
 */

/** What only validate's renderers need to know. */
export interface ReportOptions {
  /** Named in the SARIF log as the tool's version. */
  toolVersion: string;
  /**
   * Where the tool and its rules are documented, as absolute URIs (SARIF `informationUri`
   * and, with `#rule-id` appended, each rule's `helpUri`). The CLI names the files the
   * package ships; without it the log has neither.
   */
  docs?: { tool: string; rules: string };
  /** Where a file is, for SARIF: the CLI makes paths relative to the checkout. Without it, paths are taken as given. */
  artifact?: (file: string) => ArtifactLocation;
  /** For the text summary only: the CLI decides the exit code. */
  maxWarnings?: number;
}
type Formatter = Renderer<ValidationReport, ReportOptions>;

const identity = (s: string): string => s;

// ---------------------------------------------------------------- helpers

/**
 * Text output is one problem per line (greppable), and file contents must not be
 * able to drive the terminal: line breaks and tabs become spaces, and the rest is
 * made `visible`.
 */
function oneLine(s: string): string {
  return visible(s.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ').replace(/\t/g, ' '));
}

/** Aligns rows of cells into columns; the last non-empty cell is not padded, so no trailing spaces. */
function columns(rows: string[][]): string[][] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) => {
    const last = row.findLastIndex((cell) => cell !== '');
    return row.slice(0, last + 1).map((cell, i) => (i === last ? cell : pad(cell, widths[i] ?? 0)));
  });
}

/** Every line plus one newline; nothing at all when there are no lines. */
const lines = (out: string[]): string => (out.length === 0 ? '' : `${out.join('\n')}\n`);

// ---------------------------------------------------------------- text

export const textReport: Formatter = (report, options) => {
  const p = options.paint;
  const say = (id: ValidateId, params?: Params<ValidateId>) => validateText(options.lang, id, params);
  const out: string[] = [];

  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    out.push(p.underline(oneLine(file.file)));
    // Pad the plain cells first and paint afterwards: escape codes have no width.
    const rows = columns(
      file.problems.map((problem) => [
        `${problem.line}:${problem.column}`,
        say(`severity-${problem.severity}`),
        oneLine(problem.message),
        oneLine(problem.rule),
        oneLine(problem.pointer),
      ]),
    );
    file.problems.forEach((problem, i) => {
      const severity = (s: string) => (problem.severity === 'error' ? p.red(s) : p.yellow(s));
      const paints = [(s: string) => p.dim(s), severity, identity, identity, (s: string) => p.dim(s)];
      out.push(`  ${(rows[i] ?? []).map((cell, j) => (paints[j] ?? identity)(cell)).join('  ')}`);
      if (problem.hint) out.push(p.dim(`    → ${oneLine(problem.hint)}`));
    });
    out.push('');
  }

  const { errorCount, warningCount } = report;
  const total = errorCount + warningCount;
  if (total === 0) {
    out.push(p.green(`✔ ${say('files-valid', { count: report.files.length })}`));
  } else {
    const summary = `✖ ${say('problems', { count: total })} (${say('errors', { count: errorCount })}, ${say('warnings', { count: warningCount })})`;
    out.push(p.bold(errorCount > 0 ? p.red(summary) : p.yellow(summary)));
  }
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    out.push(p.red(say('too-many-warnings', { count: warningCount, max: options.maxWarnings })));
  }
  return lines(out);
};

// ---------------------------------------------------------------- json

export const jsonReport: Formatter = (report) => {
  const document = {
    format: 'orgfit/validation@1',
    valid: report.errorCount === 0,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    files: report.files.map((file) => ({
      file: file.file,
      // Spelled out so the key order is fixed whether or not `kind` is known.
      ...(file.kind === undefined ? {} : { kind: file.kind }),
      valid: file.problems.every((problem) => problem.severity !== 'error'),
      problems: file.problems.map((problem) => ({
        rule: problem.rule,
        severity: problem.severity,
        line: problem.line,
        column: problem.column,
        endLine: problem.endLine,
        endColumn: problem.endColumn,
        pointer: problem.pointer,
        message: problem.message,
        hint: problem.hint,
      })),
    })),
  };
  return jsonText(document);
};

// ---------------------------------------------------------------- github

/**
 * As `escapeData` in @actions/core: the runner decodes exactly these. What is left that a
 * terminal would act on (a file name with ESC in it, say) is then shown escaped, as the
 * log is read on one.
 */
const escapeData = (s: string): string => visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
/** As `escapeProperty` in @actions/core: `:` and `,` would end the property list. */
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The message with its pointer (when it points inside the file) and hint, as one annotation text. */
function annotationText(problem: Problem): string {
  const pointer = problem.pointer === '' ? '' : ` [${problem.pointer}]`;
  const hint = problem.hint === '' ? '' : ` (hint: ${problem.hint})`;
  return `${problem.message}${pointer}${hint}`;
}

export const githubReport: Formatter = (report) =>
  lines(
    report.files.flatMap((file) =>
      file.problems.map((problem) => {
        const properties = [
          `file=${escapeProperty(problem.file)}`,
          `line=${problem.line}`,
          `col=${problem.column}`,
          `endLine=${problem.endLine}`,
          `endColumn=${problem.endColumn}`,
          `title=${escapeProperty(problem.rule)}`,
        ].join(',');
        return `::${problem.severity} ${properties}::${escapeData(annotationText(problem))}`;
      }),
    ),
  );

// ---------------------------------------------------------------- junit

/** Characters XML 1.0 cannot carry at all, even as references; dropped. Lone surrogates included. */
const XML_ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(s: string, attribute = false): string {
  const escaped = s.replace(XML_ILLEGAL, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
  // A parser normalises raw whitespace in attributes to spaces; references keep it.
  // In text only CR needs it, as parsers turn CRLF into LF.
  return attribute
    ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : escaped.replace(/\r/g, '&#13;');
}

/** `line:column rule message [pointer] → hint`: one problem, as failure text and in system-out. */
function junitLine(problem: Problem): string {
  const pointer = problem.pointer === '' ? '' : ` [${problem.pointer}]`;
  const hint = problem.hint === '' ? '' : ` → ${problem.hint}`;
  return `${problem.line}:${problem.column} ${problem.rule} ${problem.message}${pointer}${hint}`;
}

/** The attributes of a test case: the file as the class, the place and rule as the name, and `file`/`line` for tools that link to the source. */
function testcase(file: string, problem?: Problem): string {
  const name = problem === undefined ? file : `${problem.line}:${problem.column} ${problem.rule}`;
  const place = problem === undefined ? '' : ` line="${problem.line}"`;
  return `<testcase classname="${escapeXml(file, true)}" name="${escapeXml(name, true)}" file="${escapeXml(file, true)}"${place}`;
}

/**
 * JUnit XML: one test suite per file and one test case per problem (Jenkins keeps only
 * the first failure of a case, as ESLint's junit formatter knows): an error is a failed
 * case, a warning a passing case with the problem in its system-out. A file without
 * problems is one passing case, so passing files are listed too.
 */
export const junitReport: Formatter = (report) => {
  const suites = report.files.map((file) => {
    const cases = file.problems.length === 0 ? [`    ${testcase(file.file)}/>`] : file.problems.map((problem) => {
      const open = `    ${testcase(file.file, problem)}>`;
      const body = problem.severity === 'error'
        ? `<failure message="${escapeXml(problem.message, true)}" type="${escapeXml(problem.rule, true)}">${escapeXml(junitLine(problem))}</failure>`
        : `<system-out>${escapeXml(junitLine(problem))}</system-out>`;
      return `${open}${body}</testcase>`;
    });
    const failures = file.problems.filter((p) => p.severity === 'error').length;
    return { file: file.file, tests: cases.length, failures, cases };
  });
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="orgfit validate" tests="${tests}" failures="${failures}" errors="0">`];
  for (const suite of suites) {
    out.push(`  <testsuite name="${escapeXml(suite.file, true)}" tests="${suite.tests}" failures="${suite.failures}" errors="0" skipped="0">`, ...suite.cases, '  </testsuite>');
  }
  out.push('</testsuites>');
  return lines(out);
};

// ---------------------------------------------------------------- sarif

/**
 * A relative URI reference for a path: Windows separators become `/`, and each
 * segment is percent-encoded (spaces, `%`, `#`, and a `:` that would read as a scheme).
 */
export function pathToUri(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** Where a file is in a SARIF log: relative to the checkout (`%SRCROOT%`), or an absolute URI. */
export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Without the CLI's knowledge of the file system: the path as given, taken as relative to the checkout. */
const asGiven = (file: string): ArtifactLocation => ({ uri: pathToUri(file), uriBaseId: SRCROOT });
/** The base GitHub code scanning and other SARIF readers resolve repository-relative URIs against. */
export const SRCROOT = '%SRCROOT%';

export const sarifReport: Formatter = (report, options) => {
  const helpUri = (ruleId: string) => (options.docs === undefined ? {} : { helpUri: `${options.docs.rules}#${ruleId}` });
  const rules = RULE_IDS.map((ruleId) => ({
    id: ruleId,
    shortDescription: { text: ruleText(options.lang, ruleId, 'description') },
    ...helpUri(ruleId),
    help: { text: generic(ruleText(options.lang, ruleId, 'hint')) },
    defaultConfiguration: { level: RULES[ruleId].severity },
  }));
  const ruleIndex = new Map<string, number>(RULE_IDS.map((ruleId, i) => [ruleId, i]));
  const locate = options.artifact ?? asGiven;

  const results = report.files.flatMap((file, artifactIndex) =>
    file.problems.map((problem) => {
      const index = ruleIndex.get(problem.rule);
      return {
        ruleId: problem.rule,
        // A rule id outside the table has no index; SARIF then matches by ruleId alone.
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: problem.severity,
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...locate(problem.file), index: artifactIndex },
              region: {
                startLine: problem.line,
                startColumn: problem.column,
                endLine: problem.endLine,
                endColumn: problem.endColumn,
              },
            },
            // The pointer names the value; "" (the whole file) names nothing beyond the artifact.
            ...(problem.pointer === '' ? {} : { logicalLocations: [{ fullyQualifiedName: problem.pointer }] }),
          },
        ],
        properties: { pointer: problem.pointer, hint: problem.hint },
      };
    }),
  );

  const driver = {
    name: 'orgfit',
    version: options.toolVersion,
    ...(options.docs === undefined ? {} : { informationUri: options.docs.tool }),
    rules,
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        // The run itself worked, whatever it found: problems are results, not a failed execution.
        invocations: [{ executionSuccessful: true }],
        artifacts: report.files.map((file) => ({ location: locate(file.file) })),
        results,
      },
    ],
  };
  return jsonText(log);
};

// ---------------------------------------------------------------- the rules

/** `orgfit validate --list-rules`: `rule-id  severity  description — hint`, aligned, sorted by id. */
export const renderRules: Renderer<readonly RuleId[]> = (ids, { lang }) => {
  const rows = ids.map((ruleId) => [
    ruleId,
    validateText(lang, `severity-${RULES[ruleId].severity}`),
    `${ruleText(lang, ruleId, 'description')} — ${generic(ruleText(lang, ruleId, 'hint'))}`,
  ]);
  return lines(columns(rows).map((row) => row.join('  ')));
};

/** `orgfit validate --list-rules --format json`: the rule table for a program. */
export const renderRulesJson: Renderer<readonly RuleId[]> = (ids, { lang }) =>
  jsonText({
    format: 'orgfit/rules@1',
    rules: ids.map((ruleId) => ({ id: ruleId, severity: RULES[ruleId].severity, description: ruleText(lang, ruleId, 'description'), hint: generic(ruleText(lang, ruleId, 'hint')) })),
  });

/**
 * The rules as a Markdown document, one section per rule (a heading that is the rule id,
 * so `#rule-id` reaches it): docs/rules.md and docs/regler.md, which SARIF's helpUri names.
 */
export const renderRulesMarkdown: Renderer<readonly RuleId[]> = (ids, { lang }) => {
  const say = (id: ValidateId) => validateText(lang, id);
  const out = [`# ${say('rules-title')}`, '', say('rules-intro'), ''];
  for (const ruleId of ids) {
    out.push(
      `## ${ruleId}`,
      '',
      ruleText(lang, ruleId, 'description'),
      '',
      `- ${say('rules-severity')}: ${validateText(lang, `severity-${RULES[ruleId].severity}`)}`,
      `- ${say('rules-fix')}: ${generic(ruleText(lang, ruleId, 'hint'))}`,
      '',
    );
  }
  return lines(out.slice(0, -1));
};

/** A hint outside any one problem (given no parameters, it keeps its placeholders): they become <name> (e.g. "Add <property>"). */
function generic(hint: string): string {
  return hint.replace(/\{(\w+)\}/g, '<$1>');
}
