import type { KbIssue } from '../core/integrity.js';
import type { KbIndex } from '../core/kb.js';
import { closest } from '../core/suggest.js';
import type { Finding } from '../schema/index.js';

/**
 * Checks of the findings that the core's cross-file checks do not make: every finding a
 * finding says it is backed by (`backedBy`) exists. Reported like any other citation of a
 * finding that does not exist.
 */
export function checkFindingBacking(findings: readonly Finding[], index: KbIndex): KbIssue[] {
  const issues: KbIssue[] = [];
  findings.forEach((finding, i) => {
    (finding.backedBy ?? []).forEach((id, j) => {
      if (index.findings.has(id)) return;
      const near = closest(id, index.findings.keys());
      const suggestion = near ? { nb: ` (mente du «${near}»?)`, en: ` (did you mean "${near}"?)` } : { nb: '', en: '' };
      issues.push({ file: 'findings', rule: 'unknown-finding', path: ['findings', i, 'backedBy', j], params: { id, suggestion } });
    });
  });
  return issues;
}
