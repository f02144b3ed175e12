import { describe, expect, it } from "vitest";
import { sma } from "../indicators/trend/sma.js";
import { checkIndicatorProperties, type SampleData } from "./check-indicator.js";
import { marketCandles, randomWalkCandles } from "./sample-candles.js";
import {
  centeredSma,
  minMaxScaled,
  shortLookback,
  skipsBars,
  stateful,
} from "./test-support/leaky-indicators.js";

const samples: SampleData[] = [
  { label: "random walk", candles: randomWalkCandles(300, 7) },
  { label: "market", candles: marketCandles(300) },
];

function failures(results: ReturnType<typeof checkIndicatorProperties>) {
  return Object.fromEntries(results.filter((r) => r.failure).map((r) => [r.check, r.failure!]));
}

describe("checkIndicatorProperties", () => {
  it("passes a trailing moving average on every check", () => {
    const results = checkIndicatorProperties(sma, sma.schema.parse({ period: 7 }), samples);
    expect(failures(results), "no check fails for sma(7)").toEqual({});
    expect(results.map((r) => r.check)).toEqual([
      "runs",
      "outputs",
      "warm_up",
      "look_ahead",
      "prefix",
      "deterministic",
      "writes_every_bar",
      "short_series",
    ]);
  });

  it("catches a centered moving average at the first bar that reads past k", () => {
    const f = failures(checkIndicatorProperties(centeredSma, { period: 5 }, samples));
    const leak = f.look_ahead!;
    expect(leak, "look-ahead is reported").toBeDefined();
    // Half-width 2: bars 0 and 1 are warm-up NaN, and bar 2 already averages bars 3 and 4.
    expect([leak.k, leak.bar], "k = 2 (the first k with a value), bar 2 reads bars 3 and 4").toEqual([2, 2]);
    expect(leak.change, "a positive change").toBeGreaterThan(0);
    expect(leak.message).toMatch(
      /^look-ahead: value\[\d+\] changed by [\d.e-]+ \(.* -> .*\) when only the candles after bar 2 changed/,
    );
    expect(f.prefix, "a cut series changes it too").toBeDefined();
  });

  it("catches a min-max scaling over the whole series at bar 0", () => {
    const f = failures(checkIndicatorProperties(minMaxScaled, {}, samples));
    expect(f.look_ahead?.bar, "every bar moves with the range; the first is 0").toBe(0);
    expect(f.look_ahead?.k, "already the first k").toBe(0);
    expect(f.look_ahead?.data).toMatch(/random walk/);
  });

  it("names the first bar outside the declared warm-up", () => {
    const f = failures(checkIndicatorProperties(shortLookback, { period: 5 }, samples));
    expect(f.warm_up?.bar, "lookback 3 declared, bar 3 is still NaN").toBe(3);
    expect(f.warm_up?.message).toBe("warm-up: value[3] is NaN after the declared warm-up (lookback 3)");
    expect(f.look_ahead, "a wrong lookback is not a leak").toBeUndefined();
  });

  it("catches a column that relies on zero-filled memory", () => {
    const f = failures(checkIndicatorProperties(skipsBars, {}, samples));
    expect(Object.keys(f), "only the write check fails").toEqual(["writes_every_bar"]);
    expect(f.writes_every_bar?.message).toMatch(/^writes every bar: value\[\d+\] kept -7\.77e\+300/);
  });

  it("catches an indicator whose values depend on earlier calls", () => {
    const f = failures(checkIndicatorProperties(stateful, {}, samples));
    expect(f.deterministic?.bar).toBe(0);
  });

  it("reports a throwing compute as a failed run and stops", () => {
    const throwing = {
      ...sma,
      compute: () => {
        throw new Error("boom");
      },
    };
    const results = checkIndicatorProperties(throwing, { period: 3 }, samples);
    expect(results).toEqual([
      {
        check: "runs",
        description: expect.any(String),
        failure: { check: "runs", message: "runs: compute threw: boom" },
      },
    ]);
  });

  it("reports outputs that do not match the declaration", () => {
    const renamed = { ...sma, outputs: ["mean"] };
    const f = failures(checkIndicatorProperties(renamed, { period: 3 }, samples));
    expect(f.outputs?.message).toBe("outputs: declared [mean] but compute returned [sma]");
  });
});
