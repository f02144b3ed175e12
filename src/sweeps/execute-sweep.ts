/**
 * @module sweeps/execute-sweep
 * Runs a planned sweep: splits off the holdout (the last `holdout` fraction of bars, never seen by the search),
 * computes every distinct indicator of all trials once over the full candles (features are causal, so the
 * in-sample prefix of a column is the column of the in-sample candles), runs the trials not already done on the
 * trial pool, then the statistics over every trial run and the best trial on the holdout. Results are keyed by
 * trial index and everything after the pool reads them in index order, so a sweep resumed from its committed
 * trials, or run on any number of threads, ends with the same bits.
 */
import type { Candles } from "../core/candles.js";
import { sliceCandles } from "../core/candles.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { StudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import { planBacktest } from "../engine/plan-backtest.js";
import { runPlan } from "../engine/run-plan.js";
import { computeFeatures } from "../indicators/features/compute-features.js";
import { type FeatureColumn, featureSetFromColumns } from "../indicators/features/feature-set.js";
import type { ResolvedIndicator } from "../indicators/features/resolve-indicator.js";
import { barsPerYear } from "../metrics/bars-per-year.js";
import { finiteOrNull } from "../validation/json-safe.js";
import { objectiveValue, sharpeRatio } from "../validation/objective.js";
import { barReturns, compoundedReturn } from "../validation/returns.js";
import { runTrial, sweepIndicators } from "./plan/evaluate-trial.js";
import { cellOf } from "./plan/heatmap-grid.js";
import type { SweepPlan } from "./plan/sweep-plan.js";
import type { SweepCandidate } from "./plan/sweep-spec.js";
import { pboReason, type RunTrial, type SweepStatistics, sweepStatistics } from "./plan/sweep-statistics.js";
import type { TrialAnswer, TrialResult } from "./sweep-task.js";
import { runTrialPool, type TrialRunner, type TrialThreads } from "./trial-pool.js";

/** A trial's outcome as committed: its result, or why it failed. */
export interface TrialRecord {
  readonly index: number;
  readonly values: Readonly<Record<string, SweepCandidate>>;
  readonly status: "done" | "failed";
  readonly result?: TrialResult;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface SweepProgress {
  readonly done: number;
  readonly total: number;
  /** Best objective so far (null until a trial has a finite one). */
  readonly best: number | null;
}

export interface ExecuteSweepInputs {
  readonly plan: SweepPlan;
  readonly catalog: Catalog;
  /** The full range's candles (in-sample + holdout). */
  readonly candles: Candles;
  /** Computes feature columns over the full candles; default computeFeatures (the studio passes its cache). */
  readonly features?: (indicators: readonly ResolvedIndicator[]) => Promise<readonly FeatureColumn[]>;
  /** Trials already committed (resume), by index. */
  readonly done?: ReadonlyMap<number, TrialRecord>;
  readonly threads?: number;
  /** Worker threads the caller started ahead (see TrialThreads); used when their count is `threads`. */
  readonly started?: TrialThreads;
  /** Runs the trials elsewhere (the Redis transport); default the thread pool with `threads`. */
  readonly runTrials?: TrialRunner;
  /** The studio home's root, so worker threads can load user plugins (see trial-pool.ts). */
  readonly home?: string;
  readonly signal?: AbortSignal;
  /** Each finished batch of trials, to commit before the next progress report. */
  readonly onTrials?: (records: readonly TrialRecord[]) => void;
  readonly onProgress?: (progress: SweepProgress) => void;
  /**
   * Called with every record in trial order and the best trial's index once they are known, while the sweep's
   * threads compute PBO: work that needs the trials but not the statistics (rendering files) fits here.
   */
  readonly whileStatistics?: (records: readonly TrialRecord[], bestIndex: number) => void;
}

export interface HoldoutResult {
  readonly bars: number;
  readonly start_ts: number;
  readonly end_ts: number;
  readonly objective: number | null;
  readonly total_return: number;
  readonly sharpe: number | null;
  readonly buy_and_hold_return: number;
}

export interface SweepOutcome {
  /** Every valid trial's record, in trial-index order. */
  readonly records: readonly TrialRecord[];
  readonly statistics: SweepStatistics | null;
  readonly bestIndex: number | null;
  readonly bestConfig: RunConfig | null;
  readonly holdout: HoldoutResult | null;
  readonly inSampleBars: number;
  /** Indices of the top_k best trials, best first (ties: lower index first). */
  readonly top: readonly number[];
}

/** First bar of the holdout: the last `fraction` of `n` bars (rounded down) is held out. */
export function holdoutStart(n: number, fraction: number): number {
  return n - Math.floor(n * fraction);
}

export async function executeSweep(inputs: ExecuteSweepInputs): Promise<SweepOutcome> {
  const { plan, catalog, candles } = inputs;
  const n = candles.ts.length;
  const isEnd = holdoutStart(n, plan.spec.holdout);
  const done = inputs.done ?? new Map<number, TrialRecord>();
  const todo = plan.trials.filter((t) => !done.has(t.index));
  const isCandles = sliceCandles(candles, 0, isEnd);
  const bpy = barsPerYear(isCandles.ts) ?? 0;

  const indicators = sweepIndicators(
    plan.trials.map((t) => t.config),
    catalog,
  );
  const full = inputs.features
    ? await inputs.features(indicators)
    : computeFeatures(indicators, candles).columns;
  const byName = new Map(full.map((c) => [c.name, c]));
  const inSample = full.map((c) => ({
    ...c,
    raw: c.raw.subarray(0, isEnd),
    shifted: c.shifted.subarray(0, isEnd),
  }));

  const records = new Map(done);
  let best: number | null = null;
  const note = (r: TrialRecord) => {
    const v = r.result?.objective;
    if (v !== undefined && Number.isFinite(v) && (best === null || v > best)) best = v;
  };
  for (const r of done.values()) note(r);
  const report = () => inputs.onProgress?.({ done: records.size, total: plan.trials.length, best });
  report();
  await (inputs.runTrials ?? runTrialPool)(
    {
      catalog,
      candles: isCandles,
      features: inSample,
      configs: todo.map((t) => t.config),
      indices: todo.map((t) => t.index),
      objective: plan.spec.objective,
      barsPerYear: bpy,
      pboPartitions: plan.spec.pbo_partitions,
      ...(inputs.home === undefined ? {} : { home: inputs.home }),
    },
    {
      threads: inputs.threads ?? 0,
      ...(inputs.started ? { started: inputs.started } : {}),
      ...(inputs.signal ? { signal: inputs.signal } : {}),
      onAnswers: (from, answers) => {
        const batch = answers.map((a, i) => toRecord(todo[from + i]!, a));
        for (const r of batch) {
          records.set(r.index, r);
          note(r);
        }
        inputs.onTrials?.(batch);
        report();
      },
    },
  );

  const ordered = plan.trials.map((t) => records.get(t.index)!);
  const run: RunTrial[] = ordered
    .filter((r) => r.status === "done")
    .map((r) => ({ index: r.index, cell: cellOf(plan.dims, r.values), ...r.result! }));
  if (run.length === 0) {
    return {
      records: ordered,
      statistics: null,
      bestIndex: null,
      bestConfig: null,
      holdout: null,
      inSampleBars: isEnd,
      top: [],
    };
  }
  const ranked = rank(run);
  const bestIndex = ranked[0]!;
  const bestConfig = plan.trials.find((t) => t.index === bestIndex)!.config;
  const ctx = {
    catalog,
    candles: isCandles,
    features: new Map(inSample.map((c) => [c.name, c])),
    objective: plan.spec.objective,
    barsPerYear: bpy,
    pboPartitions: plan.spec.pbo_partitions,
  };
  const bestReturns = runTrial(bestConfig, ctx).r;
  const partitions = plan.spec.pbo_partitions;
  const byLogReturn = plan.spec.objective === "total_return";
  // With threads, they share out the PBO splits while this one runs the holdout and whileStatistics.
  const pbo =
    inputs.started && pboReason(run.length, bestReturns.length, partitions) === null
      ? inputs.started.pbo(
          run.map((t) => t.blocks),
          { partitions, metric: byLogReturn ? "mean" : "sharpe", rows: bestReturns.length },
        )
      : undefined;
  pbo?.catch(() => {}); // awaited below; not an unhandled rejection should the holdout throw first
  const holdout = isEnd < n ? runHoldout(bestConfig, catalog, candles, byName, isEnd, plan) : null;
  inputs.whileStatistics?.(ordered, bestIndex);
  const statistics = sweepStatistics(run, bestReturns, {
    partitions,
    byLogReturn,
    ...(pbo ? { pbo: await pbo } : {}),
  });
  const top = ranked.slice(0, plan.spec.top_k);
  return { records: ordered, statistics, bestIndex, bestConfig, holdout, inSampleBars: isEnd, top };
}

function toRecord(trial: SweepPlan["trials"][number], answer: TrialAnswer): TrialRecord {
  return "ok" in answer
    ? { index: trial.index, values: trial.values, status: "done", result: answer.ok }
    : { index: trial.index, values: trial.values, status: "failed", error: answer.error };
}

/** Trial indices best first; ties keep trial order; NaN objectives never occur (the objective is never NaN). */
function rank(run: readonly RunTrial[]): number[] {
  return run
    .map((t, pos) => ({ t, pos }))
    .sort((a, b) => (b.t.objective > a.t.objective ? 1 : b.t.objective < a.t.objective ? -1 : a.pos - b.pos))
    .map(({ t }) => t.index);
}

function runHoldout(
  config: RunConfig,
  catalog: Catalog,
  candles: Candles,
  features: ReadonlyMap<string, FeatureColumn>,
  isEnd: number,
  plan: SweepPlan,
): HoldoutResult {
  const p = planBacktest(config, catalog);
  const columns = [...new Set(p.indicators.flatMap((i) => i.columns.map((c) => c.name)))].map((name) => {
    const c = features.get(name);
    if (!c) throw new StudioError("INTERNAL", `sweep holdout: feature ${name} missing`);
    return c;
  });
  const n = candles.ts.length;
  // Trading starts at the holdout's first bar, with the full history for the indicators, as walk-forward OOS.
  const result = runPlan(p, { candles, features: featureSetFromColumns(columns, n), startIndex: isEnd });
  const r = barReturns(result.equity, isEnd, n, config.initial_cash);
  const bpy = barsPerYear(candles.ts.subarray(isEnd)) ?? 0;
  return {
    bars: n - isEnd,
    start_ts: candles.ts[isEnd]!,
    end_ts: candles.ts[n - 1]!,
    objective: finiteOrNull(objectiveValue(plan.spec.objective, r, bpy)),
    total_return: compoundedReturn(r),
    sharpe: finiteOrNull(sharpeRatio(r) * Math.sqrt(bpy)),
    buy_and_hold_return: candles.close[n - 1]! / candles.close[isEnd - 1]! - 1,
  };
}
