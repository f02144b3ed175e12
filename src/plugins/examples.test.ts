/**
 * The plugin code the project shows users actually works: the README's strategy module, the Keltner example
 * (examples/strategies + examples/indicators) and `studio init`'s example home load, pass the look-ahead check and
 * run; and the library's exports are enough to write, check and run a plugin in memory.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkPlugin,
  defineIndicator,
  defineStrategy,
  type RunConfigInput,
  runBacktest,
  z,
} from "../index.js";
import { builtinCatalog } from "../runs/builtin-catalog.js";
import { writeExampleHome } from "./example-home.js";
import { loadPlugins } from "./load-plugins.js";
import { marketCandles } from "./sample-candles.js";
import { pluginHome, writePlugin } from "./test-support/plugin-home.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const candles = marketCandles(600);
const configOf = (strategy: { name: string; params: Record<string, unknown> }): RunConfigInput => ({
  symbol: "X",
  timeframe: "1d",
  start: candles.ts[0]!,
  end: candles.ts[candles.ts.length - 1]!,
  provider: "synthetic",
  strategy,
});

/** The first ```ts block of README.md that follows `marker`. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const at = readme.indexOf(marker);
  expect(at, `README.md contains ${marker}`).toBeGreaterThan(0);
  const start = readme.lastIndexOf("```ts\n", at) + "```ts\n".length;
  return readme.slice(start, readme.indexOf("```", at));
}

describe("plugin examples", () => {
  it("runs the README's strategy module: it loads, passes the look-ahead check and trades", async () => {
    const home = pluginHome({ "strategies/trend_rsi.ts": readmeBlock("// {home}/strategies/trend_rsi.ts") });
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken.map((b) => b.error.message)).toEqual([]);
    const def = load.catalog.strategies.trend_rsi!;
    expect(checkPlugin(def).failure).toBeUndefined();
    const result = runBacktest(configOf({ name: "trend_rsi", params: { fast: 5, slow: 20 } }), {
      candles,
      catalog: load.catalog,
    });
    expect(result.metrics.trade_count, "the rule fires on 600 market-like bars").toBeGreaterThan(0);
  });

  it("gives the README's strategy module and its `rules` config the same targets, fills and trades", async () => {
    const home = pluginHome({ "strategies/trend_rsi.ts": readmeBlock("// {home}/strategies/trend_rsi.ts") });
    const load = await loadPlugins(home, builtinCatalog());
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const at = readme.indexOf("The same\nidea needs no code as a `rules` config");
    expect(at, "README.md introduces the rules version of the module").toBeGreaterThan(0);
    const jsonStart = readme.indexOf("```json\n", at) + "```json\n".length;
    const rulesStrategy = JSON.parse(readme.slice(jsonStart, readme.indexOf("```", jsonStart)));
    expect(rulesStrategy.name).toBe("rules");
    const bars = marketCandles(3000);
    const config = (strategy: { name: string; params: Record<string, unknown> }): RunConfigInput => ({
      ...configOf(strategy),
      start: bars.ts[0]!,
      end: bars.ts[bars.ts.length - 1]!,
    });
    const module = runBacktest(config({ name: "trend_rsi", params: { fast: 10, slow: 50 } }), {
      candles: bars,
      catalog: load.catalog,
    });
    const rules = runBacktest(config(rulesStrategy), { candles: bars, catalog: load.catalog });
    expect(module.metrics.trade_count, "the idea trades on 3000 market-like bars").toBeGreaterThan(3);
    const bad = module.signal.findIndex((v, t) => !Object.is(v, rules.signal[t]));
    expect(bad, `targets differ first at bar ${bad}`).toBe(-1);
    expect(rules.fills, "same fills").toEqual(module.fills);
    expect(rules.trades, "same round trips").toEqual(module.trades);
    expect(rules.metrics, "same metrics").toEqual(module.metrics);
  });

  it("runs the Keltner breakout example with its own indicator, both passing the look-ahead check", async () => {
    const home = pluginHome();
    writePlugin(home, "indicators/.keep", "");
    writePlugin(home, "strategies/.keep", "");
    copyFileSync(
      path.join(ROOT, "examples/indicators/keltner.ts"),
      path.join(home.root, "indicators/keltner.ts"),
    );
    copyFileSync(
      path.join(ROOT, "examples/strategies/keltner_breakout.ts"),
      path.join(home.root, "strategies/keltner_breakout.ts"),
    );
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken.map((b) => b.error.message)).toEqual([]);
    const keltner = load.catalog.indicators.keltner!;
    expect(
      checkPlugin(keltner, { params: [{ period: 5, atr_period: 20, mult: 1 }] }).failure,
    ).toBeUndefined();
    const breakout = load.catalog.strategies.keltner_breakout!;
    expect(
      checkPlugin(breakout, { catalog: load.catalog, params: [{ allow_short: true }] }).failure,
    ).toBeUndefined();
    const result = runBacktest(configOf({ name: "keltner_breakout", params: { allow_short: true } }), {
      candles,
      catalog: load.catalog,
    });
    expect(result.metrics.trade_count).toBeGreaterThan(0);
    // The channel by hand at one bar: EMA(20) seeded with the mean of the first 20 closes, Wilder ATR(10).
    const raw = keltner.compute(candles, keltner.schema.parse({}));
    let ema = 0;
    for (let t = 0; t < 20; t++) ema += candles.close[t]! / 20;
    for (let t = 20; t <= 30; t++) ema += (2 / 21) * (candles.close[t]! - ema);
    const tr = (t: number) =>
      Math.max(
        candles.high[t]! - candles.low[t]!,
        Math.abs(candles.high[t]! - candles.close[t - 1]!),
        Math.abs(candles.low[t]! - candles.close[t - 1]!),
      );
    let atr = 0;
    for (let t = 1; t <= 10; t++) atr += tr(t) / 10;
    for (let t = 11; t <= 30; t++) atr = (atr * 9 + tr(t)) / 10;
    expect(raw.middle![30]).toBeCloseTo(ema, 9);
    expect(raw.upper![30]).toBeCloseTo(ema + 2 * atr, 9);
    expect(raw.lower![30]).toBeCloseTo(ema - 2 * atr, 9);
  });

  it("loads studio init's example strategy and indicator, which pass the check", async () => {
    const home = pluginHome();
    writeExampleHome(home.root);
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.plugins.map((p) => `${p.kind}:${p.name}`)).toEqual([
      "indicator:range_position",
      "strategy:example",
    ]);
    for (const p of load.plugins)
      expect(checkPlugin(p.def, { catalog: load.catalog }).failure, p.file).toBeUndefined();
    const csv = readFileSync(path.join(home.data, "SAMPLE.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("date,open,high,low,close,volume");
    expect(csv.length, "about three years of weekdays").toBeGreaterThan(700);
  });

  it("writes, checks and runs plugins in memory with the library's exports alone", () => {
    const momentum = defineIndicator({
      name: "momentum",
      summary: "close[t] / close[t - period] - 1.",
      schema: z.strictObject({ period: z.int().min(1).default(10).describe("Bars back.") }),
      outputs: ["value"],
      lookback: ({ period }) => period,
      compute: ({ close }, { period }) => ({
        value: close.map((c, t) => (t < period ? Number.NaN : c / close[t - period]! - 1)),
      }),
    });
    const follow = defineStrategy({
      name: "follow",
      summary: "Long while momentum is positive.",
      schema: z.strictObject({ period: z.int().min(1).default(10).describe("Momentum period.") }),
      inputs: ({ period }) => ({ m: { name: "momentum", params: { period } } }),
      signal: ({ m }, _p, out) => {
        for (let t = 0; t < out.length; t++) out[t] = m[t]! > 0 ? 1 : 0;
      },
    });
    expect(checkPlugin(momentum).ok).toBe(true);
    const result = runBacktest(configOf({ name: "follow", params: {} }), {
      candles,
      plugins: [follow, momentum],
    });
    expect(result.metrics.trade_count).toBeGreaterThan(0);
  });
});
