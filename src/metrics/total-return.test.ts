import { describe, expect, it } from "vitest";
import { f64 } from "./test-support/series.js";
import { totalReturn } from "./total-return.js";

describe("totalReturn", () => {
  it("is the last equity over the initial cash, minus one", () => {
    expect(totalReturn(f64(100, 120, 150), 100), "150/100 - 1").toBe(0.5);
    expect(totalReturn(f64(90, 75), 100), "75/100 - 1").toBe(-0.25);
  });

  it("ignores everything but the last bar", () => {
    expect(totalReturn(f64(1, 1e6, 200), 100), "200/100 - 1, whatever happened before").toBe(1);
  });

  it("is 0 for an empty equity curve", () => {
    expect(totalReturn(new Float64Array(0), 100), "nothing happened").toBe(0);
  });
});
