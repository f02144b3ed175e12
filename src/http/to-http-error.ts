/**
 * @module http/to-http-error
 * Everything a request can throw, as a StudioError with a stable code: the studio's own errors pass through,
 * fastify's request errors (bad JSON, wrong content type, oversize body, schema validation of query and path)
 * become CONFIG_INVALID or LIMIT_EXCEEDED with the same `details.issues` shape the config validator uses, and
 * anything else is INTERNAL, a bug.
 */
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { quote, StudioError, toStudioError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  validationContext?: string;
}

/** What the converter reads from the request: the parts a validation issue may point into. */
export interface RequestParts {
  readonly query?: unknown;
  readonly params?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly contentType?: string;
}

export function toHttpError(err: unknown, request: RequestParts): StudioError {
  // toStudioError keeps coded errors, and re-codes an INTERNAL wrapper whose cause is a full disk.
  if (err instanceof StudioError) return toStudioError(err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = err.validationContext ?? "request";
    const source = partOf(request, part);
    const issues = err.validation.map((v) => {
      const keys = v.instancePath.split("/").filter((k) => k !== "");
      return {
        path: [part, ...keys].join("."),
        message: v.message ?? "invalid",
        value: valueAt(source, keys),
      };
    });
    const message = issues.map((i) => `${i.path}: ${i.message} (got ${quote(i.value)})`).join("; ");
    return new StudioError("CONFIG_INVALID", message, { issues });
  }
  const e = err as FastifyLikeError;
  if (typeof e?.code === "string" && e.code.startsWith("FST_")) {
    if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return new StudioError(
        "LIMIT_EXCEEDED",
        `request body is larger than the limit of ${LIMITS.maxBodyBytes} bytes`,
        { limit_bytes: LIMITS.maxBodyBytes },
      );
    }
    if (e.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return new StudioError(
        "CONFIG_INVALID",
        `request bodies must be JSON (Content-Type: application/json), got ${quote(request.contentType ?? "")}`,
      );
    }
    if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
      return new StudioError("CONFIG_INVALID", e.message);
    }
  }
  return toStudioError(err);
}

function partOf(request: RequestParts, part: string): unknown {
  if (part === "querystring") return request.query;
  if (part === "params") return request.params;
  if (part === "headers") return request.headers;
  if (part === "body") return request.body;
  return undefined;
}

function valueAt(source: unknown, keys: readonly string[]): unknown {
  let cur = source;
  for (const key of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
