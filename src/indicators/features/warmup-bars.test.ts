import { describe, expect, it } from "vitest";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { resolveIndicator } from "./resolve-indicator.js";
import { warmupBars } from "./warmup-bars.js";

describe("warmupBars", () => {
  it("is the largest lookback plus one bar of shift", () => {
    const resolved = [
      resolveIndicator({ name: "sma", params: { period: 10 } }, engineCatalog(), "a"),
      resolveIndicator({ name: "macd", params: {} }, engineCatalog(), "b"),
    ];
    // sma(10) lookback 9; macd(12,26,9) lookback 25 + 8 = 33; +1 for the shift.
    expect(warmupBars(resolved), "max(9, 33) + 1").toBe(34);
  });

  it("is 1 for lookback-0 features and 0 when nothing is read", () => {
    expect(
      warmupBars([resolveIndicator({ name: "price", params: {} }, engineCatalog(), "a")]),
      "shifted[0] is NaN",
    ).toBe(1);
    expect(warmupBars([]), "no features, nothing to wait for").toBe(0);
  });
});
