/**
 * @module indicators/feature-column-name
 * The stable name of a feature column, used in feature Parquet files, exports and by strategies:
 * `{indicator}_{param values in the schema's declared key order, joined by _}`, plus `_{output}` when the
 * indicator has several outputs; an indicator without params is its bare name. Examples: `sma_10`, `ema_50`,
 * `macd_12_26_9_signal`, `bollinger_20_2_upper`, `donchian_20_upper`, `obv`, `price_close`. Values print as
 * JavaScript prints them (`2.5`, `true`), so every param that changes the numbers appears in the name.
 */
import { INDICATORS } from "./registry.js";

export function featureColumnName(
  name: string,
  params: Readonly<Record<string, unknown>>,
  output: string,
  outputCount: number,
): string {
  const parts = [name];
  for (const key of paramOrder(name, params)) {
    if (params[key] !== undefined) parts.push(String(params[key]));
  }
  if (outputCount > 1) parts.push(output);
  return parts.join("_");
}

/** The schema's declared keys (parsed params follow them anyway); the params' own order for unknown names. */
function paramOrder(name: string, params: Readonly<Record<string, unknown>>): string[] {
  const def = Object.hasOwn(INDICATORS, name) ? INDICATORS[name] : undefined;
  const shape = (def?.schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (shape === undefined) return Object.keys(params);
  const declared = Object.keys(shape);
  return [...declared, ...Object.keys(params).filter((key) => !declared.includes(key))];
}
