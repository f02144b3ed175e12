import { describe, expect, it } from "vitest";
import { ByteSink } from "./parquet-bytes.js";
import { DELTA_LIMIT, decodeDelta, encodeDelta } from "./parquet-delta.js";
import { decodeHybrid, encodeHybrid } from "./parquet-hybrid.js";

function deltaRoundTrip(values: Float64Array): Float64Array {
  const sink = new ByteSink(8);
  encodeDelta(values, 0, values.length, sink);
  const out = new Float64Array(values.length);
  const end = decodeDelta(sink.view(), 0, values.length, out, 0);
  expect(end, "the decoder consumes exactly what the encoder wrote").toBe(sink.length);
  return out;
}

function firstBad(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : a.length;
}

describe("DELTA_BINARY_PACKED", () => {
  it("writes regular bar times in a few bytes per 128 values", () => {
    const ts = Float64Array.from({ length: 100_000 }, (_, i) => 1_700_000_000_000 + i * 60_000);
    const sink = new ByteSink(8);
    encodeDelta(ts, 0, ts.length, sink);
    expect(sink.length, "constant deltas: width-0 miniblocks").toBeLessThan((100_000 / 128) * 8 + 32);
    expect(firstBad(deltaRoundTrip(ts), ts)).toBe(-1);
  });

  it("round-trips gaps, negative steps, wide deltas and lengths that end mid-miniblock", () => {
    for (const n of [0, 1, 2, 31, 32, 33, 127, 128, 129, 1000]) {
      const v = Float64Array.from({ length: n }, (_, i) =>
        i % 97 === 0 ? -(2 ** 50) + i : i % 13 === 0 ? 2 ** 50 - i * 7 : i * 86_400_000 - (i % 5) * 3,
      );
      expect(firstBad(deltaRoundTrip(v), v), `n=${n}`).toBe(-1);
    }
    const edges = Float64Array.from([DELTA_LIMIT, -DELTA_LIMIT, DELTA_LIMIT, 0, -1, 1]);
    expect(firstBad(deltaRoundTrip(edges), edges), "deltas of 2^52 need 53-bit miniblocks").toBe(-1);
  });
});

describe("RLE/bit-packed hybrid", () => {
  it("round-trips levels and indices of every width, long runs and noise alike", () => {
    for (const width of [1, 2, 7, 8, 9, 17, 24, 31]) {
      const max = 2 ** width;
      const values = Uint32Array.from({ length: 5003 }, (_, i) =>
        i < 1000 ? 0 : i < 2000 ? max - 1 : (i * 2654435761) % max,
      );
      const sink = new ByteSink(8);
      encodeHybrid(values, width, sink);
      const out = new Uint32Array(values.length);
      decodeHybrid(sink.view(), 0, sink.length, width, out, values.length);
      expect(firstBad(out, values), `width ${width}`).toBe(-1);
    }
  });

  it("turns a run into a single RLE run of a few bytes", () => {
    const sink = new ByteSink(8);
    encodeHybrid(new Uint8Array(1_000_000).fill(1), 1, sink);
    expect(sink.length).toBeLessThanOrEqual(4);
  });
});
