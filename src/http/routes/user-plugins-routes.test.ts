/**
 * User plugin files over HTTP: the catalog shows their origin and sha256, a run names them like built-ins, its
 * artifacts include the code that ran, and a config naming a broken file is refused with the file's error. No
 * route accepts code: plugins come only from the home's folders.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CROSS_STRATEGY,
  MEAN_INDICATOR,
  pluginHome,
  writePlugin,
} from "../../plugins/test-support/plugin-home.js";
import { call, runToEnd } from "../test-support/api-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";

let server: TestServer;
beforeAll(async () => {
  const home = pluginHome({ "strategies/my_cross.ts": CROSS_STRATEGY, "indicators/mean.ts": MEAN_INDICATOR });
  writePlugin(home, "strategies/half_done.ts", "export default defineStrategy({\n");
  server = await startTestServer({ home });
});
afterAll(() => server.close());

describe("user plugins over HTTP", () => {
  it("lists user plugins in the catalog with their file and sha256, beside the built-ins", async () => {
    const { status, body } = await call(server.url, "GET", "/api/catalog");
    expect(status).toBe(200);
    const mine = body.strategies.find((s: { name: string }) => s.name === "my_cross");
    expect(mine).toMatchObject({
      origin: "strategies/my_cross.ts",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(mine.params.properties.fast.default, "params JSON Schema with defaults").toBe(5);
    expect(body.indicators.find((i: { name: string }) => i.name === "mean").origin).toBe(
      "indicators/mean.ts",
    );
    expect(body.indicators.find((i: { name: string }) => i.name === "sma").origin).toBe("builtin");
  });

  it("runs a user strategy named in a POSTed config and serves the code that ran", async () => {
    const { runId, run } = await runToEnd(
      server.url,
      smallConfig({ strategy: { name: "my_cross", params: { fast: 4, slow: 12 } } }),
    );
    expect(run.status, run.error_message).toBe("completed");
    const artifacts = await call(server.url, "GET", `/api/runs/${runId}/artifacts`);
    const names = artifacts.body.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(["plugin-strategy-my_cross.mjs", "plugin-indicator-mean.mjs"]),
    );
    const res = await fetch(`${server.url}/api/runs/${runId}/artifacts/${"plugin-indicator-mean.mjs"}`);
    expect(res.status).toBe(200);
    const code = Buffer.from(await res.arrayBuffer());
    const catalog = (await call(server.url, "GET", "/api/catalog")).body;
    const sha = catalog.indicators.find((i: { name: string }) => i.name === "mean").sha256;
    expect(createHash("sha256").update(code).digest("hex"), "the served code is the catalog's version").toBe(
      sha,
    );
    const verify = await call(server.url, "GET", `/api/runs/${runId}/verify`);
    expect(verify.body.ok, "the copies are verified like every artifact").toBe(true);
  });

  it("refuses a config naming a broken plugin file with that file's PLUGIN_INVALID", async () => {
    const res = await call(server.url, "POST", "/api/runs", smallConfig({ strategy: { name: "half_done" } }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toBe("PLUGIN_INVALID");
    expect(res.body.error.message).toMatch(
      /^strategies\/half_done\.ts: does not build: strategies\/half_done\.ts:2:1: /,
    );
  });
});
