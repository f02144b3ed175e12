import { describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../../core/run-config.js";
import { createReplayer } from "../../engine/replayer.js";
import { runBacktest } from "../../engine/run-backtest.js";
import { randomWalkCandles } from "../../indicators/test-support/random-walk-candles.js";
import { runValidation } from "../../validation/run-validation.js";
import { builtinCatalog } from "../builtin-catalog.js";
import { runValidationPooled } from "./validation-pool.js";

const candles = randomWalkCandles(1500, 7);
const config = parseRunConfigShape({
  symbol: "SYN",
  timeframe: "1d",
  start: 0,
  end: 1e12,
  provider: "synthetic",
  seed: 11,
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
  validation: {
    permutation: { n: 40 },
    block_bootstrap: { n: 200 },
    monte_carlo: { n: 200 },
    wfo: { windows: 3, grid: { fast: [5, 10, 30], slow: [20, 40] }, pbo_partitions: 8 },
  },
});
const real = runBacktest(config, { candles });
const catalog = builtinCatalog();
const inputs = { catalog, candles, realEquity: real.equity, realTradeReturns: real.trades.returnPct };

describe("runValidationPooled", () => {
  it("gives byte-identical JSON on 1 and 2 worker threads and in this thread", async () => {
    const single = JSON.stringify(
      runValidation(config.validation, {
        candles,
        baseParams: config.strategy.params,
        replayer: createReplayer(config, candles, catalog),
        seed: config.seed,
        realEquity: real.equity,
        realTradeReturns: real.trades.returnPct,
      }),
    );
    const one = JSON.stringify(await runValidationPooled(config, inputs, { threads: 1 }));
    const two = JSON.stringify(await runValidationPooled(config, inputs, { threads: 2 }));
    expect(one, "one worker thread matches the single-threaded reference").toBe(single);
    expect(two, "two worker threads match too").toBe(single);
    const summary = JSON.parse(two);
    expect(Object.keys(summary)).toEqual([
      "rng",
      "permutation",
      "block_bootstrap",
      "monte_carlo",
      "wfo",
      "overfitting",
    ]);
    expect(summary.wfo.skipped_trials, "fast 30 / slow 20 is not a valid crossover").toBe(1);
    expect(summary.overfitting.trials).toBe(5);
    const binned = (h: { counts: number[]; non_finite: number }) =>
      h.counts.reduce((a, b) => a + b, 0) + h.non_finite;
    expect(binned(summary.permutation.histogram), "the compared JSON holds the permutation histogram").toBe(
      summary.permutation.n,
    );
    expect(binned(summary.block_bootstrap.histogram)).toBe(summary.block_bootstrap.n);
    const fan = summary.monte_carlo.fan;
    const k = Math.min(summary.monte_carlo.trades, 50);
    expect(k, "the real run has trades to resample").toBeGreaterThan(1);
    expect(fan.trades, "the compared JSON holds the equity fan: E0, then K checkpoints").toHaveLength(k + 1);
    expect([fan.trades[k], fan.p50[k]]).toEqual([summary.monte_carlo.trades, summary.monte_carlo.equity_p50]);
  });

  it("reports progress that ends at 1", async () => {
    const ratios: number[] = [];
    await runValidationPooled(config, inputs, { threads: 2, onProgress: (r) => ratios.push(r) });
    expect(ratios.at(-1)).toBe(1);
    expect(
      ratios.every((r, i) => i === 0 || r >= ratios[i - 1]!),
      "progress never goes back",
    ).toBe(true);
  });

  it("stops with CANCELLED when aborted while the workers are under way, without finishing the work", async () => {
    const big = parseRunConfigShape({ ...config, validation: { permutation: { n: 10_000 } } });
    const controller = new AbortController();
    const ratios: number[] = [];
    // Abort on the first sign of work done (not after a guessed delay): the pool has started and most of the
    // 10,000 permutations are still to come.
    const onProgress = (r: number) => {
      ratios.push(r);
      if (r > 0 && r < 1) controller.abort();
    };
    await expect(
      runValidationPooled(big, inputs, { threads: 2, signal: controller.signal, onProgress }),
    ).rejects.toMatchObject({ code: "CANCELLED" });
    expect(controller.signal.aborted, "the abort came from a progress report").toBe(true);
    expect(ratios.includes(1), "the cancelled run never reports completion").toBe(false);
  });

  it("stops with CANCELLED when aborted while the pool is still starting", async () => {
    const controller = new AbortController();
    const run = runValidationPooled(config, inputs, { threads: 2, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("carries a section's error code across the thread boundary", async () => {
    const short = randomWalkCandles(30, 1);
    const r = runBacktest(config, { candles: short });
    const wfoOnly = parseRunConfigShape({ ...config, validation: { wfo: { windows: 10 } } });
    await expect(
      runValidationPooled(
        wfoOnly,
        { catalog, candles: short, realEquity: r.equity, realTradeReturns: r.trades.returnPct },
        { threads: 2 },
      ),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_DATA" });
  });
});
