/**
 * @module strategies/types
 * The strategy contract. A strategy never sees candles: it reads shifted features only (feature[t] is built from
 * data through the close of bar t-1) and writes a target signal per bar: +1 long, -1 short, 0 flat, or a fraction
 * of the sizing model's exposure. The engine trades at the open of bar t only when the target changes.
 */
import type { z } from "zod";
import type { PluginEntry } from "../core/registry.js";
import type { IndicatorRef } from "../indicators/types.js";

/** Read-only access to shifted feature columns by their stable names (e.g. `sma_10`, `macd_12_26_9_signal`). */
export interface FeatureFrame {
  readonly length: number;
  /** The shifted column; throws INTERNAL if the strategy did not declare the indicator that produces it. */
  column(name: string): Float64Array;
}

export interface StrategyDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  /** Indicators this strategy reads, derived from its params. */
  indicators(params: z.output<S>): IndicatorRef[];
  /** Writes the target signal of every bar into `out` (length = features.length). Pure, O(n). */
  signal(features: FeatureFrame, params: z.output<S>, out: Float64Array): void;
}
