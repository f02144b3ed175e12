import { describe, expect, it } from "vitest";
import { annualizedReturn, walkForwardEfficiency } from "./walk-forward-efficiency.js";

describe("walk-forward efficiency", () => {
  it("annualizes by compounding: 10% over half a year is 21% a year", () => {
    expect(annualizedReturn(0.1, 126, 252)).toBeCloseTo(0.21, 12);
    expect(annualizedReturn(0.21, 504, 252)).toBeCloseTo(0.1, 12);
    expect(annualizedReturn(-1.5, 10, 252)).toBeNaN();
  });

  it("divides annualized OOS by annualized IS, null when IS <= 0", () => {
    expect(walkForwardEfficiency(0.1, 0.2)).toBe(0.5);
    expect(walkForwardEfficiency(-0.1, 0.2)).toBe(-0.5);
    expect(walkForwardEfficiency(0.1, 0)).toBeNull();
    expect(walkForwardEfficiency(0.1, -0.2), "no sign flip").toBeNull();
    expect(walkForwardEfficiency(Number.NaN, 0.2)).toBeNull();
  });
});
