import { describe, expect, it } from "vitest";
import { FAN_CHECKPOINTS, fanCheckpoints, summarizeFan } from "./equity-fan.js";

describe("fanCheckpoints", () => {
  it("takes every trade count up to 50 trades, none without trades", () => {
    expect(Array.from(fanCheckpoints(0))).toEqual([]);
    expect(Array.from(fanCheckpoints(1))).toEqual([1]);
    expect(Array.from(fanCheckpoints(3))).toEqual([1, 2, 3]);
    expect(Array.from(fanCheckpoints(50))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("spreads 50 counts evenly from 1 to m above 50 trades, m included", () => {
    // 1 + floor(98 i / 49) = 1 + 2i: the odd counts 1..99.
    expect(Array.from(fanCheckpoints(99))).toEqual(Array.from({ length: 50 }, (_, i) => 1 + 2 * i));
    for (const m of [51, 77, 1000, 123_457]) {
      const c = fanCheckpoints(m);
      expect(c.length).toBe(FAN_CHECKPOINTS);
      expect([c[0], c[49]], `m = ${m}`).toEqual([1, m]);
      const bad = c.findIndex((t, i) => i > 0 && t <= c[i - 1]!);
      expect(bad, `m = ${m}: counts increase`).toBe(-1);
    }
  });
});

describe("summarizeFan", () => {
  it("puts E0 at 0 trades, then the type-7 quantiles of each checkpoint's column", () => {
    // 5 paths x 2 checkpoints (after 1 and 3 trades), path-major.
    const paths = Float64Array.from([110, 130, 90, 80, 100, 120, 120, 150, 105, 70]);
    const fan = summarizeFan(100, Int32Array.from([1, 3]), paths)!;
    // Column 1 sorted: 90 100 105 110 120; column 2: 70 80 120 130 150. h = 4p.
    expect(fan).toEqual({
      trades: [0, 1, 3],
      p5: [100, 90 + 0.2 * 10, 70 + 0.2 * 10],
      p25: [100, 100, 80],
      p50: [100, 105, 120],
      p75: [100, 110, 130],
      p95: [100, 110 + 0.8 * 10, 130 + 0.8 * 20],
    });
  });

  it("is null without paths or checkpoints, and writes null for a non-finite quantile", () => {
    expect(summarizeFan(100, new Int32Array(0), new Float64Array(0))).toBeNull();
    expect(summarizeFan(100, Int32Array.from([1]), new Float64Array(0))).toBeNull();
    const fan = summarizeFan(100, Int32Array.from([1]), Float64Array.from([1, Number.POSITIVE_INFINITY]))!;
    expect(fan.p95[1], "a quantile reaching an infinite equity is not JSON").toBeNull();
  });
});
