import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import { parseRunConfigShape } from "../../core/run-config.js";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { planBacktest } from "../../engine/plan-backtest.js";
import { runBacktest } from "../../engine/run-backtest.js";
import { randomWalkCandles } from "../../indicators/test-support/random-walk-candles.js";
import { rules } from "./rules.js";

const catalog = engineCatalog();

function config(strategy: { name: string; params: Record<string, unknown> }) {
  return { symbol: "SYN", timeframe: "1d" as const, start: 0, end: 1e11, provider: "synthetic", strategy };
}

/** The crossover rule of `sma_crossover` written as rules, with shorts the way allow_short takes them. */
function crossoverRules(allowShort: boolean) {
  const up = "cross_above(sma(close, $fast), sma(close, $slow))";
  const down = "cross_below(sma(close, $fast), sma(close, $slow))";
  return allowShort ? { long_entry: up, short_entry: down } : { long_entry: up, long_exit: down };
}

describe("rules strategy", () => {
  it("gives exactly the targets and metrics of sma_crossover for the same crossover rule", () => {
    for (const [seed, fast, slow] of [
      [3, 5, 20],
      [8, 10, 50],
      [21, 2, 3],
    ] as const) {
      const candles = randomWalkCandles(3000, seed);
      for (const allowShort of [false, true]) {
        const builtin = runBacktest(
          config({ name: "sma_crossover", params: { fast, slow, allow_short: allowShort } }),
          { candles },
        );
        const mine = runBacktest(
          config({ name: "rules", params: { ...crossoverRules(allowShort), vars: { fast, slow } } }),
          { candles },
        );
        const what = `seed ${seed}, ${fast}/${slow}, shorts ${allowShort}`;
        for (let t = 0; t < candles.ts.length; t++) {
          if (builtin.signal[t] !== mine.signal[t]) {
            expect.fail(
              `${what}: target at bar ${t} is ${mine.signal[t]}, sma_crossover has ${builtin.signal[t]}`,
            );
          }
        }
        expect(
          builtin.signal.some((v) => v !== 0),
          `${what}: the rule trades`,
        ).toBe(true);
        expect(JSON.stringify(mine.metrics), `${what}: same metrics`).toBe(JSON.stringify(builtin.metrics));
      }
    }
  });

  it("computes the indicators it names as features with their usual column names", () => {
    const candles = randomWalkCandles(300, 5);
    const result = runBacktest(
      config({
        name: "rules",
        params: {
          long_entry: "rsi(14) < 30 and close > sma(close, 10)",
          long_exit: "macd(12, 26, 9).hist < 0",
        },
      }),
      { candles },
    );
    expect(result.features.columns.map((c) => c.name).sort(), "declared like any indicator").toEqual(
      [
        "macd_12_26_9_hist",
        "macd_12_26_9_macd",
        "macd_12_26_9_signal",
        "price_close",
        "rsi_14",
        "sma_10",
      ].sort(),
    );
  });

  it("plans the warm-up of the indicators it reads", () => {
    const plan = planBacktest(
      parseRunConfigShape(config({ name: "rules", params: { long_entry: "sma(close, 40) > ema(10)" } })),
      catalog,
    );
    expect(plan.warmup, "sma 40: lookback 39 + the shift").toBe(40);
  });

  it("warns about bars where both entries held, and says how many", () => {
    const candles = randomWalkCandles(400, 9);
    const result = runBacktest(
      config({
        name: "rules",
        params: { long_entry: "close > prev(close, 1)", short_entry: "close > prev(close, 2)" },
      }),
      { candles },
    );
    const closes = candles.close;
    let both = 0;
    let first = -1;
    // Shifted close at t is the close of bar t-1.
    for (let t = 3; t < closes.length; t++) {
      if (closes[t - 1]! > closes[t - 2]! && closes[t - 1]! > closes[t - 3]!) {
        if (both++ === 0) first = t;
      }
    }
    expect(both, "the data has such bars").toBeGreaterThan(0);
    expect(result.warnings, "one warning with the count and the first bar").toContain(
      `rules: long_entry and short_entry were both true on ${both} bars (first at bar ${first}); the target did not change on those bars`,
    );
  });

  it("fails at plan time with CONFIG_INVALID quoting the rule", () => {
    const candles: Candles = randomWalkCandles(100, 1);
    expect(
      () => runBacktest(config({ name: "rules", params: { long_entry: "rsi(14) < $lo" } }), { candles }),
      "unknown var",
    ).toThrow(
      /^strategy\.params\.long_entry: unknown var \$lo; vars: \(none; set them in vars\) \(at column 11\)\n {2}rsi\(14\) < \$lo\n {12}\^$/,
    );
  });

  it("defaults every rule to empty and vars to none, and refuses a bad var name or value", () => {
    expect(rules.schema.parse({}), "defaults").toEqual({
      long_entry: "",
      long_exit: "",
      short_entry: "",
      short_exit: "",
      vars: {},
    });
    expect(rules.schema.safeParse({ vars: { "1x": 2 } }).success, "var names are identifiers").toBe(false);
    expect(rules.schema.safeParse({ vars: { x: "2" } }).success, "vars are numbers").toBe(false);
    expect(rules.schema.safeParse({ long_entry: "x".repeat(2001) }).success, "expressions are bounded").toBe(
      false,
    );
  });
});
