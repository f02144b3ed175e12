/**
 * @module report/format-metric
 * How people read a metric: fractions as percentages, timestamps as ISO dates in UTC, bar counts as bars and as
 * time, null as "-". One table of units serves the CLI, report.html and the web studio, so the same run reads the
 * same everywhere. Unknown keys (metrics added later, e.g. exits_by_reason) fall back to a plain number or JSON.
 */

export type MetricUnit = "fraction" | "percent" | "ratio" | "count" | "bars" | "time" | "money";

/** Units of the documented metrics (docs/metrics.md). */
export const METRIC_UNITS: Readonly<Record<string, MetricUnit>> = {
  total_return: "fraction",
  cagr: "fraction",
  volatility: "fraction",
  sharpe: "ratio",
  sortino: "ratio",
  max_drawdown: "fraction",
  avg_drawdown: "fraction",
  max_drawdown_duration_bars: "bars",
  trade_count: "count",
  fill_count: "count",
  win_rate: "fraction",
  payoff_ratio: "ratio",
  turnover: "ratio",
  exposure_pct: "percent",
  start_ts: "time",
  end_ts: "time",
  calmar: "ratio",
  profit_factor: "ratio",
  expectancy: "fraction",
  sqn: "ratio",
  best_trade: "fraction",
  worst_trade: "fraction",
  avg_trade_duration_bars: "bars",
  buy_and_hold_return: "fraction",
  // Per exit reason: the unit of each value of the object.
  exits_by_reason: "count",
  avg_return_by_exit_reason: "fraction",
};

/** `2024-01-31T00:00:00Z` (milliseconds only when present); "-" for null. */
export function isoUtc(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "-";
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** A duration in ms as the two largest units: "3d 4h", "2h 5m", "45s". */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ];
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  const parts: string[] = [];
  for (const [name, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${name}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return `${ms < 0 ? "-" : ""}${parts.length ? parts.join(" ") : "0s"}`;
}

/** A plain number: integers as is, others with 4 significant digits (2 decimals from 1000 up). */
export function plainNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? value.toFixed(2) : value.toPrecision(4);
}

/** `0.1234` -> `12.34%`. */
export function percent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Formats one value of a metrics object; `barMs` (the timeframe) turns bar counts into time too. */
export function formatMetric(key: string, value: unknown, barMs?: number): string {
  if (value === null || value === undefined) return "-";
  if (PER_REASON.has(key) && isNumberRecord(value)) {
    // One value per exit reason: "signal 42, stop_loss 3" (reasons that never happened left out).
    const parts = Object.entries(value)
      .filter(([, v]) => v !== null && v !== 0)
      .map(([k, v]) => `${k} ${formatMetric(key, v, barMs)}`);
    return parts.length ? parts.join(", ") : "-";
  }
  if (typeof value !== "number") return typeof value === "string" ? value : JSON.stringify(value);
  switch (METRIC_UNITS[key]) {
    case "fraction":
      return percent(value);
    case "percent":
      return `${value.toFixed(2)}%`;
    case "time":
      return isoUtc(value);
    case "bars": {
      const bars = `${Number.isInteger(value) ? value : value.toFixed(1)} bars`;
      return barMs === undefined ? bars : `${bars} (${humanDuration(value * barMs)})`;
    }
    default:
      return plainNumber(value);
  }
}

/** Metrics holding one value per exit reason. */
const PER_REASON = new Set(["exits_by_reason", "avg_return_by_exit_reason"]);

function isNumberRecord(v: unknown): v is Record<string, number | null> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => x === null || typeof x === "number")
  );
}

/** Every metric as [key, formatted] in the object's order. */
export function formatMetrics(metrics: Record<string, unknown>, barMs?: number): [string, string][] {
  return Object.entries(metrics).map(([k, v]) => [k, formatMetric(k, v, barMs)]);
}
