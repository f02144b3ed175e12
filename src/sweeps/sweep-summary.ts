/**
 * @module sweeps/sweep-summary
 * summary.json of a sweep: what was searched and how many trials were planned, run, skipped and failed; the best
 * trial's varied values and config, its full in-sample metrics and its holdout result side by side; the
 * best-of statistics (DSR, PBO, trials beating buy-and-hold, stability) and the top_k trial indices. Built only
 * from the plan and the records in trial order, so it is the same bytes however the trials were run.
 */
import { CODE_VERSION } from "../core/code-version.js";
import type { HoldoutResult, SweepOutcome } from "./execute-sweep.js";
import type { SweepPlan } from "./plan/sweep-plan.js";
import type { SweepCandidate } from "./plan/sweep-spec.js";
import type { SweepStatistics } from "./plan/sweep-statistics.js";

export interface SweepSummary {
  readonly sweep_hash: string;
  readonly code_version: string;
  readonly objective: string;
  readonly method: SweepPlan["spec"]["method"];
  readonly dimensions: readonly { readonly path: string; readonly values: readonly SweepCandidate[] }[];
  readonly counts: { planned: number; run: number; skipped: number; failed: number };
  readonly bars: { in_sample: number; holdout: number; holdout_fraction: number };
  readonly best: {
    readonly trial: number;
    readonly values: Readonly<Record<string, SweepCandidate>>;
    readonly in_sample: Record<string, unknown>;
    readonly holdout: HoldoutResult | null;
  } | null;
  readonly statistics: SweepStatistics | null;
  readonly top_trials: readonly number[];
}

export function sweepSummary(plan: SweepPlan, outcome: SweepOutcome, totalBars: number): SweepSummary {
  const failed = outcome.records.filter((r) => r.status === "failed").length;
  const bestRecord = outcome.records.find((r) => r.index === outcome.bestIndex);
  return {
    sweep_hash: plan.sweepHash,
    code_version: CODE_VERSION,
    objective: plan.spec.objective,
    method: plan.spec.method,
    dimensions: plan.dims.map((d) => ({ path: d.path, values: d.values })),
    counts: {
      planned: plan.planned,
      run: outcome.records.length - failed,
      skipped: plan.skipped,
      failed,
    },
    bars: {
      in_sample: outcome.inSampleBars,
      holdout: totalBars - outcome.inSampleBars,
      holdout_fraction: plan.spec.holdout,
    },
    best:
      bestRecord === undefined
        ? null
        : {
            trial: bestRecord.index,
            values: bestRecord.values,
            in_sample: { ...bestRecord.result!.metrics },
            holdout: outcome.holdout,
          },
    statistics: outcome.statistics,
    top_trials: outcome.top,
  };
}
