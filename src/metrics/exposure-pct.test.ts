import { describe, expect, it } from "vitest";
import { exposurePct, exposurePctOfCount } from "./exposure-pct.js";
import { f64 } from "./test-support/series.js";

describe("exposurePct", () => {
  it("is the percentage of bars holding a long or short position", () => {
    // 3 of 5 bars non-zero (1, 1, -2): 100 x 3 / 5 = 60
    expect(exposurePct(f64(0, 1, 1, -2, 0))).toBe(60);
  });

  it("is 0 when never in the market and 100 when always in it", () => {
    expect(exposurePct(f64(0, 0, 0))).toBe(0);
    expect(exposurePct(f64(0.5, 0.5))).toBe(100);
  });

  it("is 0 with no bars", () => {
    expect(exposurePct(new Float64Array(0))).toBe(0);
  });

  it("is the same percentage from a count of exposed bars", () => {
    expect(exposurePctOfCount(3, 5), "3 of 5 bars").toBe(60);
    expect(exposurePctOfCount(0, 0), "no bars").toBe(0);
  });
});
