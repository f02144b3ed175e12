/**
 * @module store/parquet/parquet-bytes
 * A growable byte buffer for the encoders that produce data of unknown length (levels, dictionary indices,
 * delta blocks): amortised doubling, varints by arithmetic so values up to 2^53 work.
 */
export class ByteSink {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Unsigned LEB128 of a non-negative integer below 2^53. */
  varint(n: number): void {
    this.ensure(8);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  /** Little-endian 32-bit unsigned integer. */
  u32(n: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer).setUint32(this.length, n, true);
    this.length += 4;
  }

  /**
   * Packs `count` values of `width` bits (each < 2^width, width <= 53), least significant bit first, as Parquet
   * bit-packing does; values past the end of `values` are zeros (padding). The last byte is zero-filled.
   */
  bits(values: ArrayLike<number>, from: number, count: number, width: number): void {
    if (width === 0) return;
    this.ensure(Math.ceil((count * width) / 8) + 1);
    const buf = this.buf;
    let at = this.length;
    let acc = 0;
    let nbits = 0;
    const end = Math.min(values.length, from + count);
    if (width <= 24) {
      // Integer fast path: fewer than 8 pending bits plus at most 24 new ones fit in 32.
      for (let i = from; i < from + count; i++) {
        acc = (acc | ((i < end ? values[i]! : 0) << nbits)) >>> 0;
        nbits += width;
        while (nbits >= 8) {
          buf[at++] = acc & 0xff;
          acc >>>= 8;
          nbits -= 8;
        }
      }
      if (nbits > 0) buf[at++] = acc;
      this.length = at;
      return;
    }
    for (let i = from; i < from + count; i++) {
      let v = i < end ? values[i]! : 0;
      let w = width;
      // At most 24 bits at a time keeps `acc` below 2^32, where double arithmetic is exact.
      while (w > 0) {
        const take = w < 24 ? w : 24;
        const scale = 2 ** take;
        const low = v % scale;
        acc += low * 2 ** nbits;
        nbits += take;
        v = (v - low) / scale;
        w -= take;
        while (nbits >= 8) {
          buf[at++] = acc & 0xff;
          acc = (acc - (acc & 0xff)) / 256;
          nbits -= 8;
        }
      }
    }
    if (nbits > 0) buf[at++] = acc;
    this.length = at;
  }

  /** The bytes written so far (a view: do not write more afterwards). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Little-endian INT64 bytes of a safe integer (two's complement for negatives). */
export function int64Bytes(v: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  const hi = Math.floor(v / 4294967296);
  view.setUint32(0, v - hi * 4294967296, true);
  view.setUint32(4, hi >>> 0, true);
  return out;
}

/** Little-endian IEEE 754 bytes of a double. */
export function doubleBytes(v: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, v, true);
  return out;
}
