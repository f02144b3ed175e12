/**
 * @module store/store
 * One handle on `studio.db` with every repository built once, so callers (runs service, HTTP server, CLI) do
 * not each prepare their own statements or forget to enable foreign keys.
 */

import { type Db, openDatabase } from "./db.js";
import { CandleCacheRepo } from "./repos/candle-cache-repo.js";
import { FeatureCacheRepo } from "./repos/feature-cache-repo.js";
import { PresetsRepo } from "./repos/presets-repo.js";
import { RetentionRepo } from "./repos/retention-repo.js";
import { RunProgressRepo } from "./repos/run-progress-repo.js";
import { RunsRepo } from "./repos/runs-repo.js";
import { SweepsRepo } from "./repos/sweeps-repo.js";

export interface Store {
  readonly db: Db;
  readonly runs: RunsRepo;
  readonly presets: PresetsRepo;
  readonly candleCache: CandleCacheRepo;
  readonly featureCache: FeatureCacheRepo;
  readonly runProgress: RunProgressRepo;
  readonly retention: RetentionRepo;
  readonly sweeps: SweepsRepo;
  close(): void;
}

/** Opens (creating and migrating when needed) the database at `file`. */
export function openStore(file: string): Store {
  return storeOf(openDatabase(file));
}

/** Repositories over an already open database. */
export function storeOf(db: Db): Store {
  return {
    db,
    runs: new RunsRepo(db),
    presets: new PresetsRepo(db),
    candleCache: new CandleCacheRepo(db),
    featureCache: new FeatureCacheRepo(db),
    runProgress: new RunProgressRepo(db),
    retention: new RetentionRepo(db),
    sweeps: new SweepsRepo(db),
    close: () => db.close(),
  };
}
