/**
 * @module store/repos/retention-repo
 * The `retention_state` table: small key/value bookkeeping for the retention sweep (e.g. `last_sweep_at`,
 * `deleted_total`), so `studio` can say when it last cleaned up and how much it has removed over time. Values
 * are text; `increment` reads and writes inside one IMMEDIATE transaction so concurrent sweeps add up.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export interface RetentionEntry {
  readonly key: string;
  readonly value: string;
  readonly updatedAt: number;
}

export class RetentionRepo {
  private readonly setStmt: Statement;
  private readonly add: (key: string, by: number, now: number) => number;
  private readonly getStmt: Statement<[string], RetentionEntry>;
  private readonly allStmt: Statement<[], RetentionEntry>;

  constructor(db: Db) {
    this.setStmt =
      db.prepare(`INSERT INTO retention_state (key, value, updated_at) VALUES (@key, @value, @now)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    this.getStmt = db.prepare(
      "SELECT key, value, updated_at AS updatedAt FROM retention_state WHERE key = ?",
    );
    this.allStmt = db.prepare("SELECT key, value, updated_at AS updatedAt FROM retention_state ORDER BY key");
    const add = db.transaction((key: string, by: number, now: number) => {
      const next = (this.getNumber(key) ?? 0) + by;
      this.set(key, next, now);
      return next;
    });
    this.add = (key, by, now) => add.immediate(key, by, now);
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  /** The value as a number, or undefined when unset or not numeric. */
  getNumber(key: string): number | undefined {
    const v = this.get(key);
    const n = v === undefined ? Number.NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  }

  set(key: string, value: string | number, now: number): void {
    this.setStmt.run({ key, value: String(value), now });
  }

  /** Adds `by` to a numeric value (starting from 0) atomically; returns the new value. */
  increment(key: string, by: number, now: number): number {
    return this.add(key, by, now);
  }

  all(): RetentionEntry[] {
    return this.allStmt.all();
  }
}
