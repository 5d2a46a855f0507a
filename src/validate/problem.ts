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

/** The outcome for one file; a file with no problems is listed too (JUnit lists passing files). */
export interface FileResult {
  file: string;
  /** What kind of orgfit file it is, when that could be told. */
  kind?: string;
  problems: Problem[];
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
      if (problem.severity === 'error') errorCount++;
      else warningCount++;
    }
  }
  return { files, errorCount, warningCount };
}
