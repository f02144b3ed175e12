/**
 * @module indicators/compute-indicator
 * The library's direct door to an indicator: raw (unshifted) outputs by name, for notebooks, exports and checks
 * against other tools. Name and params are validated like a config (CONFIG_INVALID listing valid names or the
 * bad param), candle columns must have equal lengths (DATA_INVALID).
 */
import { assertCandleShape, type Candles } from "../core/candles.js";
import { resolveIndicator } from "./resolve-indicator.js";

export function computeIndicator(
  name: string,
  params: Record<string, unknown> | undefined,
  candles: Candles,
): Record<string, Float64Array> {
  const { def, params: parsed } = resolveIndicator({ name, params: params ?? {} }, "indicator");
  assertCandleShape(candles);
  return def.compute(candles, parsed);
}
