/**
 * @module store/repos/feature-cache-repo
 * The `feature_cache` table: one row per cached indicator Parquet file. Each row hangs off the candle row it was
 * computed from (ON DELETE CASCADE), so clearing candles can never leave features of data that is gone.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export interface FeatureCacheRow {
  readonly featureHash: string;
  readonly name: string;
  readonly paramsJson: string;
  readonly candleHash: string;
  readonly rowCount: number;
  readonly createdAt: number;
  /** Relative to the studio home, `/`-separated. */
  readonly path: string;
  readonly sizeBytes: number;
}

const SELECT = `SELECT feature_hash AS featureHash, name, params_json AS paramsJson, candle_hash AS candleHash,
  row_count AS rowCount, created_at AS createdAt, path, size_bytes AS sizeBytes FROM feature_cache`;

export class FeatureCacheRepo {
  private readonly upsertStmt: Statement;
  private readonly getStmt: Statement<[string], FeatureCacheRow>;
  private readonly byCandleStmt: Statement<[string], FeatureCacheRow>;
  private readonly listStmt: Statement<[], FeatureCacheRow>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO feature_cache (feature_hash, name, params_json, candle_hash,
      row_count, created_at, path, size_bytes) VALUES (@featureHash, @name, @paramsJson, @candleHash,
      @rowCount, @createdAt, @path, @sizeBytes)
      ON CONFLICT (feature_hash) DO UPDATE SET row_count = excluded.row_count, created_at = excluded.created_at,
      path = excluded.path, size_bytes = excluded.size_bytes`);
    this.getStmt = db.prepare(`${SELECT} WHERE feature_hash = ?`);
    this.byCandleStmt = db.prepare(`${SELECT} WHERE candle_hash = ? ORDER BY name, feature_hash`);
    this.listStmt = db.prepare(`${SELECT} ORDER BY name, created_at`);
    this.deleteStmt = db.prepare("DELETE FROM feature_cache WHERE feature_hash = ?");
  }

  /** Inserts or replaces; fails with a foreign-key error when the candle row does not exist. */
  upsert(row: FeatureCacheRow): void {
    this.upsertStmt.run(row);
  }

  get(featureHash: string): FeatureCacheRow | undefined {
    return this.getStmt.get(featureHash);
  }

  /** Features computed from one candle file (what clearing that file also removes). */
  listByCandle(candleHash: string): FeatureCacheRow[] {
    return this.byCandleStmt.all(candleHash);
  }

  list(): FeatureCacheRow[] {
    return this.listStmt.all();
  }

  delete(featureHash: string): boolean {
    return this.deleteStmt.run(featureHash).changes > 0;
  }
}
