/**
 * @module http/error-handler
 * The single way an error leaves the server: `{error: {code, message, details?}}` with the status of its code.
 * Route handlers, fastify's own request errors, unknown routes and malformed URLs all end here, so a client
 * never sees a second error shape. Only INTERNAL errors (bugs) are reported to the operator.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { quote, StudioError } from "../core/errors.js";
import { statusOf } from "./status-of.js";
import { toHttpError } from "./to-http-error.js";

export type BugReporter = (err: unknown, request: { method: string; url: string }) => void;
export type AbortReporter = (request: { method: string; url: string }) => void;

export const reportToStderr: BugReporter = (err, request) => {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`internal error on ${request.method} ${request.url}: ${text}\n`);
};

export function sendError(reply: FastifyReply, error: StudioError): FastifyReply {
  if (error.code === "UNAUTHORIZED") reply.header("www-authenticate", 'Bearer realm="studio"');
  return reply
    .code(statusOf(error.code))
    .type("application/json; charset=utf-8")
    .send({ error: error.toJSON() });
}

/**
 * The client closed the connection before its request was whole (it gave up mid-upload, or the request timed
 * out and was answered 408): the body stream fails with "aborted". Its own doing, not a bug.
 */
function clientWentAway(err: unknown, request: FastifyRequest): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "ECONNRESET" && (request.raw.destroyed || request.raw.socket?.destroyed === true);
}

export function handleError(
  err: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  report: BugReporter,
  reportAbort?: AbortReporter,
) {
  if (clientWentAway(err, request)) {
    reportAbort?.(request);
    // Nobody is left to read an answer; this one only lets fastify finish the request.
    return sendError(
      reply,
      new StudioError("CONFIG_INVALID", "the client closed the connection mid-request"),
    );
  }
  const error = toHttpError(err, {
    query: request.query,
    params: request.params,
    headers: request.headers,
    body: request.body,
    contentType: request.headers["content-type"],
  });
  if (error.code === "INTERNAL") report(err, request);
  return sendError(reply, error);
}

/** Installs the error, not-found and framework-error handlers on `app`. */
export function installErrorHandling(
  app: FastifyInstance,
  report: BugReporter = reportToStderr,
  reportAbort?: AbortReporter,
): void {
  app.setErrorHandler((err, request, reply) => handleError(err, request, reply, report, reportAbort));
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new StudioError("NOT_FOUND", `no route ${request.method} ${quote(request.url, 200)}`)),
  );
}

/** For fastify's `frameworkErrors` option: malformed URLs and over-long params, before any route runs. */
export function frameworkErrorHandler(err: Error, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, new StudioError("CONFIG_INVALID", err.message));
}
