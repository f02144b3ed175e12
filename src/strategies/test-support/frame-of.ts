/**
 * @module strategies/test-support/frame-of
 * Hand-made feature frames for strategy rule tests: each named array is used as an already shifted column, so a
 * test states exactly what the strategy sees at every bar. `signalOf` parses params with the strategy's schema
 * and returns the target per bar as a plain array.
 */
import type { FeatureColumn } from "../../indicators/feature-set.js";
import { featureSetFromColumns } from "../../indicators/feature-set.js";
import type { FeatureFrame, StrategyDef } from "../types.js";

export function frameOf(columns: Record<string, readonly number[]>, length?: number): FeatureFrame {
  const entries = Object.entries(columns);
  const n = length ?? entries[0]?.[1].length ?? 0;
  const built: FeatureColumn[] = entries.map(([name, values]) => ({
    name,
    indicator: "hand-made",
    params: {},
    output: name,
    raw: Float64Array.from(values),
    shifted: Float64Array.from(values),
  }));
  return featureSetFromColumns(built, n).frame;
}

export function signalOf(def: StrategyDef, params: Record<string, unknown>, frame: FeatureFrame): number[] {
  const out = new Float64Array(frame.length);
  def.signal(frame, def.schema.parse(params), out);
  return Array.from(out);
}
