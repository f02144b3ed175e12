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
import { API_ROUTES } from "../test-support/api-routes.js";
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
    expect(names).toEqual(expect.arrayContaining(["plugins/my_cross.mjs", "plugins/mean.mjs"]));
    const res = await fetch(`${server.url}/api/runs/${runId}/artifacts/${"plugins/mean.mjs"}`);
    expect(res.status).toBe(200);
    const code = Buffer.from(await res.arrayBuffer());
    const catalog = (await call(server.url, "GET", "/api/catalog")).body;
    const sha = catalog.indicators.find((i: { name: string }) => i.name === "mean").sha256;
    expect(createHash("sha256").update(code).digest("hex"), "the served code is the catalog's version").toBe(
      sha,
    );
    const encoded = await fetch(`${server.url}/api/runs/${runId}/artifacts/plugins%2Fmean.mjs`);
    expect(encoded.status, "the manifest name with its slash encoded is the same file").toBe(200);
    expect(Buffer.from(await encoded.arrayBuffer()).equals(code)).toBe(true);
    for (const probe of [
      "plugins/..%2Fsummary.json",
      "plugins/..%2F..%2F..%2Fstudio.db",
      "plugins%2F..%2Fsummary.json",
      "other/mean.mjs",
      "plugins/nope.mjs",
      "plugins/plugins/mean.mjs",
    ]) {
      const bad = await fetch(`${server.url}/api/runs/${runId}/artifacts/${probe}`);
      expect(bad.status, `${probe} names no manifest file`).toBe(404);
      await bad.arrayBuffer();
    }
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

  it("has no route that takes code or a path into the plugin folders", async () => {
    const { body } = await call(server.url, "GET", "/api/openapi.json");
    const routes: string[] = [];
    for (const [route, ops] of Object.entries(body.paths as Record<string, Record<string, unknown>>))
      for (const method of Object.keys(ops)) routes.push(`${method.toUpperCase()} ${route}`);
    // A new route must be reviewed against this: none may upload code or name a file of the home.
    expect(routes.sort(), "every route of the API").toEqual([...API_ROUTES].sort());
    const refused = async (strategy: unknown, why: string) => {
      const res = await call(server.url, "POST", "/api/runs", smallConfig({ strategy }));
      expect([res.status, res.body.error?.code], why).toEqual([400, "CONFIG_INVALID"]);
    };
    await refused({ name: "strategies/my_cross.ts" }, "a strategy is a catalog name, never a file");
    await refused({ name: "../strategies/my_cross" }, "nor a relative path");
    await refused(
      { name: "my_cross", params: { code: "process.exit(1)" } },
      "params are the schema's, no more",
    );
    await refused(
      { name: "rules", params: { long_entry: "import('node:fs')" } },
      "a rule is an expression of the rules language, never JavaScript",
    );
    const preset = await call(server.url, "PUT", "/api/presets/..%2Fstrategies%2Fmy_cross", smallConfig());
    expect(preset.status, "a preset name is a plain name").toBe(400);
  });
});
