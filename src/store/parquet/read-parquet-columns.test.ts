import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { decodeParquet, encodeParquet } from "./parquet.js";
import { readParquetColumns } from "./read-parquet-columns.js";

const dir = mkdtempSync(path.join(tmpdir(), "pq-column-"));
const n = 5000;
const ts = Float64Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i * 60_000);
const close = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? Number.NaN : 100 + Math.sin(i)));
const cash = Float64Array.from({ length: n }, (_, i) => (i < 2000 ? 1000 : 750.5));
const flag = Uint8Array.from({ length: n }, (_, i) => (i % 11 === 0 ? 1 : 0));
const side = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "sell" : "buy"));
const file = path.join(dir, "t.parquet");
const bytes = encodeParquet([
  { name: "ts_utc", type: "TIMESTAMP", data: ts },
  { name: "close", type: "DOUBLE", data: close },
  { name: "cash", type: "DOUBLE", data: cash },
  { name: "gap_flag", type: "BOOLEAN", data: flag },
  { name: "side", type: "STRING", data: side },
]);
writeFileSync(file, bytes);

/** Equal as the decoder sees values: NaN equals NaN, +0 and -0 apart. */
function firstDifference(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe("readParquetColumns", () => {
  it("reads each column of a studio file as decodeParquet reads it from the whole file", async () => {
    const whole = await decodeParquet(bytes);
    for (const name of ["ts_utc", "close", "cash", "gap_flag", "side"]) {
      const one = await readParquetColumns(file, [name]);
      expect(one.size).toBe(bytes.length);
      expect(one.rowCount).toBe(n);
      expect(Object.keys(one.columns)).toEqual([name]);
      expect(firstDifference(one.columns[name]!, whole.columns[name]!), `${name}: first differing row`).toBe(
        -1,
      );
    }
    const two = await readParquetColumns(file, ["side", "close"]);
    expect(Object.keys(two.columns), "in the order asked for").toEqual(["side", "close"]);
  });

  it("reads another writer's compressed file through the whole-file decoder", async () => {
    const foreign = path.join(dir, "duckdb.parquet");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(
      `COPY (SELECT i::BIGINT * 3 AS v, i::DOUBLE / 2 AS x FROM range(1000) t(i)) TO '${foreign}' (FORMAT parquet, COMPRESSION snappy)`,
    );
    con.closeSync();
    const x = (await readParquetColumns(foreign, ["x"])).columns.x as Float64Array;
    expect(x.length).toBe(1000);
    expect([x[0], x[1], x[999]]).toEqual([0, 0.5, 499.5]);
  });

  it("refuses a missing column and a file that is not Parquet with DATA_INVALID", async () => {
    await expect(readParquetColumns(file, ["close", "nope"])).rejects.toMatchObject({
      code: "DATA_INVALID",
      message: expect.stringContaining('no column "nope"'),
    });
    const junk = path.join(dir, "junk.parquet");
    writeFileSync(junk, "not a parquet file at all");
    await expect(readParquetColumns(junk, ["ts_utc"])).rejects.toMatchObject({ code: "DATA_INVALID" });
  });
});
