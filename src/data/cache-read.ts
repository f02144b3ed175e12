/**
 * @module data/cache-read
 * Reads a cached candle file and proves it is the one the database row describes: present, the recorded byte
 * size, decodable, the recorded row count, inside the recorded range. Any mismatch is a *problem* (a sentence
 * for the warning), not an exception: the caller refetches instead of failing the run.
 */
import type { Candles } from "../core/candles.js";
import type { CandleCacheRow } from "../store/candle-cache-repo.js";
import { readWholeFile } from "../store/read-whole-file.js";
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
  const n = candles.ts.length;
  if (n !== row.rowCount)
    return { ok: false, problem: `${n} rows instead of ${row.rowCount} (row count mismatch)` };
  if (n > 0 && (candles.ts[0]! < row.start || candles.ts[n - 1]! > row.end)) {
    return { ok: false, problem: "holding bars outside its recorded range" };
  }
  return { ok: true, candles };
}
