/**
 * @module engine/plan-backtest
 * Resolves a RunConfig's plugins once (strategy, the indicators it declares plus the config's extra ones, the
 * sizing model, the exits and the ATR indicators they read) so loops that replay many series with the same settings (permutations, walk-forward) do the
 * name lookups and param parsing a single time. Unknown names and bad params are CONFIG_INVALID with their path.
 */
import type { RunConfig } from "../core/run-config.js";
import { timeframeMs } from "../core/timeframe.js";
import { type ResolvedIndicator, resolveIndicator } from "../indicators/resolve-indicator.js";
import { warmupBars } from "../indicators/warmup-bars.js";
import { type ResolvedRisk, resolveRisk } from "../risk/resolve-risk.js";
import { type ResolvedStrategy, resolveStrategy } from "../strategies/resolve-strategy.js";
import { exitIndicators, type PlannedExits, planExits } from "./plan-exits.js";

export interface BacktestPlan {
  readonly config: RunConfig;
  readonly strategy: ResolvedStrategy;
  /** The strategy's indicators first, then the exits' ATR, then the config's extra ones. */
  readonly indicators: readonly ResolvedIndicator[];
  /** The strategy's indicators and the exits' ATR: what a replay needs to compute. */
  readonly strategyIndicators: readonly ResolvedIndicator[];
  readonly risk: ResolvedRisk;
  /** The config's exits and the ATR columns they read; undefined without an `exits` block. */
  readonly exits: PlannedExits | undefined;
  readonly intervalMs: number;
  /** Bars before the first bar whose features are all defined. */
  readonly warmup: number;
}

export function planBacktest(config: RunConfig, strategyParams?: Record<string, unknown>): BacktestPlan {
  const strategy = resolveStrategy(
    { name: config.strategy.name, params: strategyParams ?? config.strategy.params },
    "strategy",
  );
  const strategyIndicators = strategy.def
    .indicators(strategy.params)
    .map((ref, i) => resolveIndicator(ref, `strategy.indicators[${i}]`));
  const extra = config.indicators.map((ref, i) => resolveIndicator(ref, `indicators[${i}]`));
  const exits = planExits(config);
  const replayed = [...strategyIndicators, ...exitIndicators(exits)];
  return {
    config,
    strategy,
    indicators: [...replayed, ...extra],
    strategyIndicators: replayed,
    risk: resolveRisk(config.risk, "risk"),
    exits,
    intervalMs: timeframeMs(config.timeframe),
    // The strategy's warm-up only: an ATR exit still undefined leaves that level off, it does not delay trading.
    warmup: warmupBars(strategyIndicators),
  };
}
