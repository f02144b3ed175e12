/**
 * Slow and broken clients over bare sockets: each gets an answer in the API's error shape and a closed
 * connection, within the (here shortened) time limits, and a client that gives up mid-upload is not a bug.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUTS } from "../defaults.js";
import { call } from "../test-support/api-client.js";
import { abortMidBody, exchange } from "../test-support/raw-socket.js";
import { startTestServer, type TestServer } from "../test-support/start-test-server.js";

const bugs: unknown[] = [];
let aborted: (url: string) => void = () => {};
let t: TestServer;
let host: string;

beforeAll(async () => {
  t = await startTestServer({
    // Short enough to keep the test fast, long enough that a loaded machine still sends a request in time.
    timeouts: { headersMs: 500, requestMs: 500, checkIntervalMs: 50 },
    reportBug: (err) => bugs.push(err),
    reportAbort: (request) => aborted(request.url),
  });
  host = `Host: 127.0.0.1:${t.port}\r\n`;
});
afterAll(() => t.close());

interface ErrorDoc {
  error: { code: string; message: string };
}

function expectErrorShape(body: unknown, code: string): ErrorDoc["error"] {
  expect(Object.keys(body as object), "the documented {error: {code, message, details?}} shape").toEqual([
    "error",
  ]);
  const error = (body as ErrorDoc).error;
  expect(error).toMatchObject({ code, message: expect.any(String) });
  expect(Object.keys(error).every((k) => ["code", "message", "details"].includes(k))).toBe(true);
  return error;
}

describe("protocol-level errors", () => {
  it("answers 408 LIMIT_EXCEEDED to a body shorter than its Content-Length, and closes", async () => {
    const head = `POST /api/runs HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    const res = await exchange(t.url, `${head}{"symb`);
    expect(res.status, res.response).toBe(408);
    expect(expectErrorShape(res.body, "LIMIT_EXCEEDED").message).toMatch(/500 ms/);
  });

  it("answers 408 to request headers that never end", async () => {
    const res = await exchange(t.url, `GET /api/health HTTP/1.1\r\n${host}X-Slow: 1\r\n`);
    expect(res.status, res.response).toBe(408);
    expectErrorShape(res.body, "LIMIT_EXCEEDED");
  });

  it("answers 400 CONFIG_INVALID to a malformed request line", async () => {
    const res = await exchange(t.url, "GARBAGE\r\n\r\n");
    expect(res.status, res.response).toBe(400);
    expect(expectErrorShape(res.body, "CONFIG_INVALID").message).toMatch(/malformed HTTP request/);
  });

  it("answers 400 CONFIG_INVALID to Content-Length together with Transfer-Encoding (request smuggling)", async () => {
    const res = await exchange(
      t.url,
      `POST /api/runs HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 5\r\n` +
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    );
    expect(res.status, res.response).toBe(400);
    expectErrorShape(res.body, "CONFIG_INVALID");
  });

  it("answers 431 LIMIT_EXCEEDED to oversized headers", async () => {
    const res = await exchange(
      t.url,
      `GET /api/health HTTP/1.1\r\n${host}X-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(res.status, res.response).toBe(431);
    expect(expectErrorShape(res.body, "LIMIT_EXCEEDED").message).toMatch(/headers/);
  });

  it("does not report a client that aborts its body as an internal error", async () => {
    const seen = new Promise<string>((resolve) => {
      aborted = resolve;
    });
    const head = `PUT /api/presets/half HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
    await abortMidBody(t.url, head, '{"symbol":');
    expect(await seen).toBe("/api/presets/half");
    expect(bugs, "nothing reached the bug reporter").toEqual([]);
  });

  it("keeps serving well-formed requests", async () => {
    expect((await call(t.url, "GET", "/api/health")).status).toBe(200);
    expect(bugs).toEqual([]);
  });
});

describe("default time limits", () => {
  it("bound the request head and the whole request on a server built without options", async () => {
    const plain = await startTestServer();
    try {
      const server = plain.server.app.server;
      expect(server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
      expect(server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    } finally {
      await plain.close();
    }
  });
});
