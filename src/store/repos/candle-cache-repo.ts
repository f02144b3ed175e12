/**
 * @module store/repos/candle-cache-repo
 * The `candle_cache` table: one row per cached candle Parquet file, keyed by the candle hash. The row records
 * what the file must contain (row count, byte size) so a reader can tell a damaged or foreign file from the
 * one that was written, and the data-quality report measured when the candles were fetched.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export interface CandleCacheRow {
  readonly candleHash: string;
  readonly provider: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly start: number;
  readonly end: number;
  readonly rowCount: number;
  readonly createdAt: number;
  /** Relative to the studio home, `/`-separated. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly qualityJson: string;
}

export interface CandleCacheFilter {
  readonly provider?: string;
  readonly symbol?: string;
}

const SELECT = `SELECT candle_hash AS candleHash, provider, symbol, timeframe, start, "end", row_count AS rowCount,
  created_at AS createdAt, path, size_bytes AS sizeBytes, quality_json AS qualityJson FROM candle_cache`;

export class CandleCacheRepo {
  private readonly upsertStmt: Statement;
  private readonly getStmt: Statement<[string], CandleCacheRow>;
  private readonly listStmt: Statement<[{ provider: string | null; symbol: string | null }], CandleCacheRow>;
  private readonly supersededStmt: Statement<unknown[], CandleCacheRow>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO candle_cache (candle_hash, provider, symbol, timeframe, start,
      "end", row_count, created_at, path, size_bytes, quality_json) VALUES (@candleHash, @provider, @symbol,
      @timeframe, @start, @end, @rowCount, @createdAt, @path, @sizeBytes, @qualityJson)
      ON CONFLICT (candle_hash) DO UPDATE SET row_count = excluded.row_count, created_at = excluded.created_at,
      path = excluded.path, size_bytes = excluded.size_bytes, quality_json = excluded.quality_json`);
    this.getStmt = db.prepare(`${SELECT} WHERE candle_hash = ?`);
    this.listStmt = db.prepare(`${SELECT} WHERE (@provider IS NULL OR provider = @provider)
      AND (@symbol IS NULL OR symbol = @symbol)
      ORDER BY provider, symbol, timeframe, start, "end", created_at`);
    this.supersededStmt = db.prepare(`${SELECT} WHERE provider = @provider AND symbol = @symbol
      AND timeframe = @timeframe AND start = @start AND "end" = @end AND candle_hash <> @candleHash`);
    this.deleteStmt = db.prepare("DELETE FROM candle_cache WHERE candle_hash = ?");
  }

  /**
   * Inserts or replaces the row. An update keeps the same key, so feature rows that hang off it survive; they
   * describe the same candles.
   */
  upsert(row: CandleCacheRow): void {
    this.upsertStmt.run(row);
  }

  get(candleHash: string): CandleCacheRow | undefined {
    return this.getStmt.get(candleHash);
  }

  list(filter: CandleCacheFilter = {}): CandleCacheRow[] {
    return this.listStmt.all({ provider: filter.provider ?? null, symbol: filter.symbol ?? null });
  }

  /** Rows for the same request as `row` but another source version: what `row` makes obsolete. */
  superseded(
    row: Pick<CandleCacheRow, "candleHash" | "provider" | "symbol" | "timeframe" | "start" | "end">,
  ) {
    return this.supersededStmt.all({
      candleHash: row.candleHash,
      provider: row.provider,
      symbol: row.symbol,
      timeframe: row.timeframe,
      start: row.start,
      end: row.end,
    });
  }

  /** Deletes the row; feature_cache rows built on it cascade. Returns whether it existed. */
  delete(candleHash: string): boolean {
    return this.deleteStmt.run(candleHash).changes > 0;
  }
}
