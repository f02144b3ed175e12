import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../test-support/api-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("presets", () => {
  it("creates (201), reads, lists, replaces (200) and deletes (204) a preset", async () => {
    const created = await call(t.url, "PUT", "/api/presets/trend-1h", smallConfig());
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("trend-1h");
    expect(created.body.config.risk, "stored normalized, defaults filled").toEqual({
      name: "fixed_fraction",
      params: expect.any(Object),
    });
    const file = path.join(t.home.presets, "trend-1h.json");
    expect(JSON.parse(readFileSync(file, "utf8")), "also kept as a portable file").toEqual(
      created.body.config,
    );

    const read = await call(t.url, "GET", "/api/presets/trend-1h");
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const replaced = await call(t.url, "PUT", "/api/presets/trend-1h", smallConfig({ seed: 7 }));
    expect(replaced.status).toBe(200);
    expect(replaced.body.config.seed).toBe(7);

    const list = await call(t.url, "GET", "/api/presets");
    expect(list.body.presets.map((p: { name: string }) => p.name)).toContain("trend-1h");

    const deleted = await call(t.url, "DELETE", "/api/presets/trend-1h");
    expect(deleted.status).toBe(204);
    expect(existsSync(file), "the preset file is removed").toBe(false);
    const gone = await call(t.url, "GET", "/api/presets/trend-1h");
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("NOT_FOUND");
  });

  it("validates a preset like a run config and reports each issue's path", async () => {
    const bad = await call(
      t.url,
      "PUT",
      "/api/presets/broken",
      smallConfig({ strategy: { name: "sma_crossover", params: { fast: "five" } } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("CONFIG_INVALID");
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(
      "strategy.params.fast",
    );
    expect((await call(t.url, "GET", "/api/presets/broken")).status, "nothing was saved").toBe(404);
  });
});
