import { describe, expect, it } from "vitest";
import type { WfoConfig } from "../../core/run-config.js";
import { ValidationProgress } from "../progress.js";
import { barReturns } from "../returns.js";
import { deflatedSharpeRatio } from "../sharpe/deflated-sharpe-ratio.js";
import { kurtosis, mean, skewness, stdev } from "../sharpe/moments.js";
import { fixtureContext } from "../test-support/validation-fixture.js";
import { runOverfitting } from "./overfitting.js";
import { probabilityOfBacktestOverfitting } from "./probability-of-backtest-overfitting.js";

const wfo: WfoConfig = {
  windows: 2,
  in_sample_ratio: 0.75,
  anchored: false,
  grid: { lookback: [1, 2, 3, 5, 8] },
  objective: "sharpe",
  pbo_partitions: 8,
};

describe("runOverfitting", () => {
  const ctx = fixtureContext(400);
  const columns = [1, 2, 3, 5, 8].map((lookback) =>
    barReturns(ctx.replayer.run(ctx.candles, { lookback }, 0).equity, 0, 400, 10_000),
  );
  const sharpes = columns.map((r) => mean(r) / stdev(r, 1));

  it("selects the best full-sample trial and deflates its Sharpe over every trial", () => {
    const s = runOverfitting(wfo, ctx, new ValidationProgress({}, 1));
    const best = sharpes.indexOf(Math.max(...sharpes));
    const r = columns[best]!;
    expect(s.selected_params).toEqual({ lookback: [1, 2, 3, 5, 8][best] });
    expect(s.sharpe).toBeCloseTo(sharpes[best]!, 14);
    expect(s.dsr).toBeCloseTo(
      deflatedSharpeRatio(sharpes[best]!, sharpes, 400, skewness(r), kurtosis(r)),
      14,
    );
    expect(s).toMatchObject({ trials: 5, observations: 400, ddof: 0, sharpe_ddof: 1, pbo_metric: "sharpe" });
  });

  it("runs CSCV on the T x N matrix of bar returns with S = pbo_partitions", () => {
    const s = runOverfitting(wfo, ctx, new ValidationProgress({}, 1));
    const ref = probabilityOfBacktestOverfitting(columns, { partitions: 8, metric: "sharpe" });
    expect(s.pbo).toBe(ref.pbo);
    expect(s.prob_oos_loss).toBe(ref.probOosLoss);
    expect(s.combinations).toBe(70);
    expect(s.pbo_reason).toBeNull();
  });

  it("ranks by mean log return for the total_return objective", () => {
    const s = runOverfitting({ ...wfo, objective: "total_return" }, ctx, new ValidationProgress({}, 1));
    const logs = columns.map((c) => c.map(Math.log1p));
    expect(s.pbo_metric).toBe("mean_log_return");
    expect(s.pbo).toBe(probabilityOfBacktestOverfitting(logs, { partitions: 8, metric: "mean" }).pbo);
  });
});
