/**
 * @module store/parquet/thrift-compact
 * A minimal Thrift compact-protocol codec: exactly what Parquet footers and page headers need. Writing takes
 * values described as data (`ThriftStruct`: structs, lists, i32/i64 varints, booleans, strings and raw binary,
 * empty structs for logical types), so the Parquet encoder reads like the Parquet spec's IDL. Reading
 * (`decodeStruct`) returns fields by id, which is all the studio's page reader needs from a page header.
 * @see https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md
 */

const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
} as const;
const STRUCT = 12;
const MAP = 11;

export type ThriftValue =
  | { readonly i32: number }
  | { readonly i64: number }
  | { readonly bool: boolean }
  | { readonly str: string }
  | { readonly bin: Uint8Array }
  | { readonly struct: ThriftStruct }
  | { readonly list: "i32"; readonly items: readonly number[] }
  | { readonly list: "str"; readonly items: readonly string[] }
  | { readonly list: "struct"; readonly items: readonly ThriftStruct[] };

/** Field id -> value; undefined fields are omitted. */
export type ThriftStruct = Readonly<Record<number, ThriftValue | undefined>>;

const utf8 = new TextEncoder();

export class CompactWriter {
  private bytes: number[] = [];

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  struct(s: ThriftStruct): void {
    let last = 0;
    const ids = Object.keys(s)
      .map(Number)
      .filter((id) => s[id] !== undefined)
      .sort((a, b) => a - b);
    for (const id of ids) {
      const value = s[id]!;
      // Compact protocol: a boolean field's value is its type nibble (1 true, 2 false), with no payload.
      const type = "bool" in value ? (value.bool ? T.TRUE : T.FALSE) : typeOf(value);
      const delta = id - last;
      if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
      else {
        this.bytes.push(type);
        this.varint(zigzag(id));
      }
      if (!("bool" in value)) this.value(value);
      last = id;
    }
    this.bytes.push(0);
  }

  private value(v: ThriftValue): void {
    if ("i32" in v) this.varint(zigzag(v.i32));
    else if ("i64" in v) this.varint(zigzag(v.i64));
    else if ("str" in v) this.binary(utf8.encode(v.str));
    else if ("bin" in v) this.binary(v.bin);
    else if ("struct" in v) this.struct(v.struct);
    else if ("list" in v) {
      const elem = v.list === "i32" ? T.I32 : v.list === "str" ? T.BINARY : STRUCT;
      const n = v.items.length;
      if (n < 15) this.bytes.push((n << 4) | elem);
      else {
        this.bytes.push(0xf0 | elem);
        this.varint(n);
      }
      for (const item of v.items) {
        if (v.list === "i32") this.varint(zigzag(item as number));
        else if (v.list === "str") this.binary(utf8.encode(item as string));
        else this.struct(item as ThriftStruct);
      }
    }
  }

  private binary(b: Uint8Array): void {
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
  }

  /** Unsigned LEB128 of a non-negative safe integer (arithmetic, not bit ops, so values up to 2^53 work). */
  private varint(n: number): void {
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.bytes.push(n);
  }
}

function typeOf(v: ThriftValue): number {
  if ("i32" in v) return T.I32;
  if ("i64" in v) return T.I64;
  if ("str" in v || "bin" in v) return T.BINARY;
  if ("struct" in v) return STRUCT;
  return T.LIST;
}

/** Zigzag mapping of a safe integer: 0,-1,1,-2 -> 0,1,2,3. */
function zigzag(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`thrift: ${n} is not a safe integer`);
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

export function encodeStruct(s: ThriftStruct): Uint8Array {
  const w = new CompactWriter();
  w.struct(s);
  return w.finish();
}

/** A decoded struct: field id -> number (integers, booleans as 0/1), bytes, nested struct or list. */
export interface DecodedStruct {
  readonly [id: number]: number | Uint8Array | DecodedStruct | DecodedField[] | undefined;
}
type DecodedField = number | Uint8Array | DecodedStruct | DecodedField[];

/** Decodes one struct at `offset`; returns it and the offset just past it. Throws RangeError on bad input. */
export function decodeStruct(bytes: Uint8Array, offset: number): { value: DecodedStruct; end: number } {
  const r = { bytes, at: offset };
  const value = readStruct(r);
  return { value, end: r.at };
}

interface Reader {
  readonly bytes: Uint8Array;
  at: number;
}

function byte(r: Reader): number {
  if (r.at >= r.bytes.length) throw new RangeError("thrift: unexpected end of data");
  return r.bytes[r.at++]!;
}

function readVarint(r: Reader): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    const b = byte(r);
    n += (b & 0x7f) * scale;
    if (b < 0x80) return n;
    scale *= 0x80;
    if (scale > 2 ** 63) throw new RangeError("thrift: varint too long");
  }
}

const unzigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

function readStruct(r: Reader): DecodedStruct {
  const out: Record<number, DecodedField> = {};
  let last = 0;
  for (;;) {
    const head = byte(r);
    if (head === 0) return out;
    const type = head & 0x0f;
    const id = head >> 4 === 0 ? unzigzag(readVarint(r)) : last + (head >> 4);
    out[id] = type === T.TRUE ? 1 : type === T.FALSE ? 0 : readValue(r, type);
    last = id;
  }
}

function readValue(r: Reader, type: number): DecodedField {
  switch (type) {
    case T.TRUE:
    case T.FALSE:
      return byte(r) === 1 ? 1 : 0; // inside lists a boolean is one byte
    case T.BYTE:
      return byte(r);
    case T.I16:
    case T.I32:
    case T.I64:
      return unzigzag(readVarint(r));
    case T.DOUBLE:
      r.at += 8;
      return 0;
    case T.BINARY: {
      const n = readVarint(r);
      if (r.at + n > r.bytes.length) throw new RangeError("thrift: binary runs past the data");
      const b = r.bytes.subarray(r.at, r.at + n);
      r.at += n;
      return b;
    }
    case T.LIST:
    case T.SET: {
      const head = byte(r);
      const n = head >> 4 === 15 ? readVarint(r) : head >> 4;
      const items: DecodedField[] = [];
      for (let i = 0; i < n; i++) items.push(readValue(r, head & 0x0f));
      return items;
    }
    case MAP:
      throw new RangeError("thrift: maps are not used by Parquet headers");
    case STRUCT:
      return readStruct(r);
    default:
      throw new RangeError(`thrift: unknown field type ${type}`);
  }
}
