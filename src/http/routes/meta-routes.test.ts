import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_VERSION } from "../../core/code-version.js";
import { call } from "../test-support/api-client.js";
import { API_ROUTES } from "../test-support/api-routes.js";
import { startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("meta routes", () => {
  it("lists every plugin family with each plugin's params as JSON Schema", async () => {
    const res = await call(t.url, "GET", "/api/catalog");
    expect(res.status).toBe(200);
    const names = (family: string) => res.body[family].map((p: { name: string }) => p.name);
    expect(names("providers")).toEqual(expect.arrayContaining(["synthetic", "csv", "binance"]));
    expect(names("strategies")).toContain("sma_crossover");
    expect(names("indicators")).toContain("sma");
    expect(names("risk_models")).toContain("fixed_fraction");
    const sma = res.body.strategies.find((p: { name: string }) => p.name === "sma_crossover");
    expect(sma.params.type).toBe("object");
    expect(Object.keys(sma.params.properties)).toEqual(expect.arrayContaining(["fast", "slow"]));
    expect(typeof sma.summary).toBe("string");
    for (const family of ["providers", "indicators", "strategies", "risk_models"]) {
      for (const p of res.body[family]) {
        expect(p.origin, `${family} ${p.name} ships with the studio`).toBe("builtin");
        expect(p.sha256, "only user plugins carry a sha256").toBeUndefined();
      }
    }
  });

  it("answers health with the code version", async () => {
    const res = await call(t.url, "GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", version: CODE_VERSION, sse_clients: 0 });
  });

  it("publishes an OpenAPI document listing every route with its method", async () => {
    const doc = (await call(t.url, "GET", "/api/openapi.json")).body;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual([...API_ROUTES].sort());
    const submit = doc.paths["/api/runs"].post.requestBody.content["application/json"].schema;
    const configSchema = submit.anyOf[0];
    expect(Object.keys(configSchema.properties), "the body is the CLI's RunConfig schema").toEqual(
      expect.arrayContaining(["symbol", "timeframe", "start", "end", "provider", "strategy", "validation"]),
    );
  });
});
