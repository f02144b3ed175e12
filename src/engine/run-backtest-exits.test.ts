import { describe, expect, it } from "vitest";
import { EXIT_REASONS } from "../core/results.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { engineCatalog } from "./engine-catalog.js";
import { createReplayer } from "./replayer.js";
import { runBacktest } from "./run-backtest.js";
import { makeBars } from "./test-support/make-candles.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

// SMA(1) vs SMA(2), shifted: a bullish cross at t when close[t-1] > close[t-2] after a fall; here at bars 3 and 7,
// a bearish one at 6 (closes 100, 98, 99, 101, 102, 96, 96.5, 97.5).
const candles = makeBars([
  [100, 101, 99, 100],
  [100, 100.5, 97.5, 98],
  [98, 99.5, 97.8, 99],
  [99.2, 101.5, 99, 101],
  [101, 102.5, 100.5, 102],
  [102, 102.2, 95.5, 96],
  [96, 97, 95, 96.5],
  [96.5, 98, 96, 97.5],
  [97.5, 98, 97, 97.8],
]);

const config = parseRunConfigShape({
  symbol: "HAND",
  timeframe: "1d",
  start: T0,
  end: T0 + 8 * DAY,
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 1, slow: 2 } },
  exits: { stop_loss: { atr: 1, mult: 2 } },
});

describe("runBacktest with an ATR stop", () => {
  const r = runBacktest(config, { candles });

  it("computes the ATR the exits need as a feature beside the strategy's", () => {
    expect(r.features.columns.map((c) => c.name)).toEqual(["sma_1", "sma_2", "atr_1"]);
  });

  it("sets the stop from the shifted ATR at the entry bar: the true range of the bar before", () => {
    // Entry at open[3] = 99.2; ATR(1) known at bar 3 = TR[2] = max(99.5 - 97.8, |99.5 - 98|, |97.8 - 98|) = 1.7,
    // S = 99.2 - 2 x 1.7 = 95.8, touched by bar 5's low 95.5. The bearish cross at 6 finds the book flat; the
    // next entry at 7 (open 96.5) has S = 96.5 - 2 x TR[6] = 96.5 - 2 x 2 = 92.5, never touched.
    const fills = Array.from({ length: r.fills.length }, (_, i) => [
      r.fills.barIndex[i],
      r.fills.side[i],
      +r.fills.price[i]!.toFixed(10),
      EXIT_REASONS[r.fills.reason[i]!],
    ]);
    expect(fills).toEqual([
      [3, 1, 99.2, "signal"],
      [5, -1, 95.8, "stop_loss"],
      [7, 1, 96.5, "signal"],
    ]);
    expect(r.metrics.exits_by_reason?.stop_loss, "one trip ended on its stop").toBe(1);
    // 10000 / 99.2 units, (95.8 - 99.2) / 99.2 of the equity
    expect(r.metrics.avg_return_by_exit_reason?.stop_loss).toBeCloseTo(-3.4 / 99.2, 12);
  });

  it("replays validation series with the same exits", () => {
    const replay = createReplayer(config, candles, engineCatalog()).run(candles, config.strategy.params, 0);
    expect(Array.from(replay.equity), "the replayer's equity is the backtest's").toEqual(
      Array.from(r.equity),
    );
    expect(Array.from(replay.tradeReturns)).toEqual(Array.from(r.trades.returnPct));
  });

  it("leaves results without an exits block as they were: no stop, the position held to the cross", () => {
    const { exits: _exits, ...plain } = config;
    const p = runBacktest(plain, { candles });
    expect(Array.from(p.fills.barIndex)).toEqual([3, 6, 7]);
    expect(Array.from(p.fills.reason)).toEqual([0, 0, 0]);
    expect(p.features.columns.map((c) => c.name)).toEqual(["sma_1", "sma_2"]);
    expect("exits_by_reason" in p.metrics, "metrics keep exactly their old fields without exits").toBe(false);
  });
});
