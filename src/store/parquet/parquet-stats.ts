/**
 * @module store/parquet/parquet-stats
 * Column-chunk statistics as Parquet defines them: `null_count`, and `min_value`/`max_value` in the column's
 * PLAIN byte encoding (INT64 and DOUBLE little-endian, BOOLEAN one byte, strings their UTF-8 bytes, compared
 * bytewise unsigned). NaN never enters a DOUBLE min or max (it is stored as null anyway); a zero minimum is
 * written as -0.0 and a zero maximum as +0.0, as the format asks, so a reader never excludes a chunk holding
 * the other zero. With statistics DuckDB, polars and arrow skip a chunk a filter cannot match.
 * @see https://github.com/apache/parquet-format/blob/master/src/main/thrift/parquet.thrift (Statistics)
 */
import { doubleBytes, int64Bytes } from "./parquet-bytes.js";
import type { ThriftStruct } from "./thrift-compact.js";

export interface NumericSummary {
  readonly min: number;
  readonly max: number;
  /** NaN values (nulls once written). */
  readonly nulls: number;
  /** Positions where the value differs from the previous one, plus one (each NaN counts as a change). */
  readonly runs: number;
  /** True when every NaN comes before every number (an indicator's warm-up): the numbers are one stretch. */
  readonly nullsLeading: boolean;
}

/** One pass over a numeric column: min, max (NaN skipped), NaN count and run count. */
export function summarize(data: Float64Array): NumericSummary {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nulls = 0;
  let runs = data.length > 0 ? 1 : 0;
  let prev = data[0]!;
  let lastNull = -1;
  // One branch-light pass: a comparison with NaN is false, so NaN never moves min or max; and NaN !== anything,
  // so every NaN lands in the change branch, where it is counted (a stretch of NaN counts as several runs, which
  // only makes a dictionary look less attractive than it is).
  for (let i = 1; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== prev) {
      runs++;
      if (Number.isNaN(v)) {
        nulls++;
        lastNull = i;
      }
    }
    prev = v;
  }
  if (data.length > 0) {
    const v = data[0]!;
    if (Number.isNaN(v)) {
      nulls++;
      lastNull = Math.max(lastNull, 0);
    } else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max, nulls, runs, nullsLeading: lastNull === nulls - 1 };
}

/** Statistics of an INT64 or DOUBLE column (min/max omitted when every value is null). */
export function numericStatistics(s: NumericSummary, type: "INT64" | "DOUBLE"): ThriftStruct {
  if (!(s.min <= s.max)) return { 3: { i64: s.nulls } };
  const enc = type === "INT64" ? int64Bytes : doubleBytes;
  const min = type === "DOUBLE" && s.min === 0 ? -0 : s.min;
  const max = type === "DOUBLE" && s.max === 0 ? 0 : s.max;
  return { 3: { i64: s.nulls }, 5: { bin: enc(max) }, 6: { bin: enc(min) } };
}

export function booleanStatistics(data: Uint8Array): ThriftStruct {
  if (data.length === 0) return { 3: { i64: 0 } };
  const anyTrue = data.includes(1);
  const anyFalse = data.includes(0);
  return {
    3: { i64: 0 },
    5: { bin: Uint8Array.of(anyTrue ? 1 : 0) },
    6: { bin: Uint8Array.of(anyFalse ? 0 : 1) },
  };
}

/** Statistics of a string column, from its distinct values' UTF-8 bytes. */
export function stringStatistics(distinct: readonly Uint8Array[]): ThriftStruct {
  if (distinct.length === 0) return { 3: { i64: 0 } };
  let min = distinct[0]!;
  let max = min;
  for (const b of distinct) {
    if (Buffer.compare(b, min) < 0) min = b;
    if (Buffer.compare(b, max) > 0) max = b;
  }
  return { 3: { i64: 0 }, 5: { bin: max }, 6: { bin: min } };
}
