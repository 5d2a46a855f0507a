import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The content hash that tells a built-in model file unchanged since the build checked it. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What the build records of the built-in model files it checked and found without a problem. */
export interface CheckedModels {
  /** File name in models/ → sha256 of its bytes. */
  files: Record<string, string>;
}

/**
 * True when the named model files are exactly the ones the build checked without a
 * problem (the record at `recordPath`), byte for byte; false when anything differs or
 * the record is missing (the build found a problem, or an older build).
 */
export function unchangedSinceBuild(dir: string, names: readonly string[], recordPath: string): boolean {
  let record: CheckedModels;
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8')) as CheckedModels;
  } catch {
    return false;
  }
  const files = record.files ?? {};
  if (Object.keys(files).length !== names.length) return false;
  return names.every((name) => {
    const hash = Object.hasOwn(files, name) ? files[name] : undefined;
    if (hash === undefined) return false;
    try {
      return sha256(readFileSync(join(dir, name))) === hash;
    } catch {
      return false;
    }
  });
}
