/** Parameters of a message: plain values, or a text in both languages. */
export type Params = Record<string, string | number | { nb: string; en: string }>;

/** A path into a parsed file, as JSON keys and array indices. */
export type Path = readonly (string | number)[];

/**
 * What a check found, before it is placed in a file and put into words.
 * `rule` is a stable id (see src/validate/rules.ts); `params` fill the
 * rule's message template in either language.
 */
export interface Issue {
  rule: string;
  path: Path;
  params?: Params;
  /** Point at the key of the last path segment rather than its value. */
  atKey?: boolean;
}

/** RFC 6901 JSON pointer for a path. */
export function toPointer(path: Path): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
