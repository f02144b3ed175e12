import { describe, expect, it } from "vitest";
import type { Metrics } from "../../core/results.js";
import { Rng } from "../../core/rng.js";
import { trialBlockSums } from "../../validation/overfitting/cscv-blocks.js";
import {
  cscvLayout,
  probabilityOfBacktestOverfitting,
} from "../../validation/overfitting/probability-of-backtest-overfitting.js";
import { deflatedSharpeRatio } from "../../validation/sharpe/deflated-sharpe-ratio.js";
import { kurtosis, skewness } from "../../validation/sharpe/moments.js";
import { type RunTrial, sweepStatistics } from "./sweep-statistics.js";

const metrics = (total: number, bh: number | null) =>
  ({ total_return: total, buy_and_hold_return: bh }) as unknown as Metrics;

// A 3 x 3 grid; the objective of cell (i, j) is given; the centre (1, 1) is the best.
const OBJ = [
  [0.1, 0.2, 0.1],
  [0.3, 1.0, 0.5],
  [0.0, 0.2, 0.1],
];

function grid(): { trials: RunTrial[]; columns: Float64Array[] } {
  const rng = Rng.fromSeed(3);
  const trials: RunTrial[] = [];
  const columns: Float64Array[] = [];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const r = Float64Array.from({ length: 64 }, () => rng.normal() * 0.01 + OBJ[i]![j]! * 1e-3);
      columns.push(r);
      trials.push({
        index: i * 3 + j,
        cell: [i, j],
        objective: OBJ[i]![j]!,
        sharpe: (i * 3 + j) / 10,
        metrics: metrics(OBJ[i]![j]!, 0.15),
        blocks: trialBlockSums(r, cscvLayout(64, 8)),
      });
    }
  return { trials, columns };
}

describe("sweepStatistics", () => {
  it("computes the stability of the best cell from its four grid neighbours", () => {
    const { trials, columns } = grid();
    const s = sweepStatistics(trials, columns[4]!, { partitions: 8, byLogReturn: false });
    expect(s.best_index).toBe(4);
    // neighbours of (1,1): (0,1)=0.2, (2,1)=0.2, (1,0)=0.3, (1,2)=0.5 -> mean 0.3, ratio 0.3 / 1.0
    expect(s.stability.neighbours).toBe(4);
    expect(s.stability.neighbour_mean_objective).toBeCloseTo(0.3, 15);
    expect(s.stability.ratio).toBeCloseTo(0.3, 15);
    // total return above 0.15: 0.2, 0.3, 1.0, 0.5, 0.2 -> 5 trials
    expect(s.beat_buy_and_hold).toBe(5);
  });

  it("deflates the best Sharpe by every trial run and computes PBO over all of them", () => {
    const { trials, columns } = grid();
    const s = sweepStatistics(trials, columns[4]!, { partitions: 8, byLogReturn: false });
    const sharpes = trials.map((t) => t.sharpe);
    expect(s.dsr).toBe(deflatedSharpeRatio(0.4, sharpes, 64, skewness(columns[4]!), kurtosis(columns[4]!)));
    expect(s.pbo).toBe(probabilityOfBacktestOverfitting(columns, { partitions: 8 }).pbo);
    const fewer = sweepStatistics(trials.slice(0, 5), columns[4]!, { partitions: 8, byLogReturn: false });
    expect(fewer.trials_run).toBe(5);
    expect(fewer.dsr, "fewer trials deflate less").toBeGreaterThan(s.dsr!);
  });

  it("gives PBO a reason instead of a number with one trial or too few bars", () => {
    const { trials, columns } = grid();
    const one = sweepStatistics([trials[4]!], columns[4]!, { partitions: 8, byLogReturn: false });
    expect(one.pbo).toBeNull();
    expect(one.pbo_reason).toMatch(/2 trials/);
    expect(one.stability.neighbours).toBe(0);
    expect(one.stability.ratio).toBeNull();
  });
});
