/**
 * @module core/errors
 * One error class for the whole studio. Every failure a user can see carries a stable `code` (part of the public
 * contract: the CLI prints it, the HTTP layer maps it to a status) and a message that quotes the offending value.
 * HTTP statuses never appear here; `src/http` owns that mapping.
 */

export const ERROR_CODES = [
  /** The run configuration (or a CLI/HTTP argument) is malformed; `details.issues` lists each path and value. */
  "CONFIG_INVALID",
  /** A requested symbol/file/range has no data. */
  "DATA_NOT_FOUND",
  /** Input data is malformed (bad CSV line, non-positive price, high < low, ...). */
  "DATA_INVALID",
  /** A remote data provider could not be reached or kept failing after retries. */
  "PROVIDER_UNAVAILABLE",
  /** There are too few bars for the requested computation (warm-up, windows, partitions). */
  "INSUFFICIENT_DATA",
  /** A limit that protects the machine was exceeded (request body, resamplings, bars). */
  "LIMIT_EXCEEDED",
  /** A run, preset or artifact does not exist. */
  "NOT_FOUND",
  /** The requested state change is not allowed (e.g. cancelling a completed run). */
  "INVALID_TRANSITION",
  /** Artifacts on disk do not match their manifest or the database. */
  "INTEGRITY_MISMATCH",
  /** Missing or wrong bearer token. */
  "UNAUTHORIZED",
  /** The Host header is not an allowed name (DNS-rebinding defence). */
  "HOST_NOT_ALLOWED",
  /** The run was cancelled by the user. */
  "CANCELLED",
  /** The process stopped while the run was running; start-up recovery marked it. */
  "INTERRUPTED",
  /**
   * A plugin file or definition cannot be used: it does not load or export a valid definition, its name clashes
   * with another plugin's (both origins named), its code changed while a run used it, or it leaks the future.
   */
  "PLUGIN_INVALID",
  /**
   * A user plugin failed while computing: it threw, wrote a non-finite target, or returned an output that is
   * missing or of the wrong length. The message names the plugin and the first bad bar.
   */
  "PLUGIN_FAILED",
  /**
   * The disk (or the user's quota) is full: a file write failed with ENOSPC / EDQUOT, or SQLite answered
   * "database or disk is full". Not a bug and not the input's fault: free some space and try again.
   */
  "STORAGE_FULL",
  /** A bug: anything not anticipated above. */
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class StudioError extends Error {
  override readonly name = "StudioError";
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }

  /** The JSON shape the CLI (`--json`) and the HTTP API print: `{code, message, details?}`. */
  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Error codes Node and SQLite use for "no space left": the file system, the user's quota, the database. */
const STORAGE_FULL_CODES: ReadonlySet<string> = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);

/** The error (or one of its causes) that says the disk is full, if any. */
export function storageFullCause(err: unknown): Error | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 8 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_FULL_CODES.has(code)) return e;
    e = e.cause;
  }
  return undefined;
}

/**
 * Wraps anything thrown into a StudioError, keeping StudioErrors as they are. A full disk is recognized wherever
 * it surfaces (directly, or as the cause of an INTERNAL wrapper), so it is never reported as a bug.
 */
export function toStudioError(err: unknown): StudioError {
  if (err instanceof StudioError && err.code !== "INTERNAL") return err;
  const full = storageFullCause(err);
  if (full) {
    return new StudioError(
      "STORAGE_FULL",
      `storage is full (${full.message}); free some disk space and try again`,
      {
        errno: (full as { code?: string }).code,
      },
      { cause: err },
    );
  }
  if (err instanceof StudioError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StudioError("INTERNAL", message, undefined, { cause: err });
}

/** Renders a value for an error message: short, JSON-like, never throws. */
export function quote(value: unknown, max = 80): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
