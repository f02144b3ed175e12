/**
 * @module http/guards/client-error
 * Requests that never reach a route: the HTTP parser refused them (a malformed request line, Content-Length
 * together with Transfer-Encoding, headers over the size limit) or the client was too slow (headers or body not
 * received in time). Node hands these to the server's `clientError` listener with the bare socket; the answer
 * is written there, in the API's one error shape, and the connection closed, since the stream can no longer be
 * trusted to hold a next request.
 */
import { maxHeaderSize, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { StudioError } from "../../core/errors.js";
import type { HttpTimeouts } from "../defaults.js";

interface ParserError extends Error {
  code?: string;
  reason?: string;
}

/** The status and error for a protocol-level failure. */
export function clientErrorOf(err: ParserError, timeouts: HttpTimeouts): [number, StudioError] {
  if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return [
      408,
      new StudioError(
        "LIMIT_EXCEEDED",
        `the request was not received in time (head within ${timeouts.headersMs} ms, whole request within ${timeouts.requestMs} ms)`,
        { headers_timeout_ms: timeouts.headersMs, request_timeout_ms: timeouts.requestMs },
      ),
    ];
  }
  if (err.code === "HPE_HEADER_OVERFLOW") {
    const error = new StudioError(
      "LIMIT_EXCEEDED",
      `request headers are larger than the limit of ${maxHeaderSize} bytes`,
      { limit_bytes: maxHeaderSize },
    );
    return [431, error];
  }
  const reason = err.reason ?? err.message;
  return [
    400,
    new StudioError("CONFIG_INVALID", `malformed HTTP request (${err.code ?? "parse error"}): ${reason}`),
  ];
}

/** For fastify's `clientErrorHandler`: answers in the error shape unless a response already started. */
export function answerClientError(err: ParserError, socket: Socket, timeouts: HttpTimeouts): void {
  // A reset connection, or one already closed, has nobody left to answer.
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && inFlight?.headersSent !== true) {
    const [status, error] = clientErrorOf(err, timeouts);
    const body = JSON.stringify({ error: error.toJSON() });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
