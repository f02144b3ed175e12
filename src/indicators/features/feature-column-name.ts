/**
 * @module indicators/features/feature-column-name
 * The stable name of a feature column, used in feature Parquet files, exports and the plan's strategy inputs:
 * `{indicator}_{param values in the schema's declared key order, joined by _}`, plus `_{output}` when the
 * indicator has several outputs; an indicator without params is its bare name. Examples: `sma_10`, `ema_50`,
 * `macd_12_26_9_signal`, `bollinger_20_2_upper`, `donchian_20_upper`, `obv`, `price_close`. Values print as
 * JavaScript prints them (`2.5`, `true`), so every param that changes the numbers appears in the name.
 */
import type { IndicatorDef } from "../types.js";

export function featureColumnName(
  def: Pick<IndicatorDef, "name" | "schema" | "outputs">,
  params: Readonly<Record<string, unknown>>,
  output: string,
): string {
  const parts = [def.name];
  for (const key of paramOrder(def, params)) {
    if (params[key] !== undefined) parts.push(String(params[key]));
  }
  if (def.outputs.length > 1) parts.push(output);
  return parts.join("_");
}

/** The schema's declared keys (parsed params follow them anyway), then any others in the params' own order. */
function paramOrder(def: Pick<IndicatorDef, "schema">, params: Readonly<Record<string, unknown>>): string[] {
  const shape = (def.schema as { shape?: Record<string, unknown> }).shape;
  if (shape === undefined) return Object.keys(params);
  const declared = Object.keys(shape);
  return [...declared, ...Object.keys(params).filter((key) => !declared.includes(key))];
}
