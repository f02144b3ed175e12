import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough } from "../test-support/naive-smoothed.js";
import { windowStd } from "../test-support/naive-window.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { stddev } from "./stddev.js";

describe("stddev", () => {
  it("is the population standard deviation of the window (hand-computed)", () => {
    // Window 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, 32/8 = 4, sqrt = 2.
    const out = stddev.compute(candlesFromCloses([2, 4, 4, 4, 5, 5, 7, 9]), { period: 8 }).stddev;
    expect(Number.isNaN(out[6]!), "lookback period-1 = 7").toBe(true);
    expect(out[7], "population (divide by n), not sample (n-1 would give 2.138)").toBe(2);
  });

  it("is exactly 0 on a window of identical closes, even after volatile bars", () => {
    const out = stddev.compute(candlesFromCloses([1e6, 3, 1e-3, 0.1, 0.1, 0.1, 0.1]), { period: 3 }).stddev;
    expect(out[5], "window 0.1, 0.1, 0.1").toBe(0);
    expect(out[6], "still flat").toBe(0);
  });

  it("matches a naive two-pass deviation on a long random walk around a large price level", () => {
    const candles = randomWalkCandles(1000, 8);
    // A high price level is where sum-of-squares formulas lose every digit; shift the walk to ~1e6.
    for (let i = 0; i < 1000; i++) candles.close[i] = candles.close[i]! + 1e6;
    const out = stddev.compute(candles, { period: 9 }).stddev;
    for (let t = 8; t < 1000; t++) {
      const expected = windowStd(candles.close, 9, t);
      if (!closeEnough(out[t]!, expected, 1e-7)) expect.fail(`stddev[${t}] = ${out[t]}, naive ${expected}`);
    }
  });
});
