/**
 * @module store/repos/run-progress-repo
 * The `run_progress` table: the last event a run emitted (sequence number, stage, ratio). A client that
 * reconnects to a run's event stream, possibly after a server restart, learns from it where the run stood;
 * the row disappears with its run (ON DELETE CASCADE).
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export interface RunProgressRow {
  readonly runId: string;
  readonly lastSeq: number;
  readonly lastStage: string | null;
  /** 0..1 over the whole run. */
  readonly progressRatio: number;
  readonly updatedAt: number;
}

/** What one event changes. A null stage or ratio keeps the stored one: not every event knows them. */
export interface RunProgressUpdate {
  readonly runId: string;
  readonly lastSeq: number;
  readonly lastStage: string | null;
  readonly progressRatio: number | null;
  readonly updatedAt: number;
}

export class RunProgressRepo {
  private readonly upsertStmt: Statement;
  private readonly getStmt: Statement<[string], RunProgressRow>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Db) {
    // Events can be persisted out of order by concurrent writers; a lower seq never overwrites a higher one.
    // A stage, once known, is never forgotten: the end event keeps the stage the run ended in.
    this.upsertStmt = db.prepare(`INSERT INTO run_progress (run_id, last_seq, last_stage, progress_ratio,
      updated_at) VALUES (@runId, @lastSeq, @lastStage, coalesce(@progressRatio, 0), @updatedAt)
      ON CONFLICT (run_id) DO UPDATE SET last_seq = excluded.last_seq,
      last_stage = coalesce(excluded.last_stage, run_progress.last_stage),
      progress_ratio = coalesce(@progressRatio, run_progress.progress_ratio), updated_at = excluded.updated_at
      WHERE excluded.last_seq >= run_progress.last_seq`);
    this.getStmt = db.prepare(`SELECT run_id AS runId, last_seq AS lastSeq, last_stage AS lastStage,
      progress_ratio AS progressRatio, updated_at AS updatedAt FROM run_progress WHERE run_id = ?`);
    this.deleteStmt = db.prepare("DELETE FROM run_progress WHERE run_id = ?");
  }

  /** Records the run's latest event; returns false when a newer seq is already stored. */
  record(row: RunProgressUpdate): boolean {
    return this.upsertStmt.run(row).changes > 0;
  }

  get(runId: string): RunProgressRow | undefined {
    return this.getStmt.get(runId);
  }

  delete(runId: string): boolean {
    return this.deleteStmt.run(runId).changes > 0;
  }
}
