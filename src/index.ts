/**
 * @module backtest-studio
 * The library: everything a researcher needs to run backtests and the studio's statistics from their own code,
 * in memory. `runBacktest(config, { candles, plugins })` is the one-call backtest; `defineStrategy` and
 * `defineIndicator` (with `z` for their params schemas) write the user's own plugins; the validation statistics
 * work on any per-period return series; `openStudio(home, { plugins })` gives the same run service the CLI and
 * HTTP server use, with its caches, artifacts and manifests on disk.
 */

export { z } from "zod";

// Vocabulary
export type { Candles } from "./core/candles.js";
export { canonicalJson } from "./core/canonical-json.js";
export {
  type Catalog,
  createCatalog,
  extendCatalog,
  type Family,
  type Origin,
  type PluginLists,
  type PluginOrigins,
} from "./core/catalog/catalog.js";
export { type PluginEntry, type Registry, registryOf } from "./core/catalog/registry.js";
export { CODE_VERSION } from "./core/code-version.js";
export { ColumnWorkspace } from "./core/column-workspace.js";
export { ERROR_CODES, type ErrorCode, StudioError } from "./core/errors.js";
export { candleHash, configHash, featureHash, runHash } from "./core/hashes.js";
export { LIMITS } from "./core/limits.js";
export {
  EXIT_REASONS,
  type ExitReason,
  type Fills,
  type Metrics,
  type PortfolioBars,
  type RoundTrips,
} from "./core/results.js";
export { RNG_ALGORITHM, Rng } from "./core/rng.js";
export {
  type ExitDistance,
  type ExitsConfig,
  type RunConfig,
  type RunConfigInput,
  RunConfigSchema,
} from "./core/run-config.js";
export { TIMEFRAME_MS, TIMEFRAMES, type Timeframe } from "./core/timeframe.js";
export { loadCandles } from "./data/cache/candle-cache.js";
// Data and the studio service (I/O)
export type { ProviderDef } from "./data/provider.js";
export { BUILTIN_PROVIDERS, PROVIDERS } from "./data/registry.js";
export { type BacktestPlan, planBacktest } from "./engine/plan-backtest.js";
export { createReplayer } from "./engine/replayer.js";
export { type BacktestInputs, runBacktest } from "./engine/run-backtest.js";
export { type BacktestResult, type ReplayResult, type RunPlanInputs, runPlan } from "./engine/run-plan.js";
export { type AtrColumns, exitAtrPeriods, type ResolvedExits } from "./engine/simulation/exit-model.js";
export { type SimulateOptions, type SimulationResult, simulate } from "./engine/simulation/simulate.js";
export { computeFeatures } from "./indicators/features/compute-features.js";
export { computeIndicator } from "./indicators/features/compute-indicator.js";
export type { FeatureColumn, FeatureFrame, FeatureSet } from "./indicators/features/feature-set.js";
export { resolveIndicator } from "./indicators/features/resolve-indicator.js";
// Research core
export { BUILTIN_INDICATORS, INDICATORS } from "./indicators/registry.js";
export { defineIndicator, type IndicatorDef, type IndicatorRef } from "./indicators/types.js";
export { computeMetrics } from "./metrics/compute-metrics.js";
export { type CheckPluginOptions, checkPlugin } from "./plugins/check-plugin.js";
export type { CheckFailure, CheckResult, PluginCheckReport } from "./plugins/check-report.js";
export { type LoadedStudio, loadStudio } from "./plugins/home-catalog.js";
export { BUILTIN_RISK_MODELS, RISK_MODELS } from "./risk/registry.js";
export type { RiskDef } from "./risk/types.js";
export { builtinCatalog, type StudioCatalog } from "./runs/builtin-catalog.js";
export { type OpenStudioOptions, openStudio } from "./runs/open-studio.js";
export { parseRunConfig } from "./runs/parse-config.js";
export { runValidationPooled } from "./runs/workers/validation-pool.js";
export { resolveHome } from "./store/home.js";
export { openStore } from "./store/store.js";
export { BUILTIN_STRATEGIES, STRATEGIES } from "./strategies/registry.js";
export { resolveStrategy } from "./strategies/resolve-strategy.js";
export {
  defineStrategy,
  type InputRef,
  type SignalReport,
  type StrategyContext,
  type StrategyDef,
} from "./strategies/types.js";
export { type SweepSpecInput, SweepSpecSchema } from "./sweeps/plan/sweep-spec.js";
export { type RunSweepInputs, runSweep, type SweepResult } from "./sweeps/run-sweep.js";
// Validation statistics (per-period Sharpe inputs, non-excess kurtosis; docs/validation.md)
export {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  minTrackRecordLength,
  normalCdf,
  normalQuantile,
  optimalBlockLength,
  permuteBars,
  probabilisticSharpeRatio,
  probabilityOfBacktestOverfitting,
  quantile,
  runValidation,
} from "./validation/index.js";
export { OBJECTIVE_NAMES, objectiveValue } from "./validation/objective.js";
export type { Replayer, ValidationSummary } from "./validation/types.js";
