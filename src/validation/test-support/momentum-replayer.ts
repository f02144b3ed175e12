/**
 * @module validation/test-support/momentum-replayer
 * A tiny deterministic stand-in for the engine, so validation is tested without it: all-in long at the open of bar
 * t when close[t-1] > close[t-1-lookback], flat otherwise; fills at the open, no costs; equity marked at each
 * close; flat at initial cash before the start index. Params: { lookback (default 1), invert (default false:
 * true goes long on the opposite condition) }. Counts its runs so tests can check how often validation replays.
 */
import type { Candles } from "../../core/candles.js";
import type { Replayer, ReplayResult, StrategyParams } from "../types.js";

export interface CountingReplayer extends Replayer {
  runs: number;
}

export function momentumReplayer(initialCash = 10_000, barsPerYear = 252): CountingReplayer {
  const lookbackOf = (p: StrategyParams) => Number(p.lookback ?? 1);
  const replayer: CountingReplayer = {
    runs: 0,
    initialCash,
    barsPerYear,
    warmupBars: (p) => lookbackOf(p),
    run(candles: Candles, params: StrategyParams, startIndex: number): ReplayResult {
      replayer.runs++;
      const lookback = lookbackOf(params);
      const invert = params.invert === true;
      const { open, close } = candles;
      const n = close.length;
      const equity = new Float64Array(n);
      const trades: number[] = [];
      let cash = initialCash;
      let qty = 0;
      let entryEquity = 0;
      for (let t = 0; t < n; t++) {
        if (t >= startIndex && t >= lookback + 1) {
          const up = close[t - 1]! > close[t - 1 - lookback]!;
          const want = up !== invert;
          if (want && qty === 0) {
            entryEquity = cash;
            qty = cash / open[t]!;
            cash = 0;
          } else if (!want && qty > 0) {
            cash = qty * open[t]!;
            qty = 0;
            trades.push(cash / entryEquity - 1);
          }
        }
        equity[t] = cash + qty * close[t]!;
      }
      return { equity, tradeReturns: Float64Array.from(trades) };
    },
  };
  return replayer;
}
