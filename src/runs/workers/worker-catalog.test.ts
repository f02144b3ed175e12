import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extendCatalog } from "../../core/catalog/catalog.js";
import { parseRunConfigShape } from "../../core/run-config.js";
import { runBacktest } from "../../engine/run-backtest.js";
import { randomWalkCandles } from "../../indicators/test-support/random-walk-candles.js";
import { fractionalTrend } from "../../strategies/test-support/fractional-trend.js";
import { builtinCatalog } from "../builtin-catalog.js";
import { runValidationPooled } from "./validation-pool.js";
import { workerCatalog, workerSources } from "./worker-catalog.js";

const FILE = { file: "strategies/trend.ts", sha256: "c".repeat(64) };
const fromFile = () =>
  extendCatalog(
    builtinCatalog(),
    { strategies: [fractionalTrend] },
    { strategies: { fractional_trend: FILE } },
  );

describe("worker catalog", () => {
  it("sends user plugins by file and sha256, none for the built-ins, and gives up on in-memory ones", () => {
    expect(workerSources(builtinCatalog())).toEqual([]);
    expect(workerSources(fromFile())).toEqual([{ family: "strategies", name: "fractional_trend", ...FILE }]);
    const inline = extendCatalog(builtinCatalog(), { strategies: [fractionalTrend] });
    expect(workerSources(inline), "no file: validated in the main thread").toBeUndefined();
  });

  it("rebuilds the catalog with the importer's definitions and their origins", async () => {
    const catalog = await workerCatalog(workerSources(fromFile())!, "/home", async (home, source) => {
      expect([home, source.file]).toEqual(["/home", FILE.file]);
      return fractionalTrend;
    });
    expect(catalog.strategies.fractional_trend).toBe(fractionalTrend);
    expect(catalog.origins.strategies.fractional_trend).toEqual(FILE);
  });

  it("refuses a file that now defines another plugin", async () => {
    const renamed = async () => ({ ...fractionalTrend, name: "renamed" });
    await expect(workerCatalog(workerSources(fromFile())!, "/home", renamed)).rejects.toMatchObject({
      code: "PLUGIN_INVALID",
      message: 'strategies/trend.ts no longer defines strategy "fractional_trend" (it now defines "renamed")',
    });
  });

  it("refuses user plugins without a home to find their files in", async () => {
    await expect(workerCatalog(workerSources(fromFile())!, undefined)).rejects.toMatchObject({
      code: "PLUGIN_INVALID",
    });
  });

  it("refuses in the worker thread a user plugin whose file is not in the home, rather than running something else", async () => {
    const candles = randomWalkCandles(300, 3);
    const config = parseRunConfigShape({
      symbol: "SYN",
      timeframe: "1d",
      start: 0,
      end: 1e12,
      provider: "synthetic",
      strategy: { name: "fractional_trend", params: {} },
      validation: { permutation: { n: 4 } },
    });
    const real = runBacktest(config, { candles, catalog: fromFile() });
    const inputs = {
      catalog: fromFile(),
      home: mkdtempSync(path.join(tmpdir(), "no-plugins-")),
      candles,
      realEquity: real.equity,
      realTradeReturns: real.trades.returnPct,
    };
    await expect(
      runValidationPooled(config, inputs, { threads: 1 }),
      "the worker thread refuses",
    ).rejects.toMatchObject({
      code: "PLUGIN_INVALID",
      message: "strategies/trend.ts: the file does not exist (a dangling symlink?)",
    });
    const { home: _home, ...withoutHome } = inputs;
    const inThread = await runValidationPooled(config, withoutHome, { threads: 1 });
    expect(inThread.permutation?.n, "without a home the same validation runs in this thread").toBe(4);
  });
});
