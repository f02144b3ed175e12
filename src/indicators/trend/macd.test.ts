import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough, naiveSmoothed } from "../test-support/naive-smoothed.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { macd } from "./macd.js";

describe("macd", () => {
  it("follows TA-Lib seeding on a hand-computed series (fast 2, slow 3, signal 2)", () => {
    // closes 1, 2, 4, 8, 16. Lookback = (3-1) + (2-1) = 3.
    // Slow EMA(3), alpha 1/2, seeded at bar 2 with (1+2+4)/3 = 7/3; bar 3: 7/3 + (8-7/3)/2 = 31/6;
    //   bar 4: 31/6 + (16-31/6)/2 = 127/12.
    // Fast EMA(2), alpha 2/3, seeded at bar 2 (not bar 1) with (2+4)/2 = 3; bar 3: 3 + 2/3*(8-3) = 19/3;
    //   bar 4: 19/3 + 2/3*(16-19/3) = 115/9.
    // macd: bar 2: 3 - 7/3 = 2/3; bar 3: 19/3 - 31/6 = 7/6; bar 4: 115/9 - 127/12 = 79/36.
    // Signal EMA(2), alpha 2/3, seeded at bar 3 with (2/3 + 7/6)/2 = 11/12; bar 4: 11/12 + 2/3*(79/36-33/36)
    // = 99/108 + 92/108 = 191/108; hist bar 4 = 237/108 - 191/108 = 23/54.
    const out = macd.compute(candlesFromCloses([1, 2, 4, 8, 16]), { fast: 2, slow: 3, signal: 2 });
    for (const name of ["macd", "signal", "hist"]) {
      expect(Array.from(out[name]!.subarray(0, 3)).every(Number.isNaN), `${name}: 3 warm-up bars`).toBe(true);
    }
    expect(out.macd![3]!, "19/3 - 31/6").toBeCloseTo(7 / 6, 12);
    expect(out.macd![4]!, "115/9 - 127/12").toBeCloseTo(79 / 36, 12);
    expect(out.signal![3]!, "SMA of macd bars 2..3").toBeCloseTo(11 / 12, 12);
    expect(out.signal![4]!, "one EMA step").toBeCloseTo(191 / 108, 12);
    expect(out.hist![3]!, "7/6 - 11/12").toBeCloseTo(1 / 4, 12);
    expect(out.hist![4]!, "79/36 - 191/108").toBeCloseTo(23 / 54, 12);
  });

  it("matches closed-form EMAs with TA-Lib's seeds on a long random walk (12/26/9)", () => {
    const candles = randomWalkCandles(300, 21);
    const out = macd.compute(candles, { fast: 12, slow: 26, signal: 9 });
    const line = new Float64Array(300).fill(Number.NaN);
    for (let t = 25; t < 300; t++) {
      const fast = naiveSmoothed(candles.close, 12, 26 - 12, 2 / 13, t);
      const slow = naiveSmoothed(candles.close, 26, 0, 2 / 27, t);
      line[t] = fast - slow;
    }
    for (let t = 33; t < 300; t++) {
      const signal = naiveSmoothed(line, 9, 25, 2 / 10, t);
      if (!closeEnough(out.macd![t]!, line[t]!))
        expect.fail(`macd[${t}] = ${out.macd![t]}, naive ${line[t]}`);
      if (!closeEnough(out.signal![t]!, signal))
        expect.fail(`signal[${t}] = ${out.signal![t]}, naive ${signal}`);
      if (!closeEnough(out.hist![t]!, line[t]! - signal)) expect.fail(`hist[${t}] differs`);
    }
    expect(macd.lookback({ fast: 12, slow: 26, signal: 9 }), "TA-Lib: 25 + 8").toBe(33);
  });

  it("rejects fast >= slow with a message quoting both", () => {
    const result = macd.schema.safeParse({ fast: 26, slow: 12 });
    expect(result.error?.issues[0]?.message, "refine on fast").toBe("fast (26) must be less than slow (12)");
    expect(result.error?.issues[0]?.path, "reported at params.fast").toEqual(["fast"]);
  });
});
