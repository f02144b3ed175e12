/**
 * @module indicators/features/series-field
 * The `field` param of the indicators that read one candle column (sma, ema, wma, rsi, roc, stddev, bollinger,
 * zscore, macd): which column, the close by default. The default is dropped from the parsed params, so a config
 * that leaves `field` out, or sets it to `close`, parses to exactly the params it had before the param existed:
 * the same feature column name (`sma_10`), `feature_hash` and `config_hash`. Any other column adds its name to
 * the column name (`sma_10_volume`).
 */
import { z } from "zod";
import { CANDLE_COLUMNS, type Candles } from "../../core/candles.js";

export type CandleField = (typeof CANDLE_COLUMNS)[number];

/** Schema of the param; `.optional()` outside the default so the parsed type admits the dropped key. */
export const seriesFieldParam = z
  .enum(CANDLE_COLUMNS)
  .default("close")
  .optional()
  .describe("Candle column the indicator reads: open, high, low, close or volume.");

/** Overwrite step of the params schema: removes `field` when it is the default (`close`). */
export function dropDefaultField<P extends { field?: CandleField | undefined }>(params: P): P {
  if (params.field === "close" || params.field === undefined) delete params.field;
  return params;
}

/** The candle column the params select. */
export function seriesOf(
  candles: Candles,
  params: { readonly field?: CandleField | undefined },
): Float64Array {
  return candles[params.field ?? "close"];
}
