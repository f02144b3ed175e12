import { describe, expect, it } from "vitest";
import { EXAMPLE } from "../test-support/example-returns.js";
import { f64 } from "../test-support/series.js";
import { hasDispersion, returnStats } from "./return-stats.js";

describe("returnStats", () => {
  it("gives the mean, sample stdev and downside deviation of the hand-worked series", () => {
    const s = returnStats(EXAMPLE.equity, EXAMPLE.initialCash);
    expect(s.count).toBe(4);
    expect(s.mean, "(0.1 - 0.05 + 0.2 + 0) / 4").toBeCloseTo(0.0625, 14);
    expect(s.stdev, "sqrt(0.036875 / 3)").toBeCloseTo(0.110867789130417, 14);
    expect(s.downsideDeviation, "sqrt(0.05^2 / 4), averaged over all 4 bars").toBeCloseTo(0.025, 14);
  });

  it("sums the equity curve in the same pass", () => {
    expect(returnStats(f64(110, 104.5, 125.4, 125.4), 100).equitySum, "110 + 104.5 + 125.4 + 125.4").toBe(
      110 + 104.5 + 125.4 + 125.4,
    );
    expect(returnStats(new Float64Array(0), 100).equitySum, "no bars").toBe(0);
  });

  it("has a mean and downside deviation but no stdev for one bar", () => {
    // r = 90/100 - 1 = -0.1; downside sqrt(0.01 / 1) = 0.1
    const s = returnStats(f64(90), 100);
    expect(s.mean).toBeCloseTo(-0.1, 15);
    expect(Number.isNaN(s.stdev), "ddof 1 needs two returns").toBe(true);
    expect(s.downsideDeviation).toBeCloseTo(0.1, 15);
  });

  it("is all NaN for no bars", () => {
    const s = returnStats(new Float64Array(0), 100);
    expect(s.count).toBe(0);
    expect([s.mean, s.stdev, s.downsideDeviation].every(Number.isNaN)).toBe(true);
  });

  it("is exactly zero-variance for a flat curve", () => {
    const s = returnStats(f64(100, 100, 100), 100);
    expect(s.stdev, "every return is exactly 0").toBe(0);
    expect(s.downsideDeviation).toBe(0);
  });

  it("turns every moment NaN when equity touches zero", () => {
    const s = returnStats(f64(50, 0, 0, 10), 100);
    expect(Number.isNaN(s.mean) && Number.isNaN(s.stdev) && Number.isNaN(s.downsideDeviation)).toBe(true);
  });
});

describe("hasDispersion", () => {
  it("rejects zero and rounding-noise deviations but accepts real ones", () => {
    expect(hasDispersion(0.01, 0)).toBe(false);
    expect(hasDispersion(0.01, 1e-17), "1e-17 next to a 1% mean is rounding noise").toBe(false);
    expect(hasDispersion(0.01, 1e-6)).toBe(true);
    expect(hasDispersion(0, 1e-9), "with a zero mean any positive stdev is real").toBe(true);
    expect(hasDispersion(0.01, Number.NaN), "NaN is no dispersion").toBe(false);
  });
});
