/**
 * @module store/parquet
 * Parquet encode/decode for the studio's flat tables (candles, features, equity, trades, ...). Columns go in and
 * come out as typed arrays. Files use standard physical types only (INT64 epoch ms, DOUBLE, BOOLEAN, UTF8
 * strings), all REQUIRED, one row group, PLAIN pages, so pandas, polars and DuckDB read them as
 * BIGINT/DOUBLE/BOOLEAN/VARCHAR. Writing is `parquet-encode` (our narrow, fast case); reading is hyparquet, which
 * reads any writer's files, compressed ones included. NaN is stored as NaN (not null): a warm-up
 * value is "not a number yet", which is what the engine saw.
 */
import { parquetMetadata, parquetRead } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { StudioError } from "../core/errors.js";
import { concatChunks, encodeColumnChunks } from "./parquet-encode.js";

export type ParquetColumn =
  /** Epoch ms (or any integer) held in doubles; written as INT64. */
  | { readonly name: string; readonly type: "INT64"; readonly data: Float64Array }
  | { readonly name: string; readonly type: "DOUBLE"; readonly data: Float64Array }
  /** 0/1 bytes; written as BOOLEAN. */
  | { readonly name: string; readonly type: "BOOLEAN"; readonly data: Uint8Array }
  | { readonly name: string; readonly type: "STRING"; readonly data: readonly string[] };

export type ParquetValues = Float64Array | Uint8Array | string[];

export interface ParquetTable {
  readonly rowCount: number;
  /** Columns by name: INT64/DOUBLE -> Float64Array, BOOLEAN -> Uint8Array, strings -> string[]. */
  readonly columns: Record<string, ParquetValues>;
  /** Key-value metadata of the file footer. */
  readonly metadata: Record<string, string>;
}

const CREATED_BY = "backtest-studio";

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

/** Decodes a Parquet file (any writer, any codec hyparquet-compressors knows) into typed columns. */
export async function decodeParquet(bytes: Uint8Array, wanted?: readonly string[]): Promise<ParquetTable> {
  // Reuse the buffer when the bytes own all of it (large files read from disk do): copying 50 MB costs ~10 ms.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const file = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
  let meta: ReturnType<typeof parquetMetadata>;
  try {
    meta = parquetMetadata(file);
  } catch (err) {
    throw new StudioError(
      "DATA_INVALID",
      `parquet: unreadable footer (${(err as Error).message})`,
      undefined,
      {
        cause: err,
      },
    );
  }
  const rowCount = Number(meta.num_rows);
  const leaves = meta.schema.slice(1);
  const names = wanted ?? leaves.map((s) => s.name);
  const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
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
    throw new StudioError("DATA_INVALID", `parquet: unreadable data (${(err as Error).message})`, undefined, {
      cause: err,
    });
  }
  const columns: Record<string, ParquetValues> = {};
  for (const name of names) {
    const element = leaves.find((s) => s.name === name);
    if (!element) throw new StudioError("DATA_INVALID", `parquet: no column ${JSON.stringify(name)}`);
    const parts = (chunks.get(name) ?? []).sort((a, b) => a.start - b.start);
    columns[name] = assemble(element.type, parts, rowCount, name);
  }
  const metadata: Record<string, string> = {};
  for (const kv of meta.key_value_metadata ?? []) metadata[kv.key] = kv.value ?? "";
  return { rowCount, columns, metadata };
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
    else for (let i = 0; i < d.length; i++) out[p.start + i] = Number(d[i]);
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
