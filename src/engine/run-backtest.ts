/**
 * @module engine/run-backtest
 * The library's one-call backtest: features (shifted +1 bar), the strategy's target signal, the simulation and
 * the metrics, all in memory with no disk access, so users can call it in a loop. Candles are struct-of-arrays
 * Float64Array columns (ts in epoch ms), as providers return them; the config's provider, symbol and range fields
 * are ignored. The user's own strategies and indicators join the built-ins through `plugins`; the work itself is
 * `runPlan`, the same function the studio's runs and validation use.
 */
import type { Candles } from "../core/candles.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { parseRunConfigShape, type RunConfig, type RunConfigInput } from "../core/run-config.js";
import type { FeatureSet } from "../indicators/features/feature-set.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { engineCatalog, withPlugins } from "./engine-catalog.js";
import { planBacktest } from "./plan-backtest.js";
import { type BacktestResult, runPlan } from "./run-plan.js";

export type { BacktestResult } from "./run-plan.js";

export interface BacktestInputs {
  readonly candles: Candles;
  /** Precomputed features (e.g. from the feature cache); computed when absent. */
  readonly features?: FeatureSet;
  /** The user's strategies and indicators (from `defineStrategy` / `defineIndicator`), beside the built-ins. */
  // biome-ignore lint/suspicious/noExplicitAny: a definition's params type is its own; any schema is accepted.
  readonly plugins?: readonly (StrategyDef<any> | IndicatorDef<any>)[];
  /** The catalog to resolve names in (default: the built-ins); `plugins` extend it. */
  readonly catalog?: Catalog;
}

/** Runs one backtest in memory. `config` may be a RunConfig or its input form (defaults are filled). */
export function runBacktest(config: RunConfig | RunConfigInput, inputs: BacktestInputs): BacktestResult {
  const catalog = withPlugins(inputs.catalog ?? engineCatalog(), inputs.plugins);
  const plan = planBacktest(parseRunConfigShape(config), catalog);
  return runPlan(plan, {
    candles: inputs.candles,
    ...(inputs.features ? { features: inputs.features } : {}),
  });
}
