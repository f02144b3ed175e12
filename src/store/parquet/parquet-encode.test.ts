import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { CODE_VERSION } from "../../core/code-version.js";
import { decodeParquet, encodeParquet, type ParquetColumn } from "./parquet.js";

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

  describe("a file with every column kind, nulls and dictionary pages", () => {
    const n = 3000;
    const ts = Float64Array.from(
      { length: n },
      (_, i) => 1_700_000_000_000 + i * 3_600_000 + (i > 1500 ? 86_400_000 : 0),
    );
    const warm = Float64Array.from({ length: n }, (_, i) => (i < 20 ? Number.NaN : Math.sin(i)));
    const holes = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? Number.NaN : i * 0.5 - 100));
    const cash = Float64Array.from({ length: n }, (_, i) => (i < 100 ? 0 : 10_000 - Math.floor(i / 50)));
    const zeros = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0 : -0));
    const none = new Float64Array(n).fill(Number.NaN);
    const flag = Uint8Array.from({ length: n }, (_, i) => (i === 1501 ? 1 : 0));
    const side = Array.from({ length: n }, (_, i) => (i % 3 ? "buy" : "sell"));
    const columns: ParquetColumn[] = [
      { name: "ts_utc", type: "TIMESTAMP", data: ts },
      { name: "bar", type: "INT64", data: Float64Array.from({ length: n }, (_, i) => i) },
      { name: "warm", type: "DOUBLE", data: warm },
      { name: "holes", type: "DOUBLE", data: holes },
      { name: "cash", type: "DOUBLE", data: cash },
      { name: "zeros", type: "DOUBLE", data: zeros },
      { name: "none", type: "DOUBLE", data: none },
      { name: "flag", type: "BOOLEAN", data: flag },
      { name: "side", type: "STRING", data: side },
    ];
    const bytes = encodeParquet(columns, { k: "v" });

    it("round-trips through the studio's reader, nulls back to NaN", async () => {
      const t = await decodeParquet(bytes);
      for (const c of columns) {
        const got = t.columns[c.name]!;
        const want = c.data;
        let bad = -1;
        for (let i = 0; i < n && bad < 0; i++) if (!Object.is(got[i], want[i])) bad = i;
        expect(bad, `${c.name}: first differing row`).toBe(-1);
      }
    });

    it("reads the same through hyparquet (DELTA, dictionaries, definition levels), timestamps as dates", async () => {
      const rows = (await parquetReadObjects({ file: bytes.buffer as ArrayBuffer })) as Record<
        string,
        unknown
      >[];
      expect(rows.length).toBe(n);
      let bad = "";
      for (let i = 0; i < n && !bad; i++) {
        const r = rows[i]!;
        if ((r.ts_utc as Date).getTime() !== ts[i]) bad = `ts_utc[${i}]`;
        else if (Number(r.bar) !== i) bad = `bar[${i}]`;
        else if ((r.warm ?? Number.NaN) !== warm[i] && !(r.warm === null && Number.isNaN(warm[i])))
          bad = `warm[${i}]`;
        else if (r.holes !== (Number.isNaN(holes[i]) ? null : holes[i])) bad = `holes[${i}]`;
        else if (r.cash !== cash[i] || !Object.is(r.zeros, zeros[i]) || r.none !== null)
          bad = `cash/zeros/none[${i}]`;
        else if (r.flag !== (flag[i] === 1) || r.side !== side[i]) bad = `flag/side[${i}]`;
      }
      expect(bad, "first differing value").toBe("");
      expect(parquetMetadata(bytes.buffer as ArrayBuffer).created_by).toBe(
        `backtest-studio version ${CODE_VERSION}`,
      );
    });

    it("tells DuckDB the types, encodings and statistics: UTC ms timestamps, nulls, min/max without NaN", async () => {
      const file = save(bytes);
      const schema = await duck(
        file,
        "select name, type, converted_type, repetition_type, logical_type from parquet_schema($FILE) where type is not null",
      );
      expect(schema.map((r) => [r.name, r.type, r.converted_type, r.repetition_type])).toEqual([
        ["ts_utc", "INT64", "TIMESTAMP_MILLIS", "REQUIRED"],
        ["bar", "INT64", null, "REQUIRED"],
        ["warm", "DOUBLE", null, "OPTIONAL"],
        ["holes", "DOUBLE", null, "OPTIONAL"],
        ["cash", "DOUBLE", null, "OPTIONAL"],
        ["zeros", "DOUBLE", null, "OPTIONAL"],
        ["none", "DOUBLE", null, "OPTIONAL"],
        ["flag", "BOOLEAN", null, "REQUIRED"],
        ["side", "BYTE_ARRAY", "UTF8", "REQUIRED"],
      ]);
      expect(String(schema[0]!.logical_type)).toMatch(/isAdjustedToUTC=1.*MILLIS=MilliSeconds\(\)/);
      const meta = await duck(
        file,
        "select path_in_schema as c, encodings as e, stats_min_value as lo, stats_max_value as hi, stats_null_count as nulls from parquet_metadata($FILE)",
      );
      const by = Object.fromEntries(meta.map((r) => [r.c, r]));
      expect(by.ts_utc).toMatchObject({ e: "DELTA_BINARY_PACKED, RLE", nulls: 0n });
      expect(by.bar).toMatchObject({ e: "DELTA_BINARY_PACKED, RLE", lo: "0", hi: String(n - 1) });
      expect(by.warm).toMatchObject({ e: "PLAIN, RLE", nulls: 20n });
      // Row 2999 (1399.5) is NaN, so the maximum is row 2998's 1399.
      expect(by.holes).toMatchObject({ lo: "-100.0", hi: "1399.0", nulls: BigInt(Math.ceil((n - 3) / 7)) });
      expect(by.cash).toMatchObject({ e: "PLAIN, RLE, RLE_DICTIONARY", lo: "-0.0", hi: "9998.0" }); // 0 for 100 rows, then 10000 - floor(i / 50) from i = 100
      expect(by.zeros).toMatchObject({ lo: "-0.0", hi: "0.0" });
      expect(by.none).toMatchObject({ lo: null, hi: null, nulls: BigInt(n) });
      expect(by.flag).toMatchObject({ lo: "false", hi: "true" });
      expect(by.side).toMatchObject({ e: "PLAIN, RLE, RLE_DICTIONARY", lo: "buy", hi: "sell" });
      const [agg] = await duck(
        file,
        "select count(warm) as defined, count(*) filter (holes is null) as holes, max(ts_utc) = make_timestamptz($LAST::bigint * 1000) as last from $FILE".replace(
          "$LAST",
          String(ts[n - 1]),
        ),
      );
      expect(agg).toEqual({ defined: BigInt(n - 20), holes: BigInt(Math.ceil((n - 3) / 7)), last: true });
      const [created] = await duck(file, "select created_by from parquet_file_metadata($FILE)");
      expect(created!.created_by).toBe(`backtest-studio version ${CODE_VERSION}`);
    });
  });
});
