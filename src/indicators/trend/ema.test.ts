import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough, naiveSmoothed } from "../test-support/naive-smoothed.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { ema } from "./ema.js";

describe("ema", () => {
  it("seeds the EMA with the SMA of the first period, then applies alpha = 2/(period+1)", () => {
    // period 3 -> alpha 0.5. Seed at bar 2: (2+4+6)/3 = 4; bar 3: 4 + 0.5*(8-4) = 6;
    // bar 4: 6 + 0.5*(4-6) = 5; bar 5: 5 + 0.5*(10-5) = 7.5 (all exact in binary).
    const out = ema.compute(candlesFromCloses([2, 4, 6, 8, 4, 10]), { period: 3 }).ema;
    expect(Number.isNaN(out[0]!) && Number.isNaN(out[1]!), "lookback period-1 = 2 bars").toBe(true);
    expect(Array.from(out.subarray(2)), "hand-computed EMA(3)").toEqual([4, 6, 5, 7.5]);
  });

  it("uses alpha 2/(period+1) for period 2 as well (no special case)", () => {
    // alpha 2/3. Seed at bar 1: (3+6)/2 = 4.5; bar 2: 4.5 + 2/3*(9-4.5) = 7.5; bar 3: 7.5 + 2/3*(3-7.5) = 4.5.
    const out = ema.compute(candlesFromCloses([3, 6, 9, 3]), { period: 2 }).ema;
    expect(out[1], "seed = SMA of bars 0..1").toBe(4.5);
    expect(out[2]!, "4.5 + 3").toBeCloseTo(7.5, 12);
    expect(out[3]!, "7.5 - 3").toBeCloseTo(4.5, 12);
  });

  it("matches the closed-form exponential sum on a long random walk", () => {
    const candles = randomWalkCandles(400, 11);
    const period = 10;
    const out = ema.compute(candles, { period }).ema;
    for (let t = 0; t < 400; t++) {
      const expected = naiveSmoothed(candles.close, period, 0, 2 / (period + 1), t);
      if (!closeEnough(out[t]!, expected)) expect.fail(`ema[${t}] = ${out[t]}, closed form ${expected}`);
    }
  });
});
