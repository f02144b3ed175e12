/**
 * @module indicators/resolve-indicator
 * Turns an indicator reference from a config or a strategy into what the feature layer needs: the registry
 * entry, the params parsed by its schema (defaults filled) and the stable column name of each output. Bad input
 * is CONFIG_INVALID under the caller's path, e.g. `indicators[0].params.period`.
 */
import { lookup, parseParams } from "../core/registry.js";
import { featureColumnName } from "./feature-column-name.js";
import { INDICATORS } from "./registry.js";
import type { IndicatorDef, IndicatorRef } from "./types.js";

export interface ResolvedIndicator {
  readonly def: IndicatorDef;
  /** Parsed params, every default filled, in the schema's key order. */
  readonly params: Record<string, unknown>;
  /** One entry per output, in the indicator's output order. */
  readonly columns: readonly { readonly output: string; readonly name: string }[];
}

export function resolveIndicator(ref: IndicatorRef, path: string): ResolvedIndicator {
  const def = lookup(INDICATORS, "indicator", ref.name, `${path}.name`);
  const params = parseParams(def.schema, ref.params, `${path}.params`) as Record<string, unknown>;
  const columns = def.outputs.map((output) => ({
    output,
    name: featureColumnName(def.name, params, output, def.outputs.length),
  }));
  return { def, params, columns };
}
