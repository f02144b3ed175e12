/**
 * @module store/parquet/parquet-decode
 * Reads the pages of a file the studio wrote (the layout `parquet-column` produces: uncompressed v1 data pages,
 * PLAIN / DELTA_BINARY_PACKED / RLE_DICTIONARY values, RLE/bit-packed definition levels) straight into typed
 * arrays, nulls as NaN. hyparquet reads everything else; for these files it would build a JS array with a
 * definition level per value and BigInts per timestamp, several times slower for a million rows (measured; see
 * docs/data.md). The footer is still parsed by hyparquet, so the two readers agree on what a file holds.
 */
import type { ColumnMetaData, SchemaElement } from "hyparquet";
import { decodeDelta } from "./parquet-delta.js";
import { decodeHybrid } from "./parquet-hybrid.js";
import { type DecodedStruct, decodeStruct } from "./thrift-compact.js";

export type DecodedValues = Float64Array | Uint8Array | string[];

const utf8 = new TextDecoder();

/** Decodes one column chunk of `rows` values; throws RangeError on anything outside the studio's layout. */
export function decodeStudioColumn(
  bytes: Uint8Array,
  meta: ColumnMetaData,
  element: SchemaElement,
  rows: number,
): DecodedValues {
  if (meta.codec !== "UNCOMPRESSED") throw new RangeError(`parquet: codec ${meta.codec}`);
  const optional = element.repetition_type === "OPTIONAL";
  const type = meta.type;
  let at = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
  let out: DecodedValues | undefined;
  let dict: Float64Array | string[] | undefined;
  let filled = 0;
  while (filled < rows) {
    const { value: header, end } = decodeStruct(bytes, at);
    const size = header[3] as number;
    const body = bytes.subarray(end, end + size);
    if (body.length !== size) throw new RangeError("parquet: page runs past the end of the file");
    at = end + size;
    if (header[1] === 2) {
      const count = (header[7] as DecodedStruct)[1] as number;
      dict = type === "BYTE_ARRAY" ? plainStrings(body, count) : plainDoubles(body, 0, count);
      continue;
    }
    if (header[1] !== 0) throw new RangeError(`parquet: page type ${header[1]}`);
    const dph = header[5] as DecodedStruct;
    const count = dph[1] as number;
    const encoding = dph[2] as number;
    if (filled + count > rows) throw new RangeError("parquet: more values than rows");
    let p = 0;
    let defined: Uint8Array | undefined;
    let present = count;
    if (type === "DOUBLE" && encoding === 0) {
      // The common case (prices, indicators, equity): PLAIN doubles whose nulls, if any, come in long runs (an
      // indicator's warm-up). Copied from the page straight into the column, a run at a time.
      const runs = optional ? levelRuns(body, count) : [1, count];
      if (runs !== undefined) {
        out ??= new Float64Array(rows);
        const at = optional ? 4 + new DataView(body.buffer, body.byteOffset).getUint32(0, true) : 0;
        doublesInto(body, at, runs, out as Float64Array, filled);
        filled += count;
        continue;
      }
    }
    if (optional) {
      const len = new DataView(body.buffer, body.byteOffset).getUint32(0, true);
      defined = new Uint8Array(count);
      decodeHybrid(body, 4, 4 + len, 1, defined, count);
      p = 4 + len;
      present = 0;
      for (let i = 0; i < count; i++) present += defined[i]!;
      if (present === count) defined = undefined;
    }
    const values = pageValues(body, p, present, encoding, type, dict);
    // The common case, one page without nulls, is already the column: no second copy.
    if (!defined && count === rows && values.length === rows) return values;
    out ??=
      type === "BOOLEAN"
        ? new Uint8Array(rows)
        : type === "BYTE_ARRAY"
          ? new Array<string>(rows)
          : new Float64Array(rows);
    scatter(values, defined, out, filled, count);
    filled += count;
  }
  return out ?? (type === "BOOLEAN" ? new Uint8Array(0) : type === "BYTE_ARRAY" ? [] : new Float64Array(0));
}

function pageValues(
  body: Uint8Array,
  p: number,
  n: number,
  encoding: number,
  type: string,
  dict: Float64Array | string[] | undefined,
): DecodedValues {
  if (encoding === 8 || encoding === 2) {
    if (!dict) throw new RangeError("parquet: dictionary page missing");
    const width = body[p]!;
    const ids = new Uint32Array(n);
    decodeHybrid(body, p + 1, body.length, width, ids, n);
    if (Array.isArray(dict)) return Array.from(ids, (id) => dict[id]!);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = dict[ids[i]!]!;
    return out;
  }
  if (encoding === 5) {
    const out = new Float64Array(n);
    decodeDelta(body, p, n, out, 0);
    return out;
  }
  if (encoding !== 0) throw new RangeError(`parquet: encoding ${encoding}`);
  if (type === "BOOLEAN") {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (body[p + (i >> 3)]! >> (i & 7)) & 1;
    return out;
  }
  if (type === "BYTE_ARRAY") return plainStrings(body.subarray(p), n);
  if (type === "DOUBLE") return plainDoubles(body, p, n);
  if (type === "INT64") {
    const words = new Int32Array(plainBytes(body, p, n * 8));
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = words[2 * i + 1]! * 4294967296 + (words[2 * i]! >>> 0);
    return out;
  }
  throw new RangeError(`parquet: physical type ${type}`);
}

/** Copies page values into the column at `start`, leaving NaN where a row is null. */
function scatter(
  values: DecodedValues,
  defined: Uint8Array | undefined,
  out: DecodedValues,
  start: number,
  count: number,
): void {
  if (!defined && values.length !== count) throw new RangeError("parquet: value count mismatch");
  if (Array.isArray(out)) {
    for (let i = 0; i < count; i++) out[start + i] = (values as string[])[i]!;
    return;
  }
  if (!defined) {
    (out as Float64Array).set(values as Float64Array, start);
    return;
  }
  const o = out as Float64Array;
  const v = values as Float64Array;
  let k = 0;
  for (let i = 0; i < count; i++) o[start + i] = defined[i] ? v[k++]! : Number.NaN;
  if (k !== v.length) throw new RangeError("parquet: value count mismatch");
}

/**
 * The definition levels of a page (a u32 length, then RLE/bit-packed width-1 levels) as runs: value, length,
 * value, length, ...; undefined when they hold a bit-packed group (scattered nulls), which the caller decodes
 * level by level instead.
 */
function levelRuns(body: Uint8Array, count: number): number[] | undefined {
  const end = 4 + new DataView(body.buffer, body.byteOffset).getUint32(0, true);
  if (end > body.length) throw new RangeError("parquet: levels end early");
  const runs: number[] = [];
  let at = 4;
  let seen = 0;
  while (seen < count) {
    if (at >= end) throw new RangeError("parquet: levels end early");
    let header = 0;
    let scale = 1;
    for (;;) {
      const b = body[at++]!;
      header += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    if (header % 2 === 1) return undefined;
    if (header < 2) throw new RangeError("parquet: empty run in levels");
    const run = Math.min(header / 2, count - seen);
    const level = body[at++]!;
    if (level > 1) throw new RangeError(`parquet: definition level ${level}`);
    runs.push(level, run);
    seen += run;
  }
  return runs;
}

/** Writes one page into out[start..]: each run of 1s takes the next PLAIN doubles from `at`, each run of 0s NaN. */
function doublesInto(
  body: Uint8Array,
  at: number,
  runs: readonly number[],
  out: Float64Array,
  start: number,
): void {
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  let p = at;
  let i = start;
  for (let r = 0; r < runs.length; r += 2) {
    const len = runs[r + 1]!;
    if (i + len > out.length) throw new RangeError("parquet: more values than rows");
    if (runs[r] === 0) out.fill(Number.NaN, i, i + len);
    else {
      if (p + len * 8 > body.length) throw new RangeError("parquet: page data ends early");
      // A byte copy: the page's doubles need not be 8-byte aligned in the file.
      bytes.set(body.subarray(p, p + len * 8), i * 8);
      p += len * 8;
    }
    i += len;
  }
  if (p !== body.length) throw new RangeError("parquet: value count mismatch");
}

/** An aligned copy of bytes [p, p + len) (Float64Array and Int32Array views need 8/4-byte alignment). */
function plainBytes(body: Uint8Array, p: number, len: number): ArrayBuffer {
  if (p + len > body.length) throw new RangeError("parquet: page data ends early");
  return body.buffer.slice(body.byteOffset + p, body.byteOffset + p + len) as ArrayBuffer;
}

function plainDoubles(body: Uint8Array, p: number, n: number): Float64Array {
  return new Float64Array(plainBytes(body, p, n * 8));
}

function plainStrings(body: Uint8Array, n: number): string[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const out: string[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = view.getUint32(at, true);
    if (at + 4 + len > body.length) throw new RangeError("parquet: string runs past the page");
    out[i] = utf8.decode(body.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return out;
}
