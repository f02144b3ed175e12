/**
 * @module sweeps/sweep-task
 * Messages between the sweep's trial pool and its workers. The init part (configs, user plugins' sources, the
 * in-sample candles and the shared feature columns in shared memory) is the same object for every batch, so a
 * worker rebuilds its context once per sweep; a batch names only trial positions. Cancellation is one shared flag.
 * Once the trials are in, the same threads share out the PBO splits.
 */
import type { Candles } from "../core/candles.js";
import type { Metrics } from "../core/results.js";
import type { FeatureColumn } from "../indicators/features/feature-set.js";
import type { PluginSource } from "../runs/workers/worker-catalog.js";
import type { Objective } from "../validation/objective.js";
import type { BlockSums, TrialBlockSums } from "../validation/overfitting/cscv-blocks.js";
import type { PboFromSumsOptions } from "../validation/overfitting/probability-of-backtest-overfitting.js";

export interface SweepTaskInit {
  /** Identifies the sweep's execution: workers cache their context under it. */
  readonly key: string;
  /** JSON of the RunConfig of every trial to run, by position. */
  readonly configsJson: string;
  readonly plugins: readonly PluginSource[];
  /** The studio home's root (absolute), which `plugins`' files are relative to. */
  readonly home?: string;
  readonly candles: Candles;
  readonly features: readonly FeatureColumn[];
  readonly objective: Objective;
  readonly barsPerYear: number;
  readonly pboPartitions: number;
  /** [0] = 1 once the sweep is cancelled. */
  readonly control: Int32Array;
}

export interface SweepTask {
  readonly init: SweepTaskInit;
  /** Positions [from, to) in the configs list. */
  readonly from: number;
  readonly to: number;
}

export interface TrialResult {
  readonly objective: number;
  readonly sharpe: number;
  readonly metrics: Metrics;
  readonly blocks: TrialBlockSums;
}

/** Per position: the result, or the error that made the trial fail (a plugin failing on this combination). */
export type TrialAnswer =
  | { readonly ok: TrialResult }
  | { readonly error: { readonly code: string; readonly message: string } };

export type SweepTaskResult =
  | { readonly answers: readonly TrialAnswer[] }
  | { readonly cancelled: true }
  | { readonly error: { readonly code: string; readonly message: string } };

/** Part `part` of `parts` of the sweep's PBO splits, from every trial's block sums merged. */
export interface PboTask {
  readonly sums: BlockSums;
  readonly options: PboFromSumsOptions;
  readonly part: number;
  readonly parts: number;
}
