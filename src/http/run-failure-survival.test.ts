import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, runToEnd } from "./test-support/api-client.js";
import { smallConfig, startTestServer, type TestServer } from "./test-support/start-test-server.js";

let t: TestServer;
const escaped: unknown[] = [];
const onEscape = (reason: unknown) => escaped.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  process.off("unhandledRejection", onEscape);
  process.off("uncaughtException", onEscape);
});

async function healthy(): Promise<void> {
  const health = await call(t.url, "GET", "/api/health");
  expect(health.status, "the server still answers").toBe(200);
  expect(escaped, "no unhandled rejection or uncaught exception").toEqual([]);
}

describe("a server whose runs fail", () => {
  it("refuses the config that once killed it (initial_cash 5e-324) and keeps serving", async () => {
    const killer = await call(t.url, "POST", "/api/runs", smallConfig({ initial_cash: 5e-324 }));
    expect(killer.status).toBe(400);
    expect(killer.body.error.code).toBe("CONFIG_INVALID");
    expect(killer.body.error.message).toMatch(/^initial_cash: .*\(got 5e-324\)/);
    await healthy();
  });

  it("keeps serving after runs at the edges of the bounds and a failed run", async () => {
    const edges = smallConfig({
      seed: 5,
      initial_cash: 0.01,
      risk: { name: "fixed_quantity", params: { qty: 1e9 } },
      execution: { lot_size: 1e9, commission_per_share: 1000, commission_bps: 1000, slippage_bps: 1000 },
    });
    const tiny = smallConfig({
      seed: 6,
      initial_cash: 0.01,
      risk: { name: "fixed_fraction", params: { fraction: 10 } },
      execution: { lot_size: 1e-8, borrow_bps: 100_000 },
      strategy: { name: "sma_crossover", params: { fast: 2, slow: 3, allow_short: true } },
    });
    for (const config of [edges, tiny]) {
      const { run } = await runToEnd(t.url, config);
      expect(["completed", "failed"], JSON.stringify(run)).toContain(run.status);
      expect(run.error_code, "never a bug").not.toBe("INTERNAL");
    }
    const failed = await runToEnd(t.url, smallConfig({ provider: "csv", symbol: "MISSING" }));
    expect(failed.run).toMatchObject({ status: "failed", error_code: "DATA_NOT_FOUND" });
    await healthy();
  });
});
