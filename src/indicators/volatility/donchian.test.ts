import { describe, expect, it } from "vitest";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { donchian } from "./donchian.js";

describe("donchian", () => {
  it("takes the highest high and lowest low of the last period bars, bar t included", () => {
    const candles = randomWalkCandles(6, 1);
    candles.high.set([5, 7, 6, 3, 4, 8]);
    candles.low.set([2, 1, 4, 2, 3, 5]);
    const out = donchian.compute(candles, { period: 3 });
    expect(Array.from(out.upper!.subarray(0, 2)).every(Number.isNaN), "lookback period-1 = 2").toBe(true);
    // max(5,7,6)=7, max(7,6,3)=7, max(6,3,4)=6, max(3,4,8)=8; min(2,1,4)=1, min(1,4,2)=1, min(4,2,3)=2, min(2,3,5)=2.
    expect(Array.from(out.upper!.subarray(2)), "rolling highs").toEqual([7, 7, 6, 8]);
    expect(Array.from(out.lower!.subarray(2)), "rolling lows").toEqual([1, 1, 2, 2]);
  });

  it("matches a naive window scan on a random walk for several periods", () => {
    const candles = randomWalkCandles(400, 2);
    for (const period of [1, 2, 5, 20, 64]) {
      const out = donchian.compute(candles, { period });
      for (let t = period - 1; t < 400; t++) {
        let hi = Number.NEGATIVE_INFINITY;
        let lo = Number.POSITIVE_INFINITY;
        for (let j = t - period + 1; j <= t; j++) {
          hi = Math.max(hi, candles.high[j]!);
          lo = Math.min(lo, candles.low[j]!);
        }
        if (out.upper![t] !== hi || out.lower![t] !== lo) expect.fail(`period ${period}, bar ${t} differs`);
      }
    }
  });
});
