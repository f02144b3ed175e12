/**
 * @module sweeps/sweep-view
 * The public shape of a sweep row, as the CLI (`sweeps show --json`) and the HTTP API both print it: snake_case
 * names, trial counts grouped, the error as `{code, message}`, and what was swept (strategy, market, objective,
 * varied paths) read from the normalized spec. JSON has no Infinity, so an objective that is ±Infinity (a
 * riskless gain or loss) is shown as null.
 */
import type { SweepRow } from "../store/repos/sweeps-repo.js";

export interface SweepView {
  sweep_id: string;
  sweep_hash: string;
  status: SweepRow["status"];
  strategy: string;
  symbol: string;
  timeframe: string;
  objective: string;
  dimensions: string[];
  stage: SweepRow["stage"];
  created_at: SweepRow["createdAt"];
  finished_at: SweepRow["finishedAt"];
  trials: { planned: number; done: number; skipped: number; failed: number };
  best_trial: SweepRow["bestTrial"];
  best_objective: number | null;
  artifacts_manifest_sha: SweepRow["artifactsManifestSha"];
  error: { code: string; message: SweepRow["errorMessage"] } | null;
}

interface SpecHead {
  base?: { strategy?: { name?: string }; symbol?: string; timeframe?: string };
  objective?: string;
  space?: Record<string, unknown>;
}

export function sweepView(s: SweepRow): SweepView {
  const spec = JSON.parse(s.specJson) as SpecHead;
  return {
    sweep_id: s.sweepId,
    sweep_hash: s.sweepHash,
    status: s.status,
    strategy: spec.base?.strategy?.name ?? "-",
    symbol: spec.base?.symbol ?? "-",
    timeframe: spec.base?.timeframe ?? "-",
    objective: spec.objective ?? "-",
    dimensions: Object.keys(spec.space ?? {}),
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
