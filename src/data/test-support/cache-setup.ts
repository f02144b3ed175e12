/** A temporary home and database with a spying provider registry, and a `load` bound to them. */

import { type Db, openDatabase } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import { CandleCacheRepo } from "../../store/repos/candle-cache-repo.js";
import { type LoadedCandles, type LoadRequest, loadCandles } from "../cache/candle-cache.js";
import { type SpyRegistry, spyProviders } from "./spy-providers.js";
import { tempHome } from "./temp-home.js";

const JAN = Date.parse("2024-01-01T00:00:00Z");

/** Ten days of hourly synthetic bars: 241 bars. */
export const SYN_REQUEST: LoadRequest = {
  provider: "synthetic",
  symbol: "SYN",
  timeframe: "1h",
  start: JAN,
  end: JAN + 10 * 86_400_000,
};

export interface CacheFixture {
  readonly home: HomePaths;
  readonly db: Db;
  readonly spy: SpyRegistry;
  readonly load: (req?: LoadRequest) => Promise<LoadedCandles>;
  readonly repo: CandleCacheRepo;
}

export function setupCache(files: Record<string, string> = {}): CacheFixture {
  const home = tempHome(files);
  const db = openDatabase(home.db);
  const spy = spyProviders();
  const load = (req: LoadRequest = SYN_REQUEST) => loadCandles(db, home, req, { providers: spy.providers });
  return { home, db, spy, load, repo: new CandleCacheRepo(db) };
}
