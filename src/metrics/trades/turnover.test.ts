import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { turnover, turnoverOfEquitySum } from "./turnover.js";

describe("turnover", () => {
  it("is traded notional over mean equity", () => {
    // notional 10 x 10 + 10 x 12 = 220; mean equity (100 + 100 + 120 + 120) / 4 = 110; 220 / 110 = 2
    expect(turnover(f64(10, 10), f64(10, 12), f64(100, 100, 120, 120))).toBe(2);
  });

  it("counts a negative quantity by its size", () => {
    // |-10 x 10| = 100 over mean equity 100
    expect(turnover(f64(-10), f64(10), f64(100))).toBe(1);
  });

  it("is 0 with no fills", () => {
    expect(turnover(new Float64Array(0), new Float64Array(0), f64(100, 101))).toBe(0);
  });

  it("is null with no bars or a non-positive mean equity", () => {
    expect(turnover(f64(1), f64(1), new Float64Array(0))).toBeNull();
    expect(turnover(f64(1), f64(1), f64(50, -50)), "mean equity 0").toBeNull();
    expect(turnover(f64(1), f64(1), f64(-10, -20)), "negative capital").toBeNull();
  });

  it("gives the same value from the equity's sum as from the curve itself", () => {
    // sum 440 over 4 bars: mean 110, as in the first case
    expect(turnoverOfEquitySum(f64(10, 10), f64(10, 12), 440, 4)).toBe(2);
    expect(turnoverOfEquitySum(f64(1), f64(1), 0, 0), "no bars").toBeNull();
  });
});
