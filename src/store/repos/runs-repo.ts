/**
 * @module store/repos/runs-repo
 * The `runs` table: one row per backtest, from queued to a final status. Rows come back in camelCase; SQL keeps
 * the documented snake_case. Status changes can be made conditional on the current status (`onlyIf`), which is how
 * the lifecycle avoids lost updates when, say, a cancel and a completion race.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRow {
  readonly runId: string;
  /** The config hash. */
  readonly hash: string;
  /** The idempotency key, sha256(config hash). */
  readonly runHash: string;
  readonly status: RunStatus;
  readonly stage: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly startedAt: number | null;
  /** When the run completed; null for every other status, failed and cancelled included. */
  readonly completedAt: number | null;
  /** When the run reached its final status (completed, failed or cancelled). */
  readonly finishedAt: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly configJson: string;
  readonly seed: number;
  readonly metricsSummaryJson: string | null;
  readonly artifactsManifestSha: string | null;
  /** Process id of the studio executing the run while it is running (a CLI and a server may share a home). */
  readonly ownerPid: number | null;
}

export type NewRun = Pick<RunRow, "runId" | "hash" | "runHash" | "createdAt" | "configJson" | "seed"> &
  Partial<Pick<RunRow, "status" | "stage">>;

/** Columns an update may set; `updatedAt` is always set. */
export type RunPatch = Partial<
  Pick<
    RunRow,
    | "status"
    | "stage"
    | "startedAt"
    | "completedAt"
    | "finishedAt"
    | "errorCode"
    | "errorMessage"
    | "metricsSummaryJson"
    | "artifactsManifestSha"
    | "ownerPid"
  >
> & { readonly updatedAt: number };

/** Position after the last row of a page, newest-first order. */
export interface RunCursor {
  readonly createdAt: number;
  readonly runId: string;
}

export interface RunListOptions {
  readonly status?: RunStatus | readonly RunStatus[];
  /** Page size; all rows when absent. */
  readonly limit?: number;
  readonly cursor?: RunCursor;
}

const PATCH_COLUMNS: Record<keyof RunPatch, string> = {
  status: "status",
  stage: "stage",
  startedAt: "started_at",
  completedAt: "completed_at",
  finishedAt: "finished_at",
  errorCode: "error_code",
  errorMessage: "error_message",
  metricsSummaryJson: "metrics_summary_json",
  artifactsManifestSha: "artifacts_manifest_sha",
  ownerPid: "owner_pid",
  updatedAt: "updated_at",
};

const SELECT = `SELECT run_id AS runId, hash, run_hash AS runHash, status, stage, created_at AS createdAt,
  updated_at AS updatedAt, started_at AS startedAt, completed_at AS completedAt, finished_at AS finishedAt,
  error_code AS errorCode,
  error_message AS errorMessage, config_json AS configJson, seed, metrics_summary_json AS metricsSummaryJson,
  artifacts_manifest_sha AS artifactsManifestSha, owner_pid AS ownerPid FROM runs`;

export class RunsRepo {
  private readonly db: Db;
  private readonly insertStmt: Statement;
  private readonly getStmt: Statement<[string], RunRow>;
  private readonly reusableStmt: Statement<[string], RunRow>;
  private readonly listStmt: Statement<unknown[], RunRow>;
  private readonly completedStmt: Statement<[number, number], RunRow>;
  private readonly countStmt: Statement<[{ status: string | null }], { n: number }>;
  private readonly deleteStmt: Statement<[string]>;
  private readonly updates = new Map<string, Statement>();

  constructor(db: Db) {
    this.db = db;
    this.insertStmt = db.prepare(`INSERT INTO runs (run_id, hash, run_hash, status, stage, created_at,
      updated_at, config_json, seed) VALUES (@runId, @hash, @runHash, @status, @stage, @createdAt, @createdAt,
      @configJson, @seed)`);
    this.getStmt = db.prepare(`${SELECT} WHERE run_id = ?`);
    this.reusableStmt = db.prepare(`${SELECT} WHERE run_hash = ? AND status IN ('queued', 'running',
      'completed') ORDER BY created_at DESC, run_id DESC LIMIT 1`);
    // Status sets travel as one JSON array parameter so one prepared statement serves every filter.
    this.listStmt = db.prepare(`${SELECT} WHERE (:statuses IS NULL OR status IN (SELECT value FROM
      json_each(:statuses))) AND (:cAt IS NULL OR created_at < :cAt OR (created_at = :cAt AND run_id < :cId))
      ORDER BY created_at DESC, run_id DESC LIMIT :limit`);
    this.completedStmt = db.prepare(`${SELECT} WHERE status = 'completed'
      ORDER BY completed_at DESC, run_id DESC LIMIT ? OFFSET ?`);
    this.countStmt = db.prepare<{ status: string | null }, { n: number }>(
      "SELECT count(*) AS n FROM runs WHERE (@status IS NULL OR status = @status)",
    );
    this.deleteStmt = db.prepare("DELETE FROM runs WHERE run_id = ?");
  }

  insert(run: NewRun): RunRow {
    this.insertStmt.run({ status: "queued", stage: null, ...run });
    return this.get(run.runId)!;
  }

  get(runId: string): RunRow | undefined {
    return this.getStmt.get(runId);
  }

  /**
   * Sets the patched columns. With `onlyIf`, the row changes only while its status is one of those (a
   * compare-and-set); returns whether a row changed.
   */
  update(runId: string, patch: RunPatch, onlyIf?: readonly RunStatus[]): boolean {
    const keys = (Object.keys(patch) as (keyof RunPatch)[]).filter((k) => patch[k] !== undefined).sort();
    const sig = keys.join(",");
    let stmt = this.updates.get(sig);
    if (!stmt) {
      const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(", ");
      stmt = this.db.prepare(`UPDATE runs SET ${sets} WHERE run_id = @runId AND (@onlyIf IS NULL OR
        status IN (SELECT value FROM json_each(@onlyIf)))`);
      this.updates.set(sig, stmt);
    }
    const params: Record<string, unknown> = { runId, onlyIf: onlyIf ? JSON.stringify(onlyIf) : null };
    for (const k of keys) params[k] = patch[k];
    return stmt.run(params).changes > 0;
  }

  /** The newest queued, running or completed run with this run hash: the one an identical submit reuses. */
  findReusable(runHash: string): RunRow | undefined {
    return this.reusableStmt.get(runHash);
  }

  /** Newest first (created_at, then run_id, descending); pass the last row as the next page's cursor. */
  list(options: RunListOptions = {}): RunRow[] {
    const { status, limit, cursor } = options;
    const statuses =
      status === undefined ? null : JSON.stringify(typeof status === "string" ? [status] : status);
    return this.listStmt.all({
      statuses,
      cAt: cursor?.createdAt ?? null,
      cId: cursor?.runId ?? null,
      limit: limit ?? -1,
    });
  }

  /** Completed runs, most recently completed first; `offset` skips the newest ones (retention keeps those). */
  listCompleted(options: { limit?: number; offset?: number } = {}): RunRow[] {
    return this.completedStmt.all(options.limit ?? -1, options.offset ?? 0);
  }

  count(status?: RunStatus): number {
    return this.countStmt.get({ status: status ?? null })!.n;
  }

  /** Deletes the run (its run_progress row cascades); returns whether it existed. */
  delete(runId: string): boolean {
    return this.deleteStmt.run(runId).changes > 0;
  }
}
