/**
 * @module validation
 * The validation room's public surface: the library statistics users can apply to their own returns (to be
 * re-exported from src/index.ts), and the runner with its per-replication pieces for the worker-thread pool.
 * Everything here is pure and seeded; docs/validation.md states every formula and convention.
 */

export { HISTOGRAM_BINS, type Histogram, histogram } from "./histogram.js";
export {
  type PboMetric,
  type PboOptions,
  type PboResult,
  probabilityOfBacktestOverfitting,
} from "./overfitting/probability-of-backtest-overfitting.js";
export { quantile, quantileSorted } from "./quantile.js";
export {
  type BlockBootstrapConfig,
  type BootstrapJob,
  bootstrapReplicate,
  bootstrapResample,
  createBootstrapJob,
  createBootstrapScratch,
  summarizeBootstrap,
} from "./resampling/block-bootstrap.js";
export { circularBlockIndices, stationaryBlockIndices } from "./resampling/block-indices.js";
export {
  type EquityFan,
  FAN_CHECKPOINTS,
  FAN_LEVELS,
  type FanLevel,
  fanCheckpoints,
  summarizeFan,
} from "./resampling/equity-fan.js";
export { type OptimalBlockLength, optimalBlockLength } from "./resampling/optimal-block-length.js";
export {
  createPermutationJob,
  createPermutationScratch,
  type PermutationJob,
  type PermutationScratch,
  permutationReplicate,
  summarizePermutation,
} from "./resampling/permutation-test.js";
export {
  copyCandles,
  createPermutationWork,
  type PermutationBase,
  permuteBars,
  permuteInto,
  preparePermutation,
} from "./resampling/permute-bars.js";
export {
  createMonteCarloJob,
  type MonteCarloJob,
  monteCarloReplicate,
  simulateTradePath,
  summarizeMonteCarlo,
  type TradePathOutcome,
} from "./resampling/trade-monte-carlo.js";
export type { UniformSource } from "./resampling/uniform.js";
export { planValidation, runValidation, type ValidationPlan } from "./run-validation.js";
export {
  deflatedSharpeRatio,
  TRIAL_SHARPE_VARIANCE_DDOF,
  trialSharpeVariance,
} from "./sharpe/deflated-sharpe-ratio.js";
export { expectedMaxSharpe } from "./sharpe/expected-max-sharpe.js";
export { minTrackRecordLength } from "./sharpe/min-track-record-length.js";
export { kurtosis, mean, skewness, stdev } from "./sharpe/moments.js";
export { normalCdf, normalQuantile } from "./sharpe/normal-distribution.js";
export { probabilisticSharpeRatio } from "./sharpe/probabilistic-sharpe-ratio.js";
export { methodStream, STREAMS } from "./streams.js";
export type * from "./types.js";
export { type GridTrial, gridTrials } from "./walk-forward/param-grid.js";
export { annualizedReturn, walkForwardEfficiency } from "./walk-forward/walk-forward-efficiency.js";
export { type WfoWindow, wfoWindows } from "./walk-forward/wfo-windows.js";
