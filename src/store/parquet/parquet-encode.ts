/**
 * @module store/parquet/parquet-encode
 * Writes the studio's Parquet files: one row group, uncompressed data pages (v1) of at most 2^20 values, each
 * column encoded as `parquet-column` chooses. The footer carries what tools need to read the files without
 * help: `ts_utc` and the other times as INT64 with the TIMESTAMP(MILLIS, UTC) logical type (and the legacy
 * TIMESTAMP_MILLIS converted type, for older readers), min/max/null-count statistics per column chunk with the
 * type-defined column order that makes them usable, and `created_by` naming the studio and its code version.
 * Writing ourselves keeps numeric columns as raw little-endian bytes: a million doubles go to the file as a
 * view of the column, where hyparquet-writer spends ~170 ms creating a BigInt per timestamp (measured; see
 * docs/data.md).
 * @see https://github.com/apache/parquet-format (parquet.thrift: FileMetaData, PageHeader, ...)
 */
import { type EncodableColumn, encodeColumn } from "./parquet-column.js";
import { encodeStruct, type ThriftStruct } from "./thrift-compact.js";

export type { EncodableColumn } from "./parquet-column.js";

const PHYSICAL = { BOOLEAN: 0, INT64: 2, TIMESTAMP: 2, DOUBLE: 5, STRING: 6 } as const;
const REQUIRED = 0;
const OPTIONAL = 1;
const CONVERTED = { UTF8: 0, TIMESTAMP_MILLIS: 9 } as const;
const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // "PAR1"

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error("parquet encoder assumes a little-endian platform");
}

function schemaElement(c: EncodableColumn, optional: boolean): ThriftStruct {
  const base: ThriftStruct = {
    1: { i32: PHYSICAL[c.type] },
    3: { i32: optional ? OPTIONAL : REQUIRED },
    4: { str: c.name },
  };
  if (c.type === "STRING")
    return { ...base, 6: { i32: CONVERTED.UTF8 }, 10: { struct: { 1: { struct: {} } } } };
  if (c.type === "TIMESTAMP") {
    // LogicalType.TIMESTAMP(8) = TimestampType{isAdjustedToUTC: true, unit: TimeUnit.MILLIS(1)}
    const timestamp: ThriftStruct = { 1: { bool: true }, 2: { struct: { 1: { struct: {} } } } };
    return { ...base, 6: { i32: CONVERTED.TIMESTAMP_MILLIS }, 10: { struct: { 8: { struct: timestamp } } } };
  }
  return base;
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
  const schema: ThriftStruct[] = [{ 4: { str: "schema" }, 5: { i32: columns.length } }];
  let totalBytes = 0;
  for (const c of columns) {
    const e = encodeColumn(c);
    chunks.push(...e.parts);
    schema.push(schemaElement(c, e.optional));
    const start = offset;
    chunkMeta.push({
      2: { i64: start },
      3: {
        struct: {
          1: { i32: PHYSICAL[c.type] },
          2: { list: "i32", items: e.encodings },
          3: { list: "str", items: [c.name] },
          4: { i32: 0 }, // UNCOMPRESSED
          5: { i64: rows },
          6: { i64: e.size },
          7: { i64: e.size },
          9: { i64: start + e.dataOffset },
          11: e.dictionaryOffset === undefined ? undefined : { i64: start + e.dictionaryOffset },
          12: { struct: e.statistics },
        },
      },
    });
    offset += e.size;
    totalBytes += e.size;
  }
  const kv = Object.entries(metadata).map(
    ([key, value]): ThriftStruct => ({ 1: { str: key }, 2: { str: value } }),
  );
  const footer = encodeStruct({
    1: { i32: 1 },
    2: { list: "struct", items: schema },
    3: { i64: rows },
    4: {
      list: "struct",
      items: [
        {
          1: { list: "struct", items: chunkMeta },
          2: { i64: totalBytes },
          3: { i64: rows },
          5: { i64: MAGIC.length },
          6: { i64: totalBytes },
        },
      ],
    },
    ...(kv.length > 0 ? { 5: { list: "struct" as const, items: kv } } : {}),
    6: { str: createdBy },
    // ColumnOrder.TYPE_ORDER for every column: min_value/max_value follow each type's natural order.
    7: { list: "struct", items: columns.map((): ThriftStruct => ({ 1: { struct: {} } })) },
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
