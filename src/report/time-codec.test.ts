import { describe, expect, it } from "vitest";
import { decodeTimes, encodeTimes } from "./time-codec.js";

const M = 60_000;
const T0 = Date.UTC(2020, 0, 1);

describe("time codec", () => {
  it("writes times as neighbour differences in the largest common step, and restores them exactly", () => {
    const data = {
      title: "x",
      series: { equity: { t: [T0, T0 + 2 * M, T0 + 6 * M], y: [1, 2, 3] } },
      candles: [{ bars: 1, t: [T0, T0 + 4 * M] }],
      trades: { total: 1, columns: { entry_ts: [T0 + 2 * M], exit_ts: [T0 + 6 * M], qty: [5] } },
      markers: { entryTs: [T0 + 2 * M], exitTs: [T0 + 6 * M], levels: { ts: [T0 + 2 * M, T0 + 4 * M] } },
    };
    const before = JSON.stringify(data);
    const enc = encodeTimes(data);
    // Every time is T0 plus a multiple of 2 minutes: unit 2 minutes, base T0.
    expect(enc.timeCodec).toEqual({ base: T0, unit: 2 * M });
    expect(enc.series.equity.t).toEqual([0, 1, 2]);
    expect(enc.candles[0]!.t).toEqual([0, 2]);
    expect(enc.trades.columns.entry_ts).toEqual([1]);
    expect(enc.markers.levels.ts).toEqual([1, 1]);
    expect(enc.series.equity.y, "values other than times are left alone").toEqual([1, 2, 3]);
    expect(JSON.stringify(data), "the input is not changed").toBe(before);
    const back = decodeTimes(JSON.parse(JSON.stringify(enc)));
    delete (back as { timeCodec?: unknown }).timeCodec;
    expect(JSON.stringify(back)).toBe(before);
  });

  it("handles a report without times (unit 1) and data without a codec", () => {
    const enc = encodeTimes({ series: {}, candles: [] });
    expect(enc.timeCodec).toEqual({ base: 0, unit: 1 });
    const plain = { series: { equity: { t: [5] } } };
    expect(decodeTimes(plain)).toBe(plain);
    expect(plain.series.equity.t).toEqual([5]);
  });
});
