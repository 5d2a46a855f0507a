/** Files larger than this are refused before parsing: no orgfit file comes near it. */
export const MAX_BYTES = 2 * 1024 * 1024;

/** How standard input is named in messages. */
export const STDIN = '<stdin>';

/** One file's bytes as read, before anything is parsed. */
export interface SourceFile {
  /** The path as the user named it; used in every message. */
  path: string;
  bytes: Uint8Array;
  /** The file's size when it was too large to read (bytes is then empty). */
  size?: number;
  /** The size is only what was read before stopping (standard input, a growing file): the file is at least this large. */
  sizeIsLowerBound?: boolean;
}
