import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { roc } from "./roc.js";

describe("roc", () => {
  it("is close / close[t-period] - 1 as a fraction (hand-computed)", () => {
    // period 2: bar 2: 110/100 - 1 = 0.1; bar 3: 88/80 - 1 = 0.1; bar 4: 55/110 - 1 = -0.5.
    const out = roc.compute(candlesFromCloses([100, 80, 110, 88, 55]), { period: 2 }).roc;
    expect(Number.isNaN(out[0]!) && Number.isNaN(out[1]!), "lookback = period = 2").toBe(true);
    expect(out[2]!, "+10%").toBeCloseTo(0.1, 15);
    expect(out[3]!, "+10%").toBeCloseTo(0.1, 15);
    expect(out[4], "-50%").toBe(-0.5);
  });
});
