/**
 * The contract every registered strategy keeps (docs/architecture.md#no-look-ahead), checked through the real planner, feature layer and simulation by
 * the same code that holds user strategies to it (`studio plugins check`, src/plugins/check-strategy.ts): no
 * look-ahead in features, targets or fills, determinism, every bar written, every target finite (fractions
 * allowed: a fractional test strategy runs beside the built-ins); plus shorts only when allowed; and, through
 * runPlan with every kind of exit on (stop, ATR target, trailing, time), no look-ahead in the fills and the equity.
 */
import { describe, expect, it } from "vitest";
import { extendCatalog } from "../core/catalog/catalog.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { planBacktest, planInputs } from "../engine/plan-backtest.js";
import { runPlan } from "../engine/run-plan.js";
import { computeFeatures, uniqueIndicators } from "../indicators/features/compute-features.js";
import { randomWalkCandles, withNewTail } from "../indicators/test-support/random-walk-candles.js";
import { checkPlan, checkStrategyProperties } from "../plugins/check-strategy.js";
import { marketCandles } from "../plugins/sample-candles.js";
import { fractionalTrend } from "./test-support/fractional-trend.js";

const catalog = extendCatalog(engineCatalog(), { strategies: [fractionalTrend] });

/** Params checked beyond the defaults; every registered strategy must have an entry. */
const EXTRA_PARAMS: Record<string, Record<string, unknown>[]> = {
  sma_crossover: [{ fast: 3, slow: 8, allow_short: true }],
  ema_crossover: [{ fast: 3, slow: 8, allow_short: true }],
  rsi_reversion: [{ period: 5, lower: 40, upper: 60, allow_short: true }],
  donchian_breakout: [{ period: 5, allow_short: true }],
  bollinger_reversion: [{ period: 5, stddev: 1, allow_short: true }],
  buy_and_hold: [],
  fractional_trend: [{ period: 3, allow_short: true }],
  // Empty rules (the default) never trade; these read many indicators, candle fields and every function.
  rules: [
    {
      long_entry: "cross_above(sma(close, $fast), sma(close, $slow))",
      long_exit: "cross_below(sma(close, $fast), sma(close, $slow))",
      vars: { fast: 3, slow: 8 },
    },
    {
      long_entry: "rsi(5) < 40 and close > lowest(low, 3)",
      long_exit: "rsi(close, 5) > 60 or bars_since(rsi(5) < 40) > 10",
      short_entry: "cross_below(close, prev(lowest(low, 10), 1))",
      short_exit: "close > prev(close, 2) + 0.5 * stddev(5)",
    },
    {
      long_entry: "macd(close, fast=3, slow=8, signal=4).hist > 0 and volume > sma(volume, 5)",
      short_entry: "macd(3, 8, 4).hist < 0 and not (open > ema(high, 4))",
      long_exit: "highest(high, 4) - close > 2 * atr(5) or zscore(7) > $z",
      short_exit:
        "bollinger(field=low, period=6).lower > close or roc(3) > 0.01 or wma(open, 5) < donchian(5).lower",
      vars: { z: 1.5 },
    },
  ],
};

const N = 400;
const samples = [
  { label: "random walk", candles: randomWalkCandles(N, 17) },
  { label: "market-like daily bars", candles: marketCandles(N) },
];

/** Every kind of exit, tight enough to fire often on the random walk; the target in ATR, so the plan adds ATR. */
const EXITS = {
  stop_loss: 0.004,
  take_profit: { atr: 5, mult: 2 },
  trailing_stop: 0.003,
  max_bars: 12,
} as const;

it("lists extra params for every registered strategy, so none escapes the contract", () => {
  expect(Object.keys(EXTRA_PARAMS).sort(), "EXTRA_PARAMS keys = registry names").toEqual(
    Object.keys(catalog.strategies).sort(),
  );
});

for (const def of Object.values(catalog.strategies)) {
  for (const input of [{}, ...(EXTRA_PARAMS[def.name] ?? [])]) {
    const params = def.schema.parse(input) as Record<string, unknown>;
    const plan = checkPlan(def, params, catalog);
    // Shorts are allowed by `allow_short`, or for rules by a short_entry rule; rules without entries never trade.
    const p = params as { allow_short?: boolean; long_entry?: string; short_entry?: string };
    const shorts = p.allow_short === true || Boolean(p.short_entry);
    const neverEnters = def.name === "rules" && !p.long_entry && !p.short_entry;

    describe(`strategy ${def.name} ${JSON.stringify(input)}`, () => {
      for (const result of checkStrategyProperties(plan, samples)) {
        it(result.description, () => {
          expect(result.failure?.message, `${result.check} holds`).toBeUndefined();
        });
      }

      it("with every kind of exit on, keeps the fills and the equity up to bar k when the candles after k change", () => {
        const config = parseRunConfigShape({
          symbol: "RW",
          timeframe: "1m",
          start: 0,
          end: 60_000 * (N - 1),
          provider: "synthetic",
          strategy: { name: def.name, params: input },
          exits: EXITS,
        });
        const exitPlan = planBacktest(config, catalog);
        const base = runPlan(exitPlan, { candles: randomWalkCandles(N, 17) });
        const upTo = (r: typeof base, k: number) => {
          let m = 0;
          while (m < r.fills.length && r.fills.barIndex[m]! <= k) m++;
          return m;
        };
        for (const k of [30, 150, N - 3]) {
          const changed = runPlan(exitPlan, { candles: withNewTail(randomWalkCandles(N, 17), k, 900 + k) });
          const m = upTo(base, k);
          if (upTo(changed, k) !== m) expect.fail(`fills up to bar ${k} differ in number (k=${k})`);
          for (const col of ["barIndex", "side", "qty", "price", "reason"] as const) {
            for (let i = 0; i < m; i++) {
              if (!Object.is(base.fills[col][i], changed.fills[col][i]))
                expect.fail(`fills.${col}[${i}] (k=${k})`);
            }
          }
          for (let t = 0; t <= k; t++) {
            if (!Object.is(base.equity[t], changed.equity[t])) expect.fail(`equity[${t}] changed (k=${k})`);
          }
        }
        expect(
          base.fills.reason.some((r) => r !== 0),
          neverEnters ? "no position, no exit" : "the exits fire on the random walk",
        ).toBe(!neverEnters);
      });

      it("targets short only when allowed, and trades at least once", () => {
        const { signal } = runPlan(plan, { candles: samples[0]!.candles, scope: "replay" });
        for (let t = 0; t < N; t++) {
          if (signal[t]! < 0 && !shorts)
            expect.fail(`signal[${t}] = ${signal[t]} is short without allow_short`);
        }
        expect(
          signal.some((v) => v !== 0),
          neverEnters ? "rules without entries never trade" : "the random walk triggers the rule",
        ).toBe(!neverEnters);
      });
    });
  }
}

it("holds fractional targets to the contract: the test strategy really writes fractions", () => {
  const params = fractionalTrend.schema.parse({ period: 3, allow_short: true });
  const planned = planInputs({ def: fractionalTrend, origin: "builtin", params }, catalog);
  const features = computeFeatures(
    uniqueIndicators(planned.map((p) => p.indicator)),
    randomWalkCandles(N, 17),
  );
  const out = new Float64Array(N);
  fractionalTrend.signal(
    Object.fromEntries(planned.map((p) => [p.key, features.frame.column(p.column)])),
    params,
    out,
  );
  expect(new Set(out), "half long, a quarter short and flat all occur").toEqual(new Set([0, 0.5, -0.25]));
});
