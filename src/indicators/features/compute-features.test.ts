import { describe, expect, it } from "vitest";
import { StudioError } from "../../core/errors.js";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { computeFeatures } from "./compute-features.js";
import { featureSetFromColumns } from "./feature-set.js";
import { resolveIndicator } from "./resolve-indicator.js";

const candles = candlesFromCloses([1, 2, 3, 4, 5, 6]);
const resolve = (name: string, params: Record<string, unknown>) =>
  resolveIndicator({ name, params }, engineCatalog(), "test");

describe("computeFeatures", () => {
  it("shifts every output by one bar: shifted[0] = NaN, shifted[t] = raw[t-1]", () => {
    const set = computeFeatures([resolve("sma", { period: 2 })], candles);
    const [column] = set.columns;
    // raw sma(2): NaN, 1.5, 2.5, 3.5, 4.5, 5.5.
    expect(Array.from(column!.raw), "raw SMA(2)").toEqual([Number.NaN, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(Array.from(column!.shifted), "one bar later").toEqual([
      Number.NaN,
      Number.NaN,
      1.5,
      2.5,
      3.5,
      4.5,
    ]);
    expect(set.frame.column("sma_2"), "the frame serves the shifted column").toBe(column!.shifted);
    expect(set.frame.length, "bar count").toBe(6);
  });

  it("describes each column by indicator, parsed params and output", () => {
    const set = computeFeatures([resolve("donchian", { period: 3 })], candles);
    expect(
      set.columns.map(({ name, indicator, params, output }) => ({ name, indicator, params, output })),
      "one column per output",
    ).toEqual([
      { name: "donchian_3_upper", indicator: "donchian", params: { period: 3 }, output: "upper" },
      { name: "donchian_3_lower", indicator: "donchian", params: { period: 3 }, output: "lower" },
    ]);
  });

  it("computes identical refs once, even when one spells out a default", () => {
    const set = computeFeatures(
      [resolve("ema", { period: 20 }), resolve("ema", {}), resolve("ema", { period: 3 })],
      candles,
    );
    expect(
      set.columns.map((c) => c.name),
      "ema_20 once, then ema_3",
    ).toEqual(["ema_20", "ema_3"]);
  });

  it("throws INTERNAL naming the column when a strategy reads one it did not declare", () => {
    const set = computeFeatures([resolve("sma", { period: 2 })], candles);
    let err: unknown;
    try {
      set.frame.column("sma_3");
    } catch (e) {
      err = e;
    }
    expect(err instanceof StudioError && err.code, "a strategy bug, not a user error").toBe("INTERNAL");
    expect((err as Error).message, "names the missing and the declared columns").toBe(
      'feature column "sma_3" was not declared; declared: sma_2',
    );
  });
});

describe("featureSetFromColumns", () => {
  it("rebuilds a frame from cached columns and keeps the bar count when there are none", () => {
    const computed = computeFeatures([resolve("obv", {})], candles);
    const rebuilt = featureSetFromColumns(computed.columns, 6);
    expect(rebuilt.frame.column("obv"), "same shifted column").toBe(computed.columns[0]!.shifted);
    expect(featureSetFromColumns([], 6).frame.length, "an empty set still knows the bar count").toBe(6);
  });

  it("rejects a column whose length differs from the bar count", () => {
    const computed = computeFeatures([resolve("obv", {})], candles);
    expect(() => featureSetFromColumns(computed.columns, 7), "6 rows for 7 bars").toThrow(/obv has 6 rows/);
  });
});
