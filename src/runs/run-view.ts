/**
 * @module runs/run-view
 * The public shape of a run, shared by `studio runs show --json` and `GET /api/runs/:id`: the `runs` row in the
 * documented snake_case with its JSON columns parsed, plus the last known progress.
 */
import type { RunProgressRow } from "../store/repos/run-progress-repo.js";
import type { RunRow } from "../store/repos/runs-repo.js";

export interface RunView {
  run_id: string;
  hash: string;
  run_hash: string;
  status: RunRow["status"];
  stage: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  completed_at: number | null;
  finished_at: number | null;
  error_code: string | null;
  error_message: string | null;
  config: unknown;
  seed: number;
  metrics_summary: Record<string, unknown> | null;
  artifacts_manifest_sha: string | null;
  progress: { last_seq: number; stage: string | null; ratio: number } | null;
}

export function toRunView(row: RunRow, progress?: RunProgressRow): RunView {
  return {
    run_id: row.runId,
    hash: row.hash,
    run_hash: row.runHash,
    status: row.status,
    stage: row.stage,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    started_at: row.startedAt,
    completed_at: row.completedAt,
    finished_at: row.finishedAt,
    error_code: row.errorCode,
    error_message: row.errorMessage,
    config: JSON.parse(row.configJson),
    seed: row.seed,
    metrics_summary: row.metricsSummaryJson === null ? null : JSON.parse(row.metricsSummaryJson),
    artifacts_manifest_sha: row.artifactsManifestSha,
    progress: progress
      ? { last_seq: progress.lastSeq, stage: progress.lastStage, ratio: progress.progressRatio }
      : null,
  };
}
