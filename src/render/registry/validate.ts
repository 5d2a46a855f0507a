import type { ValidationReport } from '../../validate/problem.js';
import type { Registry } from '../renderer.js';
import { githubReport, jsonReport, junitReport, sarifReport, textReport, type ReportOptions } from '../validation.js';

/** `orgfit validate --format …`: the problems found, for a person or for CI. */
export default { text: textReport, json: jsonReport, github: githubReport, junit: junitReport, sarif: sarifReport } satisfies Registry<'validate', ValidationReport, ReportOptions>;
