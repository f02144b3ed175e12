/**
 * @module runs/artifacts/export-artifact
 * Converts a run artifact to CSV, JSON or Parquet for `studio runs export` and the HTTP API. Table artifacts
 * (Parquet) stream as CSV with the Parquet column names as the header and `ts_utc` kept in epoch ms, or as a JSON
 * array of row objects; JSON artifacts pass through, or become a one-row CSV with dotted column names. Output is
 * produced in chunks so a million-row table never becomes one giant string.
 */
import type { FileHandle } from "node:fs/promises";
import { quote, StudioError } from "../../core/errors.js";
import { decodeParquet, type ParquetValues } from "../../store/parquet/parquet.js";
import { type ExpectedFile, openArtifact, openRunFile } from "./run-file.js";

export const EXPORTABLE = {
  trades: "trades.parquet",
  equity: "equity.parquet",
  drawdown: "drawdown.parquet",
  portfolio: "portfolio.parquet",
  round_trips: "round_trips.parquet",
  features: "features.parquet",
  metrics: "metrics.json",
  summary: "summary.json",
  validation: "validation_summary.json",
} as const;

export type ExportName = keyof typeof EXPORTABLE;
export type ExportFormat = "csv" | "json" | "parquet";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "parquet"];

export function exportFileOf(artifact: string): string {
  if (!Object.hasOwn(EXPORTABLE, artifact)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `unknown artifact ${quote(artifact)}; valid: ${Object.keys(EXPORTABLE).join(", ")}`,
    );
  }
  return EXPORTABLE[artifact as ExportName];
}

export interface ExportOutput {
  readonly mime: string;
  readonly chunks: AsyncIterable<string | Uint8Array>;
}

/**
 * Reads `file` from the run folder and converts it; NOT_FOUND when the run has no such artifact. Given by name,
 * the file must be a regular file in the folder (never a symlink, FIFO or directory); given as its manifest
 * entry, it must also have the listed size and sha256 (INTEGRITY_MISMATCH otherwise).
 */
export async function exportArtifact(
  runDirPath: string,
  artifact: string | ExpectedFile,
  format: ExportFormat,
): Promise<ExportOutput> {
  const file = typeof artifact === "string" ? artifact : artifact.path;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `unknown format ${quote(format)}; valid: ${EXPORT_FORMATS.join(", ")}`,
    );
  }
  const handle = await openForExport(runDirPath, artifact);
  let bytes: Uint8Array;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (file.endsWith(".parquet")) {
    if (format === "parquet") return { mime: "application/vnd.apache.parquet", chunks: once(bytes) };
    const table = await decodeParquet(bytes);
    return format === "csv"
      ? { mime: "text/csv; charset=utf-8", chunks: tableCsv(table.columns, table.rowCount) }
      : { mime: "application/json", chunks: tableJson(table.columns, table.rowCount) };
  }
  if (format === "parquet") {
    throw new StudioError("CONFIG_INVALID", `${file} is a JSON document; export it as json or csv`);
  }
  if (format === "json") return { mime: "application/json", chunks: once(bytes) };
  const flat = flatten(JSON.parse(Buffer.from(bytes).toString("utf8")));
  const keys = Object.keys(flat);
  return {
    mime: "text/csv; charset=utf-8",
    chunks: once(`${keys.map(csvCell).join(",")}\n${keys.map((k) => csvCell(flat[k])).join(",")}\n`),
  };
}

async function openForExport(dir: string, artifact: string | ExpectedFile): Promise<FileHandle> {
  if (typeof artifact !== "string") return openArtifact(dir, artifact);
  const opened = await openRunFile(dir, artifact);
  if (opened.ok) return opened.handle;
  if (opened.problem === "missing") throw new StudioError("NOT_FOUND", `this run has no ${artifact}`);
  throw new StudioError("INTEGRITY_MISMATCH", `${artifact} ${opened.reason}; run verify`);
}

async function* once(value: string | Uint8Array): AsyncIterable<string | Uint8Array> {
  yield value;
}

function cell(values: ParquetValues, i: number): string {
  if (Array.isArray(values)) return csvCell(values[i]);
  const v = values[i]!;
  if (values instanceof Uint8Array) return v ? "true" : "false";
  return Number.isNaN(v) ? "" : String(v);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const ROWS_PER_CHUNK = 20_000;

async function* tableCsv(columns: Record<string, ParquetValues>, rows: number): AsyncIterable<string> {
  const names = Object.keys(columns);
  const cols = names.map((n) => columns[n]!);
  yield `${names.map(csvCell).join(",")}\n`;
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const lines: string[] = [];
    const end = Math.min(rows, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) lines.push(cols.map((c) => cell(c, i)).join(","));
    yield `${lines.join("\n")}\n`;
  }
}

function jsonValue(values: ParquetValues, i: number): unknown {
  if (Array.isArray(values)) return values[i];
  if (values instanceof Uint8Array) return values[i] !== 0;
  const v = values[i]!;
  return Number.isFinite(v) ? v : null;
}

async function* tableJson(columns: Record<string, ParquetValues>, rows: number): AsyncIterable<string> {
  const names = Object.keys(columns);
  yield "[";
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const parts: string[] = [];
    const end = Math.min(rows, start + ROWS_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const row: Record<string, unknown> = {};
      for (const n of names) row[n] = jsonValue(columns[n]!, i);
      parts.push(JSON.stringify(row));
    }
    yield `${start === 0 ? "" : ","}${parts.join(",")}`;
  }
  yield "]\n";
}

/** `{a: {b: 1}, c: [2]}` -> `{"a.b": 1, "c.0": 2}`. */
export function flatten(
  value: unknown,
  prefix = "",
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0 && prefix) out[prefix] = Array.isArray(value) ? "[]" : "{}";
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = value;
  }
  return out;
}
