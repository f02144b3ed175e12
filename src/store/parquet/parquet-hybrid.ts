/**
 * @module store/parquet/parquet-hybrid
 * Parquet's RLE/bit-packed hybrid encoding, both ways, for the two places the studio uses it: definition levels
 * (width 1: which rows are null) and dictionary indices. Long runs of one value become RLE runs (a varint and
 * the value), anything else is bit-packed in groups of eight, so a column whose nulls are all at the start costs
 * a few bytes of levels and a piecewise-constant column a few bytes per change.
 * @see https://parquet.apache.org/docs/file-format/data-pages/encodings/ (RLE / Bit-Packing Hybrid)
 */
import type { ByteSink } from "./parquet-bytes.js";

/** Appends the hybrid encoding of `values` (each < 2^width, width <= 32) to `out`. */
export function encodeHybrid(values: ArrayLike<number>, width: number, out: ByteSink): void {
  const n = values.length;
  const valueBytes = (width + 7) >> 3;
  let pending = 0; // start of values not yet written, to be bit-packed
  let i = 0;
  while (i < n) {
    const v = values[i]!;
    let j = i + 1;
    while (j < n && values[j] === v) j++;
    // A bit-packed run must hold a multiple of 8 values, so the pending stretch borrows from this run to align.
    const pad = (8 - ((i - pending) % 8)) % 8;
    if (j - i - pad >= 8) {
      bitPack(values, pending, i + pad, width, out);
      out.varint((j - i - pad) * 2);
      for (let b = 0, x = v; b < valueBytes; b++, x = Math.floor(x / 256)) out.byte(x % 256);
      pending = j;
    }
    i = j;
  }
  bitPack(values, pending, n, width, out);
}

/** Bit-packs values [from, to) as one run, zero-padded to a multiple of 8 values. */
function bitPack(values: ArrayLike<number>, from: number, to: number, width: number, out: ByteSink): void {
  if (to <= from) return;
  const groups = Math.ceil((to - from) / 8);
  out.varint(groups * 2 + 1);
  out.bits(values, from, groups * 8, width);
}

/**
 * Decodes `count` values of width <= 32 from bytes[at, end) into `out` (starting at 0); returns the offset after
 * the last run read. Throws RangeError when the data ends early.
 */
export function decodeHybrid(
  bytes: Uint8Array,
  at: number,
  end: number,
  width: number,
  out: Uint32Array | Uint8Array,
  count: number,
): number {
  let seen = 0;
  const valueBytes = (width + 7) >> 3;
  while (seen < count) {
    if (at >= end) throw new RangeError("parquet: levels end early");
    let header = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[at++]!;
      header += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
    }
    // A zero-length run would never advance: damaged data, not an endless loop.
    if (header < 2) throw new RangeError("parquet: empty run in levels");
    if (header % 2 === 0) {
      const run = Math.min(header / 2, count - seen);
      let v = 0;
      for (let b = 0; b < valueBytes; b++) v += bytes[at++]! * 2 ** (8 * b);
      out.fill(v, seen, seen + run);
      seen += run;
    } else {
      const values = ((header - 1) / 2) * 8;
      const stop = Math.min(count, seen + values);
      if (at + (values * width) / 8 > end) throw new RangeError("parquet: levels end early");
      // Fewer than `width` pending bits plus 8 new ones stay below 2^32 for width <= 24.
      const mask = width === 32 ? 0xffffffff : 2 ** width - 1;
      let acc = 0;
      let bits = 0;
      let p = at;
      for (let k = seen; k < stop; k++) {
        if (width <= 24) {
          while (bits < width) {
            acc = (acc | (bytes[p++]! << bits)) >>> 0;
            bits += 8;
          }
          out[k] = acc & mask;
          acc >>>= width;
        } else {
          while (bits < width) {
            acc += bytes[p++]! * 2 ** bits;
            bits += 8;
          }
          const m = 2 ** width;
          out[k] = acc % m;
          acc = Math.floor(acc / m);
        }
        bits -= width;
      }
      at += (values * width) / 8;
      seen = stop;
    }
  }
  return at;
}
