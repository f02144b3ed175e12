import { afterEach, describe, expect, it } from "vitest";
import { extendCatalog } from "../core/catalog.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { runBacktest } from "../engine/run-backtest.js";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
import { fractionalTrend } from "../strategies/test-support/fractional-trend.js";
import { builtinCatalog } from "./builtin-catalog.js";
import { runValidationPooled } from "./validation-pool.js";
import { setPluginImporter, workerCatalog, workerSources } from "./worker-catalog.js";

const FILE = { file: "strategies/trend.ts", sha256: "c".repeat(64) };
const fromFile = () =>
  extendCatalog(
    builtinCatalog(),
    { strategies: [fractionalTrend] },
    { strategies: { fractional_trend: FILE } },
  );

afterEach(() => setPluginImporter(undefined));

describe("worker catalog", () => {
  it("sends user plugins by file and sha256, none for the built-ins, and gives up on in-memory ones", () => {
    expect(workerSources(builtinCatalog())).toEqual([]);
    expect(workerSources(fromFile())).toEqual([{ family: "strategies", name: "fractional_trend", ...FILE }]);
    const inline = extendCatalog(builtinCatalog(), { strategies: [fractionalTrend] });
    expect(workerSources(inline), "no file: validated in the main thread").toBeUndefined();
  });

  it("rebuilds the catalog with the importer's definitions and their origins", async () => {
    setPluginImporter(async (source) => {
      expect(source.file).toBe(FILE.file);
      return fractionalTrend;
    });
    const catalog = await workerCatalog(workerSources(fromFile())!);
    expect(catalog.strategies.fractional_trend).toBe(fractionalTrend);
    expect(catalog.origins.strategies.fractional_trend).toEqual(FILE);
  });

  it("refuses a file that now defines another plugin", async () => {
    setPluginImporter(async () => ({ ...fractionalTrend, name: "renamed" }));
    await expect(workerCatalog(workerSources(fromFile())!)).rejects.toMatchObject({
      code: "PLUGIN_INVALID",
      message: 'strategies/trend.ts no longer defines strategy "fractional_trend" (it now defines "renamed")',
    });
  });

  it("refuses user plugins in a worker without a loader rather than running something else", async () => {
    await expect(workerCatalog(workerSources(fromFile())!)).rejects.toMatchObject({ code: "PLUGIN_INVALID" });
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
      candles,
      realEquity: real.equity,
      realTradeReturns: real.trades.returnPct,
    };
    await expect(
      runValidationPooled(config, inputs, { threads: 1 }),
      "the worker thread refuses",
    ).rejects.toMatchObject({
      code: "PLUGIN_INVALID",
      message: expect.stringContaining("no plugin loader is installed"),
    });
  });
});
