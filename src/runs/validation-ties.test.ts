import { describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../core/run-config.js";
import { generateSynthetic } from "../data/providers/synthetic/synthetic-generator.js";
import { runBacktest } from "../engine/run-backtest.js";
import { builtinCatalog } from "./builtin-catalog.js";
import { runValidationPooled } from "./workers/validation-pool.js";

const DAY = 86_400_000;

/**
 * Buy-and-hold's total return is the same on every OHLC permutation (first bars and final close are kept), so
 * each replication ties the observed return up to rounding and the true p-value is 1 for any seed and n.
 */
describe("permutation p-value of buy_and_hold through the run's validation path", () => {
  for (const [seed, n, symbol] of [
    [1, 20, "SYN"],
    [7, 20, "ACME"],
    [42, 37, "SYN"],
    [2024, 64, "EURUSD"],
  ] as const) {
    it(`is exactly 1 for seed ${seed}, n = ${n} (${symbol})`, async () => {
      const start = Date.UTC(2022, 0, 3);
      const config = parseRunConfigShape({
        symbol,
        timeframe: "1d",
        start,
        end: start + 299 * DAY,
        provider: "synthetic",
        seed,
        strategy: { name: "buy_and_hold" },
        validation: { permutation: { n } },
      });
      const candles = generateSynthetic({ symbol, timeframe: "1d", start, end: config.end });
      const real = runBacktest(config, { candles });
      const v = await runValidationPooled(
        config,
        {
          catalog: builtinCatalog(),
          candles,
          realEquity: real.equity,
          realTradeReturns: real.trades.returnPct,
        },
        { threads: 0 },
      );
      expect(v.permutation?.count_at_least_observed, "every permuted return ties the observed one").toBe(n);
      expect(v.permutation?.p_value).toBe(1);
    });
  }
});
