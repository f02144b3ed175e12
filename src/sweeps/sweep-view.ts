/**
 * @module sweeps/sweep-view
 * The public shape of a sweep row, as the CLI (`sweeps show --json`) and the HTTP API both print it: snake_case
 * names, trial counts grouped, the error as `{code, message}`. JSON has no Infinity, so an objective that is
 * ±Infinity (a riskless gain or loss) is shown as null.
 */
import type { SweepRow } from "../store/sweeps-repo.js";

export interface SweepView {
  sweep_id: string;
  sweep_hash: string;
  status: SweepRow["status"];
  stage: SweepRow["stage"];
  created_at: SweepRow["createdAt"];
  finished_at: SweepRow["finishedAt"];
  trials: { planned: number; done: number; skipped: number; failed: number };
  best_trial: SweepRow["bestTrial"];
  best_objective: number | null;
  artifacts_manifest_sha: SweepRow["artifactsManifestSha"];
  error: { code: string; message: SweepRow["errorMessage"] } | null;
}

export function sweepView(s: SweepRow): SweepView {
  return {
    sweep_id: s.sweepId,
    sweep_hash: s.sweepHash,
    status: s.status,
    stage: s.stage,
    created_at: s.createdAt,
    finished_at: s.finishedAt,
    trials: {
      planned: s.trialsPlanned,
      done: s.trialsDone,
      skipped: s.trialsSkipped,
      failed: s.trialsFailed,
    },
    best_trial: s.bestTrial,
    best_objective: s.bestObjective !== null && Number.isFinite(s.bestObjective) ? s.bestObjective : null,
    artifacts_manifest_sha: s.artifactsManifestSha,
    error: s.errorCode ? { code: s.errorCode, message: s.errorMessage } : null,
  };
}
