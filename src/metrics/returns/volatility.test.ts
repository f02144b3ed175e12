import { describe, expect, it } from "vitest";
import { EXAMPLE } from "../test-support/example-returns.js";
import { f64 } from "../test-support/series.js";
import { returnStats } from "./return-stats.js";
import { volatility } from "./volatility.js";

describe("volatility", () => {
  it("is the sample stdev times sqrt(bars per year) on the hand-worked series", () => {
    // sqrt(0.036875 / 3) x sqrt(365.25) = 0.110867789 x 19.111514 = 2.118851...
    const value = volatility(returnStats(EXAMPLE.equity, EXAMPLE.initialCash), EXAMPLE.barsPerYear);
    expect(value).toBeCloseTo(2.1188513987535793, 12);
  });

  it("is 0, not null, for a flat curve", () => {
    expect(volatility(returnStats(f64(100, 100, 100), 100), 252), "zero risk is a defined risk").toBe(0);
  });

  it("is null with one bar or without an annualization factor", () => {
    expect(volatility(returnStats(f64(110), 100), 252), "one bar: no sample stdev").toBeNull();
    expect(volatility(returnStats(EXAMPLE.equity, EXAMPLE.initialCash), null)).toBeNull();
  });
});
