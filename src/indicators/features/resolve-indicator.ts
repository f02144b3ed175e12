/**
 * @module indicators/features/resolve-indicator
 * Turns an indicator reference from a config or a strategy into what the feature layer needs: the catalog entry,
 * its origin, the params parsed by its schema (defaults filled) and the stable column name of each output. Bad
 * input is CONFIG_INVALID under the caller's path, e.g. `indicators[0].params.period`.
 */
import { type Catalog, type Origin, originOf } from "../../core/catalog/catalog.js";
import { lookup, parseParams } from "../../core/catalog/registry.js";
import type { IndicatorDef, IndicatorRef } from "../types.js";
import { featureColumnName } from "./feature-column-name.js";

export interface ResolvedIndicator {
  readonly def: IndicatorDef;
  /** Where the definition comes from (built-in or a user's file); decides how a failure is reported. */
  readonly origin: Origin;
  /** Parsed params, every default filled, in the schema's key order. */
  readonly params: Record<string, unknown>;
  /** One entry per output, in the indicator's output order. */
  readonly columns: readonly { readonly output: string; readonly name: string }[];
}

export function resolveIndicator(ref: IndicatorRef, catalog: Catalog, path: string): ResolvedIndicator {
  const def = lookup(catalog.indicators, "indicator", ref.name, `${path}.name`);
  const params = parseParams(def.schema, ref.params, `${path}.params`) as Record<string, unknown>;
  const columns = def.outputs.map((output) => ({ output, name: featureColumnName(def, params, output) }));
  return { def, origin: originOf(catalog, "indicators", def.name), params, columns };
}
