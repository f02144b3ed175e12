import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extendCatalog } from "../core/catalog/catalog.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { sma } from "../indicators/trend/sma.js";
import { smaCrossover } from "../strategies/sma-crossover.js";
import { defineStrategy, type StrategyDef } from "../strategies/types.js";
import { checkPlugin } from "./check-plugin.js";
import { centeredSma, minMaxScaled } from "./test-support/leaky-indicators.js";

const schema = z.strictObject({ period: z.int().min(1).default(5).describe("Period.") });
const sign = (v: number) => (v > 0 ? 1 : 0);

/** Long when the next bar's close is above this one's: the obvious way to cheat. */
const peeksAhead = defineStrategy({
  name: "peeks_ahead",
  summary: "Reads tomorrow's close.",
  schema,
  inputs: () => ({ close: { name: "price", params: { field: "close" } } }),
  signal: ({ close }, _p, out) => {
    for (let t = 0; t < out.length; t++) out[t] = sign((close[t + 1] ?? 0) - close[t]!);
  },
});

/** A fair rule on a leaky indicator: the leak is in the feature it reads. */
const onCentered = defineStrategy({
  name: "on_centered",
  summary: "Long above the centered mean.",
  schema,
  inputs: ({ period }) => ({
    close: { name: "price", params: { field: "close" } },
    mean: { name: "centered_sma", params: { period } },
  }),
  signal: ({ close, mean }, _p, out) => {
    for (let t = 0; t < out.length; t++) out[t] = close[t]! > mean[t]! ? 1 : 0;
  },
});

/** Writes only the bars where it has an opinion. */
const sparse = defineStrategy({
  name: "sparse",
  summary: "Writes entries only.",
  schema,
  inputs: ({ period }) => ({ mean: { name: "sma", params: { period } } }),
  signal: ({ mean }, _p, out) => {
    for (let t = 1; t < out.length; t++) if (mean[t]! > mean[t - 1]!) out[t] = 1;
  },
});

let calls = 0;
const counting: StrategyDef = defineStrategy({
  name: "counting",
  summary: "Flips with every call.",
  schema,
  inputs: ({ period }) => ({ mean: { name: "sma", params: { period } } }),
  signal: (_inputs, _p, out) => {
    calls++;
    out.fill(calls % 2);
  },
});

const catalog = extendCatalog(engineCatalog(), { indicators: [centeredSma] });

describe("checkPlugin", () => {
  it("passes the built-in SMA and SMA crossover on every check", () => {
    for (const def of [sma, smaCrossover]) {
      const report = checkPlugin(def);
      expect(report.failure, `${def.name} passes`).toBeUndefined();
      expect(report.ok).toBe(true);
      expect(report.data).toEqual(["random walk", "market-like daily bars"]);
    }
  });

  it("catches a centered moving average and names the first leaking bar, k and the change", () => {
    const report = checkPlugin(centeredSma, { params: [{ period: 9 }] });
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({
      check: "look_ahead",
      series: "value",
      k: 2,
      bar: 2,
      params: { period: 5 },
    });
    expect(report.failure!.change).toBeGreaterThan(0);
  });

  it("catches a min-max scaling over the whole series at bar 0", () => {
    const report = checkPlugin(minMaxScaled);
    expect(report.failure).toMatchObject({ check: "look_ahead", bar: 0, k: 0 });
  });

  it("catches a strategy that reads the next bar, in its signal", () => {
    const report = checkPlugin(peeksAhead);
    expect(report.failure).toMatchObject({ check: "look_ahead", series: "signal" });
    expect(report.failure!.bar, "the first changed target is at or before k+1").toBeLessThanOrEqual(
      report.failure!.k! + 1,
    );
  });

  it("catches a fair strategy on a leaky indicator, in the feature it reads", () => {
    const report = checkPlugin(onCentered, { catalog });
    expect(report.failure).toMatchObject({ check: "look_ahead", series: "centered_sma_5" });
  });

  it("fails a strategy that leaves bars unwritten, naming the first one", () => {
    const report = checkPlugin(sparse);
    expect(report.failure?.check).toBe("finite_targets");
    expect(report.failure?.message).toMatch(/wrote a non-finite target NaN at bar 0 .*not written at all/);
  });

  it("fails a strategy whose targets depend on earlier calls", () => {
    const report = checkPlugin(counting);
    expect(report.failure?.check, "a second run on the same candles differs").toMatch(
      /look_ahead|deterministic/,
    );
  });

  it("reports which param set fails when only some do", () => {
    const report = checkPlugin(centeredSma, { params: [{ period: 1 }] });
    // Period 1 has half-width 0: no leak; the defaults (period 5) leak.
    expect(report.failure?.params).toEqual({ period: 5 });
    expect(report.params).toEqual([{ period: 5 }, { period: 1 }]);
  });

  it("refuses params its schema rejects with CONFIG_INVALID naming the set", () => {
    expect(() => checkPlugin(centeredSma, { params: [{ period: 0 }] })).toThrow(/params\[0\]\.period/);
  });
});
