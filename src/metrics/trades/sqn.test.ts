import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { sqn } from "./sqn.js";

describe("sqn", () => {
  it("is sqrt(n) x mean / sample stdev of trade pnl", () => {
    // pnl 10, 20, 30: mean 20, stdev sqrt((100 + 0 + 100) / 2) = 10; sqrt(3) x 20 / 10 = 2 sqrt(3) = 3.4641
    expect(sqn(f64(10, 20, 30))).toBeCloseTo(2 * Math.sqrt(3), 14);
    // pnl -10, 35: mean 12.5, stdev sqrt(2 x 22.5^2 / 1) = 22.5 sqrt(2); sqrt(2) x 12.5 / (22.5 sqrt(2)) = 5/9
    expect(sqn(f64(-10, 35))).toBeCloseTo(5 / 9, 14);
  });

  it("is null with fewer than two trades", () => {
    expect(sqn(f64(5))).toBeNull();
    expect(sqn(new Float64Array(0))).toBeNull();
  });

  it("is null when every trade has the same pnl", () => {
    expect(sqn(f64(5, 5, 5)), "zero variance").toBeNull();
  });
});
