import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { obv } from "./obv.js";

describe("obv", () => {
  it("starts at the first volume and adds, subtracts or keeps each bar's volume by the close's direction", () => {
    // closes 10, 11, 11, 9, 12; volumes 100, 200, 300, 400, 500:
    // 100; up -> 100+200 = 300; unchanged -> 300; down -> 300-400 = -100; up -> -100+500 = 400.
    const out = obv.compute(candlesFromCloses([10, 11, 11, 9, 12], [100, 200, 300, 400, 500]), {}).obv;
    expect(Array.from(out), "TA-Lib convention: obv[0] = volume[0]").toEqual([100, 300, 300, -100, 400]);
  });
});
