/**
 * @module data/cache/cache-paths
 * Where a cached candle file lives: `cache/candles/{provider}/{symbol}/{timeframe}/{hash}.parquet` under the
 * home. Built with safeJoin from validated names, never from a stored string, so a tampered database row cannot
 * point the cache at an arbitrary file. The database keeps the relative, `/`-separated form.
 */
import path from "node:path";
import { quote, StudioError } from "../../core/errors.js";
import { type HomePaths, safeJoin } from "../../store/home.js";

export interface CacheLocation {
  /** Absolute path. */
  readonly file: string;
  /** Relative to the home, `/`-separated (stored in candle_cache.path). */
  readonly relative: string;
}

export interface CacheKeyParts {
  readonly provider: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly candleHash: string;
}

export function candleCacheLocation(home: HomePaths, k: CacheKeyParts): CacheLocation {
  let file: string;
  try {
    file = safeJoin(home.candleCache, k.provider, k.symbol, k.timeframe, `${k.candleHash}.parquet`);
  } catch (err) {
    throw new StudioError(
      "CONFIG_INVALID",
      `cache: ${quote([k.provider, k.symbol, k.timeframe].join("/"))} cannot name a cache folder`,
      undefined,
      { cause: err },
    );
  }
  return { file, relative: path.relative(home.root, file).split(path.sep).join("/") };
}

/** Absolute path of a stored relative path, refusing anything that leaves the home. */
export function resolveStored(home: HomePaths, relative: string): string {
  return safeJoin(home.root, ...relative.split("/"));
}
