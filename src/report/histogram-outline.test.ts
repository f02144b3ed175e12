import { describe, expect, it } from "vitest";
import { histogramBins, histogramOutline } from "./histogram-outline.js";

describe("histogram outline", () => {
  it("puts each bin between its edges: 3 bins over [-0.3, 0.3] with counts 1, 4, 2", () => {
    const h = { min: -0.3, max: 0.3, counts: [1, 4, 2] };
    const bins = histogramBins(h);
    expect(bins.map((b) => b.count)).toEqual([1, 4, 2]);
    expect(bins[0]!.lo, "the first edge is min exactly").toBe(-0.3);
    expect(bins[2]!.hi, "the last edge is max exactly").toBe(0.3);
    expect(bins[1]!.lo).toBeCloseTo(-0.1, 15);
    expect(bins[1]!.hi).toBeCloseTo(0.1, 15);
    const o = histogramOutline(h);
    expect(o.length).toBe(2 + 2 * 3);
    expect(o[0]).toEqual([-0.3, 0]);
    expect(o[1]).toEqual([-0.3, 1]);
    expect(o[3]![1]).toBe(4);
    expect(o[7]).toEqual([0.3, 0]);
  });

  it("draws a one-bin (constant) histogram as a bar 1% of its value wide, centred on it", () => {
    const o = histogramOutline({ min: 0.2, max: 0.2, counts: [5] });
    expect(o.map(([, y]) => y)).toEqual([0, 5, 5, 0]);
    expect(o[0]![0]).toBeCloseTo(0.199, 15);
    expect(o[3]![0]).toBeCloseTo(0.201, 15);
  });
});
