/**
 * @module indicators/types
 * The indicator contract. An indicator computes *raw* values over the whole series (value at t uses bars 0..t);
 * the feature layer shifts them by one bar before any strategy sees them. Every output is a Float64Array of the
 * candles' length whose first `lookback(params)` entries are NaN, and only those.
 */
import type { z } from "zod";
import type { Candles } from "../core/candles.js";
import type { PluginEntry } from "../core/registry.js";

export interface IndicatorDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  /** Output names in order, e.g. `["sma"]` or `["macd", "signal", "hist"]`. */
  readonly outputs: readonly string[];
  /** Leading NaN bars of every output for these params. */
  lookback(params: z.output<S>): number;
  /** Raw (unshifted) outputs, each of length `candles.ts.length`. O(n). */
  compute(candles: Candles, params: z.output<S>): Record<string, Float64Array>;
}

/** A reference to an indicator with params, as configs and strategies write it. */
export interface IndicatorRef {
  readonly name: string;
  readonly params: Record<string, unknown>;
}
