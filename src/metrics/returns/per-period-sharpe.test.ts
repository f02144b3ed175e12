import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { perPeriodSharpe } from "./per-period-sharpe.js";

describe("perPeriodSharpe", () => {
  it("is mean / sample stdev without annualization", () => {
    // r = [0.01, 0.03]: mean 0.02, stdev sqrt((0.01^2 + 0.01^2) / 1) = 0.0141421; 0.02 / 0.0141421 = sqrt(2)
    expect(perPeriodSharpe(f64(0.01, 0.03))).toBeCloseTo(Math.SQRT2, 12);
    // r = [0.1, -0.05, 0.2, 0]: 0.0625 / sqrt(0.036875 / 3) = 0.563733...
    expect(perPeriodSharpe(f64(0.1, -0.05, 0.2, 0))).toBeCloseTo(0.0625 / Math.sqrt(0.036875 / 3), 13);
  });

  it("is NaN with fewer than two returns", () => {
    expect(perPeriodSharpe(f64(0.01))).toBeNaN();
    expect(perPeriodSharpe(new Float64Array(0))).toBeNaN();
  });

  it("is NaN when returns have zero variance", () => {
    expect(perPeriodSharpe(f64(0.01, 0.01, 0.01))).toBeNaN();
    expect(perPeriodSharpe(f64(0, 0))).toBeNaN();
  });

  it("is NaN when a return is not finite", () => {
    expect(perPeriodSharpe(f64(0.01, Number.NaN, 0.02))).toBeNaN();
  });
});
