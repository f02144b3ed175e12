import { describe, expect, it } from "vitest";
import { commission } from "./commission.js";

describe("commission", () => {
  it("adds the per-unit and the proportional fee", () => {
    // 0.01 x 10 + 5 x (10 x 50) / 1e4 = 0.1 + 0.25 = 0.35
    expect(commission(10, 50, 0.01, 5), "per-share plus bps of notional").toBeCloseTo(0.35, 14);
  });

  it("charges sells (negative quantities) the same as buys", () => {
    expect(commission(-10, 50, 0.01, 5), "fees never depend on direction").toBe(commission(10, 50, 0.01, 5));
  });

  it("is zero without fee settings", () => {
    expect(commission(10, 50, 0, 0), "no fees configured").toBe(0);
  });
});
