/**
 * @module indicators/features/compute-indicator
 * The library's direct door to an indicator: raw (unshifted) outputs by name, for notebooks, exports and checks
 * against other tools. Name and params are validated like a config (CONFIG_INVALID listing valid names or the
 * bad param), candle columns must have equal lengths (DATA_INVALID). The built-in indicators unless a catalog
 * (e.g. with the user's plugins) is given.
 */
import { assertCandleShape, type Candles } from "../../core/candles.js";
import { type Catalog, createCatalog } from "../../core/catalog/catalog.js";
import { BUILTIN_INDICATORS } from "../registry.js";
import { resolveIndicator } from "./resolve-indicator.js";

let builtins: Catalog | undefined;

export function computeIndicator(
  name: string,
  params: Record<string, unknown> | undefined,
  candles: Candles,
  catalog?: Catalog,
): Record<string, Float64Array> {
  builtins ??= createCatalog({ indicators: BUILTIN_INDICATORS });
  const { def, params: parsed } = resolveIndicator(
    { name, params: params ?? {} },
    catalog ?? builtins,
    "indicator",
  );
  assertCandleShape(candles);
  return def.compute(candles, parsed);
}
