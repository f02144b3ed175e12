import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { emaCrossover } from "./ema-crossover.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

const N = Number.NaN;

describe("ema_crossover", () => {
  it("applies the crossover rule to the EMA columns its params name", () => {
    // t=2 bullish (1<2 then 3>2), t=4 bearish (3>2 then 1<2).
    const frame = frameOf({ ema_5: [N, 1, 3, 3, 1, 1], ema_20: [N, 2, 2, 2, 2, 2] });
    expect(signalOf(emaCrossover, { fast: 5, slow: 20 }, frame), "long-only").toEqual([0, 0, 1, 1, 0, 0]);
    expect(signalOf(emaCrossover, { fast: 5, slow: 20, allow_short: true }, frame), "with shorts").toEqual([
      0, 0, 1, 1, -1, -1,
    ]);
  });

  it("reads EMAs, defaults 10 and 50, and rejects fast >= slow", () => {
    expect(
      emaCrossover.inputs(emaCrossover.schema.parse({}), { indicators: engineCatalog().indicators }),
      "two EMA refs",
    ).toEqual({
      fast: { name: "ema", params: { period: 10 } },
      slow: { name: "ema", params: { period: 50 } },
    });
    expect(emaCrossover.schema.safeParse({ fast: 60 }).success, "60 >= default slow 50").toBe(false);
  });
});
