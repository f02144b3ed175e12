import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { winRate } from "./win-rate.js";

describe("winRate", () => {
  it("is the fraction of trades with positive pnl", () => {
    // wins 10 and 20 out of 4 trades: 2 / 4
    expect(winRate(f64(10, -5, 0, 20))).toBe(0.5);
  });

  it("does not count a break-even trade as a win", () => {
    expect(winRate(f64(0, 0))).toBe(0);
  });

  it("is null with no trades", () => {
    expect(winRate(new Float64Array(0))).toBeNull();
  });
});
