import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { bestTrade } from "./best-trade.js";

describe("bestTrade", () => {
  it("is the largest trade return", () => {
    expect(bestTrade(f64(0.04, 0.1, -0.05))).toBe(0.1);
    expect(bestTrade(f64(-0.2, -0.05)), "the least bad when all lost").toBe(-0.05);
  });

  it("is null with no trades", () => {
    expect(bestTrade(new Float64Array(0))).toBeNull();
  });
});
