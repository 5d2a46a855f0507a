import type { MessageRef as CatalogRef, Params as CatalogParams } from '../i18n/catalog.js';
import type { ValidateId } from '../i18n/validate.js';

/**
 * Parameters of a rule's message: plain values (ids, numbers, data), a text from the
 * data in every language, or a reference to another message of the validate catalog,
 * which the renderer puts into words (the core itself says nothing).
 */
export type Params = CatalogParams<ValidateId>;
export type MessageRef = CatalogRef<ValidateId>;

/** A path into a parsed file, as JSON keys and array indices. */
export type Path = readonly (string | number)[];

/**
 * What a check found, before it is placed in a file and put into words.
 * `rule` is a stable id (see src/validate/rules.ts); `params` fill the
 * rule's message template in the reader's language.
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
