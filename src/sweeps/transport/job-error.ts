/**
 * @module sweeps/transport/job-error
 * StudioErrors across BullMQ: a job fails with a plain message, so the worker writes `CODE: message` and the
 * coordinator reads the code back. Errors no retry can fix (a plugin mismatch, a job for other code) become
 * BullMQ's UnrecoverableError, so the job fails at once instead of spending its attempts.
 */
import { UnrecoverableError } from "bullmq";
import { ERROR_CODES, type ErrorCode, StudioError, toStudioError } from "../../core/errors.js";

const FINAL: ReadonlySet<string> = new Set(["PLUGIN_INVALID", "CONFIG_INVALID", "INTEGRITY_MISMATCH"]);

export function toJobError(err: unknown): Error {
  const e = toStudioError(err);
  const message = `${e.code}: ${e.message}`;
  return FINAL.has(e.code) ? new UnrecoverableError(message) : new Error(message);
}

export function fromJobError(reason: string, context: string): StudioError {
  const match = /^([A-Z_]+): ([\s\S]*)$/.exec(reason);
  const code =
    match && (ERROR_CODES as readonly string[]).includes(match[1]!) ? (match[1] as ErrorCode) : "INTERNAL";
  return new StudioError(code, `${context}: ${match ? match[2] : reason}`);
}
