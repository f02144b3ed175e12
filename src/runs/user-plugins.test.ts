/**
 * User plugins passed to `openStudio(home, { plugins })`, end to end through the real pipeline, SQLite and run
 * folders: they join the catalog (and the HTTP catalog, with their sha256), run with validation, and a plugin
 * that fails mid-run fails the run with PLUGIN_FAILED and leaves nothing half-written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../http/create-server.js";
import { listenOn } from "../http/guards/listen-on.js";
import { call } from "../http/test-support/api-client.js";
import { resolveHome } from "../store/home.js";
import { fractionalTrend } from "../strategies/test-support/fractional-trend.js";
import { writingStrategy } from "../strategies/test-support/plugin-fixtures.js";
import { openStudio } from "./open-studio.js";
import { runDir } from "./run-paths.js";
import type { Studio } from "./studio.js";

const config = (strategy: string, extra: Record<string, unknown> = {}) => ({
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2020-12-31",
  provider: "synthetic",
  strategy: { name: strategy, params: {} },
  ...extra,
});

const nanLate = writingStrategy("nan_late", (t) => (t >= 200 ? Number.NaN : t % 20 < 10 ? 1 : 0));

const open: Studio[] = [];
function studio(): Studio {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-plugins-")));
  const s = openStudio(home, { plugins: [fractionalTrend, nanLate] }, {});
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe("openStudio with plugins", () => {
  it("runs a user strategy through the real pipeline, with validation", async () => {
    const s = studio();
    const { run } = s.submit(config("fractional_trend", { validation: { permutation: { n: 20 } } }));
    const done = await s.waitFor(run.run_id);
    expect(done.status, done.error_message ?? "").toBe("completed");
    const home = resolveHome(path.dirname(s.store.db.name));
    const summary = JSON.parse(readFileSync(path.join(runDir(home, run.run_id), "summary.json"), "utf8"));
    expect(summary.config.strategy, "params normalized by the plugin's schema").toEqual({
      name: "fractional_trend",
      params: { period: 10, allow_short: false },
    });
    expect(done.metrics_summary?.permutation_p_value, "validation ran (in this thread)").toEqual(
      expect.any(Number),
    );
  });

  it("fails a run whose strategy writes NaN with PLUGIN_FAILED, leaving no run folder", async () => {
    const s = studio();
    const { run } = s.submit(config("nan_late"));
    const done = await s.waitFor(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.error_code).toBe("PLUGIN_FAILED");
    expect(done.error_message).toMatch(/^strategy "nan_late" .* wrote a non-finite target NaN at bar 200 /);
    const home = resolveHome(path.dirname(s.store.db.name));
    expect(existsSync(runDir(home, run.run_id)), "no run folder").toBe(false);
    expect(
      readdirSync(home.runs).filter((name) => name.includes(run.run_id)),
      "no staging or trash folder either",
    ).toEqual([]);
  });

  it("refuses at submit a config naming a plugin that is not in the catalog", () => {
    const s = studio();
    expect(() => s.submit(config("not_loaded"))).toThrow(
      /unknown strategy "not_loaded"; valid: .*fractional_trend, nan_late$/,
    );
  });

  it("serves the plugins in GET /api/catalog with their origin and sha256", async () => {
    const s = studio();
    const home = resolveHome(path.dirname(s.store.db.name));
    const server = await createServer({ studio: s, home, heartbeatMs: 250 });
    try {
      const url = await listenOn(server, "127.0.0.1", 0);
      const { body } = await call(url, "GET", "/api/catalog");
      const mine = body.strategies.find((p: { name: string }) => p.name === "fractional_trend");
      expect(mine).toMatchObject({ origin: "inline", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(mine.params.properties.period.default).toBe(10);
      const builtin = body.strategies.find((p: { name: string }) => p.name === "sma_crossover");
      expect(builtin.origin).toBe("builtin");
      expect(builtin, "built-ins carry no sha256").not.toHaveProperty("sha256");
    } finally {
      await server.app.close();
    }
  });
});
