import { fileURLToPath } from 'node:url';

// This module sits one level below the package root both as source (src/paths.ts)
// and when bundled (dist/*.js), so the same relative URLs work in tests and in use.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILTIN_MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));
export const KB_JSON = fileURLToPath(new URL('../dist/kb.json', import.meta.url));
/** The sha256 of each built-in model file that the build checked and found without a problem. */
export const BUILTIN_MODELS_JSON = fileURLToPath(new URL('../dist/builtin-models.json', import.meta.url));
// The version comes from package.json, put in by the build (scripts/build.mjs) and by vitest.config.ts.
declare const __ORGFIT_VERSION__: string;
export const VERSION: string = __ORGFIT_VERSION__;
