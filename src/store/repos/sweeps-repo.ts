/**
 * @module store/repos/sweeps-repo
 * The `sweeps` and `sweep_trials` tables. A sweep row carries its status and stage like a run, its counts and
 * best trial, and its manifest's sha256; each finished trial is one `sweep_trials` row, committed as it
 * finishes (in batches, one transaction each), so a killed sweep keeps every trial it finished and a resumed
 * one runs only the rest. A trial is keyed by (sweep, index): committing one twice keeps the first.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export type SweepStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface SweepRow {
  readonly sweepId: string;
  readonly sweepHash: string;
  readonly status: SweepStatus;
  readonly stage: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly specJson: string;
  readonly trialsPlanned: number;
  readonly trialsDone: number;
  readonly trialsSkipped: number;
  readonly trialsFailed: number;
  readonly bestTrial: number | null;
  readonly bestObjective: number | null;
  readonly artifactsManifestSha: string | null;
  readonly ownerPid: number | null;
}

export interface SweepTrialRow {
  readonly trialIndex: number;
  readonly paramsJson: string;
  readonly status: "done" | "failed";
  readonly objective: number | null;
  readonly metricsJson: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

const SWEEP_COLUMNS = `sweep_id AS sweepId, sweep_hash AS sweepHash, status, stage, created_at AS createdAt,
  updated_at AS updatedAt, started_at AS startedAt, finished_at AS finishedAt, error_code AS errorCode,
  error_message AS errorMessage, spec_json AS specJson, trials_planned AS trialsPlanned,
  trials_done AS trialsDone, trials_skipped AS trialsSkipped, trials_failed AS trialsFailed,
  best_trial AS bestTrial, best_objective AS bestObjective, artifacts_manifest_sha AS artifactsManifestSha,
  owner_pid AS ownerPid`;
const TRIAL_COLUMNS = `trial_index AS trialIndex, params_json AS paramsJson, status, objective,
  metrics_json AS metricsJson, error_code AS errorCode, error_message AS errorMessage`;

/** Columns a trials listing may sort by besides a metric inside metrics_json. */
const SORTABLE = new Set(["trial_index", "objective"]);

export class SweepsRepo {
  private readonly insertStmt: Statement;
  private readonly getStmt: Statement<[string], SweepRow>;
  private readonly byHashStmt: Statement<[string], SweepRow>;
  private readonly listStmt: Statement<[number], SweepRow>;
  private readonly insertTrial: Statement;
  private readonly countStmt: Statement<[string], { done: number; failed: number }>;
  private readonly allTrials: Statement<[string], SweepTrialRow>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(private readonly db: Db) {
    this.insertStmt =
      db.prepare(`INSERT INTO sweeps (sweep_id, sweep_hash, status, stage, created_at, updated_at,
      spec_json, trials_planned, trials_skipped)
      VALUES (@sweepId, @sweepHash, 'queued', NULL, @now, @now, @specJson, @planned, @skipped)`);
    this.getStmt = db.prepare(`SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE sweep_id = ?`);
    this.byHashStmt = db.prepare(
      `SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE sweep_hash = ? AND status <> 'failed' AND status <> 'cancelled'
       ORDER BY created_at DESC LIMIT 1`,
    );
    this.listStmt = db.prepare(
      `SELECT ${SWEEP_COLUMNS} FROM sweeps ORDER BY created_at DESC, sweep_id LIMIT ?`,
    );
    this.insertTrial =
      db.prepare(`INSERT OR IGNORE INTO sweep_trials (sweep_id, trial_index, params_json, status,
      objective, metrics_json, error_code, error_message)
      VALUES (@sweepId, @trialIndex, @paramsJson, @status, @objective, @metricsJson, @errorCode, @errorMessage)`);
    this.countStmt = db.prepare(`SELECT count(*) FILTER (WHERE status = 'done') AS done,
      count(*) FILTER (WHERE status = 'failed') AS failed FROM sweep_trials WHERE sweep_id = ?`);
    this.allTrials = db.prepare(
      `SELECT ${TRIAL_COLUMNS} FROM sweep_trials WHERE sweep_id = ? ORDER BY trial_index`,
    );
    this.deleteStmt = db.prepare("DELETE FROM sweeps WHERE sweep_id = ?");
  }

  create(row: {
    sweepId: string;
    sweepHash: string;
    specJson: string;
    planned: number;
    skipped: number;
    now: number;
  }): SweepRow {
    this.insertStmt.run(row);
    return this.get(row.sweepId)!;
  }

  get(sweepId: string): SweepRow | undefined {
    return this.getStmt.get(sweepId);
  }

  /** The newest sweep with this hash that is not failed or cancelled (what a resubmitted spec returns). */
  findByHash(sweepHash: string): SweepRow | undefined {
    return this.byHashStmt.get(sweepHash);
  }

  list(limit = 100): SweepRow[] {
    return this.listStmt.all(limit);
  }

  /** Sweeps in any of these statuses (start-up recovery looks for `running`). */
  withStatus(status: SweepStatus): SweepRow[] {
    return this.db
      .prepare<[string], SweepRow>(`SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE status = ? ORDER BY created_at`)
      .all(status);
  }

  update(
    sweepId: string,
    fields: Partial<{
      status: SweepStatus;
      stage: string | null;
      startedAt: number | null;
      finishedAt: number | null;
      errorCode: string | null;
      errorMessage: string | null;
      bestTrial: number | null;
      bestObjective: number | null;
      artifactsManifestSha: string | null;
      ownerPid: number | null;
    }>,
    now: number,
  ): void {
    const names: Record<string, string> = {
      status: "status",
      stage: "stage",
      startedAt: "started_at",
      finishedAt: "finished_at",
      errorCode: "error_code",
      errorMessage: "error_message",
      bestTrial: "best_trial",
      bestObjective: "best_objective",
      artifactsManifestSha: "artifacts_manifest_sha",
      ownerPid: "owner_pid",
    };
    const keys = Object.keys(fields).filter((k) => k in names);
    const sets = keys.map((k) => `${names[k]} = @${k}`);
    this.db
      .prepare(`UPDATE sweeps SET ${[...sets, "updated_at = @now"].join(", ")} WHERE sweep_id = @sweepId`)
      .run({ ...fields, sweepId, now });
  }

  /** Commits finished trials in one transaction and refreshes the sweep's done/failed counts. */
  commitTrials(sweepId: string, trials: readonly SweepTrialRow[], now: number): void {
    this.db.transaction(() => {
      for (const t of trials) this.insertTrial.run({ sweepId, ...t });
      const c = this.countStmt.get(sweepId)!;
      this.db
        .prepare("UPDATE sweeps SET trials_done = ?, trials_failed = ?, updated_at = ? WHERE sweep_id = ?")
        .run(c.done, c.failed, now, sweepId);
    })();
  }

  /** Runs linked to the sweep by runs.sweep_id (its top_k trials), oldest first. */
  runIds(sweepId: string): string[] {
    return this.db
      .prepare<[string], { runId: string }>(
        "SELECT run_id AS runId FROM runs WHERE sweep_id = ? ORDER BY created_at, run_id",
      )
      .all(sweepId)
      .map((r) => r.runId);
  }

  trials(sweepId: string): SweepTrialRow[] {
    return this.allTrials.all(sweepId);
  }

  /**
   * A page of trials, sorted by `sort` (trial_index, objective, or a metric name inside metrics_json) with NULLs
   * last and the trial index as tie-break. `sort` must be a plain identifier; it is bound, never spliced, when
   * it names a metric.
   */
  trialsPage(
    sweepId: string,
    opts: { sort: string; desc: boolean; limit: number; offset: number; status?: string },
  ): SweepTrialRow[] {
    const dir = opts.desc ? "DESC" : "ASC";
    const key = SORTABLE.has(opts.sort) ? opts.sort : "json_extract(metrics_json, '$.metrics.' || @metric)";
    const where = opts.status ? "AND status = @status" : "";
    return this.db
      .prepare<Record<string, unknown>, SweepTrialRow>(
        `SELECT ${TRIAL_COLUMNS} FROM sweep_trials WHERE sweep_id = @sweepId ${where}
         ORDER BY ${key} IS NULL, ${key} ${dir}, trial_index LIMIT @limit OFFSET @offset`,
      )
      .all({ sweepId, metric: opts.sort, limit: opts.limit, offset: opts.offset, status: opts.status });
  }

  delete(sweepId: string): boolean {
    return this.deleteStmt.run(sweepId).changes > 0;
  }
}
