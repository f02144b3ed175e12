/**
 * @module engine/replayer
 * The engine behind validation's `Replayer` contract: re-runs the configured strategy (with any params
 * overridden, e.g. a walk-forward grid point) on a given series through `runPlan` in its replay scope, which
 * computes only the strategy's own inputs and skips metrics, since a replication needs just the equity curve and
 * the trade returns. Plans are cached per params so a grid of N points resolves N plans, not N x windows.
 * With warm-up `history` (the real bars before the run's start), every replayed series (a permutation, a
 * walk-forward prefix) is preceded by that history, exactly as the run itself was, and its results start after it.
 * Each replayer owns one column workspace (see core/column-workspace), reset at the start of every `run`: the
 * replications of a loop reuse the same buffers, which is why a result is valid only until the next `run` (the
 * Replayer contract says so; every validation loop reduces it to numbers or copies first). A worker thread
 * builds its own replayer, so no two threads share a workspace.
 */
import type { Candles } from "../core/candles.js";
import { canonicalJson } from "../core/canonical-json.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { ColumnWorkspace } from "../core/column-workspace.js";
import { StudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import { barsPerYear } from "../metrics/bars-per-year.js";
import type { Replayer, ReplayResult, StrategyParams } from "../validation/types.js";
import { type BacktestPlan, planBacktest } from "./plan-backtest.js";
import { runPlan } from "./run-plan.js";

export function createReplayer(
  config: RunConfig,
  candles: Candles,
  catalog: Catalog,
  history?: Candles,
): Replayer {
  const warmup = history?.ts.length ?? 0;
  const plans = new Map<string, BacktestPlan>();
  const workspace = new ColumnWorkspace();
  const planFor = (params: StrategyParams): BacktestPlan => {
    const key = canonicalJson(params);
    let plan = plans.get(key);
    if (!plan) {
      plan = planBacktest(config, catalog, params);
      plans.set(key, plan);
    }
    return plan;
  };
  return {
    initialCash: config.initial_cash,
    barsPerYear: barsPerYear(candles.ts) ?? 0,
    accepts(params) {
      try {
        planFor(params);
        return true;
      } catch (err) {
        if (err instanceof StudioError && err.code === "CONFIG_INVALID") return false;
        throw err;
      }
    },
    warmupBars: (params) => planFor(params).warmup,
    run(series: Candles, params: StrategyParams, startIndex: number): ReplayResult {
      const plan = planFor(params);
      workspace.reset();
      const candles = warmup === 0 ? series : prependHistory(history!, series, workspace);
      const result = runPlan(plan, { candles, warmup, startIndex, scope: "replay", workspace });
      return { equity: result.equity, tradeReturns: result.trades.returnPct };
    },
  };
}

/** `history` followed by `series` (one copy per replication, into the workspace: the permuted series differs
 * every time). */
function prependHistory(history: Candles, series: Candles, workspace: ColumnWorkspace): Candles {
  const join = (a: Float64Array, b: Float64Array) => {
    const out = workspace.float64(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    ts: join(history.ts, series.ts),
    open: join(history.open, series.open),
    high: join(history.high, series.high),
    low: join(history.low, series.low),
    close: join(history.close, series.close),
    volume: join(history.volume, series.volume),
    ...(history.vwap && series.vwap ? { vwap: join(history.vwap, series.vwap) } : {}),
  };
}
