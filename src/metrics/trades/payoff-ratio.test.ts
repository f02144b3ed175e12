import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { payoffRatio } from "./payoff-ratio.js";

describe("payoffRatio", () => {
  it("is the mean win over the absolute mean loss, ignoring break-even trades", () => {
    // wins 10, 20 -> mean 15; losses -5, -15 -> mean -10; 15 / 10 = 1.5 (the 0 trade is neither)
    expect(payoffRatio(f64(10, -5, 0, 20, -15))).toBe(1.5);
  });

  it("is null without winners, without losers or without trades", () => {
    expect(payoffRatio(f64(-5, -10)), "no mean win").toBeNull();
    expect(payoffRatio(f64(5, 10, 0)), "no mean loss").toBeNull();
    expect(payoffRatio(new Float64Array(0))).toBeNull();
  });
});
