import type { Stats } from 'node:fs';
import { fill, type Bilingual, type Lang } from '../i18n/lang.js';

// words: move to the catalog
const WORDS = {
  notRegular: {
    nb: '«{path}» er ikke en vanlig fil, men {kind}; oppgi en .yaml-fil',
    en: '"{path}" is not a regular file but {kind}; give a .yaml file',
  },
  fifo: { nb: 'en navngitt rørledning (FIFO)', en: 'a named pipe (FIFO)' },
  characterDevice: { nb: 'en tegnenhet', en: 'a character device' },
  blockDevice: { nb: 'en blokkenhet', en: 'a block device' },
  socket: { nb: 'en sokkel', en: 'a socket' },
  folder: { nb: 'en mappe', en: 'a folder' },
  other: { nb: 'en spesiell fil', en: 'a special file' },
} satisfies Record<string, Bilingual>;

// words: move to the catalog
const REASONS: Record<string, Bilingual> = {
  ENOENT: { nb: 'mappen finnes ikke', en: 'the folder does not exist' },
  ENOTDIR: { nb: 'en del av stien er ikke en mappe', en: 'a part of the path is not a folder' },
  ELOOP: { nb: 'symbolske lenker går i ring', en: 'symbolic links go round in a loop' },
  EACCES: { nb: 'ingen tilgang', en: 'permission denied' },
  EPERM: { nb: 'ikke tillatt', en: 'not permitted' },
  EISDIR: { nb: 'det er en mappe', en: 'it is a folder' },
  ENAMETOOLONG: { nb: 'navnet er for langt', en: 'the name is too long' },
  ENOSPC: { nb: 'disken er full', en: 'the disk is full' },
  EDQUOT: { nb: 'diskkvoten er brukt opp', en: 'the disk quota is used up' },
  EFBIG: { nb: 'filen blir større enn grensen for filstørrelse (ulimit -f)', en: 'the file would pass the file size limit (ulimit -f)' },
  EROFS: { nb: 'filsystemet er skrivebeskyttet', en: 'the file system is read-only' },
  EIO: { nb: 'inn/ut-feil på disken', en: 'an input/output error on the disk' },
  EMFILE: { nb: 'for mange åpne filer', en: 'too many open files' },
  EBUSY: { nb: 'filen er opptatt', en: 'the file is busy' },
};

/** Why a file-system call failed, in words, with the system's code for searching: "the disk is full (ENOSPC)". */
export function fsReason(code: string | undefined, error: unknown, lang: Lang): string {
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const words = REASONS[code];
  return words ? `${words[lang]} (${code})` : code;
}

/** What a file that is not a regular file is, as a noun phrase. */
export function fileKind(stats: Stats, lang: Lang): string {
  const kind = stats.isFIFO()
    ? WORDS.fifo
    : stats.isCharacterDevice()
      ? WORDS.characterDevice
      : stats.isBlockDevice()
        ? WORDS.blockDevice
        : stats.isSocket()
          ? WORDS.socket
          : stats.isDirectory()
            ? WORDS.folder
            : WORDS.other;
  return kind[lang];
}

/** `"x" is not a regular file but a named pipe (FIFO); …`: for reads and writes alike. */
export function notRegularFile(path: string, kind: string, lang: Lang): string {
  return fill(WORDS.notRegular[lang], { path, kind });
}

export const SOCKET = WORDS.socket;
