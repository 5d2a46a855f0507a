import { rmSync, unlinkSync } from 'node:fs';

/**
 * The temporary files being written now (by ./write.ts), so that the bin shim's signal
 * handlers can remove them. A module of its own: the shim loads it at start-up, and it
 * must cost nothing there.
 */
export const liveTemporaries = new Set<string>();
/** The temporary folders in use now (the PDF printer's page and browser profile), removed with them. */
export const liveTemporaryFolders = new Set<string>();

/** Removes every temporary file still being written (for SIGINT, SIGTERM, SIGHUP and exit). Never throws. */
export function removeLiveTemporaries(): void {
  for (const path of liveTemporaries) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  liveTemporaries.clear();
  for (const folder of liveTemporaryFolders) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // cannot be removed now: nothing else to do on the way out
    }
  }
  liveTemporaryFolders.clear();
}
