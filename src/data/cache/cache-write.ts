/**
 * @module data/cache/cache-write
 * Stores freshly fetched candles as a cache entry: the Parquet file first (atomically: temp name, fsync,
 * rename), then its candle_cache row, then the removal of entries it supersedes (same request, older source
 * version). A crash before the row leaves a stray file that the next write overwrites or `cache clear` sweeps;
 * there is never a row whose file was only half written.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Candles } from "../../core/candles.js";
import { type CandleKey, candleHash } from "../../core/hashes.js";
import { writeFileAtomic } from "../../store/atomic-write.js";
import type { Db } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import { CandleCacheRepo } from "../../store/repos/candle-cache-repo.js";
import type { QualityReport } from "../quality/quality.js";
import { removeCacheEntries } from "./cache-admin.js";
import { encodeCandleFile } from "./cache-file.js";
import { candleCacheLocation } from "./cache-paths.js";

export interface WrittenEntry {
  readonly candleHash: string;
  /** Absolute path of the Parquet file. */
  readonly file: string;
}

export function writeCacheEntry(
  db: Db,
  home: HomePaths,
  key: CandleKey,
  candles: Candles & { gapFlag: Uint8Array },
  report: QualityReport,
  now: number,
): WrittenEntry {
  const hash = candleHash(key);
  const where = candleCacheLocation(home, { ...key, candleHash: hash });
  const metadata = {
    provider: key.provider,
    symbol: key.symbol,
    timeframe: key.timeframe,
    start: String(key.start),
    end: String(key.end),
    candle_hash: hash,
    raw_source_version: key.rawSourceVersion,
  };
  mkdirSync(path.dirname(where.file), { recursive: true });
  const written = writeFileAtomic(where.file, encodeCandleFile(candles, metadata));
  const repo = new CandleCacheRepo(db);
  const row = {
    candleHash: hash,
    provider: key.provider,
    symbol: key.symbol,
    timeframe: key.timeframe,
    start: key.start,
    end: key.end,
    rowCount: candles.ts.length,
    createdAt: now,
    path: where.relative,
    sizeBytes: written.size,
    qualityJson: JSON.stringify(report),
  };
  repo.upsert(row);
  removeCacheEntries(db, home, repo.superseded(row));
  return { candleHash: hash, file: where.file };
}
