/**
 * @module store/parquet/parquet
 * Parquet encode/decode for the studio's flat tables (candles, features, equity, trades, ...). Columns go in and
 * come out as typed arrays. Files use standard types that DuckDB, polars, arrow and pandas read without help:
 * times as INT64 TIMESTAMP(MILLIS, UTC), DOUBLE (OPTIONAL: a NaN, meaning "not defined here", is written as null
 * and read back as NaN), BOOLEAN, UTF8 strings; one row group, uncompressed pages, statistics per column.
 * Writing is `parquet-encode` (our narrow, fast case). Reading a file the studio wrote is `parquet-decode`;
 * any other writer's file (compressed ones included) is read by hyparquet, with timestamps still returned as
 * epoch-ms numbers.
 */
import { type FileMetaData, parquetMetadata, parquetRead } from "hyparquet";
import { CODE_VERSION } from "../../core/code-version.js";
import { StudioError } from "../../core/errors.js";
import { decodeStudioColumn } from "./parquet-decode.js";
import { concatChunks, encodeColumnChunks } from "./parquet-encode.js";

export type ParquetColumn =
  /** Epoch ms UTC held in doubles; written as INT64 TIMESTAMP(MILLIS, UTC). */
  | { readonly name: string; readonly type: "TIMESTAMP"; readonly data: Float64Array }
  /** Any other integer held in doubles; written as INT64. */
  | { readonly name: string; readonly type: "INT64"; readonly data: Float64Array }
  /** NaN is written as null. */
  | { readonly name: string; readonly type: "DOUBLE"; readonly data: Float64Array }
  /** 0/1 bytes; written as BOOLEAN. */
  | { readonly name: string; readonly type: "BOOLEAN"; readonly data: Uint8Array }
  | { readonly name: string; readonly type: "STRING"; readonly data: readonly string[] };

export type ParquetValues = Float64Array | Uint8Array | string[];

export interface ParquetTable {
  readonly rowCount: number;
  /** Columns by name: numbers and times -> Float64Array (null -> NaN), BOOLEAN -> Uint8Array, strings -> string[]. */
  readonly columns: Record<string, ParquetValues>;
  /** Key-value metadata of the file footer. */
  readonly metadata: Record<string, string>;
}

/** The footer's `created_by`: the application and the code version whose results the file holds. */
export const CREATED_BY = `backtest-studio version ${CODE_VERSION}`;

/** Encodes columns of equal length into one Parquet file in memory. */
export function encodeParquet(
  columns: readonly ParquetColumn[],
  metadata: Record<string, string> = {},
): Uint8Array {
  return concatChunks(encodeParquetChunks(columns, metadata));
}

/** The same file as a list of byte chunks, without joining them: a writer can stream them to disk as they are. */
export function encodeParquetChunks(
  columns: readonly ParquetColumn[],
  metadata: Record<string, string> = {},
): Uint8Array[] {
  const rows = columns[0]?.data.length ?? 0;
  for (const c of columns) {
    if (c.data.length !== rows) {
      throw new StudioError(
        "INTERNAL",
        `parquet: column ${c.name} has ${c.data.length} rows, expected ${rows}`,
      );
    }
  }
  return encodeColumnChunks(columns, metadata, CREATED_BY);
}

const unreadable = (what: string, err: unknown) =>
  new StudioError("DATA_INVALID", `parquet: unreadable ${what} (${(err as Error).message})`, undefined, {
    cause: err,
  });

/** Decodes a Parquet file (any writer, any codec hyparquet-compressors knows) into typed columns. */
export async function decodeParquet(bytes: Uint8Array, wanted?: readonly string[]): Promise<ParquetTable> {
  // Reuse the buffer when the bytes own all of it (large files read from disk do): copying 50 MB costs ~10 ms.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const file = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
  let meta: FileMetaData;
  try {
    meta = parquetMetadata(file);
  } catch (err) {
    throw unreadable("footer", err);
  }
  const rowCount = Number(meta.num_rows);
  const leaves = meta.schema.slice(1);
  const names = wanted ?? leaves.map((s) => s.name);
  for (const name of names) {
    if (!leaves.some((s) => s.name === name))
      throw new StudioError("DATA_INVALID", `parquet: no column ${JSON.stringify(name)}`);
  }
  const columns: Record<string, ParquetValues> = {};
  if (isStudioLayout(meta)) {
    const view = new Uint8Array(file);
    try {
      for (const name of names) {
        const i = leaves.findIndex((s) => s.name === name);
        columns[name] = decodeStudioColumn(
          view,
          meta.row_groups[0]!.columns[i]!.meta_data!,
          leaves[i]!,
          rowCount,
        );
      }
    } catch (err) {
      throw unreadable("data", err);
    }
  } else {
    await decodeWithHyparquet(file, meta, names, rowCount, columns);
  }
  const metadata: Record<string, string> = {};
  for (const kv of meta.key_value_metadata ?? []) metadata[kv.key] = kv.value ?? "";
  return { rowCount, columns, metadata };
}

/** A file this studio wrote: its own layout, which `parquet-decode` reads directly. */
export function isStudioLayout(meta: FileMetaData): boolean {
  return (
    (meta.created_by ?? "").startsWith("backtest-studio") &&
    meta.row_groups.length === 1 &&
    meta.schema.length === meta.row_groups[0]!.columns.length + 1 &&
    meta.row_groups[0]!.columns.every((c) => c.meta_data?.codec === "UNCOMPRESSED")
  );
}

async function decodeWithHyparquet(
  file: ArrayBuffer,
  meta: FileMetaData,
  names: readonly string[],
  rowCount: number,
  columns: Record<string, ParquetValues>,
): Promise<void> {
  // Timestamps become epoch-ms numbers: without their logical type hyparquet returns the INT64 counts, not
  // Dates, and other writers' micro- or nanosecond counts are scaled to milliseconds below.
  const perMs = new Map<string, number>();
  for (const element of meta.schema) {
    if (element.type !== "INT64") continue;
    const lt = element.logical_type;
    const unit =
      lt?.type === "TIMESTAMP"
        ? lt.unit
        : element.converted_type === "TIMESTAMP_MICROS"
          ? "MICROS"
          : undefined;
    if (unit === "MICROS") perMs.set(element.name, 1000);
    else if (unit === "NANOS") perMs.set(element.name, 1_000_000);
    element.converted_type = undefined;
    element.logical_type = undefined;
  }
  const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
  // Only other writers' files can be compressed: the studio's own never load the codecs.
  const { compressors } = await import("hyparquet-compressors");
  try {
    await parquetRead({
      file,
      metadata: meta,
      compressors,
      columns: [...names],
      onChunk: (chunk) => {
        const list = chunks.get(chunk.columnName) ?? [];
        list.push({ start: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
        chunks.set(chunk.columnName, list);
      },
    });
  } catch (err) {
    throw unreadable("data", err);
  }
  const leaves = meta.schema.slice(1);
  for (const name of names) {
    const element = leaves.find((s) => s.name === name)!;
    const parts = (chunks.get(name) ?? []).sort((a, b) => a.start - b.start);
    const values = assemble(element.type, parts, rowCount, name);
    const scale = perMs.get(name);
    if (scale !== undefined && values instanceof Float64Array)
      for (let i = 0; i < values.length; i++) values[i]! /= scale;
    columns[name] = values;
  }
}

function assemble(
  type: string | undefined,
  parts: { start: number; data: ArrayLike<unknown> }[],
  rows: number,
  name: string,
): ParquetValues {
  const total = parts.reduce((s, p) => s + p.data.length, 0);
  if (total !== rows)
    throw new StudioError("DATA_INVALID", `parquet: column ${name} has ${total} values, expected ${rows}`);
  if (type === "BOOLEAN") {
    const out = new Uint8Array(rows);
    for (const p of parts) for (let i = 0; i < p.data.length; i++) out[p.start + i] = p.data[i] ? 1 : 0;
    return out;
  }
  if (type === "BYTE_ARRAY") {
    const out: string[] = new Array(rows);
    for (const p of parts) for (let i = 0; i < p.data.length; i++) out[p.start + i] = String(p.data[i]);
    return out;
  }
  // One chunk holding the whole column is already what we want: hand it over instead of copying 8 MB.
  const only = parts.length === 1 ? parts[0]!.data : undefined;
  if (only instanceof Float64Array && only.length === rows) return only;
  const out = new Float64Array(rows);
  for (const p of parts) {
    const d = p.data;
    if (d instanceof Float64Array) out.set(d, p.start);
    else if (d instanceof BigInt64Array) int64Into(d, out, p.start);
    else {
      // Optional columns come back as arrays holding null where a row has no value: that is NaN here.
      for (let i = 0; i < d.length; i++) {
        const v = d[i];
        out[p.start + i] = v === null || v === undefined ? Number.NaN : Number(v);
      }
    }
  }
  return out;
}

/**
 * BigInt64 -> double through two 32-bit halves (little-endian, as on every platform Node runs on): exact for
 * |v| < 2^53, which covers epoch ms, and several times faster than `Number(bigint)` per element.
 */
function int64Into(d: BigInt64Array, out: Float64Array, start: number): void {
  const halves = new Int32Array(d.buffer, d.byteOffset, d.length * 2);
  for (let i = 0; i < d.length; i++) {
    out[start + i] = halves[2 * i + 1]! * 4294967296 + (halves[2 * i]! >>> 0);
  }
}
