import { describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../core/run-config.js";
import { studioErrorOf } from "../core/test-support/studio-error-of.js";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
import { fractionalTrend } from "../strategies/test-support/fractional-trend.js";
import {
  brokenIndicator,
  readingStrategy,
  skippingStrategy,
  writingStrategy,
} from "../strategies/test-support/plugin-fixtures.js";
import { engineCatalog } from "./engine-catalog.js";
import { planBacktest } from "./plan-backtest.js";
import { runBacktest } from "./run-backtest.js";
import { runPlan } from "./run-plan.js";

const N = 60;
const candles = randomWalkCandles(N, 5);
const config = (strategy: string, params: Record<string, unknown> = {}) =>
  parseRunConfigShape({
    symbol: "SYN",
    timeframe: "1d",
    start: 0,
    end: 1e12,
    provider: "synthetic",
    strategy: { name: strategy, params },
  });
const iso = (t: number) => new Date(candles.ts[t]!).toISOString();

describe("runPlan: the plugins' output is checked", () => {
  it("fails a NaN target with PLUGIN_FAILED naming the strategy and the first bad bar", () => {
    const nan = writingStrategy("nan_at_7", (t) => (t >= 7 ? Number.NaN : 0));
    const err = studioErrorOf(() => runBacktest(config("nan_at_7"), { candles, plugins: [nan] }));
    expect(err.code).toBe("PLUGIN_FAILED");
    expect(err.message).toMatch(
      new RegExp(
        `^strategy "nan_at_7" \\(a plugin passed in code \\(sha256 [0-9a-f]{12}\\)\\) wrote a non-finite target NaN at bar 7 \\(${iso(7)}\\)`,
      ),
    );
    expect(err.details, "the bar, machine-readable").toMatchObject({ bar: 7, value: "NaN" });
  });

  it("fails an infinite target the same way", () => {
    const inf = writingStrategy("inf_at_3", (t) => (t === 3 ? -Infinity : 1));
    expect(studioErrorOf(() => runBacktest(config("inf_at_3"), { candles, plugins: [inf] })).message).toMatch(
      /wrote a non-finite target -Infinity at bar 3 /,
    );
  });

  it("catches a bar the strategy never wrote", () => {
    const lazy = skippingStrategy("skips_11", 11);
    const err = studioErrorOf(() => runBacktest(config("skips_11"), { candles, plugins: [lazy] }));
    expect(err.code).toBe("PLUGIN_FAILED");
    expect(err.message, "an unwritten bar reads as NaN, never as flat").toMatch(
      /target NaN at bar 11 .*\(NaN: written as NaN, or not written at all\)/,
    );
  });

  it("wraps a throwing strategy with its name", () => {
    const thrower = writingStrategy("thrower", () => 0, "index out of range");
    const err = studioErrorOf(() => runBacktest(config("thrower"), { candles, plugins: [thrower] }));
    expect(err.code).toBe("PLUGIN_FAILED");
    expect(err.message).toMatch(/^strategy "thrower" \(.*\) threw: index out of range$/);
  });

  it("fails an indicator output of the wrong length, a missing output and a throw", () => {
    const cases = [
      [
        brokenIndicator("short_out", (n) => ({ value: new Float64Array(n - 1) })),
        /returned output "value" of length 59; the series has 60 bars \(first bad bar: 59\)/,
      ],
      [
        brokenIndicator("no_out", (n) => ({ other: new Float64Array(n) })),
        /returned no output "value" \(declared: value; got: other\)/,
      ],
      [
        brokenIndicator("array_out", (n) => ({ value: new Array(n).fill(0) as unknown as Float64Array })),
        /returned output "value" that is not a Float64Array/,
      ],
      [
        brokenIndicator("throws", () => {
          throw new RangeError("bad period");
        }),
        /threw: bad period/,
      ],
    ] as const;
    for (const [indicator, message] of cases) {
      const reader = readingStrategy(`reads_${indicator.name}`, { x: { name: indicator.name, params: {} } });
      const err = studioErrorOf(() =>
        runBacktest(config(reader.name), { candles, plugins: [indicator, reader] }),
      );
      expect(err.code, indicator.name).toBe("PLUGIN_FAILED");
      expect(err.message, indicator.name).toMatch(
        new RegExp(`^indicator "${indicator.name}" \\(.*\\) ${message.source}`),
      );
    }
  });

  it("runs a user strategy with fractional targets: half a position above the SMA", () => {
    const r = runBacktest(config("fractional_trend", { period: 3 }), { candles, plugins: [fractionalTrend] });
    const entry = r.fills.barIndex[0]!;
    expect(r.signal[entry], "the first fill enters the half-long target").toBe(0.5);
    const equity = r.equity[entry - 1]!;
    expect(r.fills.qty[0]! * r.fills.price[0]!, "half the equity, no costs").toBeCloseTo(equity * 0.5, 8);
  });
});

describe("runPlan: inputs by key", () => {
  it("hands over an input whatever its key, even one named __proto__", () => {
    const refs = Object.fromEntries([["__proto__", { name: "price", params: { field: "close" } }]]);
    let seen: unknown;
    const odd = {
      ...readingStrategy("odd_keys", refs),
      signal: (inputs: Readonly<Record<string, Float64Array>>, _p: unknown, out: Float64Array) => {
        seen = Object.getOwnPropertyDescriptor(inputs, "__proto__")?.value;
        out.fill(0);
      },
    };
    runBacktest(config("odd_keys"), { candles, plugins: [odd] });
    expect(seen, "the shifted close, as an own property").toBeInstanceOf(Float64Array);
    expect((seen as Float64Array)[1], "shifted: bar 1 sees bar 0's close").toBe(candles.close[0]);
  });
});

describe("runPlan: one path for runs and replays", () => {
  it("gives a replay the full run's signal, equity and trades, without metrics", () => {
    const plan = planBacktest(config("sma_crossover", { fast: 3, slow: 8 }), engineCatalog());
    const full = runPlan(plan, { candles });
    const replay = runPlan(plan, { candles, scope: "replay" });
    expect(Array.from(replay.signal)).toEqual(Array.from(full.signal));
    expect(Array.from(replay.equity)).toEqual(Array.from(full.equity));
    expect(Array.from(replay.trades.returnPct)).toEqual(Array.from(full.trades.returnPct));
    expect(replay, "metrics are skipped").not.toHaveProperty("metrics");
  });

  it("rejects a series not longer than the warm-up in every scope, with one message", () => {
    const plan = planBacktest(config("sma_crossover", { fast: 3, slow: 59 }), engineCatalog());
    const message = "the range has 60 1d bars; sma_crossover needs more than 60 (its warm-up) to trade";
    expect(studioErrorOf(() => runPlan(plan, { candles })).message).toBe(message);
    expect(studioErrorOf(() => runPlan(plan, { candles, scope: "replay" })).message).toBe(message);
    expect(
      studioErrorOf(() => runBacktest(config("sma_crossover", { fast: 3, slow: 59 }), { candles })).code,
    ).toBe("INSUFFICIENT_DATA");
  });

  it("announces its steps in order, so the pipeline can time and cancel between them", () => {
    const plan = planBacktest(config("buy_and_hold"), engineCatalog());
    const steps: string[] = [];
    runPlan(plan, { candles, onStep: (step, phase) => steps.push(`${phase} ${step}`) });
    expect(steps).toEqual(["enter simulation", "leave simulation", "enter metrics", "leave metrics"]);
  });
});
