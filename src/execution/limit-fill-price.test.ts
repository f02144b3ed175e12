import { describe, expect, it } from "vitest";
import { limitFillPrice } from "./limit-fill-price.js";

describe("limitFillPrice", () => {
  it("sells a long's target at the limit when the bar opened below it", () => {
    expect(limitFillPrice(110, 100, -1), "target touched inside the bar").toBe(110);
  });

  it("sells at the open when the open gapped above the target", () => {
    expect(limitFillPrice(110, 115, -1), "a better price than the limit").toBe(115);
  });

  it("buys a short's target at the limit, or at the open below it", () => {
    expect(limitFillPrice(90, 100, 1), "inside the bar").toBe(90);
    expect(limitFillPrice(90, 85, 1), "gap down through a short's target").toBe(85);
  });
});
