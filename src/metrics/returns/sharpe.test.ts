import { describe, expect, it } from "vitest";
import { EXAMPLE } from "../test-support/example-returns.js";
import { f64 } from "../test-support/series.js";
import { returnStats } from "./return-stats.js";
import { sharpe } from "./sharpe.js";

describe("sharpe", () => {
  it("is mean / stdev x sqrt(bars per year) on the hand-worked series", () => {
    // 0.0625 / 0.110867789 x sqrt(365.25) = 0.563733... x 19.111514 = 10.773820...
    const value = sharpe(returnStats(EXAMPLE.equity, EXAMPLE.initialCash), EXAMPLE.barsPerYear);
    expect(value).toBeCloseTo(10.77382067162837, 11);
  });

  it("is negative when the mean return is negative", () => {
    // equity 90, 90 from 100: r = [-0.1, 0], mean -0.05, stdev sqrt((0.05^2 + 0.05^2) / 1) = 0.0707107;
    // -0.05 / 0.0707107 x sqrt(4) = -0.7071068 x 2 = -1.414214
    const value = sharpe(returnStats(f64(90, 90), 100), 4);
    expect(value).toBeCloseTo(-Math.SQRT2, 12);
  });

  it("is null when returns have zero variance", () => {
    expect(sharpe(returnStats(f64(100, 100, 100), 100), 252), "a flat curve").toBeNull();
  });

  it("is null for a constant compounding series whose variance is rounding noise", () => {
    const equity = new Float64Array(50);
    let e = 100;
    for (let i = 0; i < 50; i++) equity[i] = e *= 1.01;
    expect(sharpe(returnStats(equity, 100), 252), "every return is 1% up to rounding").toBeNull();
  });

  it("is null with one bar or without an annualization factor", () => {
    expect(sharpe(returnStats(f64(110), 100), 252), "one bar: no sample stdev").toBeNull();
    expect(sharpe(returnStats(EXAMPLE.equity, EXAMPLE.initialCash), null), "no time span").toBeNull();
  });
});
