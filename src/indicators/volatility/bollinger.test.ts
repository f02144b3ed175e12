import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough } from "../test-support/naive-smoothed.js";
import { windowMean, windowStd } from "../test-support/naive-window.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { sma } from "../trend/sma.js";
import { bollinger } from "./bollinger.js";

describe("bollinger", () => {
  it("puts the bands k population deviations around the SMA (hand-computed)", () => {
    // Window 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population stdev 2; k = 1.5 -> 5 ± 3.
    const out = bollinger.compute(candlesFromCloses([2, 4, 4, 4, 5, 5, 7, 9]), { period: 8, stddev: 1.5 });
    expect([out.mid![7], out.upper![7], out.lower![7]], "mid, upper, lower").toEqual([5, 8, 2]);
  });

  it("has a mid band identical to the sma indicator, bit for bit", () => {
    const candles = randomWalkCandles(500, 9);
    const mid = bollinger.compute(candles, { period: 20, stddev: 2 }).mid!;
    const avg = sma.compute(candles, { period: 20 }).sma!;
    for (let t = 0; t < 500; t++) {
      if (!Object.is(mid[t], avg[t])) expect.fail(`mid[${t}] = ${mid[t]} but sma = ${avg[t]}`);
    }
  });

  it("matches naive window statistics on a random walk", () => {
    const candles = randomWalkCandles(500, 10);
    const out = bollinger.compute(candles, { period: 20, stddev: 2 });
    for (let t = 19; t < 500; t++) {
      const mean = windowMean(candles.close, 20, t);
      const sd = windowStd(candles.close, 20, t);
      if (!closeEnough(out.upper![t]!, mean + 2 * sd)) expect.fail(`upper[${t}] differs`);
      if (!closeEnough(out.lower![t]!, mean - 2 * sd)) expect.fail(`lower[${t}] differs`);
    }
  });
});
