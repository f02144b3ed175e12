import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import { closeEnough, naiveSmoothed } from "../test-support/naive-smoothed.js";
import { rsi } from "./rsi.js";

// Closes of the 14-day RSI worked example in StockCharts ChartSchool, "Relative Strength Index (RSI)"
// (https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/relative-strength-index-rsi,
// spreadsheet cs-rsi.xls). Expected values below are our own unrounded arithmetic, not the sheet's rounded column.
const STOCKCHARTS = [
  44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.1, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28,
  46.0, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25, 45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57,
  43.42, 42.66, 43.13,
];

describe("rsi", () => {
  const out = rsi.compute(candlesFromCloses(STOCKCHARTS), { period: 14 }).rsi;

  it("starts at bar `period` from the plain means of the first period changes (hand-computed)", () => {
    // Changes 1..14: -0.25 +0.06 -0.54 +0.72 +0.50 +0.27 +0.32 +0.42 +0.24 -0.19 +0.14 -0.42 +0.67 0.00.
    // Gains sum 3.34, losses sum 1.40; RSI = 100 * 3.34 / (3.34 + 1.40) = 70.4641...
    expect(Number.isNaN(out[13]!), "lookback = period = 14 bars").toBe(true);
    expect(out[14]!, "100*3.34/4.74").toBeCloseTo(70.464135, 5);
  });

  it("applies Wilder smoothing on the next bar (hand-computed)", () => {
    // Bar 15 changes by -0.28: avgGain = (3.34/14*13 + 0)/14 = 0.2215306, avgLoss = (1.40/14*13 + 0.28)/14
    // = 0.1128571; RSI = 100 * 0.2215306 / 0.3343878 = 66.2496...
    expect(out[15]!, "Wilder step").toBeCloseTo(66.24963, 4);
  });

  it("matches Wilder's definition 100 - 100/(1+RS) with closed-form averages on every bar", () => {
    const gains = STOCKCHARTS.map((c, i) => (i === 0 ? 0 : Math.max(c - STOCKCHARTS[i - 1]!, 0)));
    const losses = STOCKCHARTS.map((c, i) => (i === 0 ? 0 : Math.max(STOCKCHARTS[i - 1]! - c, 0)));
    for (let t = 14; t < STOCKCHARTS.length; t++) {
      const g = naiveSmoothed(gains, 14, 1, 1 / 14, t);
      const l = naiveSmoothed(losses, 14, 1, 1 / 14, t);
      const expected = l === 0 ? 100 : 100 - 100 / (1 + g / l);
      if (!closeEnough(out[t]!, expected)) expect.fail(`rsi[${t}] = ${out[t]}, Wilder ${expected}`);
    }
    expect(out[32]!, "last bar of the example, rounded").toBeCloseTo(37.79, 2);
  });

  it("is 100 when every change is a gain and 0 when every change is a loss", () => {
    expect(rsi.compute(candlesFromCloses([1, 2, 3, 4]), { period: 2 }).rsi[3], "no losses").toBe(100);
    expect(rsi.compute(candlesFromCloses([4, 3, 2, 1]), { period: 2 }).rsi[3], "no gains").toBe(0);
  });

  it("is 50, not TA-Lib's 0, while the closes have not moved at all", () => {
    const flat = rsi.compute(candlesFromCloses([5, 5, 5, 5, 6]), { period: 2 }).rsi;
    expect(Array.from(flat.subarray(2, 4)), "no gain and no loss: neutral").toEqual([50, 50]);
    expect(flat[4], "then a gain: avgGain 0.5, avgLoss 0 -> 100").toBe(100);
  });
});
