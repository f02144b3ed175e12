import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { bollingerReversion } from "./bollinger-reversion.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

const N = Number.NaN;
// Shifted features with constant bands mid 10, upper 12, lower 8:
//   t:      0   1    2  3   4   5   6    7  8     9
//   close:  N  10  7.5  9  10  13  11  9.5  7  12.5
// t=2 below lower -> long; t=3 long, 9 < mid -> hold; t=4 reaches mid -> flat; t=5 above upper -> flat / short;
// t=6 short, 11 > mid -> hold; t=7 short, 9.5 <= mid -> flat; t=8 below lower -> long; t=9 above upper ->
// flat / short straight from long.
const n = 10;
const frame = frameOf({
  price_close: [N, 10, 7.5, 9, 10, 13, 11, 9.5, 7, 12.5],
  bollinger_20_2_mid: [N, ...Array(n - 1).fill(10)],
  bollinger_20_2_upper: [N, ...Array(n - 1).fill(12)],
  bollinger_20_2_lower: [N, ...Array(n - 1).fill(8)],
});

describe("bollinger_reversion", () => {
  it("buys below the lower band and exits at the mid band (long-only)", () => {
    expect(signalOf(bollingerReversion, {}, frame), "long 2..3 and 8").toEqual([
      0, 0, 1, 1, 0, 0, 0, 0, 1, 0,
    ]);
  });

  it("also shorts above the upper band and covers at the mid band when shorts are allowed", () => {
    expect(signalOf(bollingerReversion, { allow_short: true }, frame), "short 5..6 and 9").toEqual([
      0, 0, 1, 1, 0, -1, -1, 0, 1, -1,
    ]);
  });

  it("reads the bands for its period and width, and the close", () => {
    const params = bollingerReversion.schema.parse({ stddev: 1.5 });
    expect(bollingerReversion.inputs(params, { indicators: engineCatalog().indicators }), "refs").toEqual({
      mid: { name: "bollinger", params: { period: 20, stddev: 1.5 }, output: "mid" },
      upper: { name: "bollinger", params: { period: 20, stddev: 1.5 }, output: "upper" },
      lower: { name: "bollinger", params: { period: 20, stddev: 1.5 }, output: "lower" },
      close: { name: "price", params: { field: "close" } },
    });
  });
});
