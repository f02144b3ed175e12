import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.js";
import { minMaxDownsample } from "./plot-downsample.js";

const f64 = (...v: number[]) => Float64Array.from(v);

describe("minMaxDownsample", () => {
  it("keeps each bucket's min and max in time order, plus the first and last points", () => {
    // x 0..9 over 2 buckets of width 4.5: inner points x 1..4 -> bucket 0, x 5..8 -> bucket 1
    // bucket 0 y [1, 9, 3, 3]: min at x 1, max at x 2; bucket 1 y [8, 0, 7, 2]: max at x 5, min at x 6
    const x = f64(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    const y = f64(5, 1, 9, 3, 3, 8, 0, 7, 2, 6);
    const out = minMaxDownsample(x, y, 2);
    expect(Array.from(out.x)).toEqual([0, 1, 2, 5, 6, 9]);
    expect(Array.from(out.y)).toEqual([5, 1, 9, 8, 0, 6]);
  });

  it("keeps one point for a bucket whose min and max are the same point", () => {
    // x 0..6, 2 buckets of width 3: inner x 1, 2 -> bucket 0 (y 4, 4: first point is both), x 3..5 -> bucket 1
    const out = minMaxDownsample(f64(0, 1, 2, 3, 4, 5, 6), f64(0, 4, 4, 1, 1, 1, 0), 2);
    expect(Array.from(out.x)).toEqual([0, 1, 3, 6]);
  });

  it("buckets by x, so a gap leaves its buckets empty", () => {
    // x span 100 over 10 buckets; everything but the last point sits in the first bucket
    const out = minMaxDownsample(f64(0, 1, 2, 3, 4, 5, 6, 7, 100), f64(0, 3, 1, 7, 2, 5, 4, 6, 9), 3);
    // bucket 0 holds x 1..7: min y 1 at x 2, max y 7 at x 3
    expect(Array.from(out.x)).toEqual([0, 2, 3, 100]);
  });

  it("returns a short series unchanged", () => {
    const out = minMaxDownsample(f64(0, 1, 2), f64(3, 1, 2), 100);
    expect(Array.from(out.y)).toEqual([3, 1, 2]);
  });

  it("drops non-finite values instead of charting them", () => {
    expect(Array.from(minMaxDownsample(f64(0, 1, 2), f64(1, Number.NaN, 2), 10).y)).toEqual([1, 2]);
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const y = Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? Number.NaN : i % 7));
    expect(minMaxDownsample(x, y, 5).y.every(Number.isFinite)).toBe(true);
  });

  it("keeps the global extremes, the endpoints and time order of a million-point walk", () => {
    const rng = Rng.fromSeed(3);
    const n = 1_000_000;
    const x = Float64Array.from({ length: n }, (_, i) => 1.7e12 + i * 60_000);
    const y = new Float64Array(n);
    let v = 100;
    for (let i = 0; i < n; i++) y[i] = v += rng.normal();
    let min = Infinity;
    let max = -Infinity;
    for (const value of y) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    const out = minMaxDownsample(x, y, 1000);
    expect(out.x.length, "at most 2 points per bucket plus the endpoints").toBeLessThanOrEqual(2002);
    expect(Math.min(...out.y), "the deepest point survives").toBe(min);
    expect(Math.max(...out.y), "the highest point survives").toBe(max);
    expect([out.x[0], out.x[out.x.length - 1]]).toEqual([x[0], x[n - 1]]);
    expect(
      out.x.every((t, i) => i === 0 || t > out.x[i - 1]!),
      "x strictly increasing",
    ).toBe(true);
  });
});
