/**
 * @module validation
 * The validation room's public surface: the library statistics users can apply to their own returns (to be
 * re-exported from src/index.ts), and the runner with its per-replication pieces for the worker-thread pool.
 * Everything here is pure and seeded; docs/validation.md states every formula and convention.
 */

export {
  type BlockBootstrapConfig,
  type BootstrapJob,
  bootstrapReplicate,
  bootstrapResample,
  createBootstrapJob,
  createBootstrapScratch,
  summarizeBootstrap,
} from "./block-bootstrap.js";
export { circularBlockIndices, stationaryBlockIndices } from "./block-indices.js";
export {
  deflatedSharpeRatio,
  TRIAL_SHARPE_VARIANCE_DDOF,
  trialSharpeVariance,
} from "./deflated-sharpe-ratio.js";
export {
  type EquityFan,
  FAN_CHECKPOINTS,
  FAN_LEVELS,
  type FanLevel,
  fanCheckpoints,
  summarizeFan,
} from "./equity-fan.js";
export { expectedMaxSharpe } from "./expected-max-sharpe.js";
export { HISTOGRAM_BINS, type Histogram, histogram } from "./histogram.js";
export { minTrackRecordLength } from "./min-track-record-length.js";
export { kurtosis, mean, skewness, stdev } from "./moments.js";
export { normalCdf, normalQuantile } from "./normal-distribution.js";
export { type OptimalBlockLength, optimalBlockLength } from "./optimal-block-length.js";
export { type GridTrial, gridTrials } from "./param-grid.js";
export {
  createPermutationJob,
  createPermutationScratch,
  type PermutationJob,
  type PermutationScratch,
  permutationReplicate,
  summarizePermutation,
} from "./permutation-test.js";
export {
  copyCandles,
  createPermutationWork,
  type PermutationBase,
  permuteBars,
  permuteInto,
  preparePermutation,
} from "./permute-bars.js";
export { probabilisticSharpeRatio } from "./probabilistic-sharpe-ratio.js";
export {
  type PboMetric,
  type PboOptions,
  type PboResult,
  probabilityOfBacktestOverfitting,
} from "./probability-of-backtest-overfitting.js";
export { quantile, quantileSorted } from "./quantile.js";
export { planValidation, runValidation, type ValidationPlan } from "./run-validation.js";
export { methodStream, STREAMS } from "./streams.js";
export {
  createMonteCarloJob,
  type MonteCarloJob,
  monteCarloReplicate,
  simulateTradePath,
  summarizeMonteCarlo,
  type TradePathOutcome,
} from "./trade-monte-carlo.js";
export type * from "./types.js";
export type { UniformSource } from "./uniform.js";
export { annualizedReturn, walkForwardEfficiency } from "./walk-forward-efficiency.js";
export { type WfoWindow, wfoWindows } from "./wfo-windows.js";
