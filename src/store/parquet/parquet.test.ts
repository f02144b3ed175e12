import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { decodeParquet, encodeParquet } from "./parquet.js";

const ts = Float64Array.from([1_700_000_000_000, 1_700_000_060_000, 1_700_000_120_000]);
const close = Float64Array.from([1.5, Number.NaN, -2.25]);
const flag = Uint8Array.from([0, 1, 0]);
const side = ["buy", "sell", "buy"];

function sample(): Uint8Array {
  return encodeParquet(
    [
      { name: "ts_utc", type: "INT64", data: ts },
      { name: "close", type: "DOUBLE", data: close },
      { name: "gap_flag", type: "BOOLEAN", data: flag },
      { name: "side", type: "STRING", data: side },
    ],
    { source: "test" },
  );
}

describe("parquet", () => {
  it("round-trips every column type exactly, NaN included", async () => {
    const table = await decodeParquet(sample());
    expect(table.rowCount).toBe(3);
    expect(Array.from(table.columns.ts_utc as Float64Array)).toEqual(Array.from(ts));
    expect(Object.is((table.columns.close as Float64Array)[1], Number.NaN), "NaN stays NaN").toBe(true);
    expect(Array.from(table.columns.gap_flag as Uint8Array)).toEqual([0, 1, 0]);
    expect(table.columns.side).toEqual(side);
    expect(table.metadata.source).toBe("test");
  });

  it("writes files DuckDB reads as BIGINT, DOUBLE, BOOLEAN and VARCHAR", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pq-"));
    const file = path.join(dir, "t.parquet");
    writeFileSync(file, sample());
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const schema = await con.runAndReadAll(
      `select name, duckdb_type from parquet_schema('${file}') where type is not null`,
    );
    expect(schema.getRowObjects()).toEqual([
      { name: "ts_utc", duckdb_type: "BIGINT" },
      { name: "close", duckdb_type: "DOUBLE" },
      { name: "gap_flag", duckdb_type: "BOOLEAN" },
      { name: "side", duckdb_type: "VARCHAR" },
    ]);
    const rows = await con.runAndReadAll(
      `select ts_utc, close, gap_flag, side from '${file}' order by ts_utc`,
    );
    expect(rows.getRowObjects()[2]).toEqual({
      ts_utc: 1_700_000_120_000n,
      close: -2.25,
      gap_flag: false,
      side: "buy",
    });
    con.closeSync();
  });

  it("refuses a truncated file with DATA_INVALID", async () => {
    const bytes = sample();
    await expect(decodeParquet(bytes.subarray(0, bytes.length - 10))).rejects.toMatchObject({
      code: "DATA_INVALID",
    });
  });

  it("round-trips INT64 values across the whole safe-integer range, negatives included", async () => {
    const values = Float64Array.from([
      0,
      -1,
      4294967295,
      4294967296,
      -(2 ** 40) - 5,
      2 ** 53 - 1,
      -(2 ** 53) + 1,
    ]);
    const table = await decodeParquet(encodeParquet([{ name: "v", type: "INT64", data: values }]));
    expect(Array.from(table.columns.v as Float64Array)).toEqual(Array.from(values));
  });

  it("reads only the requested columns", async () => {
    const table = await decodeParquet(sample(), ["close"]);
    expect(Object.keys(table.columns)).toEqual(["close"]);
  });

  it("reads another writer's compressed file (DuckDB, snappy) with hyparquet: times as epoch ms, nulls as NaN", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pq-foreign-"));
    const file = path.join(dir, "duck.parquet");
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    await con.run(
      `COPY (SELECT make_timestamptz(1700000000000000 + i * 60000000) AS ts_utc,
                    CASE WHEN i < 3 THEN NULL ELSE i * 1.5 END AS x, i % 2 = 0 AS flag, 'v' || i AS s
             FROM range(10) t(i)) TO '${file}' (FORMAT parquet, COMPRESSION snappy)`,
    );
    con.closeSync();
    const table = await decodeParquet(new Uint8Array(readFileSync(file)));
    expect(Array.from(table.columns.ts_utc as Float64Array)).toEqual(
      Array.from({ length: 10 }, (_, i) => 1_700_000_000_000 + i * 60_000),
    );
    expect(Array.from(table.columns.x as Float64Array)).toEqual([
      NaN,
      NaN,
      NaN,
      4.5,
      6,
      7.5,
      9,
      10.5,
      12,
      13.5,
    ]);
    expect(Array.from(table.columns.flag as Uint8Array)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect((table.columns.s as string[])[9]).toBe("v9");
  });

  it("answers damaged page data with DATA_INVALID or a clean decode, never a hang or another error", async () => {
    const n = 500;
    const good = encodeParquet([
      {
        name: "ts_utc",
        type: "TIMESTAMP",
        data: Float64Array.from({ length: n }, (_, i) => 1e12 + i * 60_000),
      },
      {
        name: "x",
        type: "DOUBLE",
        data: Float64Array.from({ length: n }, (_, i) => (i < 9 ? Number.NaN : i % 5)),
      },
      { name: "s", type: "STRING", data: Array.from({ length: n }, (_, i) => (i % 2 ? "buy" : "sell")) },
    ]);
    // Deterministic byte flips over the data pages (the footer's own checks are hyparquet's).
    let seed = 7;
    const others: string[] = [];
    for (let k = 0; k < 300; k++) {
      const bytes = good.slice();
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[4 + (seed % (good.length / 2))] ^= 1 + (seed % 255);
      await decodeParquet(bytes).catch((err: { code?: string; message: string }) => {
        if (err.code !== "DATA_INVALID") others.push(err.message);
      });
    }
    expect(others, "every failure is DATA_INVALID").toEqual([]);
  });
});
