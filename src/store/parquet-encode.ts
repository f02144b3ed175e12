/**
 * @module store/parquet-encode
 * Writes the studio's Parquet files: one row group of REQUIRED, PLAIN-encoded, uncompressed columns (INT64,
 * DOUBLE, BOOLEAN, UTF8 strings), in data pages of at most 2^20 values. That narrow case is all the studio
 * writes, and it lets numeric columns be copied as raw little-endian bytes: a million timestamps take a few
 * milliseconds instead of the ~170 ms hyparquet-writer spends creating and range-checking a BigInt per value
 * (measured; see docs/data.md). Reading stays with hyparquet, and tests open every file with DuckDB.
 * @see https://github.com/apache/parquet-format (parquet.thrift: FileMetaData, PageHeader, ...)
 */
import { encodeStruct, type ThriftStruct } from "./thrift-compact.js";

export type EncodableColumn =
  | { readonly name: string; readonly type: "INT64" | "DOUBLE"; readonly data: Float64Array }
  | { readonly name: string; readonly type: "BOOLEAN"; readonly data: Uint8Array }
  | { readonly name: string; readonly type: "STRING"; readonly data: readonly string[] };

const PHYSICAL = { BOOLEAN: 0, INT64: 2, DOUBLE: 5, STRING: 6 } as const;
const PLAIN = 0;
const RLE = 3;
const REQUIRED = 0;
const UTF8 = 0;
const PAGE_VALUES = 1 << 20;
const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // "PAR1"

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error("parquet encoder assumes a little-endian platform");
}

/**
 * The INT64 bytes of a column, kept per source array: a run writes the same timestamps into several files, and
 * converting a million of them costs ~20 ms each time. Keyed weakly, so it never holds a column alive.
 */
const int64Cache = new WeakMap<Float64Array, { from: number; to: number; bytes: Uint8Array }>();

/** PLAIN bytes of values [from, to) of a column (possibly a view of the column's own memory: do not mutate). */
function plain(c: EncodableColumn, from: number, to: number): Uint8Array {
  const n = to - from;
  switch (c.type) {
    case "DOUBLE":
      // A view, not a copy: the bytes go straight from the column to the file.
      return new Uint8Array(c.data.buffer, c.data.byteOffset + from * 8, n * 8);
    case "INT64": {
      const cached = int64Cache.get(c.data);
      if (cached && cached.from === from && cached.to === to) return cached.bytes;
      const words = new Uint32Array(n * 2);
      for (let i = 0; i < n; i++) {
        const v = c.data[from + i]!;
        if (!Number.isSafeInteger(v))
          throw new RangeError(`parquet: ${c.name}[${from + i}] = ${v} is not an integer`);
        const hi = Math.floor(v / 4294967296);
        words[2 * i] = v - hi * 4294967296;
        words[2 * i + 1] = hi >>> 0;
      }
      const bytes = new Uint8Array(words.buffer);
      int64Cache.set(c.data, { from, to, bytes });
      return bytes;
    }
    case "BOOLEAN": {
      const out = new Uint8Array(Math.ceil(n / 8));
      for (let i = 0; i < n; i++) if (c.data[from + i]) out[i >> 3]! |= 1 << (i & 7);
      return out;
    }
    case "STRING": {
      const encoder = new TextEncoder();
      const parts = c.data.slice(from, to).map((s) => encoder.encode(s));
      const out = new Uint8Array(parts.reduce((s, p) => s + 4 + p.length, 0));
      const view = new DataView(out.buffer);
      let off = 0;
      for (const p of parts) {
        view.setUint32(off, p.length, true);
        out.set(p, off + 4);
        off += 4 + p.length;
      }
      return out;
    }
  }
}

/** Encodes equal-length columns as one Parquet file, returned as the sequence of its byte chunks. */
export function encodeColumnChunks(
  columns: readonly EncodableColumn[],
  metadata: Record<string, string>,
  createdBy: string,
): Uint8Array[] {
  const rows = columns[0]?.data.length ?? 0;
  const chunks: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  const chunkMeta: ThriftStruct[] = [];
  let totalBytes = 0;
  for (const c of columns) {
    const start = offset;
    let size = 0;
    for (let from = 0; from < rows || (rows === 0 && from === 0); from += PAGE_VALUES) {
      const to = Math.min(rows, from + PAGE_VALUES);
      const body = plain(c, from, to);
      const header = encodeStruct({
        1: { i32: 0 }, // DATA_PAGE
        2: { i32: body.length },
        3: { i32: body.length },
        5: { struct: { 1: { i32: to - from }, 2: { i32: PLAIN }, 3: { i32: RLE }, 4: { i32: RLE } } },
      });
      chunks.push(header, body);
      size += header.length + body.length;
      if (rows === 0) break;
    }
    offset += size;
    totalBytes += size;
    chunkMeta.push({
      2: { i64: start },
      3: {
        struct: {
          1: { i32: PHYSICAL[c.type] },
          2: { list: "i32", items: [PLAIN, RLE] },
          3: { list: "str", items: [c.name] },
          4: { i32: 0 }, // UNCOMPRESSED
          5: { i64: rows },
          6: { i64: size },
          7: { i64: size },
          9: { i64: start },
        },
      },
    });
  }
  const schema: ThriftStruct[] = [
    { 4: { str: "schema" }, 5: { i32: columns.length } },
    ...columns.map(
      (c): ThriftStruct => ({
        1: { i32: PHYSICAL[c.type] },
        3: { i32: REQUIRED },
        4: { str: c.name },
        ...(c.type === "STRING" ? { 6: { i32: UTF8 }, 10: { struct: { 1: { struct: {} } } } } : {}),
      }),
    ),
  ];
  const kv = Object.entries(metadata).map(
    ([key, value]): ThriftStruct => ({ 1: { str: key }, 2: { str: value } }),
  );
  const footer = encodeStruct({
    1: { i32: 1 },
    2: { list: "struct", items: schema },
    3: { i64: rows },
    4: {
      list: "struct",
      items: [{ 1: { list: "struct", items: chunkMeta }, 2: { i64: totalBytes }, 3: { i64: rows } }],
    },
    ...(kv.length > 0 ? { 5: { list: "struct" as const, items: kv } } : {}),
    6: { str: createdBy },
  });
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, footer.length, true);
  tail.set(MAGIC, 4);
  chunks.push(footer, tail);
  return chunks;
}

/** The file as one buffer (for callers that need contiguous bytes). */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
