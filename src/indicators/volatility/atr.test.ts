import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import { closeEnough, naiveSmoothed } from "../test-support/naive-smoothed.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { atr } from "./atr.js";

function hlc(high: number[], low: number[], close: number[]): Candles {
  const n = close.length;
  return {
    ts: Float64Array.from({ length: n }, (_, i) => i * 86_400_000),
    open: Float64Array.from(close),
    high: Float64Array.from(high),
    low: Float64Array.from(low),
    close: Float64Array.from(close),
    volume: new Float64Array(n).fill(1),
  };
}

describe("atr", () => {
  it("averages true ranges 1..period, then smooths Wilder's way (hand-computed, period 3)", () => {
    // TR1 = max(12-9, |12-10|, |9-10|) = 3; TR2 = max(13-11, |13-11|, |11-11|) = 2 (close1 = 11);
    // TR3 = max(11-8, |11-12|, |8-12|) = 4 (gap down from close2 = 12); TR4 = max(10-9, |10-9|, |9-9|) = 1.
    // ATR3 = (3+2+4)/3 = 3; ATR4 = (3*2 + 1)/3 = 7/3. Bar 0's range (10-9) is never used.
    const c = hlc([10, 12, 13, 11, 10], [9, 9, 11, 8, 9], [10, 11, 12, 9, 9.5]);
    const out = atr.compute(c, { period: 3 }).atr;
    expect(Array.from(out.subarray(0, 3)).every(Number.isNaN), "lookback = period = 3").toBe(true);
    expect(out[3], "mean of TR 1..3").toBe(3);
    expect(out[4]!, "(3*2 + 1)/3").toBeCloseTo(7 / 3, 12);
  });

  it("matches the closed-form Wilder average of naive true ranges on a random walk", () => {
    const c = randomWalkCandles(300, 4);
    const tr = Array.from({ length: 300 }, (_, i) =>
      i === 0
        ? 0
        : Math.max(
            c.high[i]! - c.low[i]!,
            Math.abs(c.high[i]! - c.close[i - 1]!),
            Math.abs(c.low[i]! - c.close[i - 1]!),
          ),
    );
    const out = atr.compute(c, { period: 14 }).atr;
    for (let t = 14; t < 300; t++) {
      const expected = naiveSmoothed(tr, 14, 1, 1 / 14, t);
      if (!closeEnough(out[t]!, expected)) expect.fail(`atr[${t}] = ${out[t]}, naive ${expected}`);
    }
  });
});
