import { describe, expect, it } from "vitest";
import { avgTradeDurationBars } from "./avg-trade-duration-bars.js";

describe("avgTradeDurationBars", () => {
  it("is the mean of exit bar minus entry bar", () => {
    // (3 - 0) + (5 - 3) + (20 - 10) = 15 over 3 trades = 5
    expect(avgTradeDurationBars(Int32Array.of(0, 3, 10), Int32Array.of(3, 5, 20))).toBe(5);
  });

  it("is null with no trades", () => {
    expect(avgTradeDurationBars(new Int32Array(0), new Int32Array(0))).toBeNull();
  });
});
