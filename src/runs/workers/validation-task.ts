/**
 * @module runs/workers/validation-task
 * Messages between the validation pool and its workers. A task carries everything a worker needs to rebuild the
 * run's validation plan by itself (config JSON, the user plugins' sources for its catalog, shared series), so
 * workers keep no state the main thread must manage. Progress and cancellation travel through one small shared Int32Array, not messages.
 */
import type { Candles } from "../../core/candles.js";
import type { PluginSource } from "./worker-catalog.js";

/** Slots of the shared control array. */
export const CONTROL = {
  cancel: 0,
  permutation: 1,
  block_bootstrap: 2,
  monte_carlo: 3,
  /** Walk-forward and overfitting progress in thousandths of a backtest run. */
  wfo: 4,
  overfitting: 5,
  size: 6,
} as const;

export interface TaskInit {
  /** Identifies the run's validation: workers cache their plan under it. */
  readonly key: string;
  readonly configJson: string;
  /** The run catalog's user plugins, re-imported by file and checked by sha256 in the worker. */
  readonly plugins: readonly PluginSource[];
  /** The studio home's root (absolute), which `plugins`' files are relative to. */
  readonly home?: string;
  readonly candles: Candles;
  /** Warm-up bars before `candles` (see createReplayer). */
  readonly history?: Candles;
  readonly realEquity: Float64Array;
  readonly realTradeReturns: Float64Array;
  readonly control: Int32Array;
}

export type ReplicateKind = "permutation" | "block_bootstrap" | "monte_carlo";

export type ValidationTask =
  | { readonly init: TaskInit; readonly kind: ReplicateKind; readonly from: number; readonly to: number }
  | { readonly init: TaskInit; readonly kind: "wfo" | "overfitting" };

export type TaskResult =
  | {
      readonly stats: Float64Array;
      readonly drawdowns?: Float64Array;
      /** Monte Carlo: the batch's checkpoint equities, K per replication, replication by replication. */
      readonly fan?: Float64Array;
    }
  | { readonly summary: unknown }
  | { readonly error: { readonly code: string; readonly message: string } };
