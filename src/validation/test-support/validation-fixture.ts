/**
 * @module validation/test-support/validation-fixture
 * A complete validation setup over random candles and the momentum replayer: config with all four methods, and
 * the context of the real run, so runner tests share one realistic scenario.
 */
import type { ValidationConfig } from "../../core/run-config.js";
import type { ValidationContext } from "../types.js";
import { momentumReplayer } from "./momentum-replayer.js";
import { randomCandles } from "./random-candles.js";

export function fullConfig(overrides: Partial<ValidationConfig> = {}): ValidationConfig {
  return {
    permutation: { n: 40 },
    block_bootstrap: { n: 200, block_size: "auto", method: "circular", confidence: 0.95 },
    monte_carlo: { n: 300 },
    wfo: {
      windows: 3,
      in_sample_ratio: 0.75,
      anchored: false,
      grid: { lookback: [1, 2, 4] },
      objective: "sharpe",
      pbo_partitions: 8,
    },
    ...overrides,
  };
}

export function fixtureContext(
  bars = 400,
  seed = 42,
  extra: Partial<ValidationContext> = {},
): ValidationContext {
  const candles = randomCandles(bars, 17, 0.0005);
  const replayer = momentumReplayer();
  const baseParams = { lookback: 3 };
  const real = replayer.run(candles, baseParams, 0);
  return {
    candles,
    baseParams,
    replayer,
    seed,
    realEquity: real.equity,
    realTradeReturns: real.tradeReturns,
    ...extra,
  };
}
