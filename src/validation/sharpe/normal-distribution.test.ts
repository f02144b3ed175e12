import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "./normal-distribution.js";

// Reference values: scipy.stats.norm.cdf / norm.ppf (scipy 1.17, which uses Cephes ndtr/ndtri), matching the
// tables of Abramowitz & Stegun 26.2 to the digits those print.
const CDF: [number, number][] = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [-1, 0.15865525393145707],
  [-3, 0.0013498980316300933],
  [-5, 2.866515718791933e-7],
  [-10, 7.61985302416047e-24],
  [-20, 2.7536241186061556e-89],
  [-37, 5.7255712225239266e-300],
  [6, 0.9999999990134123],
];
const PPF: [number, number][] = [
  [0.5, 0],
  [0.975, 1.959963984540054],
  [0.95, 1.6448536269514722],
  [0.25, -0.6744897501960817],
  [0.001, -3.090232306167813],
  [1e-10, -6.361340902404056],
  [1e-300, -37.0470962993612],
  [0.999999, 4.753424308817087],
  [0.6, 0.2533471031357997],
  [0.02425, -1.972961051311885],
];

describe("normalCdf", () => {
  it("matches published values to 1e-12 relative, including the far lower tail", () => {
    for (const [x, expected] of CDF) {
      const got = normalCdf(x);
      expect(Math.abs(got - expected), `Φ(${x}) = ${got}, expected ${expected}`).toBeLessThanOrEqual(
        1e-12 * Math.abs(expected),
      );
    }
  });

  it("is symmetric: Φ(-x) + Φ(x) = 1", () => {
    for (const x of [0.1, 0.67, 0.7, 2.5, 5.6, 5.7, 7]) {
      expect(normalCdf(-x) + normalCdf(x), `symmetry at ${x}`).toBeCloseTo(1, 15);
    }
  });

  it("saturates to 0 and 1 beyond the representable tails and passes NaN through", () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe("normalQuantile", () => {
  it("matches published values to 1e-12 relative", () => {
    for (const [p, expected] of PPF) {
      const got = normalQuantile(p);
      expect(Math.abs(got - expected), `Φ⁻¹(${p}) = ${got}, expected ${expected}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(expected)),
      );
    }
  });

  // Upper-tail probabilities close to 1 carry only absolute precision, so the round trip runs on the lower side.
  it("inverts normalCdf to 1e-9 from the far lower tail up to the centre", () => {
    for (let z = -30; z <= 0.5; z += 0.37) {
      expect(normalQuantile(normalCdf(z)), `round trip at ${z}`).toBeCloseTo(z, 9);
    }
  });

  it("returns ±Infinity at 0 and 1 and NaN outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
  });
});
