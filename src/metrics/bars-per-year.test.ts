import { describe, expect, it } from "vitest";
import { MS_PER_DAY } from "../core/timeframe.js";
import { barsPerYear, yearsSpanned } from "./bars-per-year.js";
import { dailyTs, f64, T0 } from "./test-support/series.js";

const HOUR = 3_600_000;

describe("barsPerYear", () => {
  it("is 365.25 for consecutive daily bars", () => {
    // 4 bars span 3 days = 3/365.25 years; (4 - 1) / (3/365.25) = 365.25
    expect(yearsSpanned(dailyTs(4))).toBeCloseTo(3 / 365.25, 15);
    expect(barsPerYear(dailyTs(4))).toBeCloseTo(365.25, 10);
  });

  it("is 8766 for consecutive hourly bars", () => {
    // 48 bars span 47 hours; 47 / (47 / (24 x 365.25)) = 24 x 365.25 = 8766
    const ts = Float64Array.from({ length: 48 }, (_, i) => T0 + i * HOUR);
    expect(barsPerYear(ts)).toBeCloseTo(8766, 8);
  });

  it("counts the bars actually observed, so weekends lower it", () => {
    // Mon..Fri then next Mon: 6 bars over 7 days; 5 / (7/365.25) = 5 x 365.25 / 7 = 260.892857...
    const ts = f64(0, 1, 2, 3, 4, 7).map((d) => T0 + d * MS_PER_DAY);
    expect(barsPerYear(ts)).toBeCloseTo((5 * 365.25) / 7, 10);
  });

  it("is null for one bar and for a zero time span", () => {
    expect(barsPerYear(dailyTs(1)), "one bar spans no time").toBeNull();
    expect(yearsSpanned(dailyTs(1))).toBe(0);
    expect(barsPerYear(f64(T0, T0)), "equal first and last timestamps").toBeNull();
    expect(barsPerYear(new Float64Array(0)), "no bars").toBeNull();
  });
});
