import { describe, expect, it } from "vitest";
import { kurtosis, mean, skewness, stdev } from "./moments.js";

describe("moments", () => {
  // x = [1, 2, 3, 4, 10]: mean 4, deviations [-3, -2, -1, 0, 6].
  // Σd² = 50, Σd³ = -27 - 8 - 1 + 216 = 180, Σd⁴ = 81 + 16 + 1 + 1296 = 1394.
  const x = [1, 2, 3, 4, 10];

  it("computes mean and stdev with the stated ddof", () => {
    expect(mean(x)).toBe(4);
    expect(stdev(x, 1), "sqrt(50 / 4)").toBeCloseTo(Math.sqrt(12.5), 14);
    expect(stdev(x, 0), "sqrt(50 / 5)").toBeCloseTo(Math.sqrt(10), 14);
  });

  it("computes population skewness m3/m2^1.5 and non-excess kurtosis m4/m2²", () => {
    // m2 = 10, m3 = 36, m4 = 278.8
    expect(skewness(x), "36 / 10^1.5").toBeCloseTo(36 / 10 ** 1.5, 14);
    expect(kurtosis(x), "278.8 / 100").toBeCloseTo(2.788, 14);
  });

  it("gives kurtosis 1 and skewness 0 for a symmetric two-point distribution", () => {
    const twoPoint = [-1, 1, -1, 1];
    expect(skewness(twoPoint)).toBe(0);
    expect(kurtosis(twoPoint), "m4 = m2² = 1 for ±1").toBe(1);
  });

  it("returns NaN where a moment is undefined", () => {
    expect(mean([])).toBeNaN();
    expect(stdev([1], 1)).toBeNaN();
    expect(skewness([2, 2, 2]), "zero variance").toBeNaN();
    expect(kurtosis([5])).toBeNaN();
  });
});
