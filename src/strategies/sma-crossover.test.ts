import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { smaCrossover } from "./sma-crossover.js";
import { frameOf, signalOf } from "./test-support/frame-of.js";

const N = Number.NaN;
// Shifted features as the strategy sees them (fast 2, slow 3):
//   t:     0  1  2  3  4  5  6  7  8  9
//   fast:  N  1  1  3  3  1  1  2  2  3
//   slow:  N  2  2  2  2  2  2  2  2  2
// t=3 bullish (1<2 then 3>2); t=5 bearish (3>2 then 1<2); t=7 touches (2 = 2) and t=9 starts from a touch,
// neither is a cross because both bars must be strictly on either side.
const frame = frameOf({
  sma_2: [N, 1, 1, 3, 3, 1, 1, 2, 2, 3],
  sma_3: [N, 2, 2, 2, 2, 2, 2, 2, 2, 2],
});

describe("sma_crossover", () => {
  it("goes long on a bullish cross and flat on a bearish cross, holding in between (long-only)", () => {
    expect(signalOf(smaCrossover, { fast: 2, slow: 3 }, frame), "enter at 3, exit at 5").toEqual([
      0, 0, 0, 1, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it("reverses to short on a bearish cross when shorts are allowed", () => {
    expect(signalOf(smaCrossover, { fast: 2, slow: 3, allow_short: true }, frame), "short from 5 on").toEqual(
      [0, 0, 0, 1, 1, -1, -1, -1, -1, -1],
    );
  });

  it("takes no position before the first cross, even when fast starts above slow", () => {
    const above = frameOf({ sma_2: [N, 3, 3, 3], sma_3: [N, 2, 2, 2] });
    expect(signalOf(smaCrossover, { fast: 2, slow: 3 }, above), "no cross, no position").toEqual([
      0, 0, 0, 0,
    ]);
  });

  it("never crosses through a NaN", () => {
    const gap = frameOf({ sma_2: [1, N, 3, N, 1], sma_3: [2, 2, 2, 2, 2] });
    expect(
      signalOf(smaCrossover, { fast: 2, slow: 3, allow_short: true }, gap),
      "NaN compares false",
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it("reads the two SMAs its params name", () => {
    expect(
      smaCrossover.inputs(smaCrossover.schema.parse({}), { indicators: engineCatalog().indicators }),
      "defaults 10 and 50",
    ).toEqual({
      fast: { name: "sma", params: { period: 10 } },
      slow: { name: "sma", params: { period: 50 } },
    });
  });

  it("rejects fast >= slow", () => {
    const result = smaCrossover.schema.safeParse({ fast: 50, slow: 50 });
    expect(result.error?.issues[0]?.message, "quotes both values").toBe(
      "fast (50) must be less than slow (50)",
    );
  });
});
