/**
 * @module data/cache/cache-admin
 * Listing and clearing the candle cache for the CLI. Clearing removes the database rows and the files together:
 * each candle file, the feature files computed from it (their rows go by ON DELETE CASCADE), and then any
 * stray Parquet or temporary file left in the cleared folders by an interrupted write, so `cache clear` leaves
 * nothing behind that the database does not know about.
 */
import { readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { quote, StudioError } from "../../core/errors.js";
import { SYMBOL_PATTERN } from "../../core/run-config.js";
import type { Db } from "../../store/db.js";
import { type HomePaths, safeJoin } from "../../store/home.js";
import {
  type CandleCacheFilter,
  CandleCacheRepo,
  type CandleCacheRow,
} from "../../store/repos/candle-cache-repo.js";
import { FeatureCacheRepo } from "../../store/repos/feature-cache-repo.js";
import { resolveStored } from "./cache-paths.js";

export function listCache(db: Db, filter: CandleCacheFilter = {}): CandleCacheRow[] {
  return new CandleCacheRepo(db).list(filter);
}

export interface ClearResult {
  /** Candle cache entries removed. */
  readonly entries: number;
  /** Feature cache entries removed with them. */
  readonly features: number;
  /** Bytes of files deleted (candles, features and strays). */
  readonly bytes: number;
}

/** Removes the given entries' rows and files (and their features' files). */
export function removeCacheEntries(db: Db, home: HomePaths, rows: readonly CandleCacheRow[]): ClearResult {
  const candles = new CandleCacheRepo(db);
  const features = new FeatureCacheRepo(db);
  const files: string[] = [];
  let featureCount = 0;
  db.transaction(() => {
    for (const row of rows) {
      for (const f of features.listByCandle(row.candleHash)) {
        files.push(f.path);
        featureCount++;
      }
      files.push(row.path);
      candles.delete(row.candleHash);
    }
  })();
  // Files go after the commit: a crash in between leaves strays (swept later), never rows without files.
  let bytes = 0;
  for (const rel of files) bytes += removeFile(resolveStored(home, rel));
  return { entries: rows.length, features: featureCount, bytes };
}

export function clearCache(db: Db, home: HomePaths, filter: CandleCacheFilter = {}): ClearResult {
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && !SYMBOL_PATTERN.test(value)) {
      throw new StudioError("CONFIG_INVALID", `${key}: ${quote(value)} is not a plain name`);
    }
  }
  const removed = removeCacheEntries(db, home, listCache(db, filter));
  const kept = new Set(listCache(db).map((r) => resolveStored(home, r.path)));
  let stray = 0;
  for (const dir of scopeDirs(home, filter)) stray += sweep(dir, kept);
  return { ...removed, bytes: removed.bytes + stray };
}

/** Folders a filter covers: cache/candles, one provider's folder, or each provider's folder of one symbol. */
function scopeDirs(home: HomePaths, filter: CandleCacheFilter): string[] {
  const root = home.candleCache;
  const providers = filter.provider ? [filter.provider] : null;
  if (!filter.symbol) return providers ? [safeJoin(root, providers[0]!)] : [root];
  return (providers ?? listDirs(root)).map((p) => safeJoin(root, p, filter.symbol!));
}

function sweep(dir: string, kept: Set<string>): number {
  let bytes = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) bytes += sweep(full, kept);
    else if (!kept.has(full) && (name.endsWith(".parquet") || name.startsWith(".tmp-")))
      bytes += removeFile(full);
  }
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (kept files or files the studio does not own): leave it.
  }
  return bytes;
}

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

function removeFile(file: string): number {
  try {
    const size = statSync(file).size;
    rmSync(file, { force: true });
    return size;
  } catch {
    return 0;
  }
}
