import type { Issue, MessageRef } from '../core/issue.js';
import { FILE_KINDS, FILE_KIND_IDS, kindOfFormat, type FileKind, type FileValue } from '../schema/kinds.js';
import { parseYaml, type Parsed } from './parse.js';
import { schemaIssues } from './schema-issues.js';
import type { SourceFile } from './source.js';

/** A file that has been parsed and checked against the schema of its kind. */
export interface CheckedFile<K extends FileKind = FileKind> {
  source: SourceFile;
  parsed: Parsed;
  kind: K | undefined;
  /** The typed value, present only when the file parsed cleanly and the schema passed. */
  value: FileValue[K] | undefined;
  /** The parsed data of a known kind, whether or not the schema passed (for the tolerant semantic checks). */
  data?: unknown;
  issues: Issue[];
}

/**
 * Bytes to a typed value, with every issue found on the way: parse, tell the kind
 * (from `format:`, else `expect`), check against its schema.
 */
export function checkFile<K extends FileKind>(source: SourceFile, expect: K): CheckedFile<K>;
export function checkFile(source: SourceFile, expect?: FileKind): CheckedFile;
export function checkFile(source: SourceFile, expect?: FileKind): CheckedFile {
  const parsed = parseYaml(source.bytes, source.size, source.sizeIsLowerBound);
  const issues: Issue[] = [...parsed.issues];
  const result: CheckedFile = { source, parsed, kind: undefined, value: undefined, issues };
  // Every issue the parser reports is an error: without a value there is nothing more to check.
  if (parsed.value === undefined && issues.length > 0) return result;
  const data = parsed.value;
  const format = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).format : undefined;
  const kind = kindOfFormat(format) ?? expect;
  if (!kind) {
    const expected = FILE_KIND_IDS.map((k) => FILE_KINDS[k].format).join(', ');
    issues.push({ rule: 'file-kind', path: format === undefined ? [] : ['format'], params: { found: format === undefined ? { message: 'missing' } : JSON.stringify(format), expected, ...kindHint('model') } });
    return result;
  }
  result.kind = kind;
  if (expect && kind !== expect) {
    issues.push({ rule: 'file-kind', path: ['format'], params: { found: JSON.stringify(format), expected: FILE_KINDS[expect].format, ...kindHint(expect) } });
    return result;
  }
  const found = schemaIssues(FILE_KINDS[kind].schema, data);
  // One at a time: a file of 100,000 unknown keys has as many issues, past what a spread's arguments can hold.
  for (const issue of found) issues.push(issue);
  result.data = data;
  if (found.length === 0 && parsed.issues.length === 0) result.value = data as FileValue[FileKind];
  return result;
}

/** What a kind of file is called, as the file-kind hint names it ("a model file"). */
export function kindName(kind: FileKind | undefined): MessageRef {
  return { message: kind ? `kind-${kind}` : 'kind-unknown' };
}

/** Parameters for the file-kind hint: what the expected kind of file begins with. */
function kindHint(kind: FileKind): { kind: MessageRef; example: string } {
  return { kind: kindName(kind), example: FILE_KINDS[kind].format };
}
