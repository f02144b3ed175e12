import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { worstTrade } from "./worst-trade.js";

describe("worstTrade", () => {
  it("is the smallest trade return", () => {
    expect(worstTrade(f64(0.04, -0.05, 0.1))).toBe(-0.05);
    expect(worstTrade(f64(0.2, 0.05)), "the least good when all won").toBe(0.05);
  });

  it("is null with no trades", () => {
    expect(worstTrade(new Float64Array(0))).toBeNull();
  });
});
