/**
 * Malformed and hostile requests, each with the 4xx and code it must get, and proof that none of them wrote
 * anything: the database rows and every file under runs/ and presets/ are the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../core/limits.js";
import { type ApiServer, createServer } from "../create-server.js";
import { call, runToEnd } from "../test-support/api-client.js";
import { rawRequest } from "../test-support/raw-request.js";
import { snapshotHome } from "../test-support/snapshot-home.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";
import { listenOn } from "./listen-on.js";

const TOKEN = "test-token-0123456789abcdef";
const json = { "content-type": "application/json" };

let t: TestServer;
/** The same studio behind a server that believes it is bound to 0.0.0.0 (so it demands the token). */
let guarded: ApiServer;
let guardedUrl: string;
let runId: string;
let before: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestServer();
  ({ runId } = await runToEnd(t.url, smallConfig()));
  expect((await call(t.url, "PUT", "/api/presets/keep", smallConfig())).status).toBe(201);
  guarded = await createServer({ studio: t.server.studio, home: t.home, bind: "0.0.0.0", token: TOKEN });
  guardedUrl = await listenOn(guarded, "127.0.0.1", 0);
  before = snapshotHome(t.server.studio, t.home);
  expect(before.runs, "the snapshot holds the completed run").toHaveLength(1);
  expect((before.runFiles as string[]).length, "and its artifacts").toBeGreaterThan(5);
  expect(before.presetFiles, "and the preset file").toHaveLength(1);
});

afterAll(async () => {
  await guarded.app.close();
  await t.close();
});

interface Case {
  readonly name: string;
  readonly method?: string;
  /** `RUN` is replaced by the id of a completed run. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | (() => string);
  readonly status: number;
  readonly code: string;
  /** An issue path the CONFIG_INVALID details must name. */
  readonly issue?: string;
  /** What the message must say, when the code alone does not pin the cause. */
  readonly message?: RegExp;
  readonly server?: "guarded";
}

const body = (value: unknown) => JSON.stringify(value);
const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const huge = () => body({ ...smallConfig(), pad: "x".repeat(LIMITS.maxBodyBytes) });

// biome-ignore format: one line per case keeps the table readable
const CASES: Case[] = [
  { name: "bad JSON", method: "POST", path: "/api/runs", headers: json, body: '{"symbol":', status: 400, code: "CONFIG_INVALID" },
  { name: "empty JSON body", method: "POST", path: "/api/runs", headers: json, body: "", status: 400, code: "CONFIG_INVALID" },
  { name: "valid JSON nested 400k levels deep", method: "POST", path: "/api/runs", headers: json, body: () => nested(400_000), status: 400, code: "CONFIG_INVALID", message: /levels deep/ },
  { name: "a preset nested one level past the limit", method: "PUT", path: "/api/presets/deep", headers: json, body: () => nested(LIMITS.maxJsonDepth + 1), status: 400, code: "CONFIG_INVALID", message: /levels deep/ },
  { name: "a JSON array", method: "POST", path: "/api/runs", headers: json, body: "[]", status: 400, code: "CONFIG_INVALID" },
  { name: "a wrong type", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ timeframe: 5 })), status: 400, code: "CONFIG_INVALID", issue: "timeframe" },
  { name: "a wrong param type", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ strategy: { name: "sma_crossover", params: { fast: "five" } } })), status: 400, code: "CONFIG_INVALID", issue: "strategy.params.fast" },
  { name: "an unknown field", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ shell: "rm -rf /" })), status: 400, code: "CONFIG_INVALID" },
  { name: "huge permutation n", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ validation: { permutation: { n: 1_000_000_000 } } })), status: 400, code: "CONFIG_INVALID", issue: "validation.permutation.n" },
  { name: "huge bootstrap n", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ validation: { block_bootstrap: { n: LIMITS.maxBootstrap + 1 } } })), status: 400, code: "CONFIG_INVALID", issue: "validation.block_bootstrap.n" },
  { name: "a range over the bar limit", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ timeframe: "1m", start: "1990-01-01", end: "2030-01-01" })), status: 400, code: "CONFIG_INVALID", issue: "end" },
  { name: "an unknown strategy", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ strategy: { name: "get_rich" } })), status: 400, code: "CONFIG_INVALID", issue: "strategy.name" },
  { name: "an unknown provider", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ provider: "../../etc" })), status: 400, code: "CONFIG_INVALID", issue: "provider" },
  { name: "a symbol that is a path", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ symbol: "../../studio" })), status: 400, code: "CONFIG_INVALID", issue: "symbol" },
  { name: "an unknown preset_ref", method: "POST", path: "/api/runs", headers: json, body: body({ preset_ref: "nope" }), status: 400, code: "CONFIG_INVALID", issue: "preset_ref" },
  { name: "a preset_ref that is a path", method: "POST", path: "/api/runs", headers: json, body: body({ preset_ref: "../keep" }), status: 400, code: "CONFIG_INVALID", issue: "preset_ref" },
  { name: "a __proto__ key", method: "POST", path: "/api/runs", headers: json, body: '{"__proto__":{"admin":true}}', status: 400, code: "CONFIG_INVALID" },
  { name: "a text/plain body (what a cross-site form can send)", method: "POST", path: "/api/runs", headers: { "content-type": "text/plain" }, body: body(smallConfig()), status: 400, code: "CONFIG_INVALID" },
  { name: "a form body", method: "POST", path: "/api/runs", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "symbol=SYN", status: 400, code: "CONFIG_INVALID" },
  { name: "a body over the size limit", method: "POST", path: "/api/runs", headers: json, body: huge, status: 413, code: "LIMIT_EXCEEDED" },
  { name: "a preset body over the size limit", method: "PUT", path: "/api/presets/big", headers: json, body: huge, status: 413, code: "LIMIT_EXCEEDED" },
  { name: "a bad force flag", method: "POST", path: "/api/runs?force=yes", headers: json, body: body(smallConfig()), status: 400, code: "CONFIG_INVALID", issue: "querystring.force" },
  { name: "an unknown status filter", path: "/api/runs?status=bogus", status: 400, code: "CONFIG_INVALID", issue: "querystring.status" },
  { name: "a zero limit", path: "/api/runs?limit=0", status: 400, code: "CONFIG_INVALID", issue: "querystring.limit" },
  { name: "a huge limit", path: "/api/runs?limit=100000", status: 400, code: "CONFIG_INVALID", issue: "querystring.limit" },
  { name: "a forged cursor", path: "/api/runs?cursor=WzEsIi4uLy4uIl0", status: 400, code: "CONFIG_INVALID", issue: "querystring.cursor" },
  { name: "a malformed run id", path: "/api/runs/not-a-uuid", status: 404, code: "NOT_FOUND" },
  { name: "an unknown run id", path: "/api/runs/0d9b7a4e-6f0c-4a8b-9c1d-2e3f4a5b6c7d", status: 404, code: "NOT_FOUND" },
  { name: "a run id that is a path", path: "/api/runs/..%2F..%2Fstudio.db", status: 404, code: "NOT_FOUND" },
  { name: "cancelling a completed run", method: "POST", path: "/api/runs/RUN/cancel", status: 409, code: "INVALID_TRANSITION" },
  { name: "an artifact name that is a path", path: "/api/runs/RUN/artifacts/..%2F..%2Fstudio.db", status: 404, code: "NOT_FOUND" },
  { name: "an encoded dot-dot artifact", path: "/api/runs/RUN/artifacts/%2E%2E", status: 404, code: "NOT_FOUND" },
  { name: "a backslash artifact path", path: "/api/runs/RUN/artifacts/..%5C..%5Cstudio.db", status: 404, code: "NOT_FOUND" },
  { name: "a raw dot-dot artifact path", path: "/api/runs/RUN/artifacts/../../../studio.db", status: 404, code: "NOT_FOUND" },
  { name: "a file in the run folder but not in the manifest", path: "/api/runs/RUN/artifacts/manifest.json", status: 404, code: "NOT_FOUND" },
  { name: "an unknown export format", path: "/api/runs/RUN/artifacts/equity.parquet?format=xml", status: 400, code: "CONFIG_INVALID", issue: "querystring.format" },
  { name: "converting a PNG", path: "/api/runs/RUN/artifacts/plots.png?format=csv", status: 400, code: "CONFIG_INVALID" },
  { name: "a malformed Last-Event-ID", path: "/api/runs/RUN/events", headers: { "last-event-id": "1; DROP" }, status: 400, code: "CONFIG_INVALID" },
  { name: "a preset name that is a path", path: "/api/presets/..%2F..%2Fstudio", status: 400, code: "CONFIG_INVALID" },
  { name: "saving a preset under a path", method: "PUT", path: "/api/presets/..%2Fevil", headers: json, body: body(smallConfig()), status: 400, code: "CONFIG_INVALID" },
  { name: "deleting an encoded dot-dot preset", method: "DELETE", path: "/api/presets/%2E%2E", status: 400, code: "CONFIG_INVALID" },
  { name: "an unknown preset", path: "/api/presets/nope", status: 404, code: "NOT_FOUND" },
  { name: "deleting an unknown preset", method: "DELETE", path: "/api/presets/nope", status: 404, code: "NOT_FOUND" },
  { name: "an invalid preset config", method: "PUT", path: "/api/presets/bad", headers: json, body: body({ symbol: "SYN" }), status: 400, code: "CONFIG_INVALID" },
  { name: "a preset that names a preset", method: "PUT", path: "/api/presets/loop", headers: json, body: body(smallConfig({ preset_ref: "keep" })), status: 400, code: "CONFIG_INVALID", issue: "preset_ref" },
  { name: "an unknown route", path: "/api/nope", status: 404, code: "NOT_FOUND" },
  { name: "a malformed URL escape", path: "/api/runs/%E0%A4%A", status: 400, code: "CONFIG_INVALID" },
  { name: "a foreign Host", path: "/api/health", headers: { host: "evil.example" }, status: 403, code: "HOST_NOT_ALLOWED" },
  { name: "a foreign Host with the right port", method: "DELETE", path: "/api/runs/RUN", headers: { host: "evil.example:PORT" }, status: 403, code: "HOST_NOT_ALLOWED" },
  { name: "a Host that starts like localhost", path: "/api/presets", headers: { host: "localhost.evil.example" }, status: 403, code: "HOST_NOT_ALLOWED" },
  { name: "a cross-site Origin", method: "POST", path: "/api/runs", headers: { ...json, origin: "http://evil.example" }, body: body(smallConfig({ seed: 99 })), status: 403, code: "HOST_NOT_ALLOWED" },
  { name: "a null Origin", method: "DELETE", path: "/api/presets/keep", headers: { origin: "null" }, status: 403, code: "HOST_NOT_ALLOWED" },
  { server: "guarded", name: "no token on a non-loopback bind", path: "/api/health", status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "a wrong token", path: "/api/runs", headers: { authorization: "Bearer wrong-token-0123456789abcdef" }, status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "Basic credentials", path: "/api/runs", headers: { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString("base64")}` }, status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "deleting without a token", method: "DELETE", path: "/api/runs/RUN", status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "submitting without a token", method: "POST", path: "/api/runs", headers: json, body: body(smallConfig({ seed: 98 })), status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "following events without a token", path: "/api/runs/RUN/events", status: 401, code: "UNAUTHORIZED" },
  { server: "guarded", name: "the right token from a foreign Host", path: "/api/health", headers: { host: "evil.example", authorization: `Bearer ${TOKEN}` }, status: 403, code: "HOST_NOT_ALLOWED" },
];

describe("malformed and hostile requests", () => {
  it.each(CASES)("answers $status $code to $name", async (c) => {
    const base = c.server === "guarded" ? guardedUrl : t.url;
    const port = new URL(base).port;
    const headers = Object.fromEntries(
      Object.entries(c.headers ?? {}).map(([k, v]) => [k, v.replace("PORT", port)]),
    );
    const res = await rawRequest(base, {
      method: c.method ?? "GET",
      path: c.path.replace("RUN", runId),
      headers,
      body: typeof c.body === "function" ? c.body() : c.body,
    });
    expect(res.status, res.body.toString("utf8").slice(0, 300)).toBe(c.status);
    expect(res.headers["content-type"], "errors are JSON").toMatch(/^application\/json/);
    const error = res.json<{
      error: { code: string; message: string; details?: { issues?: { path: string }[] } };
    }>().error;
    expect(error.code).toBe(c.code);
    expect(error.message.length, "the message says what was wrong").toBeGreaterThan(0);
    if (c.message !== undefined) expect(error.message).toMatch(c.message);
    if (c.issue !== undefined) {
      expect(
        error.details?.issues?.map((i) => i.path),
        "the issue names the offending path",
      ).toContain(c.issue);
    }
  });

  it("left the database rows and the run and preset folders exactly as they were", () => {
    expect(snapshotHome(t.server.studio, t.home)).toEqual(before);
  });

  it("still answers the same requests when they are well-formed (the guard is not a wall)", async () => {
    const ok = await rawRequest(guardedUrl, {
      path: "/api/health",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    const local = await rawRequest(t.url, {
      path: `/api/runs/${runId}`,
      headers: { host: `localhost:${t.port}` },
    });
    expect(local.status).toBe(200);
  });
});
