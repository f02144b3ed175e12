/**
 * @module report/time-codec
 * Times take most of a report's bytes when written as epoch milliseconds (13 digits each, and a million-bar run
 * ships hundreds of thousands of them). Every time array of the report's data is therefore written as the
 * differences between neighbours in units of the largest step that divides them all (a minute for 1m bars),
 * which are a few digits each, and restored in the page right after parsing. Integers below 2^53 throughout,
 * so the page gets back exactly the times the writer had.
 */

type Holder = Record<string, unknown>;

export interface TimeCodec {
  /** The first value is written as (value - base) / unit. */
  readonly base: number;
  readonly unit: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Every array of times in a report's data (objects holding them, and the key). */
function timeArrays(data: Holder): [Holder, string][] {
  const out: [Holder, string][] = [];
  const add = (o: unknown, key: string) => {
    if (o && typeof o === "object" && Array.isArray((o as Holder)[key])) out.push([o as Holder, key]);
  };
  const series = (data.series ?? {}) as Holder;
  for (const s of Object.values(series)) add(s, "t");
  for (const c of (data.candles ?? []) as unknown[]) add(c, "t");
  const cols = ((data.trades ?? {}) as Holder).columns;
  add(cols, "entry_ts");
  add(cols, "exit_ts");
  const markers = (data.markers ?? {}) as Holder;
  add(markers, "entryTs");
  add(markers, "exitTs");
  add(markers.levels, "ts");
  return out;
}

/** A copy of `data` with its time arrays delta-encoded and `timeCodec` set; other values are shared. */
export function encodeTimes<T extends object>(data: T): T & { timeCodec: TimeCodec } {
  const copy = structuredCopy(data as unknown as Holder);
  const arrays = timeArrays(copy);
  let base = Number.POSITIVE_INFINITY;
  for (const [o, k] of arrays) for (const v of o[k] as number[]) if (v < base) base = v;
  if (!Number.isFinite(base)) base = 0;
  let unit = 0;
  for (const [o, k] of arrays) {
    let prev = base;
    for (const v of o[k] as number[]) {
      unit = gcd(unit, v - prev);
      prev = v;
    }
  }
  unit ||= 1;
  for (const [o, k] of arrays) {
    const src = o[k] as number[];
    const out = new Array<number>(src.length);
    let prev = base;
    for (let i = 0; i < src.length; i++) {
      out[i] = (src[i]! - prev) / unit;
      prev = src[i]!;
    }
    o[k] = out;
  }
  return Object.assign(copy, { timeCodec: { base, unit } }) as unknown as T & { timeCodec: TimeCodec };
}

/** Restores the times `encodeTimes` wrote, in place; data without `timeCodec` is returned as it is. */
export function decodeTimes<T extends object>(data: T): T {
  const codec = (data as Holder).timeCodec as TimeCodec | undefined;
  if (!codec) return data;
  for (const [o, k] of timeArrays(data as unknown as Holder)) {
    const a = o[k] as number[];
    let prev = codec.base;
    for (let i = 0; i < a.length; i++) {
      prev += a[i]! * codec.unit;
      a[i] = prev;
    }
  }
  return data;
}

/** Copies the objects on the way to the time arrays (and the arrays' holders), not the other values. */
function structuredCopy(data: Holder): Holder {
  const shallow = (o: unknown): Holder => ({ ...(o as Holder) });
  const out = shallow(data);
  if (out.series) {
    const s = shallow(out.series);
    for (const k of Object.keys(s)) s[k] = shallow(s[k]);
    out.series = s;
  }
  if (Array.isArray(out.candles)) out.candles = out.candles.map(shallow);
  if (out.trades) {
    const t = shallow(out.trades);
    if (t.columns) t.columns = shallow(t.columns);
    out.trades = t;
  }
  if (out.markers) {
    const m = shallow(out.markers);
    if (m.levels) m.levels = shallow(m.levels);
    out.markers = m;
  }
  return out;
}
