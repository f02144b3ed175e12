/**
 * @module strategies/test-support/frame-of
 * Hand-made feature frames for strategy rule tests: each named array is used as an already shifted column, so a
 * test states exactly what the strategy sees at every bar. `signalOf` parses params with the strategy's schema,
 * hands the strategy the frame's column for each of its named inputs (found by the column name the planner would
 * give that input) and returns the target per bar as a plain array.
 */

import { engineCatalog } from "../../engine/engine-catalog.js";
import { planInputs } from "../../engine/plan-backtest.js";
import type { FeatureColumn, FeatureFrame } from "../../indicators/features/feature-set.js";
import { featureSetFromColumns } from "../../indicators/features/feature-set.js";
import type { StrategyDef } from "../types.js";

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

/** The strategy's named inputs over `frame`: each key's column, as `runPlan` would hand them over. */
export function inputsOf(
  def: StrategyDef,
  params: Record<string, unknown>,
  frame: FeatureFrame,
): Record<string, Float64Array> {
  const planned = planInputs({ def, origin: "builtin", params }, engineCatalog());
  return Object.fromEntries(planned.map((input) => [input.key, frame.column(input.column)]));
}

export function signalOf(def: StrategyDef, params: Record<string, unknown>, frame: FeatureFrame): number[] {
  const parsed = def.schema.parse(params) as Record<string, unknown>;
  const out = new Float64Array(frame.length);
  def.signal(inputsOf(def, parsed, frame), parsed, out);
  return Array.from(out);
}
