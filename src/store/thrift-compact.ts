/**
 * @module store/thrift-compact
 * A minimal Thrift compact-protocol encoder: exactly what a Parquet footer and page headers need (structs, lists,
 * i32/i64 varints, binary/strings, and empty structs for logical types). Values are described as data
 * (`ThriftStruct`), so the Parquet encoder reads like the Parquet spec's IDL.
 * @see https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md
 */

const T = { I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

export type ThriftValue =
  | { readonly i32: number }
  | { readonly i64: number }
  | { readonly str: string }
  | { readonly struct: ThriftStruct }
  | { readonly list: "i32"; readonly items: readonly number[] }
  | { readonly list: "str"; readonly items: readonly string[] }
  | { readonly list: "struct"; readonly items: readonly ThriftStruct[] };

/** Field id -> value; undefined fields are omitted. */
export type ThriftStruct = Readonly<Record<number, ThriftValue | undefined>>;

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
      const type = typeOf(value);
      const delta = id - last;
      if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
      else {
        this.bytes.push(type);
        this.varint(zigzag(id));
      }
      this.value(value);
      last = id;
    }
    this.bytes.push(0);
  }

  private value(v: ThriftValue): void {
    if ("i32" in v) this.varint(zigzag(v.i32));
    else if ("i64" in v) this.varint(zigzag(v.i64));
    else if ("str" in v) this.binary(new TextEncoder().encode(v.str));
    else if ("struct" in v) this.struct(v.struct);
    else {
      const elem = v.list === "i32" ? T.I32 : v.list === "str" ? T.BINARY : T.STRUCT;
      const n = v.items.length;
      if (n < 15) this.bytes.push((n << 4) | elem);
      else {
        this.bytes.push(0xf0 | elem);
        this.varint(n);
      }
      for (const item of v.items) {
        if (v.list === "i32") this.varint(zigzag(item as number));
        else if (v.list === "str") this.binary(new TextEncoder().encode(item as string));
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
  if ("str" in v) return T.BINARY;
  if ("struct" in v) return T.STRUCT;
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
