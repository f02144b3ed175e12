import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough } from "../test-support/naive-smoothed.js";
import { windowMean, windowStd } from "../test-support/naive-window.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { zscore } from "./zscore.js";

describe("zscore", () => {
  it("is (close - mean) / population stdev (hand-computed)", () => {
    // Window 2, 4, 4, 4, 5, 5, 7, 9: mean 5, stdev 2, close 9 -> (9-5)/2 = 2.
    const out = zscore.compute(candlesFromCloses([2, 4, 4, 4, 5, 5, 7, 9]), { period: 8 }).zscore;
    expect(out[7], "(9-5)/2").toBe(2);
  });

  it("is 0, not NaN, when every close in the window is equal", () => {
    const out = zscore.compute(candlesFromCloses([3, 7, 7, 7]), { period: 3 }).zscore;
    expect(out[3], "stdev 0: the close is the mean").toBe(0);
    // Window 3, 7, 7: mean 17/3, stdev sqrt(32/9) = 1.8856; (7 - 17/3) / 1.8856 = 0.7071.
    expect(out[2]!, "not flat yet").toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("matches naive window statistics on a random walk", () => {
    const candles = randomWalkCandles(500, 12);
    const out = zscore.compute(candles, { period: 20 }).zscore;
    for (let t = 19; t < 500; t++) {
      const expected =
        (candles.close[t]! - windowMean(candles.close, 20, t)) / windowStd(candles.close, 20, t);
      if (!closeEnough(out[t]!, expected, 1e-8)) expect.fail(`zscore[${t}] = ${out[t]}, naive ${expected}`);
    }
  });
});
