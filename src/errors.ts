/** The exit codes orgfit uses, and only these (ESLint, Spectral and knip use the same). */
export const EXIT = {
  ok: 0,
  /** An input file is invalid, or validation found errors. */
  invalid: 1,
  /** The command line is wrong: unknown command or option, missing file. */
  usage: 2,
  /** A bug in orgfit: reported without a stack trace (unless ORGFIT_DEBUG), like a usage error. */
  internal: 2,
  /** The user cancelled a prompt (shell convention: 128 + SIGINT). */
  cancelled: 130,
} as const;

/** A mistake in how orgfit was called: reported in one line, exit 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input that exists but is not valid, already reported to standard error: exit 1. */
export class InvalidInput extends Error {
  override name = 'InvalidInput';
}
