import { describe, expect, it } from "vitest";
import { sliceCandles } from "../core/candles.js";
import { runBacktest } from "../engine/run-backtest.js";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
import { barsPerYear } from "../metrics/bars-per-year.js";
import { encodeParquet } from "../store/parquet/parquet.js";
import { objectiveValue } from "../validation/objective.js";
import { barReturns } from "../validation/returns.js";
import { holdoutStart } from "./execute-sweep.js";
import { runSweep } from "./run-sweep.js";
import { trialColumns } from "./write-sweep-artifacts.js";

const candles = randomWalkCandles(1200, 3);
const base = {
  symbol: "SYN",
  timeframe: "1d" as const,
  start: 0,
  end: 1e12,
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: {} },
};
const spec = {
  base,
  space: { "strategy.params.fast": [5, 10, 20, 40], "strategy.params.slow": [20, 50, 100] },
  objective: "sharpe",
  holdout: 0.25,
  pbo_partitions: 8,
};

describe("runSweep", () => {
  it("gives the same summary and trials.parquet bytes in this thread and on 2 worker threads", async () => {
    const a = await runSweep(spec, { candles, threads: 0 });
    const b = await runSweep(spec, { candles, threads: 2 });
    expect(JSON.stringify(b.summary), "summary.json content").toBe(JSON.stringify(a.summary));
    const bytes = (r: typeof a) => Buffer.from(encodeParquet(trialColumns(r.plan.dims, r.outcome.records)));
    expect(bytes(b).equals(bytes(a)), "trials.parquet bytes").toBe(true);
  }, 60_000);

  it("counts skipped trials and picks the best by the shared objective on the in-sample bars only", async () => {
    const { summary, outcome } = await runSweep(spec, { candles });
    // fast >= slow: (20,20), (40,20) are skipped
    expect(summary.counts).toEqual({ planned: 12, run: 10, skipped: 2, failed: 0 });
    const isEnd = holdoutStart(candles.ts.length, 0.25);
    expect(summary.bars).toEqual({ in_sample: isEnd, holdout: 1200 - isEnd, holdout_fraction: 0.25 });
    // Independent check: each trial re-run as an ordinary backtest of the in-sample candles.
    const inSample = sliceCandles(candles, 0, isEnd);
    const bpy = barsPerYear(inSample.ts)!;
    const scores = outcome.records.map((r) => {
      const params = { fast: r.values["strategy.params.fast"], slow: r.values["strategy.params.slow"] };
      const res = runBacktest(
        { ...base, strategy: { name: "sma_crossover", params } },
        { candles: inSample },
      );
      expect(r.result!.metrics.total_return, `trial ${r.index} metrics are its backtest's`).toBe(
        res.metrics.total_return,
      );
      return {
        index: r.index,
        score: objectiveValue("sharpe", barReturns(res.equity, 0, isEnd, 10_000), bpy),
      };
    });
    const best = scores.reduce((p, q) => (q.score > p.score ? q : p));
    expect(summary.best?.trial).toBe(best.index);
    expect(summary.statistics?.trials_run).toBe(10);
    const s = summary.statistics!;
    expect(s.dsr! <= s.psr!, "deflating by 10 trials never raises the PSR").toBe(true);
    expect(s.pbo! >= 0 && s.pbo! <= 1).toBe(true);
    expect(summary.best?.holdout?.bars).toBe(1200 - isEnd);
  }, 60_000);
});
