/**
 * @module report/run-warnings
 * Every warning a run has, as sentences: the ones the pipeline recorded (skipped entries, cache recoveries,
 * data conflicts) plus those implied by its data-quality report, its data coverage and its validation (skipped
 * grid trials, a PBO that could not be computed). A run with no trades says so, because a bare `0` reads like a
 * bug. The CLI, report.html and the web studio all show this list.
 */
import { TIMEFRAME_MS } from "../core/timeframe.js";
import { humanDuration, isoUtc } from "./format-metric.js";

interface SummaryLike {
  warnings?: unknown;
  config?: { start?: number; end?: number; timeframe?: string };
  data?: { first_ts?: number; last_ts?: number; bars?: number };
  data_quality?: Record<string, unknown>;
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function runWarnings(
  summary: unknown,
  metrics?: Record<string, unknown> | null,
  validation?: unknown,
): string[] {
  const s = (summary ?? {}) as SummaryLike;
  const out: string[] = Array.isArray(s.warnings) ? s.warnings.map(String) : [];
  const q = s.data_quality ?? {};
  if (num(q.gaps) > 0)
    out.push(`${num(q.gaps)} gap(s) in the data; the largest is ${humanDuration(num(q.largest_gap_ms))}`);
  if (num(q.rows_rejected) > 0) out.push(`${num(q.rows_rejected)} data row(s) rejected`);
  if (num(q.duplicates_dropped) > 0) out.push(`${num(q.duplicates_dropped)} duplicate bar(s) dropped`);
  if (num(q.conflicting_duplicates) > 0)
    out.push(`${num(q.conflicting_duplicates)} duplicate bar(s) with conflicting values`);
  if (num(q.unsorted_fixed) > 0) out.push(`${num(q.unsorted_fixed)} out-of-order bar(s) re-sorted`);
  const { config, data } = s;
  if (config && data && typeof data.first_ts === "number" && typeof config.start === "number") {
    // The first bar opens at or after `start` (bars are aligned), so only a whole missing bar counts.
    const bar = TIMEFRAME_MS[config.timeframe as keyof typeof TIMEFRAME_MS] ?? 0;
    const late = data.first_ts - config.start >= Math.max(bar, 1);
    const early =
      typeof config.end === "number" &&
      typeof data.last_ts === "number" &&
      config.end - data.last_ts >= Math.max(bar, 1);
    if (late || early)
      out.push(
        `partial data coverage: asked for ${isoUtc(config.start)} to ${isoUtc(config.end)}, ` +
          `data covers ${isoUtc(data.first_ts)} to ${isoUtc(data.last_ts)}`,
      );
  }
  if (metrics && metrics.trade_count === 0)
    out.push("no trade was closed: the strategy never completed a round trip in this range");
  const v = (validation ?? {}) as {
    wfo?: { skipped_trials?: number; trials?: number };
    overfitting?: unknown;
  };
  if (num(v.wfo?.skipped_trials) > 0)
    out.push(`walk-forward skipped ${num(v.wfo?.skipped_trials)} of ${num(v.wfo?.trials)} grid trials`);
  const reason = (v.overfitting as { pbo_reason?: unknown } | undefined)?.pbo_reason;
  if (typeof reason === "string" && reason) out.push(`PBO not computed: ${reason}`);
  return [...new Set(out)];
}
