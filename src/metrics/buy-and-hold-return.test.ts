import { describe, expect, it } from "vitest";
import { buyAndHoldReturn } from "./buy-and-hold-return.js";
import { f64 } from "./test-support/series.js";

describe("buyAndHoldReturn", () => {
  it("buys at the first open and sells at the last close", () => {
    // 150 / 100 - 1 = 0.5: the first close (110) and the last open (140) play no part
    expect(buyAndHoldReturn(f64(100, 120, 140), f64(110, 130, 150))).toBe(0.5);
  });

  it("is null with no bars or a non-positive first open", () => {
    expect(buyAndHoldReturn(new Float64Array(0), new Float64Array(0))).toBeNull();
    expect(buyAndHoldReturn(f64(0, 1), f64(1, 2)), "division by a zero price").toBeNull();
  });
});
