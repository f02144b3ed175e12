import { describe, expect, it } from "vitest";
import { rsiReversion } from "./rsi-reversion.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

const N = Number.NaN;
// Shifted RSI(14) with levels 30/70:
//   t:    0   1   2   3   4   5   6   7   8   9  10
//   rsi:  N  50  25  40  75  60  29  30  70  71  50
// t=2 oversold -> long; t=4 overbought -> flat/short; t=6 oversold -> long; exactly 30 or 70 is not beyond
// the level (t=7, t=8 hold); t=9 overbought.
const frame = frameOf({ rsi_14: [N, 50, 25, 40, 75, 60, 29, 30, 70, 71, 50] });

describe("rsi_reversion", () => {
  it("is long below lower, flat above upper and holds in between (long-only)", () => {
    expect(signalOf(rsiReversion, {}, frame), "levels 30/70").toEqual([0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0]);
  });

  it("is short above upper when shorts are allowed", () => {
    expect(signalOf(rsiReversion, { allow_short: true }, frame), "shorts at 4 and 9").toEqual([
      0, 0, 1, 1, -1, -1, 1, 1, 1, -1, -1,
    ]);
  });

  it("uses the configured levels and period", () => {
    const custom = frameOf({ rsi_5: [N, 35, 45, 55, 65] });
    expect(signalOf(rsiReversion, { period: 5, lower: 40, upper: 60 }, custom), "40/60").toEqual([
      0, 1, 1, 1, 0,
    ]);
  });

  it("rejects lower >= upper", () => {
    const result = rsiReversion.schema.safeParse({ lower: 70, upper: 30 });
    expect(result.error?.issues[0]?.message, "quotes both").toBe("lower (70) must be less than upper (30)");
  });
});
