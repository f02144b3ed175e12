import { describe, expect, it } from "vitest";
import { sma } from "./sma.js";
import { candlesFromCloses } from "./test-support/candles-from-closes.js";

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
});
