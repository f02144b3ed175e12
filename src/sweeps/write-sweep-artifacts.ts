/**
 * @module sweeps/write-sweep-artifacts
 * The files of `sweeps/{sweep_id}/`: trials.parquet (one row per valid trial in trial order: index, status, each
 * varied path as a typed column, the objective, the per-period Sharpe and every metric; NaN where a failed trial
 * or a metric has no value), one heatmap per pair of numeric dimensions, summary.json, report.html (the
 * self-contained interactive report), and manifest.json written last with sha256 and size per file (its own
 * sha256 goes into the sweeps row), as a run's folder is. trials.parquet and summary.json depend only on the
 * plan and the records in trial order (report.html on those and the sweep id): the same bytes on any thread
 * count.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { REPORT_NAME } from "../report/report-name.js";
import { sweepReportHtml } from "../report/sweep-report-html.js";
import { MANIFEST_NAME, type ManifestFile, mimeOf, writeManifest } from "../runs/artifacts/manifest.js";
import { type WrittenFile, writeFileAtomic } from "../store/atomic-write.js";
import { encodeParquet, type ParquetColumn } from "../store/parquet/parquet.js";
import type { SweepOutcome, TrialRecord } from "./execute-sweep.js";
import { heatmapName, renderHeatmap } from "./heatmap.js";
import type { SweepDimension } from "./plan/expand-space.js";
import { cellOf, heatmapPairs, trialCells } from "./plan/heatmap-grid.js";
import type { SweepPlan } from "./plan/sweep-plan.js";
import type { SweepSummary } from "./sweep-summary.js";

export const TRIALS_FILE = "trials.parquet";
export const SUMMARY_FILE = "summary.json";

/** The trials table as Parquet columns. */
export function trialColumns(
  dims: readonly SweepDimension[],
  records: readonly TrialRecord[],
): ParquetColumn[] {
  const n = records.length;
  const num = (f: (r: TrialRecord) => number | null | undefined) =>
    Float64Array.from(records, (r) => {
      const v = f(r);
      return v === null || v === undefined ? Number.NaN : v;
    });
  const columns: ParquetColumn[] = [
    { name: "trial", type: "INT64", data: Float64Array.from(records, (r) => r.index) },
    { name: "status", type: "STRING", data: records.map((r) => r.status) },
  ];
  for (const d of dims) {
    const values = records.map((r) => r.values[d.path]);
    if (d.values.every((v) => typeof v === "number"))
      columns.push({ name: d.path, type: "DOUBLE", data: Float64Array.from(values as number[]) });
    else if (d.values.every((v) => typeof v === "boolean"))
      columns.push({ name: d.path, type: "BOOLEAN", data: Uint8Array.from(values, (v) => (v ? 1 : 0)) });
    else
      columns.push({
        name: d.path,
        type: "STRING",
        data: values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
      });
  }
  columns.push({ name: "objective", type: "DOUBLE", data: num((r) => r.result?.objective) });
  columns.push({ name: "sharpe_per_period", type: "DOUBLE", data: num((r) => r.result?.sharpe) });
  const first = records.find((r) => r.result)?.result?.metrics;
  for (const key of Object.keys(first ?? {})) {
    columns.push({
      name: key,
      type: "DOUBLE",
      data: num((r) => {
        const v = (r.result?.metrics as Record<string, unknown> | undefined)?.[key];
        return typeof v === "number" ? v : null;
      }),
    });
  }
  if (columns.some((c) => c.data.length !== n)) throw new Error("trial columns differ in length");
  return columns;
}

export interface SweepArtifactsWritten {
  readonly files: readonly ManifestFile[];
  readonly manifest: WrittenFile;
}

/** A file of the folder, rendered. */
export interface RenderedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * trials.parquet and the heatmaps, in the folder's order: the files that depend on the trials alone, so they can
 * be rendered while the statistics are still being computed.
 */
export function renderTrialFiles(
  plan: SweepPlan,
  records: readonly TrialRecord[],
  bestIndex: number | null,
): RenderedFile[] {
  const files: RenderedFile[] = [
    { name: TRIALS_FILE, data: encodeParquet(trialColumns(plan.dims, records)) },
  ];
  const best = records.find((r) => r.index === bestIndex);
  if (best) {
    const cells = trialCells(plan.dims, records);
    for (const [a, b] of heatmapPairs(plan.dims)) {
      files.push({
        name: heatmapName(plan.dims, a, b),
        data: renderHeatmap(plan.dims, a, b, cells, cellOf(plan.dims, best.values), plan.spec.objective),
      });
    }
  }
  return files;
}

/** Writes the folder; `rendered` is renderTrialFiles' answer for these records when the caller has it already. */
export function writeSweepArtifacts(
  dir: string,
  ids: { readonly sweepId: string; readonly createdAt: number },
  plan: SweepPlan,
  outcome: SweepOutcome,
  summary: SweepSummary,
  rendered: readonly RenderedFile[] = renderTrialFiles(plan, outcome.records, outcome.bestIndex),
): SweepArtifactsWritten {
  mkdirSync(dir, { recursive: true });
  const files: ManifestFile[] = [];
  const put = (name: string, data: Uint8Array | string) => {
    const w = writeFileAtomic(path.join(dir, name), data);
    files.push({ name, path: name, sha256: w.sha256, size: w.size, mime: mimeOf(name) });
  };
  for (const f of rendered) put(f.name, f.data);
  put(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  put(REPORT_NAME, sweepReportHtml(ids.sweepId, plan, outcome, summary));
  const manifest = writeManifest(dir, {
    run_id: ids.sweepId,
    created_at: ids.createdAt,
    config_hash: plan.sweepHash,
    files,
  });
  return { files, manifest };
}

export { MANIFEST_NAME };
