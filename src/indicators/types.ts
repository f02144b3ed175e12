/**
 * @module indicators/types
 * The indicator contract. An indicator computes *raw* values over the whole series (value at t uses bars 0..t);
 * the feature layer shifts them by one bar before any strategy sees them. Every output is a Float64Array of the
 * candles' length whose first `lookback(params)` entries are NaN, and only those.
 */
import type { z } from "zod";
import type { Candles } from "../core/candles.js";
import type { PluginEntry } from "../core/catalog/registry.js";

export interface IndicatorDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  /** Output names in order, e.g. `["sma"]` or `["macd", "signal", "hist"]`. */
  readonly outputs: readonly string[];
  /** Leading NaN bars of every output for these params. */
  lookback(params: z.output<S>): number;
  /**
   * Raw (unshifted) outputs, each of length `candles.ts.length`. O(n). Output columns are allocated with `alloc`
   * when one is given (the feature layer passes one that lays raw and shifted values over one buffer, saving a
   * copy and an allocation per column on long series); temporaries use `new Float64Array`.
   */
  compute(candles: Candles, params: z.output<S>, alloc?: Alloc): Record<string, Float64Array>;
}

/**
 * Identity helper for writing an indicator (built-in or a user's module): checks the definition against the
 * contract and types `params` from the schema. `compute` returns raw values; the feature layer shifts them.
 */
export function defineIndicator<S extends z.ZodType>(def: IndicatorDef<S>): IndicatorDef<S> {
  return def;
}

/** Allocates a column of `length` values (contents unspecified; the indicator writes every element). */
export type Alloc = (length: number) => Float64Array;

/** The default allocator. */
export const newColumn: Alloc = (length) => new Float64Array(length);

/** A reference to an indicator with params, as configs and strategies write it. */
export interface IndicatorRef {
  readonly name: string;
  readonly params: Record<string, unknown>;
}
