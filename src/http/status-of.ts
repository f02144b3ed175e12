/**
 * @module http/status-of
 * The one place where error codes become HTTP statuses. Codes are the public contract (the CLI prints the same
 * ones); statuses are how HTTP clients branch. Only INTERNAL is a 500: anything a user can cause is a 4xx, so a
 * 500 in a log always means a bug. The other 5xx say the fault is the environment's: an upstream provider (502)
 * or a full disk (507).
 */
import type { ErrorCode } from "../core/errors.js";

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  CONFIG_INVALID: 400,
  DATA_NOT_FOUND: 404,
  DATA_INVALID: 400,
  // A provider that is down is the upstream's failure, not ours: 502 tells a client to retry later.
  PROVIDER_UNAVAILABLE: 502,
  INSUFFICIENT_DATA: 422,
  LIMIT_EXCEEDED: 413,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  // Stored artifacts disagree with their manifest: the state conflicts with what the database vouches for.
  INTEGRITY_MISMATCH: 409,
  UNAUTHORIZED: 401,
  // 403 rather than 421: browsers and proxies treat 421 as "retry on another connection".
  HOST_NOT_ALLOWED: 403,
  CANCELLED: 409,
  INTERRUPTED: 409,
  // Both are the user's own code failing, not the studio's: a 5xx would say "our bug". 422 = the request was
  // understood but the plugin it names cannot process it.
  PLUGIN_INVALID: 422,
  PLUGIN_FAILED: 422,
  // 507 Insufficient Storage: the server cannot store what the request needs; retrying after freeing space works.
  STORAGE_FULL: 507,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS_OF[code] ?? 500;
}
