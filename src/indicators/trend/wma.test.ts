import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough } from "../test-support/naive-smoothed.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { wma } from "./wma.js";

describe("wma", () => {
  it("weights the last period closes 1..period, newest heaviest", () => {
    // period 3, divisor 6. Bar 2: (1*10 + 2*20 + 3*30)/6 = 140/6; bar 3: (1*20 + 2*30 + 3*10)/6 = 110/6.
    const out = wma.compute(candlesFromCloses([10, 20, 30, 10]), { period: 3 }).wma;
    expect(Number.isNaN(out[1]!), "lookback period-1 = 2").toBe(true);
    expect(out[2]!, "140/6").toBeCloseTo(140 / 6, 12);
    expect(out[3]!, "110/6").toBeCloseTo(110 / 6, 12);
  });

  it("matches a naive weighted sum across many re-anchoring points", () => {
    const candles = randomWalkCandles(1000, 5);
    const period = 7;
    const out = wma.compute(candles, { period }).wma;
    for (let t = period - 1; t < 1000; t++) {
      let sum = 0;
      for (let w = 1; w <= period; w++) sum += w * candles.close[t - period + w]!;
      const expected = sum / ((period * (period + 1)) / 2);
      if (!closeEnough(out[t]!, expected, 1e-12)) expect.fail(`wma[${t}] = ${out[t]}, naive ${expected}`);
    }
  });
});
