import type { Stats } from 'node:fs';
import { cliText, type CliId } from '../i18n/cli.js';
import type { Lang } from '../i18n/lang.js';

/** The system's error codes orgfit explains in words (the cli catalog's `reason-<code>`). */
const REASONS: Partial<Record<string, CliId>> = {
  ENOENT: 'reason-enoent',
  ENOTDIR: 'reason-enotdir',
  ELOOP: 'reason-eloop',
  EACCES: 'reason-eacces',
  EPERM: 'reason-eperm',
  EISDIR: 'reason-eisdir',
  ENAMETOOLONG: 'reason-enametoolong',
  ENOSPC: 'reason-enospc',
  EDQUOT: 'reason-edquot',
  EFBIG: 'reason-efbig',
  EROFS: 'reason-erofs',
  EIO: 'reason-eio',
  EMFILE: 'reason-emfile',
  EBUSY: 'reason-ebusy',
};

/** Why a file-system call failed, in words, with the system's code for searching: "the disk is full (ENOSPC)". */
export function fsReason(code: string | undefined, error: unknown, lang: Lang): string {
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const id = REASONS[code];
  return id ? `${cliText(lang, id)} (${code})` : code;
}

/** What a file that is not a regular file is: the id of its noun phrase in the cli catalog. */
export function fileKind(stats: Stats): CliId {
  if (stats.isFIFO()) return 'file-kind-fifo';
  if (stats.isCharacterDevice()) return 'file-kind-character-device';
  if (stats.isBlockDevice()) return 'file-kind-block-device';
  if (stats.isSocket()) return 'file-kind-socket';
  if (stats.isDirectory()) return 'file-kind-folder';
  return 'file-kind-other';
}

/** `"x" is not a regular file but a named pipe (FIFO); …`: for reads and writes alike. */
export function notRegularFile(path: string, kind: CliId, lang: Lang): string {
  return cliText(lang, 'not-regular-file', { path, kind: { message: kind } });
}
