import { describe, expect, it } from "vitest";
import { EXAMPLE } from "../test-support/example-returns.js";
import { f64 } from "../test-support/series.js";
import { returnStats } from "./return-stats.js";
import { sortino } from "./sortino.js";

describe("sortino", () => {
  it("divides by the downside deviation over all bars on the hand-worked series", () => {
    // 0.0625 / sqrt(0.05^2 / 4) x sqrt(365.25) = 0.0625 / 0.025 x 19.111514 = 2.5 x 19.111514 = 47.778787...
    const value = sortino(returnStats(EXAMPLE.equity, EXAMPLE.initialCash), EXAMPLE.barsPerYear);
    expect(value).toBeCloseTo(47.77878713404098, 10);
  });

  it("counts gains as zero downside rather than dropping them", () => {
    // equity 130, 117 from 100: r = [0.3, -0.1], mean 0.1, downside over all bars sqrt(0.1^2 / 2) = 0.0707107;
    // 0.1 / 0.0707107 x sqrt(1) = 1.414214 (over the losing bar only it would be 0.1 / 0.1 = 1)
    const value = sortino(returnStats(f64(130, 117), 100), 1);
    expect(value).toBeCloseTo(Math.SQRT2, 12);
  });

  it("is null when no bar lost money", () => {
    expect(sortino(returnStats(f64(110, 121, 121), 100), 252), "downside deviation is 0").toBeNull();
    expect(sortino(returnStats(f64(100, 100), 100), 252), "a flat curve has no downside either").toBeNull();
  });

  it("is null without an annualization factor", () => {
    expect(sortino(returnStats(f64(90), 100), null), "one bar spans no time").toBeNull();
  });
});
