import { describe, expect, it } from "vitest";
import { calmar } from "./calmar.js";

describe("calmar", () => {
  it("is cagr over the absolute max drawdown", () => {
    expect(calmar(0.1, -0.25), "0.1 / 0.25").toBeCloseTo(0.4, 15);
    expect(calmar(-0.1, -0.2), "-0.1 / 0.2").toBeCloseTo(-0.5, 15);
  });

  it("is null without a drawdown or without a cagr", () => {
    expect(calmar(0.1, 0), "no drawdown: division by zero").toBeNull();
    expect(calmar(null, -0.2), "cagr undefined under a day").toBeNull();
  });
});
