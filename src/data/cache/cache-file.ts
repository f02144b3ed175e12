/**
 * @module data/cache/cache-file
 * The candle Parquet file, per docs/architecture.md#parquet-files: `ts_utc` UTC ms timestamp, `open high low close
 * volume` DOUBLE, `vwap` DOUBLE when the source has one, `gap_flag` BOOLEAN. The footer's key/value metadata
 * names what the file holds (provider, symbol, timeframe, range, candle hash, source version), so a file found
 * on its own still says what it is. Decoding checks the shape (columns, lengths, strictly increasing time) so a
 * damaged or foreign file is refused rather than fed to a backtest.
 */
import type { Candles } from "../../core/candles.js";
import { StudioError } from "../../core/errors.js";
import { decodeParquet, encodeParquet, type ParquetColumn } from "../../store/parquet/parquet.js";

const PRICE_COLUMNS = ["open", "high", "low", "close", "volume"] as const;

export function encodeCandleFile(
  c: Candles & { gapFlag: Uint8Array },
  metadata: Record<string, string>,
): Uint8Array {
  const columns: ParquetColumn[] = [
    { name: "ts_utc", type: "TIMESTAMP", data: c.ts },
    ...PRICE_COLUMNS.map((name) => ({ name, type: "DOUBLE" as const, data: c[name] })),
    ...(c.vwap ? [{ name: "vwap", type: "DOUBLE" as const, data: c.vwap }] : []),
    { name: "gap_flag", type: "BOOLEAN", data: c.gapFlag },
  ];
  return encodeParquet(columns, { "studio.kind": "candles", ...metadata });
}

export interface DecodedCandleFile {
  readonly candles: Candles & { gapFlag: Uint8Array };
  readonly metadata: Record<string, string>;
}

/** DATA_INVALID when the bytes are not a complete candle file. */
export async function decodeCandleFile(bytes: Uint8Array): Promise<DecodedCandleFile> {
  const table = await decodeParquet(bytes);
  const col = (name: string) => table.columns[name];
  const ts = col("ts_utc");
  const gapFlag = col("gap_flag");
  if (!(ts instanceof Float64Array) || !(gapFlag instanceof Uint8Array)) {
    throw new StudioError("DATA_INVALID", "candle file: missing ts_utc or gap_flag column");
  }
  const prices: Record<string, Float64Array> = {};
  for (const name of [...PRICE_COLUMNS, "vwap"]) {
    const data = col(name);
    if (data === undefined && name === "vwap") continue;
    if (!(data instanceof Float64Array))
      throw new StudioError("DATA_INVALID", `candle file: missing ${name} column`);
    prices[name] = data;
  }
  for (let i = 1; i < ts.length; i++) {
    if (!(ts[i]! > ts[i - 1]!)) {
      throw new StudioError("DATA_INVALID", `candle file: ts_utc not strictly increasing at row ${i}`);
    }
  }
  const candles = {
    ts,
    open: prices.open!,
    high: prices.high!,
    low: prices.low!,
    close: prices.close!,
    volume: prices.volume!,
    ...(prices.vwap ? { vwap: prices.vwap } : {}),
    gapFlag,
  };
  return { candles, metadata: table.metadata };
}
