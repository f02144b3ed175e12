import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { profitFactor } from "./profit-factor.js";

describe("profitFactor", () => {
  it("is gross wins over absolute gross losses", () => {
    // (10 + 20) / |-5 - 15| = 30 / 20 = 1.5
    expect(profitFactor(f64(10, -5, 0, 20, -15))).toBe(1.5);
  });

  it("is 0 with losers but no winners", () => {
    expect(profitFactor(f64(-5, -10))).toBe(0);
  });

  it("is null without a losing trade", () => {
    expect(profitFactor(f64(5, 10)), "gross loss 0: infinite").toBeNull();
    expect(profitFactor(f64(0, 0)), "0 / 0").toBeNull();
    expect(profitFactor(new Float64Array(0)), "no trades").toBeNull();
  });
});
