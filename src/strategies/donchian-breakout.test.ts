import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { donchianBreakout } from "./donchian-breakout.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

const N = Number.NaN;
// Shifted features (period 3): close[t] = close of bar t-1, upper/lower[t] = channel of bars t-3..t-1.
// The rule compares close[t] with the channel one bar earlier, upper/lower[t-1]:
//   t:      0   1   2   3   4   5   6   7
//   close:  N  10  12  11   8   9  13   7
//   upper:  N   N  11  12  12  11  11  13
//   lower:  N   N   9   9  10   8   8   7
// t=2: upper[1] is NaN, no signal. t=3: 11 > upper[2]=11? no (strict). t=4: 8 < lower[3]=9 -> downside.
// t=5: 9 < lower[4]=10 -> downside. t=6: 13 > upper[5]=11 -> upside. t=7: 7 < lower[6]=8 -> downside.
const frame = frameOf({
  price_close: [N, 10, 12, 11, 8, 9, 13, 7],
  donchian_3_upper: [N, N, 11, 12, 12, 11, 11, 13],
  donchian_3_lower: [N, N, 9, 9, 10, 8, 8, 7],
});

describe("donchian_breakout", () => {
  it("goes long when yesterday's close breaks the prior channel high and flat below the prior low", () => {
    expect(signalOf(donchianBreakout, { period: 3 }, frame), "long at 6, out at 7").toEqual([
      0, 0, 0, 0, 0, 0, 1, 0,
    ]);
  });

  it("goes short on a downside breakout when shorts are allowed", () => {
    expect(
      signalOf(donchianBreakout, { period: 3, allow_short: true }, frame),
      "short at 4, long at 6",
    ).toEqual([0, 0, 0, 0, -1, -1, 1, -1]);
  });

  it("reads the channel and the close", () => {
    expect(
      donchianBreakout.inputs(donchianBreakout.schema.parse({}), { indicators: engineCatalog().indicators }),
      "default period 20",
    ).toEqual({
      upper: { name: "donchian", params: { period: 20 }, output: "upper" },
      lower: { name: "donchian", params: { period: 20 }, output: "lower" },
      close: { name: "price", params: { field: "close" } },
    });
  });
});
