import { describe, expect, it } from "vitest";
import { stopFillPrice, stopTriggerPrice } from "./stop-fill-price.js";

describe("stopFillPrice", () => {
  it("sells a long's stop at the stop level minus slippage when the bar opened above it", () => {
    // 95 x (1 - 10/1e4) = 94.905
    expect(stopFillPrice(95, 100, -1, 10), "stop touched inside the bar").toBeCloseTo(94.905, 12);
  });

  it("sells at the open minus slippage when the open gapped below the stop", () => {
    // 90 x (1 - 10/1e4) = 89.91: no trade happened at 95
    expect(stopFillPrice(95, 90, -1, 10), "gap through the stop").toBeCloseTo(89.91, 12);
  });

  it("buys a short's stop at the stop level, or the open above it, plus slippage", () => {
    // 105 x 1.001 = 105.105; 110 x 1.001 = 110.11
    expect(stopFillPrice(105, 100, 1, 10), "inside the bar").toBeCloseTo(105.105, 12);
    expect(stopFillPrice(105, 110, 1, 10), "gap up through a short's stop").toBeCloseTo(110.11, 12);
  });

  it("triggers exactly at the level or the open without slippage", () => {
    expect([stopTriggerPrice(95, 100, -1), stopTriggerPrice(95, 90, -1)]).toEqual([95, 90]);
    expect(stopFillPrice(95, 100, -1, 0), "no slippage").toBe(95);
  });
});
