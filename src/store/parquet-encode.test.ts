import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { decodeParquet, encodeParquet } from "./parquet.js";

async function duck(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const con = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    return (await con.runAndReadAll(sql.replaceAll("$FILE", `'${file}'`))).getRowObjects();
  } finally {
    con.closeSync();
  }
}

function save(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pqe-")), "t.parquet");
  writeFileSync(file, bytes);
  return file;
}

describe("parquet encoder", () => {
  it("splits long columns into pages that hyparquet and DuckDB both read back exactly", async () => {
    const n = (1 << 20) + 12_345;
    const ts = new Float64Array(n);
    const x = new Float64Array(n);
    const flag = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      ts[i] = 1_600_000_000_000 + i * 60_000;
      x[i] = Math.sin(i) * 1e6;
      flag[i] = i % 7 === 0 ? 1 : 0;
    }
    const bytes = encodeParquet([
      { name: "ts_utc", type: "INT64", data: ts },
      { name: "x", type: "DOUBLE", data: x },
      { name: "flag", type: "BOOLEAN", data: flag },
    ]);
    const table = await decodeParquet(bytes);
    expect(table.rowCount).toBe(n);
    expect(
      Buffer.from((table.columns.x as Float64Array).buffer).equals(Buffer.from(x.buffer)),
      "doubles bit-identical",
    ).toBe(true);
    expect((table.columns.ts_utc as Float64Array)[n - 1]).toBe(ts[n - 1]);
    expect(Array.from((table.columns.flag as Uint8Array).subarray(1_048_570, 1_048_590))).toEqual(
      Array.from(flag.subarray(1_048_570, 1_048_590)),
    );
    const file = save(bytes);
    const [agg] = await duck(
      file,
      "select count(*) as n, sum(flag::int) as flags, max(ts_utc) as last, sum(x) as sx from $FILE",
    );
    let flags = 0;
    let sx = 0;
    for (let i = 0; i < n; i++) {
      flags += flag[i]!;
      sx += x[i]!;
    }
    expect(agg!.n).toBe(BigInt(n));
    expect(Number(agg!.flags)).toBe(flags);
    expect(agg!.last).toBe(BigInt(ts[n - 1]!));
    expect(Math.abs((agg!.sx as number) - sx), "DuckDB sums the same doubles").toBeLessThan(1e-3);
  });

  it("writes negative integers, Unicode strings and empty tables", async () => {
    const bytes = encodeParquet([
      { name: "v", type: "INT64", data: Float64Array.from([-1, -(2 ** 40), 2 ** 53 - 1]) },
      { name: "s", type: "STRING", data: ["ä", "", '日本 "q", x'] },
    ]);
    const rows = await duck(save(bytes), "select v, s from $FILE");
    expect(rows).toEqual([
      { v: -1n, s: "ä" },
      { v: -(2n ** 40n), s: "" },
      { v: 2n ** 53n - 1n, s: '日本 "q", x' },
    ]);
    const empty = encodeParquet([{ name: "ts_utc", type: "INT64", data: new Float64Array(0) }]);
    expect((await decodeParquet(empty)).rowCount).toBe(0);
    expect(await duck(save(empty), "select count(*) as n from $FILE")).toEqual([{ n: 0n }]);
  });

  it("refuses non-integer values in INT64 columns", () => {
    expect(() => encodeParquet([{ name: "ts_utc", type: "INT64", data: Float64Array.from([1.5]) }])).toThrow(
      /not an integer/,
    );
  });
});
