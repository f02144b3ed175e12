/**
 * @module cli/run-text
 * What a person reads about a finished run, shared by `studio run` and `studio runs show`: every metric
 * formatted (percentages, ISO dates in UTC, durations in bars and time), the validation headline numbers, and
 * every warning of the run. Read from the run folder's JSON artifacts, so both commands say the same thing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { TIMEFRAME_MS } from "../core/timeframe.js";
import { formatMetric, formatMetrics, percent } from "../report/format-metric.js";
import { runWarnings } from "../report/run-warnings.js";
import { keyValueTable } from "./format.js";

export interface RunFiles {
  readonly metrics: Record<string, unknown> | null;
  readonly summary: Record<string, unknown> | null;
  readonly validation: Record<string, Record<string, unknown>> | null;
}

function readJsonIfExists(file: string): unknown {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    // A damaged artifact is `runs verify`'s to report; the summary just leaves it out.
    return null;
  }
}

export function readRunFiles(dir: string): RunFiles {
  return {
    metrics: readJsonIfExists(path.join(dir, "metrics.json")) as RunFiles["metrics"],
    summary: readJsonIfExists(path.join(dir, "summary.json")) as RunFiles["summary"],
    validation: readJsonIfExists(path.join(dir, "validation_summary.json")) as RunFiles["validation"],
  };
}

export function barMsOf(config: unknown): number | undefined {
  const tf = (config as { timeframe?: string } | null)?.timeframe;
  return TIMEFRAME_MS[tf as keyof typeof TIMEFRAME_MS];
}

/** Metrics, validation and warnings as text blocks separated by blank lines. */
export function runResultText(files: RunFiles, config: unknown): string {
  const barMs = barMsOf(config);
  const blocks: string[] = [];
  if (files.metrics) blocks.push(`metrics\n${indent(keyValueTable(formatMetrics(files.metrics, barMs)))}`);
  if (files.validation)
    blocks.push(`validation\n${indent(keyValueTable(validationLines(files.validation)))}`);
  const warnings = runWarnings(files.summary, files.metrics, files.validation);
  blocks.push(
    warnings.length
      ? `warnings (${warnings.length})\n${warnings.map((w) => `  ! ${w}`).join("\n")}`
      : "warnings: none",
  );
  return blocks.join("\n\n");
}

const indent = (text: string): string => text.replace(/^/gm, "  ");
const fmt = (v: unknown) => formatMetric("", v);
const pct = (v: unknown) => (typeof v === "number" ? percent(v) : "-");

function validationLines(v: Record<string, Record<string, unknown>>): [string, string][] {
  const lines: [string, string][] = [];
  const p = v.permutation;
  if (p)
    lines.push([
      "permutation p-value",
      `${fmt(p.p_value)} (n=${fmt(p.n)}, observed ${pct(p.observed_return)})`,
    ]);
  const b = v.block_bootstrap;
  if (b) {
    const ci = b.return_ci as { lower: number; upper: number };
    lines.push([`bootstrap ${pct(b.confidence)} return CI`, `[${pct(ci.lower)}, ${pct(ci.upper)}]`]);
    lines.push(["bootstrap P(loss)", pct(b.prob_loss)]);
  }
  const mc = v.monte_carlo;
  if (mc) {
    lines.push(["monte carlo equity p5..p95", `${fmt(mc.equity_p5)} .. ${fmt(mc.equity_p95)}`]);
    lines.push(["monte carlo max DD p50/p95", `${pct(mc.max_drawdown_p50)} / ${pct(mc.max_drawdown_p95)}`]);
  }
  const w = v.wfo;
  if (w) {
    lines.push(["walk-forward OOS return", pct(w.stitched_oos_return)]);
    lines.push(["walk-forward efficiency", fmt(w.walk_forward_efficiency)]);
  }
  const o = v.overfitting;
  if (o) {
    lines.push(["deflated Sharpe (DSR)", fmt(o.dsr)]);
    lines.push(["PBO", o.pbo === null ? "-" : pct(o.pbo)]);
  }
  return lines;
}
