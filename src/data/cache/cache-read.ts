/**
 * @module data/cache/cache-read
 * Reads a cached candle file and proves it is the one the database row describes: present, the recorded byte
 * size, decodable, the recorded row count, inside the recorded range. Any mismatch is a *problem* (a sentence
 * for the warning), not an exception: the caller refetches instead of failing the run. `readCachedTimes` makes
 * the same checks on the bar times alone, read without the price columns (the file's other 99.9%).
 */
import type { Candles } from "../../core/candles.js";
import { readParquetColumns } from "../../store/parquet/read-parquet-columns.js";
import { readWholeFile } from "../../store/read-whole-file.js";
import type { CandleCacheRow } from "../../store/repos/candle-cache-repo.js";
import { decodeCandleFile } from "./cache-file.js";

export type CacheRead =
  | { readonly ok: true; readonly candles: Candles & { gapFlag: Uint8Array } }
  | { readonly ok: false; readonly problem: string };

export async function readCachedCandles(file: string, row: CandleCacheRow): Promise<CacheRead> {
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(file);
  } catch {
    return { ok: false, problem: "missing" };
  }
  if (bytes.length !== row.sizeBytes) {
    return {
      ok: false,
      problem: `${bytes.length} bytes instead of the ${row.sizeBytes} written (size mismatch)`,
    };
  }
  let candles: Candles & { gapFlag: Uint8Array };
  try {
    candles = (await decodeCandleFile(bytes)).candles;
  } catch (err) {
    return { ok: false, problem: `unreadable (${(err as Error).message})` };
  }
  const problem = timesProblem(candles.ts, row);
  return problem === undefined ? { ok: true, candles } : { ok: false, problem };
}

function timesProblem(ts: Float64Array, row: CandleCacheRow): string | undefined {
  const n = ts.length;
  if (n !== row.rowCount) return `${n} rows instead of ${row.rowCount} (row count mismatch)`;
  if (n > 0 && (ts[0]! < row.start || ts[n - 1]! > row.end)) return "holding bars outside its recorded range";
  return undefined;
}

export type CacheTimesRead =
  | { readonly ok: true; readonly ts: Float64Array }
  | { readonly ok: false; readonly problem: string };

/** The cached file's bar times, checked as `readCachedCandles` checks the whole file (same problems). */
export async function readCachedTimes(file: string, row: CandleCacheRow): Promise<CacheTimesRead> {
  let read: Awaited<ReturnType<typeof readParquetColumns>>;
  try {
    read = await readParquetColumns(file, ["ts_utc"]);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === "ENOENT" ? "missing" : `unreadable (${(err as Error).message})` };
  }
  if (read.size !== row.sizeBytes) {
    return {
      ok: false,
      problem: `${read.size} bytes instead of the ${row.sizeBytes} written (size mismatch)`,
    };
  }
  const ts = read.columns.ts_utc;
  if (!(ts instanceof Float64Array))
    return { ok: false, problem: "unreadable (ts_utc is not a time column)" };
  for (let i = 1; i < ts.length; i++) {
    if (!(ts[i]! > ts[i - 1]!))
      return { ok: false, problem: `unreadable (ts_utc not strictly increasing at row ${i})` };
  }
  const problem = timesProblem(ts, row);
  return problem === undefined ? { ok: true, ts } : { ok: false, problem };
}
