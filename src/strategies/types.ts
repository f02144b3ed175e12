/**
 * @module strategies/types
 * The strategy contract. A strategy never sees candles: it names its inputs (indicators with params, and an
 * output for multi-output indicators) and receives each one as a *shifted* feature column (value at t built from
 * data through the close of bar t-1, so known at the open of t). It writes a target per bar: the sign is the side
 * and the size a fraction of the sizing model's exposure (+1 long, -1 short, 0 flat, 0.5 half long). The engine
 * trades at the open of bar t only when the target changes. Candle fields come from the `price` indicator.
 */
import type { z } from "zod";
import type { PluginEntry, Registry } from "../core/catalog/registry.js";
import type { IndicatorDef } from "../indicators/types.js";

/** A named input a strategy reads: an indicator with params and (for multi-output indicators) one output. */
export interface InputRef {
  /** Indicator name in the run's catalog, e.g. `"sma"`, `"donchian"`. */
  readonly name: string;
  /** Raw params, parsed by the indicator's schema at plan time (defaults filled). */
  readonly params: Record<string, unknown>;
  /** Required when the indicator has more than one output. */
  readonly output?: string;
}

export interface StrategyContext {
  /** The run's catalog indicators, so a strategy that names indicators dynamically (rules) can check names. */
  readonly indicators: Registry<IndicatorDef>;
}

/** What a strategy may report about its signal, e.g. bars where its rules conflicted. */
export interface SignalReport {
  readonly warnings?: readonly string[];
}

export interface StrategyDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  /**
   * Named inputs derived from params. An unknown indicator or output is CONFIG_INVALID at plan time naming the
   * strategy, the key and the valid choices (the planner checks it, not each strategy).
   */
  inputs(params: z.output<S>, ctx: StrategyContext): Record<string, InputRef>;
  /**
   * Writes the target of every bar into `out` (length n): finite, fractional allowed, sign = side. `inputs` holds
   * the SHIFTED feature column under each key of `inputs()`. Pure, O(n). The engine checks every target is
   * finite (PLUGIN_FAILED naming the first bad bar otherwise).
   */
  signal(
    inputs: Readonly<Record<string, Float64Array>>,
    params: z.output<S>,
    out: Float64Array,
  ): SignalResult;
}

/** A signal may return a report, or nothing at all (a plain loop). */
// biome-ignore lint/suspicious/noConfusingVoidType: lets a strategy's signal be a plain loop that returns nothing.
export type SignalResult = SignalReport | undefined | void;

/**
 * Identity helper for writing a strategy (built-in or a user's module): checks the definition against the
 * contract and types `params` from the schema, e.g. `export default defineStrategy({ name, summary, schema,
 * inputs: (p) => ({ fast: { name: "sma", params: { period: p.fast } } }), signal: (i, p, out) => ... })`.
 */
export function defineStrategy<S extends z.ZodType>(def: StrategyDef<S>): StrategyDef<S> {
  return def;
}
