import { describe, expect, it } from "vitest";
import { encodeParquet } from "../../store/parquet/parquet.js";
import { decodeCandleFile, encodeCandleFile } from "./cache-file.js";

const f = (...v: number[]) => Float64Array.from(v);

describe("candle file", () => {
  it("round-trips candles with vwap and gap flags and records metadata", async () => {
    const candles = {
      ts: f(0, 60_000, 180_000),
      open: f(1, 2, 3),
      high: f(2, 3, 4),
      low: f(0.5, 1.5, 2.5),
      close: f(1.5, 2.5, 3.5),
      volume: f(10, 0, 30),
      vwap: f(1.2, 2.2, 3.2),
      gapFlag: Uint8Array.from([0, 0, 1]),
    };
    const out = await decodeCandleFile(encodeCandleFile(candles, { symbol: "SYN" }));
    expect(Array.from(out.candles.ts)).toEqual([0, 60_000, 180_000]);
    expect(Array.from(out.candles.vwap!)).toEqual([1.2, 2.2, 3.2]);
    expect(Array.from(out.candles.gapFlag)).toEqual([0, 0, 1]);
    expect(out.metadata).toMatchObject({ "studio.kind": "candles", symbol: "SYN" });
  });

  it("refuses a Parquet file that is not a candle file or whose time goes backwards", async () => {
    const other = encodeParquet([{ name: "ts_utc", type: "INT64", data: f(1, 2) }]);
    await expect(decodeCandleFile(other)).rejects.toThrow(/missing ts_utc or gap_flag/);
    const backwards = encodeCandleFile(
      {
        ts: f(2, 1),
        open: f(1, 1),
        high: f(1, 1),
        low: f(1, 1),
        close: f(1, 1),
        volume: f(1, 1),
        gapFlag: new Uint8Array(2),
      },
      {},
    );
    await expect(decodeCandleFile(backwards)).rejects.toThrow(/not strictly increasing at row 1/);
  });
});
