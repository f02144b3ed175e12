/**
 * @module bench/cases/csv-parse-1m
 * The csv provider's parser on a 1,000,000-line file already in memory (ISO UTC times, prices with 4 decimals,
 * whole volumes: the layout exchanges and pandas write), and the sha256 of the same bytes, which a csv cache lookup pays on every run so that an edited
 * file is always seen.
 */
import { createHash } from "node:crypto";
import type { BenchCase } from "../case.js";
import { minuteRequest } from "../case.js";
import { measure } from "../measure.js";

type M<T> = Promise<T>;
const LINES = 1_000_000;

export const csvParse1m: BenchCase = {
  name: "csv_parse_1m",
  summary: "parse a 1M-line candle CSV in memory, and hash its bytes",
  async run(ctx) {
    const [{ generateSynthetic }, { parseCandleCsv }] = await Promise.all([
      ctx.dist("data/providers/synthetic/synthetic-generator.js") as M<
        typeof import("../../src/data/providers/synthetic/synthetic-generator.js")
      >,
      ctx.dist("data/providers/csv/csv-parse.js") as M<
        typeof import("../../src/data/providers/csv/csv-parse.js")
      >,
    ]);
    const request = minuteRequest(LINES);
    const c = generateSynthetic(request);
    const rows = ["time,open,high,low,close,volume"];
    for (let i = 0; i < LINES; i++) {
      rows.push(
        `${new Date(c.ts[i]!).toISOString()},${c.open[i]!.toFixed(4)},${c.high[i]!.toFixed(4)},${c.low[i]!.toFixed(4)},${c.close[i]!.toFixed(4)},${Math.round(c.volume[i]!)}`,
      );
    }
    const bytes = Buffer.from(`${rows.join("\n")}\n`);
    const mb = Math.round(bytes.length / 1e5) / 10;
    let parsed = 0;
    ctx.record(
      await measure(
        "csv_parse_1m",
        () => {
          parsed = parseCandleCsv(bytes, { file: "bench.csv", ...request }).candles.ts.length;
        },
        { runs: 5, notes: `${LINES.toLocaleString("en")} lines, ${mb} MB` },
      ),
    );
    if (parsed !== LINES) throw new Error(`csv_parse_1m parsed ${parsed} of ${LINES} lines`);
    ctx.record(
      await measure("csv_parse_1m.sha256", () => createHash("sha256").update(bytes).digest(), {
        runs: 5,
        notes: `sha256 of the ${mb} MB file`,
      }),
    );
  },
};
