import { describe, expect, it } from "vitest";
import { quantile, quantileSorted } from "./quantile.js";

describe("quantile (Hyndman-Fan type 7)", () => {
  it("matches numpy.percentile's default on hand-worked values", () => {
    // numpy: np.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = [1, 1.75, 2.5, 3.25, 4]
    const xs = [4, 1, 3, 2];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 0.25), "h = 0.75 between 1 and 2").toBeCloseTo(1.75, 15);
    expect(quantile(xs, 0.5)).toBeCloseTo(2.5, 15);
    expect(quantile(xs, 0.75)).toBeCloseTo(3.25, 15);
    expect(quantile(xs, 1)).toBe(4);
    // np.percentile([10, 20, 30, 40, 50], 5) = 12.0: h = 4 * 0.05 = 0.2
    expect(quantile([50, 40, 30, 20, 10], 0.05)).toBeCloseTo(12, 12);
  });

  it("returns the single value for one element and NaN when empty or p is out of range", () => {
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantileSorted([1, 2], 1.5)).toBeNaN();
  });

  it("leaves its input in place", () => {
    const xs = new Float64Array([3, 1, 2]);
    quantile(xs, 0.5);
    expect(Array.from(xs)).toEqual([3, 1, 2]);
  });
});
