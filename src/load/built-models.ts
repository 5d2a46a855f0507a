import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the build records of the built-in model files it checked and found without a
 * problem: their bytes, which `validate` compares with the files as they are now. A copy,
 * not a content hash, because comparing bytes is both exact and the cheapest check there
 * is: sha256 loads node:crypto (about 4 ms, a sixth of Node's own start, on every
 * `validate` in CI), and any hash written in JavaScript runs interpreted once per start
 * (about 3 ms for the six files); Buffer.equals is a memcmp.
 */
export interface CheckedModels {
  /** File name in models/ → its bytes, base64. */
  files: Record<string, string>;
}

/** The record of these files, for the build to write. */
export function checkedModels(files: readonly { name: string; bytes: Uint8Array }[]): CheckedModels {
  return { files: Object.fromEntries(files.map(({ name, bytes }) => [name, Buffer.from(bytes).toString('base64')])) };
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
  if (typeof files !== 'object' || Object.keys(files).length !== names.length) return false;
  return names.every((name) => {
    const checked = Object.hasOwn(files, name) ? files[name] : undefined;
    if (typeof checked !== 'string') return false;
    try {
      return readFileSync(join(dir, name)).equals(Buffer.from(checked, 'base64'));
    } catch {
      return false;
    }
  });
}
