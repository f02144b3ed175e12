/**
 * @module report/sweep-report-data
 * The JSON blob a sweep's report.html renders, built from the plan, the trial records and summary.json: one
 * heatmap grid per pair of numeric dimensions (the cells of the PNG heatmaps), the trials as columns (a table
 * of thousands of rows sorts and filters in the page without re-parsing; past MAX_TABLE_TRIALS only the best are
 * carried, so the page stays a few MB), the best trial in-sample beside its
 * holdout, and the best-of statistics each with the sentence that says what it means. Numbers are rounded to
 * 7 significant digits for display only; trials.parquet keeps full precision. Nothing here reads a clock, so
 * the same sweep writes the same report bytes on any thread count.
 */
import type { SweepOutcome, TrialRecord } from "../sweeps/execute-sweep.js";
import { cellOf, heatmapGrid, heatmapPairs, trialCells } from "../sweeps/plan/heatmap-grid.js";
import type { SweepPlan } from "../sweeps/plan/sweep-plan.js";
import type { SweepCandidate } from "../sweeps/plan/sweep-spec.js";
import type { SweepStatistics } from "../sweeps/plan/sweep-statistics.js";
import type { SweepSummary } from "../sweeps/sweep-summary.js";
import { formatMetric, formatMetrics, isoUtc, percent, plainNumber } from "./format-metric.js";
import { shortId } from "./strategy-label.js";

/** The metrics the trials table shows (trials.parquet has every one). */
export const TABLE_METRICS = [
  "total_return",
  "sharpe",
  "sortino",
  "calmar",
  "max_drawdown",
  "win_rate",
  "profit_factor",
  "trade_count",
  "exposure_pct",
] as const;

/** Trials the table carries at most (the best by objective); trials.parquet has every one. */
export const MAX_TABLE_TRIALS = 20_000;

export interface SweepHeatmap {
  /** Dimension indices of the x and y axes. */
  readonly a: number;
  readonly b: number;
  /** [x index, y index, best objective] of every cell that has a finite one. */
  readonly cells: [number, number, number][];
  /** The best trial's cell, when it has one. */
  readonly best: [number, number] | null;
}

export interface SweepReportData {
  readonly kind: "sweep";
  readonly title: string;
  readonly subtitle: string;
  readonly objective: string;
  readonly dims: { readonly path: string; readonly values: string[] }[];
  readonly heatmaps: SweepHeatmap[];
  readonly trials: {
    /** Trials run (done and failed); more than the rows below past MAX_TABLE_TRIALS. */
    readonly total: number;
    readonly index: number[];
    readonly status: string[];
    /** One column per dimension, each value as shown (a candidate null as "none"). */
    readonly values: string[][];
    readonly objective: (number | null)[];
    /** TABLE_METRICS present in the trials' metrics, as columns (null for a failed trial or no value). */
    readonly metrics: Record<string, (number | null)[]>;
    readonly error: (string | null)[];
  };
  readonly best: {
    readonly trial: number;
    readonly values: [string, string][];
    /** [what, in-sample, holdout] rows, formatted. */
    readonly compare: [string, string, string][];
    readonly metrics: [string, string][];
  } | null;
  /** [statistic, value, one sentence saying what it means], formatted. */
  readonly statistics: [string, string, string][];
  readonly warnings: string[];
  readonly hashes: [string, string][];
  readonly spec: unknown;
}

const r7 = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(7));

/** A candidate as people read it; null removes the field, so it reads "none". */
export function candidateText(v: SweepCandidate | undefined): string {
  return v === null || v === undefined ? "none" : String(v);
}

/** A config date (epoch ms once normalized) as an ISO day, or its time when not midnight. */
const day = (v: number | string): string => {
  const iso = typeof v === "number" ? isoUtc(v) : v;
  return iso.endsWith("T00:00:00Z") ? iso.slice(0, 10) : iso;
};
const fmt = (v: number | null | undefined): string =>
  v === null || v === undefined ? "-" : plainNumber(Number(v.toPrecision(7)));
const pct = (v: number | null | undefined): string => (v === null || v === undefined ? "-" : percent(v, 1));

/** The best-of statistics, each with the sentence that explains it. */
export function statisticsRows(
  s: SweepStatistics | null,
  counts: SweepSummary["counts"],
  buyAndHold: number | null,
): [string, string, string][] {
  if (s === null) return [];
  const n = s.trials_run;
  return [
    [
      "deflated Sharpe ratio (DSR)",
      pct(s.dsr),
      `The probability that the best trial's true Sharpe ratio is above zero once the luck of picking the best of N = ${n} trials (their Sharpe variance ${fmt(s.trial_sharpe_variance)}), skew and fat tails are allowed for; above 95% is convincing.`,
    ],
    [
      "probabilistic Sharpe ratio (PSR)",
      pct(s.psr),
      "The same probability as if the best had been the only trial: the gap to the DSR is what the search itself costs.",
    ],
    [
      "expected maximum Sharpe",
      fmt(s.expected_max_sharpe),
      `The per-period Sharpe ratio the best of ${n} trials with no skill at all would show by chance; the best trial's is ${fmt(s.sharpe)}.`,
    ],
    [
      "probability of backtest overfitting (PBO)",
      s.pbo === null ? "-" : pct(s.pbo),
      s.pbo === null
        ? `Not computed: ${s.pbo_reason ?? "too few trials or bars"}.`
        : `How often, over the ${s.partitions}-block CSCV splits, the trial best in-sample ranks in the bottom half out of sample (by ${s.pbo_metric.replaceAll("_", " ")}); above 50% the selection is mostly luck.`,
    ],
    [
      "probability of an out-of-sample loss",
      s.prob_oos_loss === null ? "-" : pct(s.prob_oos_loss),
      "How often, over the same splits, the trial picked in-sample loses money out of sample.",
    ],
    [
      "stability",
      s.stability.ratio === null ? "-" : fmt(s.stability.ratio),
      s.stability.neighbours === 0
        ? "Not computed: the best trial has no grid neighbour that was run."
        : `The mean objective of the best cell's ${s.stability.neighbours} grid neighbours (one step in one dimension, ${fmt(s.stability.neighbour_mean_objective)}) over the best's; near 1 the best sits on a plateau, far below 1 it is an isolated peak.`,
    ],
    [
      "trials beating buy-and-hold",
      `${s.beat_buy_and_hold} of ${counts.run}`,
      `Trials whose in-sample total return is above buy-and-hold's (${pct(buyAndHold)}); few means the strategy rarely adds anything to holding.`,
    ],
  ];
}

function warningsOf(summary: SweepSummary): string[] {
  const out: string[] = [];
  const { counts, statistics: s } = summary;
  if (counts.skipped > 0)
    out.push(`${counts.skipped} of ${counts.planned} combinations were skipped: the strategy rejects them.`);
  if (counts.failed > 0) out.push(`${counts.failed} trial(s) failed; the table shows why (status failed).`);
  if (summary.best === null) out.push("No trial finished: there is no best trial.");
  else if (summary.best.holdout === null)
    out.push("No holdout: the best trial was only measured on the bars the search saw.");
  if (s?.stability.ratio !== null && s?.stability.ratio !== undefined && s.stability.ratio < 0.5)
    out.push(
      `The best cell is an isolated peak: its neighbours average ${fmt(s.stability.ratio)} of its objective.`,
    );
  if (s?.pbo !== null && s?.pbo !== undefined && s.pbo > 0.5)
    out.push(
      `PBO is ${pct(s.pbo)}: the best in-sample trial is more often than not below median out of sample.`,
    );
  return out;
}

/** Every record, or past MAX_TABLE_TRIALS the best by objective (failed last), still in trial order. */
export function tableRecords(
  records: readonly TrialRecord[],
  max = MAX_TABLE_TRIALS,
): readonly TrialRecord[] {
  if (records.length <= max) return records;
  const score = (r: TrialRecord) => r.result?.objective ?? Number.NEGATIVE_INFINITY;
  const keep = new Set(
    records
      .map((r, pos) => ({ r, pos }))
      .sort((a, b) => score(b.r) - score(a.r) || a.pos - b.pos)
      .slice(0, max)
      .map(({ r }) => r.index),
  );
  return records.filter((r) => keep.has(r.index));
}

export function buildSweepReportData(
  sweepId: string,
  plan: SweepPlan,
  outcome: SweepOutcome,
  summary: SweepSummary,
): SweepReportData {
  const { dims } = plan;
  const base = plan.spec.base;
  const records = tableRecords(outcome.records);
  const cells = trialCells(dims, outcome.records);
  const best = outcome.records.find((r) => r.index === outcome.bestIndex);
  const bestCell = best ? cellOf(dims, best.values) : null;
  const firstMetrics = (records.find((r) => r.result)?.result?.metrics ?? {}) as Record<string, unknown>;
  const metrics: Record<string, (number | null)[]> = {};
  for (const key of TABLE_METRICS) {
    if (!(key in firstMetrics)) continue;
    metrics[key] = records.map((r) => {
      const v = (r.result?.metrics as Record<string, unknown> | undefined)?.[key];
      return typeof v === "number" ? r7(v) : null;
    });
  }
  const inSample = (summary.best?.in_sample ?? {}) as Record<string, number | null>;
  const holdout = summary.best?.holdout ?? null;
  const objective = plan.spec.objective;
  const method = plan.spec.method.name === "random" ? `random (${plan.spec.method.trials})` : "grid";
  return {
    kind: "sweep",
    title: `Sweep ${shortId(sweepId)}: ${base.strategy.name} on ${base.symbol} ${base.timeframe}`,
    subtitle: `${day(base.start)} to ${day(base.end)} UTC; ${dims.map((d) => d.path).join(" x ")}; ${method}; objective ${objective}; ${summary.counts.run} trials run of ${summary.counts.planned} planned; holdout ${percent(plan.spec.holdout, 0)} (${summary.bars.holdout} bars)`,
    objective,
    dims: dims.map((d) => ({ path: d.path, values: d.values.map(candidateText) })),
    heatmaps: heatmapPairs(dims).map(([a, b]) => ({
      a,
      b,
      cells: heatmapGrid(a, b, cells).map(([x, y, v]) => [x, y, r7(v)!] as [number, number, number]),
      best: bestCell ? [bestCell[a]!, bestCell[b]!] : null,
    })),
    trials: {
      total: outcome.records.length,
      index: records.map((r) => r.index),
      status: records.map((r) => r.status),
      values: dims.map((d) => records.map((r) => candidateText(r.values[d.path]))),
      objective: records.map((r) => r7(r.result?.objective)),
      metrics,
      error: records.map((r) => (r.error ? `${r.error.code}: ${r.error.message}` : null)),
    },
    best:
      summary.best === null
        ? null
        : {
            trial: summary.best.trial,
            values: Object.entries(summary.best.values).map(([k, v]) => [k, candidateText(v)]),
            compare: [
              ["bars", String(summary.bars.in_sample), holdout ? String(holdout.bars) : "-"],
              [
                "period (UTC)",
                `${isoUtc(inSample.start_ts)} to ${isoUtc(inSample.end_ts)}`,
                holdout ? `${isoUtc(holdout.start_ts)} to ${isoUtc(holdout.end_ts)}` : "-",
              ],
              [`objective (${objective})`, fmt(summary.statistics?.best_objective), fmt(holdout?.objective)],
              [
                "total return",
                formatMetric("total_return", inSample.total_return),
                holdout ? formatMetric("total_return", holdout.total_return) : "-",
              ],
              [
                "Sharpe (annualized)",
                formatMetric("sharpe", inSample.sharpe),
                holdout ? formatMetric("sharpe", holdout.sharpe) : "-",
              ],
              [
                "buy-and-hold return",
                formatMetric("buy_and_hold_return", inSample.buy_and_hold_return),
                holdout ? formatMetric("buy_and_hold_return", holdout.buy_and_hold_return) : "-",
              ],
            ],
            metrics: formatMetrics(inSample),
          },
    statistics: statisticsRows(summary.statistics, summary.counts, inSample.buy_and_hold_return ?? null),
    warnings: warningsOf(summary),
    hashes: [
      ["sweep_id", sweepId],
      ["sweep_hash", summary.sweep_hash],
      ["code_version", summary.code_version],
    ],
    spec: plan.spec,
  };
}
