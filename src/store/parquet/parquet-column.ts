/**
 * @module store/parquet/parquet-column
 * Encodes one column chunk: its pages (at most 2^20 values each) and what the footer says about it. The
 * encoding follows the data, chosen in one pass: INT64 and timestamps DELTA_BINARY_PACKED; DOUBLE PLAIN, or
 * dictionary-encoded (RLE_DICTIONARY) when the column is piecewise constant (cash, position, cumulative fees:
 * few changes, each a few bytes); strings dictionary-encoded when they repeat (sides, directions, reasons);
 * booleans PLAIN, which is already one bit per value. DOUBLE columns are OPTIONAL and a NaN (an indicator's
 * warm-up, a value that does not exist for the row) is written as null.
 */
import { ByteSink } from "./parquet-bytes.js";
import { DELTA_LIMIT, encodeDelta } from "./parquet-delta.js";
import { encodeHybrid } from "./parquet-hybrid.js";
import { booleanStatistics, numericStatistics, stringStatistics, summarize } from "./parquet-stats.js";
import { encodeStruct, type ThriftStruct } from "./thrift-compact.js";

export type EncodableColumn =
  | { readonly name: string; readonly type: "TIMESTAMP" | "INT64" | "DOUBLE"; readonly data: Float64Array }
  | { readonly name: string; readonly type: "BOOLEAN"; readonly data: Uint8Array }
  | { readonly name: string; readonly type: "STRING"; readonly data: readonly string[] };

export const ENC = { PLAIN: 0, RLE: 3, DELTA_BINARY_PACKED: 5, RLE_DICTIONARY: 8 } as const;
export const PAGE_VALUES = 1 << 20;

export interface EncodedColumn {
  readonly parts: Uint8Array[];
  readonly size: number;
  /** Offsets from the chunk's start. */
  readonly dictionaryOffset: number | undefined;
  readonly dataOffset: number;
  readonly encodings: number[];
  readonly statistics: ThriftStruct;
  readonly optional: boolean;
}

/**
 * Encoded integer columns per source array: a run writes the same timestamps into four files, and checking,
 * summarizing and delta-encoding a million of them each time costs ~15 ms. Keyed weakly, so it never holds a
 * column alive; the parts are only ever written, never changed.
 */
const intCache = new WeakMap<Float64Array, EncodedColumn>();
const remember = (data: Float64Array, e: EncodedColumn): EncodedColumn => {
  intCache.set(data, e);
  return e;
};

const utf8 = new TextEncoder();

export function encodeColumn(c: EncodableColumn): EncodedColumn {
  const n = c.data.length;
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (header: ThriftStruct, body: readonly Uint8Array[]) => {
    const len = body.reduce((s, b) => s + b.length, 0);
    const h = encodeStruct({ ...header, 2: { i32: len }, 3: { i32: len } });
    parts.push(h, ...body);
    size += h.length + len;
  };
  const dataPage = (count: number, encoding: number, body: readonly Uint8Array[]) =>
    push(
      {
        1: { i32: 0 },
        5: { struct: { 1: { i32: count }, 2: { i32: encoding }, 3: { i32: ENC.RLE }, 4: { i32: ENC.RLE } } },
      },
      body,
    );
  const pages = (fn: (from: number, to: number) => void) => {
    for (let from = 0; from < n || from === 0; from += PAGE_VALUES) {
      fn(from, Math.min(n, from + PAGE_VALUES));
      if (n === 0) break;
    }
  };

  if (c.type === "BOOLEAN") {
    pages((from, to) => {
      const sink = new ByteSink(Math.ceil((to - from) / 8) + 8);
      sink.bits(c.data, from, to - from, 1);
      dataPage(to - from, ENC.PLAIN, [sink.view()]);
    });
    return done(ENC.PLAIN, booleanStatistics(c.data), false);
  }

  if (c.type === "STRING") {
    const index = new Map<string, number>();
    const ids = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const s = c.data[i]!;
      let id = index.get(s);
      if (id === undefined) index.set(s, (id = index.size));
      ids[i] = id;
    }
    const distinct = [...index.keys()].map((s) => utf8.encode(s));
    push({ 1: { i32: 2 }, 7: { struct: { 1: { i32: distinct.length }, 2: { i32: ENC.PLAIN } } } }, [
      plainStrings(distinct),
    ]);
    const dictSize = size;
    pages((from, to) =>
      dataPage(to - from, ENC.RLE_DICTIONARY, [indexBody(ids.subarray(from, to), index.size)]),
    );
    return done(ENC.RLE_DICTIONARY, stringStatistics(distinct), false, dictSize);
  }

  const data = c.data;
  if (c.type !== "DOUBLE") {
    const hit = intCache.get(data);
    if (hit) return hit;
  }
  const s = summarize(data);
  const physical = c.type === "DOUBLE" ? "DOUBLE" : "INT64";
  if (c.type !== "DOUBLE") {
    for (let i = 0; i < n; i++) {
      if (!Number.isSafeInteger(data[i]))
        throw new RangeError(`parquet: ${c.name}[${i}] = ${data[i]} is not an integer`);
    }
    if (Math.max(Math.abs(s.min), Math.abs(s.max)) <= DELTA_LIMIT || n === 0) {
      pages((from, to) => dataPage(to - from, ENC.DELTA_BINARY_PACKED, [deltaPage(data, from, to)]));
      return remember(data, done(ENC.DELTA_BINARY_PACKED, numericStatistics(s, physical), false));
    }
    pages((from, to) => dataPage(to - from, ENC.PLAIN, [plainInt64(data, from, to)]));
    return remember(data, done(ENC.PLAIN, numericStatistics(s, physical), false));
  }

  // DOUBLE: OPTIONAL, NaN -> null.
  const levels = (from: number, to: number): Uint8Array => {
    const sink = new ByteSink(16);
    sink.u32(0);
    const lead = s.nullsLeading ? Math.max(0, Math.min(to, s.nulls) - from) : 0;
    if (s.nulls === 0 || s.nullsLeading) {
      // Nulls only at the start (or none): an RLE run of 0s, then one of 1s.
      if (lead > 0) {
        sink.varint(lead * 2);
        sink.byte(0);
      }
      if (to - from > lead) {
        sink.varint((to - from - lead) * 2);
        sink.byte(1);
      }
    } else {
      const flags = new Uint8Array(to - from);
      for (let i = from; i < to; i++) flags[i - from] = Number.isNaN(data[i]) ? 0 : 1;
      encodeHybrid(flags, 1, sink);
    }
    const out = sink.view();
    new DataView(out.buffer, out.byteOffset).setUint32(0, out.length - 4, true);
    return out;
  };
  const defined =
    s.nulls === 0
      ? undefined
      : (from: number, to: number) => {
          // Leading nulls: the numbers are one stretch of the column, written from a view.
          if (s.nullsLeading) return data.subarray(Math.max(from, Math.min(to, s.nulls)), to);
          const out = new Float64Array(to - from - countNaN(data, from, to));
          let k = 0;
          for (let i = from; i < to; i++) if (!Number.isNaN(data[i])) out[k++] = data[i]!;
          return out;
        };
  if (n >= 64 && s.runs * 16 <= n) {
    // Piecewise constant: a dictionary of the distinct values, and each run of one value as one RLE run of its
    // index (no index array: the runs are read off the column itself).
    const index = new Map<number | string, number>();
    const dict: number[] = [];
    const keyOf = (v: number) => (v === 0 && 1 / v < 0 ? "-0" : v);
    forEachRun(data, 0, n, (v) => {
      const key = keyOf(v);
      if (index.has(key)) return;
      index.set(key, dict.length);
      dict.push(v);
    });
    push({ 1: { i32: 2 }, 7: { struct: { 1: { i32: dict.length }, 2: { i32: ENC.PLAIN } } } }, [
      new Uint8Array(Float64Array.from(dict).buffer),
    ]);
    const dictSize = size;
    const width = dict.length <= 1 ? 0 : 32 - Math.clz32(dict.length - 1);
    const valueBytes = (width + 7) >> 3;
    pages((from, to) => {
      const sink = new ByteSink(256);
      sink.byte(width);
      forEachRun(data, from, to, (v, length) => {
        sink.varint(length * 2);
        for (let b = 0, id = index.get(keyOf(v))!; b < valueBytes; b++, id >>>= 8) sink.byte(id & 0xff);
      });
      dataPage(to - from, ENC.RLE_DICTIONARY, [levels(from, to), sink.view()]);
    });
    return done(ENC.RLE_DICTIONARY, numericStatistics(s, "DOUBLE"), true, dictSize);
  }
  pages((from, to) => {
    const values = defined ? defined(from, to) : data.subarray(from, to);
    // A view, not a copy: the bytes go straight from the column to the file.
    dataPage(to - from, ENC.PLAIN, [
      levels(from, to),
      new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    ]);
  });
  return done(ENC.PLAIN, numericStatistics(s, "DOUBLE"), true);

  function done(
    encoding: number,
    statistics: ThriftStruct,
    optional: boolean,
    dictSize?: number,
  ): EncodedColumn {
    return {
      parts,
      size,
      dictionaryOffset: dictSize === undefined ? undefined : 0,
      dataOffset: dictSize ?? 0,
      encodings:
        encoding === ENC.RLE_DICTIONARY ? [ENC.PLAIN, ENC.RLE, ENC.RLE_DICTIONARY] : [encoding, ENC.RLE],
      statistics,
      optional,
    };
  }
}

function countNaN(data: Float64Array, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (Number.isNaN(data[i])) k++;
  return k;
}

/** Calls `fn` for each run of one non-NaN value in [from, to) (NaN rows end a run and are skipped). */
function forEachRun(
  data: Float64Array,
  from: number,
  to: number,
  fn: (value: number, length: number) => void,
): void {
  let i = from;
  while (i < to) {
    const v = data[i]!;
    if (Number.isNaN(v)) {
      i++;
      continue;
    }
    let j = i + 1;
    // The same value and the same sign of zero (a dictionary keeps -0 and +0 apart).
    while (j < to && data[j] === v && (v !== 0 || 1 / data[j]! === 1 / v)) j++;
    fn(v, j - i);
    i = j;
  }
}

/** A dictionary-index page body: the bit width, then the indices RLE/bit-packed. */
function indexBody(ids: Uint32Array, dictSize: number): Uint8Array {
  const width = dictSize <= 1 ? 0 : 32 - Math.clz32(dictSize - 1);
  const sink = new ByteSink(64);
  sink.byte(width);
  encodeHybrid(ids, width, sink);
  return sink.view();
}

function deltaPage(data: Float64Array, from: number, to: number): Uint8Array {
  const sink = new ByteSink(4096);
  encodeDelta(data, from, to, sink);
  return sink.view();
}

function plainInt64(data: Float64Array, from: number, to: number): Uint8Array {
  const words = new Uint32Array((to - from) * 2);
  for (let i = from; i < to; i++) {
    const v = data[i]!;
    const hi = Math.floor(v / 4294967296);
    words[2 * (i - from)] = v - hi * 4294967296;
    words[2 * (i - from) + 1] = hi >>> 0;
  }
  return new Uint8Array(words.buffer);
}

function plainStrings(values: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(values.reduce((s, p) => s + 4 + p.length, 0));
  const view = new DataView(out.buffer);
  let off = 0;
  for (const p of values) {
    view.setUint32(off, p.length, true);
    out.set(p, off + 4);
    off += 4 + p.length;
  }
  return out;
}
