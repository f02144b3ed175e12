/**
 * The contract every registered strategy keeps (docs/architecture.md#no-look-ahead), through the real planner and
 * feature layer on seeded random-walk candles: no look-ahead, determinism, every bar written, every target finite
 * (fractions allowed: a fractional test strategy runs beside the built-ins), shorts only when allowed.
 */
import { describe, expect, it } from "vitest";
import type { Candles } from "../core/candles.js";
import { extendCatalog } from "../core/catalog.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { planInputs } from "../engine/plan-backtest.js";
import { computeFeatures, uniqueIndicators } from "../indicators/compute-features.js";
import { randomWalkCandles, withNewTail } from "../indicators/test-support/random-walk-candles.js";
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
};

const N = 400;

it("lists extra params for every registered strategy, so none escapes the contract", () => {
  expect(Object.keys(EXTRA_PARAMS).sort(), "EXTRA_PARAMS keys = registry names").toEqual(
    Object.keys(catalog.strategies).sort(),
  );
});

for (const def of Object.values(catalog.strategies)) {
  for (const input of [{}, ...(EXTRA_PARAMS[def.name] ?? [])]) {
    const params = def.schema.parse(input) as Record<string, unknown>;
    const planned = planInputs({ def, origin: "builtin", params }, catalog);
    const inputsOf = (features: ReturnType<typeof computeFeatures>) =>
      Object.fromEntries(planned.map((p) => [p.key, features.frame.column(p.column)]));
    const run = (candles: Candles) => {
      const features = computeFeatures(uniqueIndicators(planned.map((p) => p.indicator)), candles);
      const out = new Float64Array(N);
      def.signal(inputsOf(features), params, out);
      return { features, out };
    };

    describe(`strategy ${def.name} ${JSON.stringify(input)}`, () => {
      const full = run(randomWalkCandles(N, 17));

      it("leaves every feature and signal up to bar k+1 unchanged when the candles after k change", () => {
        // Stronger than "at or before k": the feature and the decision at k+1 use data through bar k only.
        for (const k of [0, 30, 150, N - 3]) {
          const changed = run(withNewTail(randomWalkCandles(N, 17), k, 500 + k));
          full.features.columns.forEach((column, c) => {
            const other = changed.features.columns[c]!;
            for (let t = 0; t <= k + 1; t++) {
              if (!Object.is(other.shifted[t], column.shifted[t]))
                expect.fail(`${column.name}[${t}] changed (k=${k})`);
            }
          });
          for (let t = 0; t <= k + 1; t++) {
            if (!Object.is(changed.out[t], full.out[t]))
              expect.fail(`signal[${t}] changed with the data after ${k}`);
          }
        }
      });

      it("gives bit-identical signals for the same inputs", () => {
        const again = run(randomWalkCandles(N, 17));
        for (let t = 0; t < N; t++) {
          if (!Object.is(again.out[t], full.out[t])) expect.fail(`signal[${t}] differs between two runs`);
        }
      });

      it("overwrites every element of a signal array filled with garbage", () => {
        const out = new Float64Array(N);
        for (let t = 0; t < N; t++) out[t] = t % 2 === 0 ? Number.NaN : 7;
        def.signal(inputsOf(full.features), params, out);
        for (let t = 0; t < N; t++) {
          if (!Object.is(out[t], full.out[t]))
            expect.fail(`signal[${t}] = ${out[t]} left over from the garbage`);
        }
      });

      it("targets finite values (fractions allowed), short only when allowed, and trades at least once", () => {
        const shorts = (params as { allow_short?: boolean }).allow_short === true;
        for (let t = 0; t < N; t++) {
          const v = full.out[t]!;
          if (!Number.isFinite(v)) expect.fail(`signal[${t}] = ${v} is not finite`);
          if (v < 0 && !shorts) expect.fail(`signal[${t}] = ${v} is short without allow_short`);
        }
        expect(
          full.out.some((v) => v !== 0),
          "the random walk triggers the rule",
        ).toBe(true);
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
