/**
 * The contract every registered strategy keeps (docs/architecture.md#no-look-ahead), checked through the real planner, feature layer and simulation by
 * the same code that holds user strategies to it (`studio plugins check`, src/plugins/check-strategy.ts): no
 * look-ahead in features, targets or fills, determinism, every bar written, every target finite (fractions
 * allowed: a fractional test strategy runs beside the built-ins); plus shorts only when allowed.
 */
import { describe, expect, it } from "vitest";
import { extendCatalog } from "../core/catalog.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { planInputs } from "../engine/plan-backtest.js";
import { runPlan } from "../engine/run-plan.js";
import { computeFeatures, uniqueIndicators } from "../indicators/compute-features.js";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
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
};

const N = 400;
const samples = [
  { label: "random walk", candles: randomWalkCandles(N, 17) },
  { label: "market-like daily bars", candles: marketCandles(N) },
];

it("lists extra params for every registered strategy, so none escapes the contract", () => {
  expect(Object.keys(EXTRA_PARAMS).sort(), "EXTRA_PARAMS keys = registry names").toEqual(
    Object.keys(catalog.strategies).sort(),
  );
});

for (const def of Object.values(catalog.strategies)) {
  for (const input of [{}, ...(EXTRA_PARAMS[def.name] ?? [])]) {
    const params = def.schema.parse(input) as Record<string, unknown>;
    const plan = checkPlan(def, params, catalog);

    describe(`strategy ${def.name} ${JSON.stringify(input)}`, () => {
      for (const result of checkStrategyProperties(plan, samples)) {
        it(result.description, () => {
          expect(result.failure?.message, `${result.check} holds`).toBeUndefined();
        });
      }

      it("targets short only when allowed, and trades at least once", () => {
        const shorts = (params as { allow_short?: boolean }).allow_short === true;
        const { signal } = runPlan(plan, { candles: samples[0]!.candles, scope: "replay" });
        for (let t = 0; t < N; t++) {
          if (signal[t]! < 0 && !shorts)
            expect.fail(`signal[${t}] = ${signal[t]} is short without allow_short`);
        }
        expect(
          signal.some((v) => v !== 0),
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
