import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough } from "../test-support/naive-smoothed.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { sma } from "./sma.js";

describe("sma", () => {
  it("averages the last `period` closes, computed by hand", () => {
    const out = sma.compute(candlesFromCloses([1, 2, 3, 4, 5, 6]), { period: 3 }).sma;
    expect(Array.from(out.subarray(2)), "(1+2+3)/3=2, (2+3+4)/3=3, ...").toEqual([2, 3, 4, 5]);
  });

  it("is NaN for exactly the first period-1 bars", () => {
    const out = sma.compute(candlesFromCloses([1, 2, 3, 4, 5, 6]), { period: 3 }).sma;
    expect(Number.isNaN(out[0]!) && Number.isNaN(out[1]!), "bars 0 and 1 lack a full window").toBe(true);
    expect(sma.lookback({ period: 3 })).toBe(2);
  });

  it("matches a naive window mean across many re-anchoring points", () => {
    const candles = randomWalkCandles(1000, 3);
    const { close } = candles;
    const period = 7;
    const out = sma.compute(candles, { period }).sma;
    for (let t = period - 1; t < 1000; t++) {
      let sum = 0;
      for (let j = t - period + 1; j <= t; j++) sum += close[j]!;
      if (!closeEnough(out[t]!, sum / period, 1e-13))
        expect.fail(`sma[${t}] = ${out[t]}, naive ${sum / period}`);
    }
  });

  it("rejects a period below 1", () => {
    expect(sma.schema.safeParse({ period: 0 }).success, "a window needs at least one close").toBe(false);
  });
});
