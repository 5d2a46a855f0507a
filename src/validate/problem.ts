import type { Severity } from './rules.js';

/** One problem in one file, placed and put into words: what every output format renders. */
export interface Problem {
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  rule: string;
  severity: Severity;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** RFC 6901 JSON pointer to the value within the file ("" for the whole file). */
  pointer: string;
  message: string;
  hint: string;
}

/** The rule id of the last problem of a file with too many to list: it counts the rest. */
export const MORE_PROBLEMS = 'more-problems';

/** The outcome for one file; a file with no problems is listed too (JUnit lists passing files). */
export interface FileResult {
  file: string;
  /** What kind of orgfit file it is, when that could be told. */
  kind?: string;
  problems: Problem[];
  /** Problems found but not listed (a MORE_PROBLEMS problem says how many); counted in the report. */
  omitted?: { errors: number; warnings: number };
}

export interface ValidationReport {
  files: FileResult[];
  errorCount: number;
  warningCount: number;
}

export function summarise(files: FileResult[]): ValidationReport {
  let errorCount = 0;
  let warningCount = 0;
  for (const file of files) {
    for (const problem of file.problems) {
      if (problem.rule === MORE_PROBLEMS) continue;
      if (problem.severity === 'error') errorCount++;
      else warningCount++;
    }
    errorCount += file.omitted?.errors ?? 0;
    warningCount += file.omitted?.warnings ?? 0;
  }
  return { files, errorCount, warningCount };
}
