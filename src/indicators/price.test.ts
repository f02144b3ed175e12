import { describe, expect, it } from "vitest";
import { price } from "./price.js";
import { randomWalkCandles } from "./test-support/random-walk-candles.js";

describe("price", () => {
  it("copies the requested candle column without aliasing it", () => {
    const candles = randomWalkCandles(10, 3);
    const out = price.compute(candles, { field: "high" }).price!;
    expect(Array.from(out), "same values as candles.high").toEqual(Array.from(candles.high));
    out[0] = -1;
    expect(candles.high[0], "writing the output leaves the candles alone").not.toBe(-1);
  });

  it("defaults to the close", () => {
    expect(price.schema.parse({}), "field defaults to close").toEqual({ field: "close" });
  });
});
