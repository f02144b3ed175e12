/**
 * @module report/compare-runs
 * Two to four runs side by side: each metric's value per run and its difference from the first run, and the
 * config fields that differ (as dotted paths, e.g. `strategy.params.fast`). Used by `studio runs compare` and
 * the web studio's compare page, so both show the same rows.
 */
import { formatMetric, METRIC_UNITS, percent, plainNumber } from "./format-metric.js";

export interface MetricRow {
  readonly key: string;
  /** Formatted value per run. */
  readonly values: string[];
  /** Formatted difference from the first run per run (the first is ""); "-" when either is not a number. */
  readonly diffs: string[];
}

export function compareMetrics(metrics: readonly (Record<string, unknown> | null)[]): MetricRow[] {
  const keys: string[] = [];
  for (const m of metrics) for (const k of Object.keys(m ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => {
    const raw = metrics.map((m) => m?.[key]);
    const base = raw[0];
    return {
      key,
      values: raw.map((v) => formatMetric(key, v)),
      diffs: raw.map((v, i) => (i === 0 ? "" : diffOf(key, base, v))),
    };
  });
}

function diffOf(key: string, base: unknown, value: unknown): string {
  if (typeof base !== "number" || typeof value !== "number") return "-";
  const d = value - base;
  const sign = d > 0 ? "+" : "";
  const unit = METRIC_UNITS[key];
  if (unit === "fraction") return `${sign}${percent(d)}`.replace("%", " pp");
  if (unit === "time") return "-";
  return `${sign}${plainNumber(d)}`;
}

export interface ConfigDiffRow {
  readonly path: string;
  /** JSON text of the value per run; "(absent)" when the run's config has no such field. */
  readonly values: string[];
}

/** Leaf fields whose value is not the same in every config; arrays compare whole. */
export function configDiff(configs: readonly unknown[]): ConfigDiffRow[] {
  const flat = configs.map((c) => flatten(c));
  const paths: string[] = [];
  for (const f of flat) for (const p of f.keys()) if (!paths.includes(p)) paths.push(p);
  const rows: ConfigDiffRow[] = [];
  for (const path of paths) {
    const values = flat.map((f) => (f.has(path) ? f.get(path)! : "(absent)"));
    if (values.some((v) => v !== values[0])) rows.push({ path, values });
  }
  return rows;
}

function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, "{}");
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, JSON.stringify(value));
  return out;
}
