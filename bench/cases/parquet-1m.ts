/**
 * @module bench/cases/parquet-1m
 * The candle cache's file format on a million candles: encoding to Parquet (7 columns) and decoding back to
 * typed arrays, in memory (no disk), which is what a cache miss and a cache hit pay on top of the I/O.
 */
import type { BenchCase } from "../case.js";
import { MINUTE, minuteRequest } from "../case.js";
import { measure } from "../measure.js";

export const parquet1m: BenchCase = {
  name: "parquet_1m",
  summary: "candle Parquet encode and decode, 1M candles, in memory",
  async run(ctx) {
    const { decodeCandleFile, encodeCandleFile } = (await ctx.dist(
      "data/cache/cache-file.js",
    )) as typeof import("../../src/data/cache/cache-file.js");
    const { gapFlags } = (await ctx.dist(
      "data/quality/gap-flags.js",
    )) as typeof import("../../src/data/quality/gap-flags.js");
    const { generateSynthetic } = (await ctx.dist(
      "data/providers/synthetic/synthetic-generator.js",
    )) as typeof import("../../src/data/providers/synthetic/synthetic-generator.js");
    const c = generateSynthetic(minuteRequest(1_000_000));
    const candles = { ...c, gapFlag: gapFlags(c.ts, MINUTE) };
    let bytes: Uint8Array = new Uint8Array();
    ctx.record(
      await measure("parquet_write_1m", () => (bytes = encodeCandleFile(candles, {})), {
        // No-regression budgets: 12-21x (write) and 16-28x (read) measured on the 2-core development machine
        // (2026-12-01), quiet and busy, plus headroom.
        budgetX: 30,
        notes: "candle Parquet, 7 columns",
      }),
    );
    ctx.record(
      await measure("parquet_read_1m", () => decodeCandleFile(bytes), {
        budgetX: 40,
        notes: "candle Parquet to typed arrays",
      }),
    );
  },
};
