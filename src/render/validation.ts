import { validateText, type ValidateId } from '../i18n/validate.js';
import type { Params } from '../i18n/catalog.js';
import type { Renderer } from './renderer.js';
import { pad, visible, width } from './text.js';
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
  return `${JSON.stringify(document, null, 2)}\n`;
};

// ---------------------------------------------------------------- github

/** As `escapeData` in @actions/core: the runner decodes exactly these. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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

export const junitReport: Formatter = (report) => {
  const tests = report.files.length;
  // One test case per file, so `failures` counts failing files, never more than `tests`.
  const failures = report.files.filter((file) => file.problems.some((p) => p.severity === 'error')).length;
  const counts = `tests="${tests}" failures="${failures}" errors="0"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="orgfit validate" ${counts}>`,
    `  <testsuite name="orgfit validate" ${counts} skipped="0">`,
  ];
  for (const file of report.files) {
    const name = escapeXml(file.file, true);
    const open = `    <testcase classname="${name}" name="${name}"`;
    if (file.problems.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    for (const problem of file.problems.filter((p) => p.severity === 'error')) {
      out.push(
        `      <failure message="${escapeXml(problem.message, true)}" type="${escapeXml(problem.rule, true)}">` +
          `${escapeXml(junitLine(problem))}</failure>`,
      );
    }
    // Warnings do not fail the test but should still be seen in the CI report.
    const warnings = file.problems.filter((p) => p.severity === 'warning');
    if (warnings.length > 0) {
      out.push(`      <system-out>${escapeXml(warnings.map(junitLine).join('\n'))}</system-out>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return lines(out);
};

// ---------------------------------------------------------------- sarif

/**
 * A relative URI reference for a path: Windows separators become `/`, and each
 * segment is percent-encoded (spaces, `%`, `#`, and a `:` that would read as a scheme).
 */
function pathToUri(path: string): string {
  return path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

export const sarifReport: Formatter = (report, options) => {
  const rules = RULE_IDS.map((ruleId) => ({
    id: ruleId,
    shortDescription: { text: ruleText(options.lang, ruleId, 'description') },
    help: { text: generic(ruleText(options.lang, ruleId, 'hint')) },
    defaultConfiguration: { level: RULES[ruleId].severity },
  }));
  const ruleIndex = new Map<string, number>(RULE_IDS.map((ruleId, i) => [ruleId, i]));

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
              artifactLocation: { uri: pathToUri(problem.file), index: artifactIndex },
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

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'orgfit', version: options.toolVersion, rules } },
        artifacts: report.files.map((file) => ({ location: { uri: pathToUri(file.file) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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

/** A hint outside any one problem (given no parameters, it keeps its placeholders): they become <name> (e.g. "Add <property>"). */
function generic(hint: string): string {
  return hint.replace(/\{(\w+)\}/g, '<$1>');
}
