import { describe, expect, it } from "vitest";
import { drawablePairs, panelUnit } from "./plot-scale.js";

const points = (...y: number[]) => ({ x: Float64Array.from(y, (_, i) => i), y: Float64Array.from(y) });

describe("panelUnit", () => {
  it("keeps ordinary magnitudes, zero and empty panels in their own unit", () => {
    for (const y of [[1, 2, 3], [0, 0], [], [1e-6], [-9.99e14], [Number.NaN, 5]]) {
      expect(panelUnit([points(...y)]), `values ${y.join(", ")}`).toEqual({ factor: 1, suffix: "" });
    }
  });

  it("brings the largest magnitude of a tiny or huge panel into [1, 10)", () => {
    expect(panelUnit([points(2.5e-25, 1e-26)])).toEqual({ factor: 1e25, suffix: " (× 1e-25)" });
    expect(panelUnit([points(1e-7)]), "an exact power of ten").toEqual({ factor: 1e7, suffix: " (× 1e-7)" });
    expect(panelUnit([points(-3e300)])).toEqual({ factor: 1e-300, suffix: " (× 1e300)" });
    expect(panelUnit([points(1.7e308)])).toEqual({ factor: 1e-308, suffix: " (× 1e308)" });
    expect(panelUnit([points(1e15)]), "the first huge magnitude").toEqual({
      factor: 1e-15,
      suffix: " (× 1e15)",
    });
  });

  it("takes every series of the panel and the percent scale into account", () => {
    expect(panelUnit([points(1e-9), undefined, points(4e-8)])).toEqual({ factor: 1e8, suffix: " (× 1e-8)" });
    expect(panelUnit([points(-2e-10)], 100), "-2e-10 is -2e-8 percent").toEqual({
      factor: 1e8,
      suffix: " (× 1e-8)",
    });
  });

  it("ignores denormals and infinities, which no unit can draw", () => {
    expect(panelUnit([points(5e-324, Number.POSITIVE_INFINITY)])).toEqual({ factor: 1, suffix: "" });
  });
});

describe("drawablePairs", () => {
  it("scales values and draws denormals as zero", () => {
    const unit = panelUnit([points(2e-20)]);
    expect(drawablePairs(points(2e-20, 5e-324, -1e-20), unit)).toEqual([
      [0, 2],
      [1, 0],
      [2, -1],
    ]);
    expect(drawablePairs(points(-0.25), { factor: 1, suffix: "" }, 100)).toEqual([[0, -25]]);
  });
});
