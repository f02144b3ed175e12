import { describe, expect, it } from "vitest";
import { f64 } from "../test-support/series.js";
import { expectancy } from "./expectancy.js";

describe("expectancy", () => {
  it("is the mean trade return", () => {
    // (0.1 - 0.05 + 0.04) / 3 = 0.09 / 3 = 0.03
    expect(expectancy(f64(0.1, -0.05, 0.04))).toBeCloseTo(0.03, 15);
  });

  it("is null with no trades", () => {
    expect(expectancy(new Float64Array(0))).toBeNull();
  });
});
