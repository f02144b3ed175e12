import { describe, expect, it } from "vitest";
import { fillPrice } from "./fill-price.js";

describe("fillPrice", () => {
  it("makes buys pay the open plus slippage", () => {
    // 100 x (1 + 10/1e4) = 100.1
    expect(fillPrice(100, 1, 10), "10 bps above the open").toBeCloseTo(100.1, 12);
  });

  it("makes sells receive the open minus slippage", () => {
    // 100 x (1 - 10/1e4) = 99.9
    expect(fillPrice(100, -1, 10), "10 bps below the open").toBeCloseTo(99.9, 12);
  });

  it("fills exactly at the open without slippage", () => {
    expect(fillPrice(123.45, 1, 0), "no slippage, no price change").toBe(123.45);
    expect(fillPrice(123.45, -1, 0), "no slippage, no price change").toBe(123.45);
  });
});
